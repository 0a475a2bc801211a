import { UsageError } from './usage-error.js';

/** An integer from `min` to `max` written in decimal digits only (no 1e3, no 0x10). */
export const parseWholeNumber = (
  text: string,
  what: string,
  range: { min: number; max: number },
  command?: string,
): number => {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(Number.isSafeInteger(value) && value >= range.min && value <= range.max)) {
    throw new UsageError(
      `${what} must be a whole number from ${range.min} to ${range.max}`,
      command,
    );
  }
  return value;
};

/** A positive number of seconds, decimals allowed (0.5), at most `max`. */
export const parseSeconds = (text: string, what: string, max: number, command?: string): number => {
  const value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(value > 0 && value <= max)) {
    throw new UsageError(`${what} must be a number of seconds above 0, at most ${max}`, command);
  }
  return value;
};
