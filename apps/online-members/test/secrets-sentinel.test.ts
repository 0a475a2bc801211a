import { format, inspect } from 'node:util';
import { createChatClient } from '@avchatroom/client';
import { demoSeedPath, type EmulatorSeed, loadSeedFile, startEmulator } from '@avchatroom/emulator';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { abortableSleep } from '../src/abortable-sleep.js';
import { runOperatorCommand } from '../src/commands/run-operator-command.js';
import { clientOptionsFrom } from '../src/credentials-from-env.js';
import { parseCommand } from '../src/parse-command.js';
import { runCli } from '../src/run-cli.js';
import { captureStream, linesOf } from './run-helpers.js';
import {
  leakForms,
  makeSentinelCredentials,
  type SentinelCredentials,
  sentinelApp,
} from './sentinel-credentials.js';
import {
  apiErrorScenarios,
  demoScenarios,
  faultScenarios,
  interruptionScenarios,
} from './sentinel-failure-scenarios.js';
import { operatorFailureScenarios, operatorUsageScenarios } from './sentinel-operator-scenarios.js';
import {
  type CredentialMode,
  credentialEnv,
  credentialModes,
  type ScenarioContext,
  type ScenarioRun,
  type SentinelScenario,
} from './sentinel-scenario.js';
import { usageScenarios } from './sentinel-usage-scenarios.js';
import { crowd } from './test-seed.js';
import { recordWireUserSigs } from './wire-user-sigs.js';

// The issue: "Run every fault scenario and every CLI error path with a
// sentinel UserSig and secret key; capture error messages, stacks, causes,
// util.inspect output, log lines, CLI stdout and stderr; the sentinel must
// appear nowhere." README "Settings": the app never prints a secret key or a
// UserSig. Each run gets an emulator of its own whose app's key is the
// sentinel, so faults and call counts belong to one run; all runs go at once
// in beforeAll (most of their time is the client's retry back-off), and each
// test then checks one run.
const room = '@TGS#aSENTINELROOM';
const workGroup = '@TGS#2SENTINELWORK';

const seedWithKey = (secretKey: string): EmulatorSeed => ({
  apps: [{ sdkAppId: sentinelApp.sdkAppId, secretKey, admins: [sentinelApp.admin] }],
  groups: [
    { sdkAppId: sentinelApp.sdkAppId, groupId: room, members: crowd('member', 5) },
    {
      sdkAppId: sentinelApp.sdkAppId,
      groupId: workGroup,
      type: 'Private',
      members: crowd('colleague', 2),
    },
  ],
});

const allUsageScenarios = [...usageScenarios, ...operatorUsageScenarios];

const scenarios: readonly SentinelScenario[] = [
  ...allUsageScenarios,
  ...apiErrorScenarios,
  ...operatorFailureScenarios,
  ...faultScenarios,
  ...interruptionScenarios,
  ...demoScenarios,
];

const runs = scenarios.flatMap((scenario) =>
  (scenario.modes ?? credentialModes).map((mode) => ({
    id: `${scenario.name} [${mode}]`,
    scenario,
    mode,
  })),
);
type PlannedRun = (typeof runs)[number];

interface Outcome extends PlannedRun {
  code: number | undefined;
  stdout: string;
  stderr: string;
  apiCalls: number;
  /** Every string this run produced: stdout, stderr, and what any error showed. */
  captured: string[];
  /** Whether the client, called as the CLI calls it, threw (its error is captured). */
  clientThrew?: boolean;
}

/** Everything an error shows: message, stack, cause, util.inspect and JSON. */
const errorTexts = (error: unknown): string[] =>
  error instanceof Error
    ? [
        error.message,
        error.stack ?? '',
        inspect(error.cause, { depth: 8 }),
        inspect(error, { depth: 8, showHidden: true }),
        JSON.stringify(error) ?? '',
      ]
    : [inspect(error, { depth: 8 })];

const withEmulator = async <T>(
  credentials: SentinelCredentials,
  use: (emulator: Awaited<ReturnType<typeof startEmulator>>) => Promise<T>,
): Promise<T> => {
  const emulator = await startEmulator({
    seed: seedWithKey(credentials.secretKey),
    callsPerSecond: false,
  });
  try {
    return await use(emulator);
  } finally {
    await emulator.stop();
  }
};

const setUp = async (
  planned: PlannedRun,
  credentials: SentinelCredentials,
  emulator: ScenarioContext['emulator'],
) => {
  const env = {
    AVCHATROOM_SDKAPPID: String(sentinelApp.sdkAppId),
    AVCHATROOM_IDENTIFIER: sentinelApp.admin,
    AVCHATROOM_BASE_URL: emulator.url,
    ...credentialEnv(planned.mode, credentials),
  };
  const context = { mode: planned.mode, credentials, emulator, env, room, workGroup };
  const given: ScenarioRun = await planned.scenario.setup(context);
  return { given, env: { ...env, ...given.env } };
};

/** The CLI's run, captured whole: its streams, and anything it throws (it never should). */
const runThroughCli = (planned: PlannedRun, credentials: SentinelCredentials) =>
  withEmulator(credentials, async (emulator): Promise<Outcome> => {
    const { given, env } = await setUp(planned, credentials, emulator);
    const stdout = captureStream();
    const stderr = captureStream();
    const captured: string[] = [];
    let code: number | undefined;
    try {
      code = await runCli({
        argv: given.argv,
        env,
        stdout: stdout.stream,
        stderr: stderr.stream,
        ...(given.signal && { signal: given.signal }),
        ...(given.sleep && { sleep: given.sleep }),
      });
    } catch (error) {
      captured.push(...errorTexts(error));
    }
    captured.push(stdout.text(), stderr.text());
    return {
      ...planned,
      code,
      stdout: stdout.text(),
      stderr: stderr.text(),
      apiCalls: emulator.stats().apiCalls,
      captured,
    };
  });

/**
 * runCli reports an error as one line and never shows the error object, so
 * for each failed call the client is also called as the CLI calls it (same
 * settings, same fault) to capture the error object itself.
 */
const errorOfTheClient = (planned: PlannedRun, credentials: SentinelCredentials) =>
  withEmulator(credentials, async (emulator) => {
    const { given, env } = await setUp(planned, credentials, emulator);
    const command = parseCommand(given.argv);
    if (!('connection' in command)) throw new Error(`${planned.id}`);
    const client = createChatClient(clientOptionsFrom(command.connection, env, command.kind));
    const io = {
      stdout: captureStream().stream,
      stderr: captureStream().stream,
      env,
      sleep: abortableSleep,
    };
    try {
      if (command.kind === 'list' || command.kind === 'watch') {
        await client.listMembers(command.groupId);
      } else await runOperatorCommand(client, command, io);
      return undefined;
    } catch (error) {
      return errorTexts(error);
    }
  });

/** A call that fails from its first listing (a watch failing mid-run lists fine first). */
const failsAtOnce = ({ scenario }: PlannedRun) =>
  scenario.kind === 'api' || scenario.kind === 'fault' || scenario.kind === 'network';

describe('secrets sentinel (CLI)', () => {
  let credentials: SentinelCredentials;
  let outcomes: Outcome[] = [];
  const logLines: string[] = [];
  const wireUserSigs = new Set<string>();
  let leakTargets: string[] = [];

  beforeAll(async () => {
    credentials = await makeSentinelCredentials();
    const wire = recordWireUserSigs();
    // Log lines: anything the app or the client would print through console.
    const spies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logLines.push(format(...args));
      }),
    );
    try {
      outcomes = await Promise.all(
        runs.map(async (planned) => {
          const outcome = await runThroughCli(planned, credentials);
          if (!failsAtOnce(planned)) return outcome;
          const clientError = await errorOfTheClient(planned, credentials);
          return {
            ...outcome,
            clientThrew: clientError !== undefined,
            captured: [...outcome.captured, ...(clientError ?? [])],
          };
        }),
      );
    } finally {
      for (const spy of spies) spy.mockRestore();
      wire.restore();
    }
    for (const userSig of wire.userSigs) wireUserSigs.add(userSig);
    const demoKeys = loadSeedFile(demoSeedPath).apps.map((app) => app.secretKey);
    leakTargets = [
      ...new Set([...Object.values(credentials), ...wireUserSigs, ...demoKeys].flatMap(leakForms)),
    ];
  }, 60_000);

  const leaksIn = (texts: readonly string[]) =>
    texts.flatMap((text) => leakTargets.filter((target) => text.includes(target)));

  it.each(runs)('$id', ({ id }) => {
    const outcome = outcomes.find((candidate) => candidate.id === id);
    if (outcome === undefined) throw new Error(`${id} did not run`);
    const { scenario, mode } = outcome;
    expect(outcome.code).toBe(scenario.exitCode);
    expect(leaksIn(outcome.captured)).toEqual([]);
    if (scenario.exitCode === 0) expect(outcome.stderr).toBe('');
    else {
      expect(outcome.stderr.endsWith('\n')).toBe(true);
      expect(linesOf(outcome.stderr)).toHaveLength(1);
    }
    if (scenario.exitCode === 1 || scenario.exitCode === 2) {
      expect(outcome.stderr).toMatch(/^online-members: (usage )?error: /);
    }
    if (scenario.stderrHas !== undefined) expect(outcome.stderr).toContain(scenario.stderrHas);
    if (['usage', 'api', 'fault', 'network'].includes(scenario.kind)) {
      expect(outcome.stdout).toBe('');
    }
    if (scenario.apiCalls !== undefined) expect(outcome.apiCalls).toBe(scenario.apiCalls(mode));
    if (outcome.clientThrew !== undefined) expect(outcome.clientThrew).toBe(true);
  });

  it('gives each usage error its own message', () => {
    for (const mode of credentialModes) {
      const lines = outcomes
        .filter((outcome) => outcome.mode === mode && outcome.scenario.kind === 'usage')
        .map((outcome) => outcome.stderr);
      expect(new Set(lines).size).toBe(allUsageScenarios.length);
    }
  });

  it('saw the UserSigs on the wire: the fixed one, and ones the client issued from the key', () => {
    expect(wireUserSigs).toContain(credentials.userSig);
    const issued = [...wireUserSigs].filter(
      (sig) => !Object.values(credentials).includes(sig as never),
    );
    expect(issued.length).toBeGreaterThan(0);
  });

  it('checked every scenario and every captured string, and found no leak', () => {
    const captured = [...outcomes.flatMap((outcome) => outcome.captured), ...logLines];
    const leaks = leaksIn(captured);
    const count = (modes: CredentialMode, kind: SentinelScenario['kind']) =>
      outcomes.filter((o) => o.mode === modes && o.scenario.kind === kind).length;
    // Floors, so a scenario dropped from a table fails here.
    expect(outcomes).toHaveLength(runs.length);
    expect(outcomes.length).toBeGreaterThanOrEqual(120);
    expect(count('secretKey', 'usage') + count('userSig', 'usage')).toBeGreaterThanOrEqual(72);
    expect(count('userSig', 'api')).toBeGreaterThanOrEqual(8);
    expect(count('secretKey', 'fault') + count('userSig', 'fault')).toBeGreaterThanOrEqual(18);
    expect(outcomes.filter((o) => o.clientThrew).length).toBeGreaterThanOrEqual(33);
    expect(captured.length).toBeGreaterThanOrEqual(2 * runs.length + 5 * 33);
    expect(leakTargets.length).toBeGreaterThanOrEqual(7 * 3);
    expect(leaks).toEqual([]);
    console.log(
      `secrets sentinel (CLI): ${outcomes.length} scenarios, ${captured.length} strings checked against ${leakTargets.length} sentinel forms, ${leaks.length} leaks`,
    );
  });
});
