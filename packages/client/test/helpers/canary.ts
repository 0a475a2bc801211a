// The canary bad values carry wherever a value can hold text: no error message,
// stack or util.inspect may show it, or the error shows the bad value.
import { inspect } from 'node:util';
import { expect } from 'vitest';

export const CANARY = 'CANARY-83e0';
export const CANARY_BIGINT = 55120042424242424242n;

/** Neither canary shows in the error's message, stack or util.inspect (hidden fields too). */
export const expectNoCanary = (error: Error): void => {
  for (const shown of [error.message, error.stack ?? '', inspect(error, { showHidden: true })]) {
    expect(shown).not.toContain(CANARY);
    expect(shown).not.toContain(String(CANARY_BIGINT));
  }
};
