import { createApiContext } from '../../src/api-context.js';
import type { ApiContext } from '../../src/api-request-answer.js';
import type { EmulatorClock } from '../../src/clock.js';
import { EmulatorState } from '../../src/emulator-state.js';
import type { EmulatorSettings } from '../../src/resolve-emulator-options.js';
import type { EmulatorSeed } from '../../src/seed.js';
import { bundledSpec, type SpecOperation } from '../../src/spec-facts.js';

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
