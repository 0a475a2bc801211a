import { describe, expect, it } from 'vitest';
import type { EmulatorOptions } from './emulator-options.js';
import { resolveEmulatorOptions } from './resolve-emulator-options.js';
import { demoSeedPath, type EmulatorSeed, loadSeedFile } from './seed.js';
import { bundledSpec } from './spec-facts.js';

const smallSeed: EmulatorSeed = {
  apps: [{ sdkAppId: 1400000001, secretKey: 'key', admins: ['administrator'] }],
  groups: [{ sdkAppId: 1400000001, groupId: '@TGS#aROOM' }],
};

describe('resolveEmulatorOptions', () => {
  it('takes its defaults from the spec: 500 per page, a 40 s snapshot, each operation its own calls/s, code 60007', () => {
    expect(resolveEmulatorOptions({})).toEqual({
      spec: bundledSpec,
      seed: loadSeedFile(demoSeedPath),
      host: '127.0.0.1',
      port: 0,
      pageSize: 500,
      snapshotRefreshMs: 40_000,
      callsPerSecond: undefined,
      rateLimitErrorCode: 60007,
      latencyMs: 0,
    });
  });

  it('keeps every option given', () => {
    expect(
      resolveEmulatorOptions({
        seed: smallSeed,
        host: '::1',
        port: 8080,
        pageSize: 250,
        snapshotRefreshMs: 0,
        callsPerSecond: false,
        rateLimitErrorCode: 60011,
        latencyMs: 100,
      }),
    ).toEqual({
      spec: bundledSpec,
      seed: smallSeed,
      host: '::1',
      port: 8080,
      pageSize: 250,
      snapshotRefreshMs: 0,
      callsPerSecond: false,
      rateLimitErrorCode: 60011,
      latencyMs: 100,
    });
  });

  it('reads a seed given as a path', () => {
    expect(resolveEmulatorOptions({ seed: demoSeedPath }).seed).toEqual(loadSeedFile(demoSeedPath));
  });

  it.each([
    {
      name: 'pageSize 0',
      given: { pageSize: 0 },
      want: 'pageSize must be an integer from 1 to 100000',
    },
    {
      name: 'pageSize 2.5',
      given: { pageSize: 2.5 },
      want: 'pageSize must be an integer from 1 to 100000',
    },
    { name: 'port -1', given: { port: -1 }, want: 'port must be an integer from 0 to 65535' },
    { name: 'port 65536', given: { port: 65536 }, want: 'port must be an integer from 0 to 65535' },
    {
      name: 'latencyMs -1',
      given: { latencyMs: -1 },
      want: 'latencyMs must be an integer from 0 to 600000',
    },
    {
      name: 'snapshotRefreshMs 0.5',
      given: { snapshotRefreshMs: 0.5 },
      want: 'snapshotRefreshMs must be a non-negative integer',
    },
    {
      name: 'callsPerSecond 0',
      given: { callsPerSecond: 0 },
      want: 'callsPerSecond must be a positive integer or false',
    },
    {
      name: 'callsPerSecond true',
      given: { callsPerSecond: true as never },
      want: 'callsPerSecond must be a positive integer or false',
    },
    {
      name: 'rateLimitErrorCode 429',
      given: { rateLimitErrorCode: 429 },
      want: 'rateLimitErrorCode must be an error code of the spec',
    },
    { name: 'an empty host', given: { host: '' }, want: 'host must be a non-empty string' },
  ])('refuses $name', ({ given, want }) => {
    expect(() =>
      resolveEmulatorOptions({ seed: smallSeed, ...(given as EmulatorOptions) }),
    ).toThrow(new TypeError(`Invalid emulator options:\n- ${want}`));
  });

  it('names every bad option in one error', () => {
    const options = {
      seed: smallSeed,
      pageSize: 0,
      port: 70000,
      latencyMs: 600_001,
      snapshotRefreshMs: -1,
      callsPerSecond: 1.5,
      rateLimitErrorCode: 0,
      host: 42 as never,
    };
    expect(() => resolveEmulatorOptions(options)).toThrow(
      new TypeError(
        [
          'Invalid emulator options:',
          '- pageSize must be an integer from 1 to 100000',
          '- port must be an integer from 0 to 65535',
          '- latencyMs must be an integer from 0 to 600000',
          '- snapshotRefreshMs must be a non-negative integer',
          '- callsPerSecond must be a positive integer or false',
          '- rateLimitErrorCode must be an error code of the spec',
          '- host must be a non-empty string',
        ].join('\n'),
      ),
    );
  });

  it('refuses an invalid seed object or file', () => {
    expect(() =>
      resolveEmulatorOptions({ seed: { apps: [], groups: [{ sdkAppId: 1, groupId: 'g' }] } }),
    ).toThrow('Invalid emulator seed:\n- groups[0].sdkAppId must name an app of the seed');
    expect(() => resolveEmulatorOptions({ seed: '/nonexistent/seed.json' })).toThrow(
      'Cannot read the emulator seed file /nonexistent/seed.json',
    );
  });
});
