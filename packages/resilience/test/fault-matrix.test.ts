// Requirement: for each fault the emulator injects and each retry setting, the
// call ends as documented (success after retry, or the specific error class),
// and the emulator saw exactly the requests the retry policy allows. Every
// scenario also runs the secrets sentinel over everything the client printed.
import { ChatApiError, type ChatError, chatErrorCodes, retryDefaults } from '@avchatroom/client';
import { afterAll, describe, expect, it } from 'vitest';
import { type FaultScenario, faultScenarios } from './support/fault-matrix.js';
import { expectedOutcome } from './support/retry-oracle.js';
import { errorStrings, LeakLedger } from './support/secret-leaks.js';
import { asApiMember } from './support/sentinel-app.js';
import { settle, startSentinelScenario } from './support/sentinel-scenario.js';

const scenarios = faultScenarios();
const ledger = new LeakLedger('client faults');

describe.concurrent('faults x retry settings', () => {
  afterAll(() => {
    console.log(ledger.summary());
    expect(ledger.scenarios).toBe(scenarios.length);
    // Each scenario prints at least a debug line per attempt plus the outcome.
    expect(ledger.strings).toBeGreaterThanOrEqual(scenarios.length * 2);
  });

  it('covers every fault at both settings, once and past the retries, with both credentials', ({
    expect,
  }) => {
    // 12 faults x (maxRetries 0: x1; default: x1 and x(maxRetries + 1)) x 2 credentials.
    expect(scenarios).toHaveLength(12 * 3 * 2);
    // The two long documented waits must be past the longest back-off, or the
    // "not retried" rows below would test nothing.
    for (const code of [70050, 60020] as const) {
      expect(chatErrorCodes[code].retryAfterSeconds * 1000).toBeGreaterThan(
        retryDefaults.maxDelayMs,
      );
    }
  });

  it.for(scenarios)('$name', async (scenario: FaultScenario, { expect }) => {
    const { fault, maxRetries, faultCount, credential } = scenario;
    const world = await startSentinelScenario({
      credential,
      client: {
        ...(maxRetries !== undefined && { maxRetries }),
        ...(fault.clientTimeoutMs !== undefined && { timeoutMs: fault.clientTimeoutMs }),
      },
    });
    try {
      const { emulator, app } = world;
      emulator.faults.add({ ...fault.plan, times: faultCount });
      const outcome = await settle(world.client.getMembers({ groupId: app.groupId }));
      const captured = [...(outcome.ok ? [] : errorStrings(outcome.error)), ...world.logLines];
      expect(ledger.check(captured, world.secrets())).toEqual([]);
      const expected = expectedOutcome({
        treatment: fault.treatment,
        failures: faultCount,
        maxRetries,
        credential,
      });
      const served = emulator.stats().apiCalls;
      expect(served).toBe(expected.attempts);
      expect(world.requests()).toBe(served);
      expect(emulator.faults.pending()).toHaveLength(Math.max(0, faultCount - served));
      if (expected.succeeds) {
        expect(outcome.ok).toBe(true);
        const truth = emulator.state.onlineMembers(app.sdkAppId, app.groupId).map(asApiMember);
        expect(outcome.ok && outcome.value.members).toEqual(truth);
        expect(outcome.ok && outcome.value.nextTimestamp).toBe(0);
      } else {
        expect(outcome.ok).toBe(false);
        const error = outcome.ok ? undefined : outcome.error;
        expect(error).toBeInstanceOf(fault.errorClass);
        expect(error).toMatchObject({ ...fault.errorFields, attempts: served });
        expect((error as ChatError).attempts).toBe(served);
        if (error instanceof ChatApiError) expect(error.documented).toBe(true);
      }
    } finally {
      await world.emulator.stop();
    }
  });
});
