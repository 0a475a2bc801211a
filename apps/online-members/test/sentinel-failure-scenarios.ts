import { closedPortUrl } from './run-helpers.js';
import { sentinelApp } from './sentinel-credentials.js';
import { credentialEnv, type SentinelScenario } from './sentinel-scenario.js';

// Every way a call can fail once the command line is fine (README "Exit codes":
// 1, or 130 when interrupted): the emulator's answers to bad settings
// (packages/emulator/README.md "What it answers"), each injected fault
// ("Faults"), a closed port, interruptions, watch failing mid-run, and the demo.
// The client's retries (packages/client/README.md "Retries") set the call
// counts: 3 calls for what is retried twice, 1 for what is not retried.
const retried = () => 3;
const once = () => 1;

export const apiErrorScenarios: readonly SentinelScenario[] = [
  {
    name: 'no such group (10010)',
    kind: 'api',
    exitCode: 1,
    apiCalls: once,
    stderrHas: 'ErrorCode 10010',
    setup: () => ({ argv: ['list', '--group', '@TGS#aNOSUCHGROUP'] }),
  },
  {
    name: 'a work group (10007), as json',
    kind: 'api',
    exitCode: 1,
    apiCalls: once,
    stderrHas: 'ErrorCode 10007',
    setup: (c) => ({ argv: ['list', '--group', c.workGroup, '--format', 'json'] }),
  },
  {
    name: 'an identifier that is not an App admin (60010)',
    kind: 'api',
    exitCode: 1,
    apiCalls: once,
    stderrHas: 'ErrorCode 60010',
    setup: (c) => ({
      argv: ['list', '--group', c.room, '--identifier', sentinelApp.viewer],
      env: credentialEnv(c.mode, {
        secretKey: c.credentials.secretKey,
        userSig: c.credentials.viewerUserSig,
      }),
    }),
  },
  {
    name: 'an unknown SDKAppID (70020), as csv',
    kind: 'api',
    exitCode: 1,
    apiCalls: once,
    stderrHas: 'ErrorCode 70020',
    setup: (c) => ({
      argv: ['list', '--group', c.room, '--sdk-app-id', '1400009999', '--format', 'csv'],
    }),
  },
  {
    name: 'the key or UserSig of another key (70009)',
    kind: 'api',
    exitCode: 1,
    apiCalls: once,
    stderrHas: 'ErrorCode 70009',
    setup: (c) => ({
      argv: ['list', '--group', c.room],
      env: credentialEnv(c.mode, {
        secretKey: c.credentials.otherKey,
        userSig: c.credentials.otherKeyUserSig,
      }),
    }),
  },
  {
    name: 'an expired UserSig (70001)',
    kind: 'api',
    exitCode: 1,
    modes: ['userSig'],
    apiCalls: once,
    stderrHas: 'ErrorCode 70001',
    setup: (c) => ({
      argv: ['list', '--group', c.room],
      env: { AVCHATROOM_USERSIG: c.credentials.expiredUserSig },
    }),
  },
  {
    name: 'a UserSig that is not one (70003)',
    kind: 'api',
    exitCode: 1,
    modes: ['userSig'],
    apiCalls: once,
    stderrHas: 'ErrorCode 70003',
    setup: (c) => ({
      argv: ['list', '--group', c.room, '--format', 'ndjson'],
      env: { AVCHATROOM_USERSIG: c.credentials.garbageUserSig },
    }),
  },
  {
    name: 'a UserSig for another identifier (70013)',
    kind: 'api',
    exitCode: 1,
    modes: ['userSig'],
    apiCalls: once,
    stderrHas: 'ErrorCode 70013',
    setup: (c) => ({ argv: ['watch', '--group', c.room, '--identifier', sentinelApp.viewer] }),
  },
];

export const faultScenarios: readonly SentinelScenario[] = [
  {
    name: 'latency beyond --timeout',
    kind: 'fault',
    exitCode: 1,
    // Not counted: on a loaded machine an attempt can time out before it reaches the server.
    stderrHas: 'timed out after 500 ms (3 attempts)',
    setup: (c) => {
      c.emulator.faults.add({ kind: 'latency', ms: 3000, times: 3 });
      return { argv: ['list', '--group', c.room, '--timeout', '0.5'] };
    },
  },
  ...(['html502', 'drop', 'truncate', 'systemError'] as const).map(
    (kind): SentinelScenario => ({
      name: `${kind} on every attempt`,
      kind: 'fault',
      exitCode: 1,
      apiCalls: retried,
      setup: (c) => {
        c.emulator.faults.add({ kind, times: 3 });
        return { argv: ['list', '--group', c.room, '--format', 'json'] };
      },
    }),
  ),
  {
    name: 'a frequency limit on every attempt (60007)',
    kind: 'fault',
    exitCode: 1,
    apiCalls: retried,
    stderrHas: 'ErrorCode 60007',
    setup: (c) => {
      c.emulator.faults.add({ kind: 'apiError', code: 60007, times: 3 });
      return { argv: ['list', '--group', c.room] };
    },
  },
  ...[70050, 60020].map(
    (code): SentinelScenario => ({
      name: `a documented wait too long to retry (${code})`,
      kind: 'fault',
      exitCode: 1,
      apiCalls: once,
      stderrHas: `ErrorCode ${code}`,
      setup: (c) => {
        c.emulator.faults.add({ kind: 'apiError', code });
        return { argv: ['list', '--group', c.room] };
      },
    }),
  ),
  {
    // With the key the client renews the UserSig and tries once more; a fixed one it cannot.
    name: 'an expired UserSig answered twice (70001)',
    kind: 'fault',
    exitCode: 1,
    apiCalls: (mode) => (mode === 'secretKey' ? 2 : 1),
    stderrHas: 'ErrorCode 70001',
    setup: (c) => {
      c.emulator.faults.add({ kind: 'apiError', code: 70001, times: 2 });
      return { argv: ['list', '--group', c.room] };
    },
  },
  {
    name: 'connection refused (a closed port)',
    kind: 'network',
    exitCode: 1,
    apiCalls: () => 0,
    stderrHas: 'network error',
    setup: async (c) => ({
      argv: ['list', '--group', c.room],
      env: { AVCHATROOM_BASE_URL: await closedPortUrl() },
    }),
  },
];

/** A signal aborted `ms` from now, like a Ctrl-C during the call. */
export const abortSoon = (ms: number) => {
  const interrupt = new AbortController();
  setTimeout(() => interrupt.abort(), ms).unref();
  return interrupt.signal;
};

export const interruptionScenarios: readonly SentinelScenario[] = [
  {
    name: 'list interrupted before it starts',
    kind: 'interrupt',
    exitCode: 130,
    apiCalls: () => 0,
    stderrHas: 'online-members: interrupted',
    setup: (c) => ({ argv: ['list', '--group', c.room], signal: AbortSignal.abort() }),
  },
  {
    name: 'list interrupted while waiting for an answer',
    kind: 'interrupt',
    exitCode: 130,
    stderrHas: 'online-members: interrupted',
    setup: (c) => {
      c.emulator.faults.add({ kind: 'latency', ms: 3000 });
      return { argv: ['list', '--group', c.room], signal: abortSoon(300) };
    },
  },
  {
    name: 'watch interrupted while waiting for its baseline (stops cleanly)',
    kind: 'interrupt',
    exitCode: 0,
    setup: (c) => {
      c.emulator.faults.add({ kind: 'latency', ms: 3000 });
      return { argv: ['watch', '--group', c.room], signal: abortSoon(300) };
    },
  },
  {
    name: 'watch interrupted between rounds (stops cleanly)',
    kind: 'interrupt',
    exitCode: 0,
    apiCalls: once,
    setup: (c) => {
      const interrupt = new AbortController();
      return {
        argv: ['watch', '--group', c.room],
        signal: interrupt.signal,
        sleep: async () => interrupt.abort(),
      };
    },
  },
  {
    name: 'watch failing mid-run (60020 at round 2)',
    kind: 'watch',
    exitCode: 1,
    apiCalls: () => 2,
    stderrHas: 'ErrorCode 60020',
    setup: (c) => ({
      argv: ['watch', '--group', c.room, '--rounds', '3'],
      sleep: async () => c.emulator.faults.add({ kind: 'apiError', code: 60020 }),
    }),
  },
  {
    name: 'watch failing mid-run (70001 twice at round 2)',
    kind: 'watch',
    exitCode: 1,
    apiCalls: (mode) => (mode === 'secretKey' ? 3 : 2),
    stderrHas: 'ErrorCode 70001',
    setup: (c) => ({
      argv: ['watch', '--group', c.room, '--rounds', '3', '--interval', '0.5'],
      sleep: async () => c.emulator.faults.add({ kind: 'apiError', code: 70001, times: 2 }),
    }),
  },
  {
    name: 'watch failing mid-run (html502 on every attempt at round 2)',
    kind: 'watch',
    exitCode: 1,
    apiCalls: () => 4,
    stderrHas: 'HTTP error 502',
    setup: (c) => ({
      argv: ['watch', '--group', c.room],
      sleep: async () => c.emulator.faults.add({ kind: 'html502', times: 3 }),
    }),
  },
];

export const demoScenarios: readonly SentinelScenario[] = [
  {
    name: 'demo interrupted before it starts',
    kind: 'demo',
    exitCode: 130,
    apiCalls: () => 0,
    stderrHas: 'online-members: interrupted',
    setup: () => ({ argv: ['demo'], signal: AbortSignal.abort() }),
  },
  {
    name: 'demo interrupted during its watch',
    kind: 'demo',
    exitCode: 130,
    apiCalls: () => 0,
    stderrHas: 'online-members: interrupted',
    setup: () => {
      const interrupt = new AbortController();
      return { argv: ['demo'], signal: interrupt.signal, sleep: async () => interrupt.abort() };
    },
  },
];
