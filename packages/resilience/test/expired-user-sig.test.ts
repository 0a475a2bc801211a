// Requirement: an expired UserSig ends as documented (client README, "Retries":
// on 70001 the client issues a new UserSig and tries once more, when it holds
// the secretKey; a fixed userSig cannot be renewed). Renewal is not a back-off
// retry, so maxRetries 0 does not stop it.
import { ChatApiError, type ChatError } from '@avchatroom/client';
import { createManualClock } from '@avchatroom/emulator';
import { afterAll, describe, expect, it } from 'vitest';
import { errorStrings, LeakLedger } from './support/secret-leaks.js';
import { daySeconds } from './support/sentinel-app.js';
import { settle, startSentinelScenario } from './support/sentinel-scenario.js';

const expiredCode = 70001;
const retrySettings = [
  { label: 'maxRetries 0', options: { maxRetries: 0 } },
  { label: 'default maxRetries', options: {} },
];
const ledger = new LeakLedger('expired UserSig');
let expectedScenarios = 0;

describe.concurrent('an expired UserSig', () => {
  afterAll(() => {
    console.log(ledger.summary());
    expect(ledger.scenarios).toBe(expectedScenarios);
    expect(ledger.strings).toBeGreaterThanOrEqual(expectedScenarios * 5);
  });

  expectedScenarios += retrySettings.length;
  it.for(retrySettings)(
    '(a) a fixed userSig issued two days ago: ChatApiError 70001 after 1 request ($label)',
    async ({ options }, { expect }) => {
      const world = await startSentinelScenario({
        credential: 'userSig',
        userSigIssuedAgoSeconds: 2 * daySeconds,
        client: options,
      });
      try {
        const outcome = await settle(world.client.getMembers({ groupId: world.app.groupId }));
        expect(outcome.ok).toBe(false);
        const error = outcome.ok ? undefined : outcome.error;
        expect(error).toBeInstanceOf(ChatApiError);
        expect(error).toMatchObject({ code: expiredCode, attempts: 1 });
        expect(world.emulator.stats().apiCalls).toBe(1);
        expect(ledger.check([...errorStrings(error), ...world.logLines], world.secrets())).toEqual(
          [],
        );
      } finally {
        await world.emulator.stop();
      }
    },
  );

  expectedScenarios += retrySettings.length;
  it.for(retrySettings)(
    '(b) a secretKey client answered 70001 once: renews and succeeds in 2 requests ($label)',
    async ({ options }, { expect }) => {
      const world = await startSentinelScenario({ credential: 'secretKey', client: options });
      try {
        world.emulator.faults.add({ kind: 'apiError', code: expiredCode });
        const outcome = await settle(world.client.getMembers({ groupId: world.app.groupId }));
        expect(outcome.ok).toBe(true);
        expect(outcome.ok && outcome.value.members.length).toBeGreaterThan(0);
        expect(world.emulator.stats().apiCalls).toBe(2);
        expect(world.emulator.stats().faults).toEqual({ apiError: 1 });
        expect(world.logLines.some((line) => /renew/i.test(line))).toBe(true);
        expect(ledger.check(world.logLines, world.secrets())).toEqual([]);
      } finally {
        await world.emulator.stop();
      }
    },
  );

  expectedScenarios += retrySettings.length;
  it.for(retrySettings)(
    '(c) a secretKey client whose sigs the server sees as expired: renews once, then ChatApiError 70001 after 2 requests ($label)',
    async ({ options }, { expect }) => {
      // The emulator's clock runs two days ahead, so every sig the client
      // issues (valid for a day from now) is already expired there.
      const world = await startSentinelScenario({
        credential: 'secretKey',
        emulator: { clock: createManualClock(Date.now() + 2 * daySeconds * 1000) },
        client: options,
      });
      try {
        const outcome = await settle(world.client.getMembers({ groupId: world.app.groupId }));
        expect(outcome.ok).toBe(false);
        const error = outcome.ok ? undefined : outcome.error;
        expect(error).toBeInstanceOf(ChatApiError);
        expect(error).toMatchObject({ code: expiredCode, attempts: 2 });
        expect((error as ChatError).attempts).toBe(world.emulator.stats().apiCalls);
        expect(world.emulator.stats().byErrorCode).toEqual({ [expiredCode]: 2 });
        expect(world.sentUserSigs).toHaveLength(2);
        expect(ledger.check([...errorStrings(error), ...world.logLines], world.secrets())).toEqual(
          [],
        );
      } finally {
        await world.emulator.stop();
      }
    },
  );
});
