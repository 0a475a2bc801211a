// The hostile client side: UserSig bombs (deflate data that inflates to
// megabytes) sent to the emulator in a child process of its own. Each is
// refused as unreadable, fast, the emulator's peak RSS barely moves, and a
// call sent beside them is not held up (issue: hostile servers, item 5).
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorProcess } from '../bench/emulator-process.mjs';

const seedPath = new URL('../../emulator/seeds/demo.json', import.meta.url);
const seed = JSON.parse(readFileSync(seedPath, 'utf8'));
const app = seed.apps[0];
const apiPath = '/v4/group_open_avchatroom_http_svc/get_members';

/** Deflate data of a sig document padded to `inflatedBytes`, in TLSSigAPIv2's base64. */
const userSigBomb = (inflatedBytes: number): string =>
  deflateSync(`{"TLS.ver":"2.0","pad":"${' '.repeat(inflatedBytes)}"}`, { level: 9 })
    .toString('base64')
    .replaceAll('+', '*')
    .replaceAll('/', '-')
    .replaceAll('=', '_');

/** The process's peak resident memory (VmHWM), in bytes. */
const peakRss = (pid: number): number => {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? Number.NaN) * 1024;
};

const callWith = async (baseUrl: string, userSig: string) => {
  const query = new URLSearchParams({
    sdkappid: String(app.sdkAppId),
    identifier: app.admins[0],
    usersig: userSig,
    random: '1',
    contenttype: 'json',
  });
  const startedAt = performance.now();
  const response = await fetch(`${baseUrl}${apiPath}?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ GroupId: '@TGS#aLIVEDEMO', Timestamp: 0 }),
    signal: AbortSignal.timeout(20_000),
  });
  const body = (await response.json()) as { ErrorCode: number };
  return { status: response.status, code: body.ErrorCode, ms: performance.now() - startedAt };
};

describe.skipIf(process.platform !== 'linux')('UserSig bombs against the emulator', () => {
  let emulator: Awaited<ReturnType<typeof startEmulatorProcess>>;
  beforeAll(async () => {
    emulator = await startEmulatorProcess({
      seedPath: seedPath.pathname,
      args: ['--calls-per-second', 'off'],
    });
  });
  afterAll(async () => {
    await emulator?.stop();
  });

  it.each([
    {
      given: 'a 7.3 KB sig inflating to 5.5 MiB (under the 8 KiB length cap)',
      inflatedBytes: 5.5 * 1024 * 1024,
    },
    { given: 'a 15 KB sig inflating to 11.5 MiB', inflatedBytes: 11.5 * 1024 * 1024 },
  ])(
    'refuses $given as unreadable, six at once, without memory or delay',
    async ({ inflatedBytes }) => {
      const bomb = userSigBomb(inflatedBytes);
      // One bomb is past the length cap, one under it (so zlib's output cap is what stops it).
      expect(bomb.length < 8 * 1024).toBe(inflatedBytes < 8 * 1024 * 1024);
      const before = peakRss(emulator.pid);
      const [bombs, plain] = await Promise.all([
        Promise.all(Array.from({ length: 6 }, () => callWith(emulator.url, bomb))),
        callWith(emulator.url, 'not-a-user-sig'),
      ]);
      const growthMb = (peakRss(emulator.pid) - before) / (1024 * 1024);
      console.log(
        `UserSig bomb of ${bomb.length} characters (inflates to ${inflatedBytes} bytes), 6 at once: codes ${bombs.map((b) => b.code).join(',')}, slowest ${Math.round(Math.max(...bombs.map((b) => b.ms)))} ms, a call beside them ${Math.round(plain.ms)} ms, emulator peak RSS +${growthMb.toFixed(1)} MB`,
      );
      for (const answer of bombs) expect(answer).toMatchObject({ status: 200, code: 70003 });
      expect(plain).toMatchObject({ status: 200, code: 70003 });
      // Generous for a loaded machine: unbounded inflation took 2.6 s a sig and 610 MB.
      expect(Math.max(...bombs.map((answer) => answer.ms))).toBeLessThan(1_500);
      expect(plain.ms).toBeLessThan(1_500);
      expect(growthMb).toBeLessThan(32);
    },
  );
});
