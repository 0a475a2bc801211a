// What the client's retry policy promises for a run of identical failures, from
// the client README ("Retries") and the numbers it exports (retryDefaults and
// the spec's chatErrorCodes), never from numbers typed here.
import { type ChatRetryClass, retryDefaults } from '@avchatroom/client';

/** How the policy classes one failed attempt. */
export interface FailureTreatment {
  retryClass: ChatRetryClass;
  /** The documented wait, where the spec gives one (70050, 60020). */
  retryAfterSeconds?: number | undefined;
}

export type Credential = 'secretKey' | 'userSig';

export interface RetryRun {
  treatment: FailureTreatment;
  /** How many attempts in a row fail this way before the server answers normally. */
  failures: number;
  /** The client's maxRetries; undefined for the default. */
  maxRetries: number | undefined;
  credential: Credential;
}

export interface ExpectedOutcome {
  succeeds: boolean;
  /** Requests the server sees: the first attempt, the retries and a UserSig renewal's attempt. */
  attempts: number;
}

/** Whether the policy waits and tries again after this failure (budget permitting). */
const isRetried = ({ retryClass, retryAfterSeconds }: FailureTreatment): boolean => {
  if (retryClass !== 'transient' && retryClass !== 'backOff') return false;
  // "A documented wait longer than 8 s ... is not waited for."
  return retryAfterSeconds === undefined || retryAfterSeconds * 1000 <= retryDefaults.maxDelayMs;
};

export const expectedOutcome = (run: RetryRun): ExpectedOutcome => {
  const { treatment, failures, credential } = run;
  const retryBudget = run.maxRetries ?? retryDefaults.maxRetries;
  if (treatment.retryClass === 'renewUserSig') {
    // "On 70001 the client issues a new UserSig and tries once more, when it
    // holds the secretKey": once, whatever maxRetries says.
    if (credential === 'userSig') return { succeeds: false, attempts: 1 };
    return failures <= 1
      ? { succeeds: true, attempts: failures + 1 }
      : { succeeds: false, attempts: 2 };
  }
  if (!isRetried(treatment)) return { succeeds: false, attempts: 1 };
  return failures <= retryBudget
    ? { succeeds: true, attempts: failures + 1 }
    : { succeeds: false, attempts: retryBudget + 1 };
};
