import { generateUserSig } from '@avchatroom/client';
import { expect } from 'vitest';
import { createApiContext } from '../../src/api-context.js';
import { type ApiContext, answerApiRequest } from '../../src/api-request-answer.js';
import { createManualClock, type EmulatorClock, type ManualClock } from '../../src/clock.js';
import { EmulatorState } from '../../src/emulator-state.js';
import type { EmulatorSettings } from '../../src/resolve-emulator-options.js';
import type { EmulatorSeed } from '../../src/seed.js';
import { bundledSpec, type SpecOperation } from '../../src/spec-facts.js';
import { answerProblems } from './spec-answers.js';

export type HarnessSettings = Pick<
  EmulatorSettings,
  'callsPerSecond' | 'rateLimitErrorCode' | 'pageSize' | 'snapshotRefreshMs'
>;

export const defaultHarnessSettings: HarnessSettings = {
  pageSize: 500,
  snapshotRefreshMs: 40_000,
  rateLimitErrorCode: 60007,
  callsPerSecond: undefined,
};

/** The API context startEmulator builds, on the bundled spec, for tests without HTTP. */
export const makeApiContext = (
  seed: EmulatorSeed,
  clock: EmulatorClock,
  settings: Partial<HarnessSettings> = {},
): ApiContext =>
  createApiContext(
    { spec: bundledSpec, ...defaultHarnessSettings, ...settings },
    new EmulatorState(seed, clock),
    clock,
  );

/** The bundled spec's operation with this operationId. */
export const specOperation = (operationId: string): SpecOperation => {
  const operation = bundledSpec.operations.find((op) => op.operationId === operationId);
  if (!operation) throw new Error(`the bundled spec has no ${operationId}`);
  return operation;
};

export interface Caller {
  clock: ManualClock;
  context: ApiContext;
  state: EmulatorState;
  /** Calls an operation as the seed's first app's first admin; the answer must fit the spec. */
  call: (operationId: string, body: unknown, query?: Record<string, string>) => ApiAnswer;
}

export type ApiAnswer = { ActionStatus: string; ErrorCode: number; ErrorInfo: string } & Record<
  string,
  unknown
>;

/** A caller of the bundled spec's operations on `seed`, with a manual clock at `startMs`. */
export const makeCaller = async (
  seed: EmulatorSeed,
  startMs: number,
  settings: Partial<HarnessSettings> = {},
): Promise<Caller> => {
  const clock = createManualClock(startMs);
  const context = makeApiContext(seed, clock, settings);
  const app = seed.apps[0] as EmulatorSeed['apps'][number];
  const identifier = app.admins[0] as string;
  const usersig = await generateUserSig({
    sdkAppId: app.sdkAppId,
    secretKey: app.secretKey,
    identifier,
    expireSeconds: 86_400 * 365,
    issuedAt: Math.floor(startMs / 1000),
  });
  const goodQuery = {
    sdkappid: String(app.sdkAppId),
    identifier,
    usersig,
    random: '1',
    contenttype: 'json',
  };
  return {
    clock,
    context,
    state: context.state,
    call: (operationId, body, query = {}) => {
      const answer = answerApiRequest(context, specOperation(operationId), {
        method: 'POST',
        query: new URLSearchParams({ ...goodQuery, ...query }).toString(),
        rawBody: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
      }) as ApiAnswer;
      expect(answerProblems(operationId, answer), JSON.stringify(answer)).toBe('');
      expect(answer.ErrorCode === 0).toBe(answer.ActionStatus === 'OK');
      return answer;
    },
  };
};
