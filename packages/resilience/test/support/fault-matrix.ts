// The faults x settings matrix: every fault, at maxRetries 0 and at the default,
// once and as many times as the retries allow plus one, with each credential.
import { retryDefaults } from '@avchatroom/client';
import { type FaultCase, faultCases } from './fault-cases.js';
import type { Credential } from './retry-oracle.js';

export interface FaultScenario {
  name: string;
  fault: FaultCase;
  /** undefined: the option is left out, so the default applies. */
  maxRetries: number | undefined;
  /** How many calls in a row get the fault. */
  faultCount: number;
  credential: Credential;
}

const retrySettings = [0, undefined] as const;
const credentials: Credential[] = ['secretKey', 'userSig'];

export const faultScenarios = (): FaultScenario[] =>
  faultCases.flatMap((fault) =>
    retrySettings.flatMap((maxRetries) => {
      const budget = maxRetries ?? retryDefaults.maxRetries;
      // Once (absorbed when retries are allowed), and one more than the retries allow.
      const counts = [...new Set([1, budget + 1])];
      return counts.flatMap((faultCount) =>
        credentials.map((credential) => ({
          name: `${fault.label} x${faultCount}, ${maxRetries === undefined ? 'default maxRetries' : `maxRetries ${maxRetries}`}, ${credential}`,
          fault,
          maxRetries,
          faultCount,
          credential,
        })),
      );
    }),
  );
