import { describe, expect, it } from 'vitest';
import { demoSeedPath, loadSeedFile } from './seed.js';
import { servingBanner } from './serving-banner.js';

const url = 'http://127.0.0.1:41234';
const demo = loadSeedFile(demoSeedPath);

describe('servingBanner', () => {
  it("gives each demo app's SDKAppID, admin, groups and published key, saying whose it is", () => {
    const banner = servingBanner(url, demo, true);
    expect(banner.split('\n')[0]).toBe(
      `avchatroom-emulator: serving ${url} (control API at ${url}/__emulator/)`,
    );
    for (const app of demo.apps) {
      expect(banner).toContain(
        `SDKAppID ${app.sdkAppId} (${app.edition} edition): admin identifier administrator, secret key ${app.secretKey}`,
      );
    }
    expect(banner).toContain('@TGS#aLIVEDEMO (AVChatRoom)');
    expect(banner).toContain("These keys are the demo seed's, published with the package");
  });

  it('never shows the key of a seed that is not the demo', () => {
    const seed = {
      apps: [{ sdkAppId: 1400000009, secretKey: 'SENTINEL-own-key', admins: ['ops', 'root'] }],
      groups: Array.from({ length: 7 }, (_, index) => ({
        sdkAppId: 1400000009,
        groupId: `@TGS#g${index}`,
        type: 'AVChatRoom' as const,
      })),
    };
    const banner = servingBanner(url, seed, false);
    expect(banner).not.toContain('SENTINEL');
    expect(banner).toContain(
      'SDKAppID 1400000009 (pro edition): admin identifier ops or root, secret key from your seed (not shown)',
    );
    expect(banner).toContain('@TGS#g4 (AVChatRoom), and 2 more');
  });
});
