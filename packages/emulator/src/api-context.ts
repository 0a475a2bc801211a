import type { ApiContext } from './api-request-answer.js';
import { successExample } from './api-request-answer.js';
import type { EmulatorClock } from './clock.js';
import type { EmulatorState } from './emulator-state.js';
import { operationHandlers } from './operation-handlers.js';
import { createOperationLimiters } from './operation-limiters.js';
import type { EmulatorSettings } from './resolve-emulator-options.js';

/**
 * Builds what answering needs from the settings' spec: one rate limiter per
 * operation and the handlers. Throws for an operation the emulator could not
 * answer (no handler and no success example).
 */
export const createApiContext = (
  settings: Pick<
    EmulatorSettings,
    'spec' | 'callsPerSecond' | 'rateLimitErrorCode' | 'pageSize' | 'snapshotRefreshMs'
  >,
  state: EmulatorState,
  clock: EmulatorClock,
): ApiContext => {
  const { spec } = settings;
  const unanswerable = spec.operations.filter(
    (operation) => !operationHandlers[operation.operationId] && !successExample(operation),
  );
  if (unanswerable.length > 0) {
    const names = unanswerable.map((operation) => operation.operationId).join(', ');
    throw new TypeError(
      `The spec's operations ${names} have no handler in the emulator and no success example to answer with`,
    );
  }
  return {
    spec,
    state,
    clock,
    limiters: createOperationLimiters(spec.operations, settings.callsPerSecond),
    settings: {
      rateLimitErrorCode: settings.rateLimitErrorCode,
      pageSize: settings.pageSize,
      snapshotRefreshMs: settings.snapshotRefreshMs,
    },
    handlers: operationHandlers,
  };
};
