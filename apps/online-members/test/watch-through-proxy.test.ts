import { getMembersLimits } from '@avchatroom/client';
import {
  createManualClock,
  type EmulatorSeed,
  type ManualClock,
  type RunningEmulator,
  startEmulator,
} from '@avchatroom/emulator';
import { type PrismProxy, startPrismProxy } from '@avchatroom/openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linesOf, runInProcess, spawnCli } from './run-helpers.js';
import { crowd, pastDateRangeJoinTime, proApp, proEnv } from './test-seed.js';

// `watch` end to end through the Prism proxy, against an emulator on a manual
// clock: a round's sleep advances the clock, so the emulator refreshes its
// snapshot exactly when 40 s (the API's period) have passed, and the tests
// join and leave members between rounds without waiting.
const seed: EmulatorSeed = {
  apps: [{ sdkAppId: proApp.sdkAppId, secretKey: proApp.secretKey, admins: [proApp.admin] }],
  groups: [
    { sdkAppId: proApp.sdkAppId, groupId: '@TGS#aWATCH1', members: crowd('w', 5) },
    { sdkAppId: proApp.sdkAppId, groupId: '@TGS#aWATCH2', members: crowd('v', 5) },
    { sdkAppId: proApp.sdkAppId, groupId: '@TGS#aWATCH3', members: crowd('s', 3) },
    { sdkAppId: proApp.sdkAppId, groupId: '@TGS#aWATCHCAP', members: crowd('cap', 1000) },
    { sdkAppId: proApp.sdkAppId, groupId: '@TGS#aWATCHSIGINT', members: crowd('i', 2) },
    { sdkAppId: proApp.sdkAppId, groupId: '@TGS#aWATCHFAR', members: crowd('f', 2) },
    { sdkAppId: proApp.sdkAppId, groupId: '@TGS#aWATCHLOOK', members: crowd('admin', 1) },
  ],
};

let clock: ManualClock;
let emulator: RunningEmulator;
let proxy: PrismProxy;
let env: Record<string, string>;

beforeAll(async () => {
  clock = createManualClock();
  emulator = await startEmulator({ seed, pageSize: 250, callsPerSecond: false, clock });
  proxy = await startPrismProxy({ upstream: emulator.url });
  env = proEnv(proxy.url);
});

afterAll(async () => {
  await proxy?.stop();
  await emulator?.stop();
});

const later = 1_900_000_000;
const join = (groupId: string, account: string, joinTime: number) =>
  emulator.state.join(proApp.sdkAppId, groupId, { account, joinTime });
const leave = (groupId: string, account: string) =>
  expect(emulator.state.leave(proApp.sdkAppId, groupId, account)).toBe(true);

/**
 * A sleep for runCli that records each wait, runs the next scripted change
 * (before round 2, before round 3, ...) and moves the emulator's clock on.
 */
const scriptedSleep = (changes: (() => void)[]) => {
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
    changes[waits.length - 1]?.();
    clock.advance(ms);
  };
  return { sleep, waits };
};

const diffLines = (stdout: string) => linesOf(stdout).filter((line) => /^[+-] /.test(line));

describe('watch', () => {
  it('prints a baseline, then + joins and - leaves at each snapshot', async () => {
    const group = '@TGS#aWATCH1';
    const { sleep, waits } = scriptedSleep([
      () => {
        join(group, 'alice', later);
        leave(group, 'w2');
      },
      () => {
        join(group, 'bob', later + 1);
        join(group, 'carol', later + 2);
        leave(group, 'alice');
        leave(group, 'w5');
      },
    ]);
    const result = await runInProcess(
      ['watch', '--group', group, '--rounds', '3', '--interval', '40'],
      env,
      { sleep },
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const lines = linesOf(result.stdout);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ baseline: 5 online$/);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/Z round 2: 1 join, 1 leave, 5 online$/),
      '+ alice',
      '- w2',
      expect.stringMatching(/Z round 3: 2 joins, 2 leaves, 5 online$/),
      '+ carol',
      '+ bob',
      '- alice',
      '- w5',
    ]);
    expect(waits).toEqual([40_000, 40_000]);
  });

  it('waits the API snapshot period by default, from the generated limits', async () => {
    const group = '@TGS#aWATCH2';
    const { sleep, waits } = scriptedSleep([() => leave(group, 'v1')]);
    const result = await runInProcess(['watch', '--group', group, '--rounds', '2'], env, { sleep });
    expect(result.code).toBe(0);
    expect(waits).toEqual([getMembersLimits.snapshotRefreshSeconds * 1000]);
    expect(diffLines(result.stdout)).toEqual(['- v1']);
  });

  it('sees no change before the snapshot is refreshed (an interval shorter than the period)', async () => {
    const group = '@TGS#aWATCH3';
    const { sleep } = scriptedSleep([() => join(group, 'early', later)]);
    const result = await runInProcess(
      ['watch', '--group', group, '--rounds', '2', '--interval', '1'],
      env,
      { sleep },
    );
    expect(result.code).toBe(0);
    expect(diffLines(result.stdout)).toEqual([]);
    expect(result.stdout).toMatch(/round 2: 0 joins, 0 leaves, 3 online/);
    clock.advance(getMembersLimits.snapshotRefreshSeconds * 1000);
  });

  it('says once that changes past the 1,000 cap are not visible, and a push past it looks like a leave', async () => {
    const group = '@TGS#aWATCHCAP';
    const { sleep } = scriptedSleep([
      () => join(group, 'newcomer', later),
      () => join(group, 'latecomer', later + 1),
    ]);
    const result = await runInProcess(['watch', '--group', group, '--rounds', '3'], env, { sleep });
    expect(result.code).toBe(0);
    const notes = linesOf(result.stdout).filter((line) => line.startsWith('note: '));
    expect(notes).toEqual([
      'note: only the 1,000 latest members are returned; changes beyond them are not visible, and a member pushed past the cap by newer joins shows as a leave (-)',
    ]);
    // cap1 and cap2 joined first: the newcomers push them past the 1,000 latest.
    expect(diffLines(result.stdout)).toEqual(['+ newcomer', '- cap1', '+ latecomer', '- cap2']);
    expect(emulator.state.onlineMembers(proApp.sdkAppId, group)).toHaveLength(1002);
  });

  it('shows a member who joined past the Date range like any other', async () => {
    const group = '@TGS#aWATCHFAR';
    const { sleep } = scriptedSleep([
      () => join(group, 'far', pastDateRangeJoinTime),
      () => leave(group, 'far'),
    ]);
    const result = await runInProcess(['watch', '--group', group, '--rounds', '3'], env, { sleep });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(diffLines(result.stdout)).toEqual(['+ far', '- far']);
  });

  it('shows zero-width characters in an account as escapes', async () => {
    const group = '@TGS#aWATCHLOOK';
    const { sleep } = scriptedSleep([() => join(group, 'admin\u200b1', later)]);
    const result = await runInProcess(['watch', '--group', group, '--rounds', '2'], env, { sleep });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(diffLines(result.stdout)).toEqual(['+ admin\\u200b1']);
  });

  it('stops cleanly with exit code 0 when interrupted between rounds', async () => {
    const interrupt = new AbortController();
    const result = await runInProcess(['watch', '--group', '@TGS#aWATCH1'], env, {
      signal: interrupt.signal,
      sleep: async () => interrupt.abort(),
    });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(linesOf(result.stdout)).toEqual([expect.stringMatching(/baseline: 5 online$/)]);
  });
});

describe('watch, run as a process', () => {
  it('prints the diff of two rounds with real sleeps', async () => {
    const group = '@TGS#aWATCHSIGINT';
    const cli = spawnCli(['watch', '--group', group, '--rounds', '2', '--interval', '1.5'], env);
    await cli.waitForStdout(/baseline: 2 online\n/);
    join(group, 'dave', later);
    leave(group, 'i1');
    clock.advance(getMembersLimits.snapshotRefreshSeconds * 1000);
    const result = await cli.result;
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(diffLines(result.stdout)).toEqual(['+ dave', '- i1']);
  });

  it('stops on SIGINT with exit code 0', async () => {
    const cli = spawnCli(['watch', '--group', '@TGS#aWATCHSIGINT', '--interval', '600'], env);
    await cli.waitForStdout(/baseline: 2 online\n/);
    const interruptedAt = Date.now();
    cli.kill('SIGINT');
    const result = await cli.result;
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(Date.now() - interruptedAt).toBeLessThan(5_000);
  });
});
