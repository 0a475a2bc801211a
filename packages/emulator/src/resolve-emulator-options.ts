import type { EmulatorOptions } from './emulator-options.js';
import { assertValidSeed, demoSeedPath, type EmulatorSeed, loadSeedFile } from './seed.js';
import {
  type ApiSpec,
  bundledSpec,
  isSpecErrorCode,
  loadApiSpec,
  specLimits,
} from './spec-facts.js';

export interface EmulatorSettings {
  /** The spec whose operations are served. */
  spec: ApiSpec;
  seed: EmulatorSeed;
  host: string;
  port: number;
  pageSize: number;
  snapshotRefreshMs: number;
  /** Every operation's limit; undefined: each operation's own x-limits. */
  callsPerSecond: number | false | undefined;
  rateLimitErrorCode: number;
  latencyMs: number;
}

const isWholeNumber = (value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): boolean =>
  Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;

/** Applies the defaults (the spec's x-limits) and names every bad option. */
export const resolveEmulatorOptions = (options: EmulatorOptions): EmulatorSettings => {
  const problems: string[] = [];
  const { pageSize = 500, port = 0, latencyMs = 0, rateLimitErrorCode = 60007 } = options;
  const snapshotRefreshMs = options.snapshotRefreshMs ?? specLimits.snapshotRefreshSeconds * 1000;
  const { callsPerSecond } = options;
  if (!isWholeNumber(pageSize, 1, 100_000))
    problems.push('pageSize must be an integer from 1 to 100000');
  if (!isWholeNumber(port, 0, 65535)) problems.push('port must be an integer from 0 to 65535');
  if (!isWholeNumber(latencyMs, 0, 600_000))
    problems.push('latencyMs must be an integer from 0 to 600000');
  if (!isWholeNumber(snapshotRefreshMs, 0))
    problems.push('snapshotRefreshMs must be a non-negative integer');
  if (
    callsPerSecond !== undefined &&
    callsPerSecond !== false &&
    !isWholeNumber(callsPerSecond, 1)
  ) {
    problems.push('callsPerSecond must be a positive integer or false');
  }
  if (!isSpecErrorCode(rateLimitErrorCode))
    problems.push('rateLimitErrorCode must be an error code of the spec');
  if (options.host !== undefined && (typeof options.host !== 'string' || options.host === '')) {
    problems.push('host must be a non-empty string');
  }
  if (
    options.specPath !== undefined &&
    (typeof options.specPath !== 'string' || options.specPath === '')
  ) {
    problems.push('specPath must be the path of a bundled spec (JSON)');
  }
  if (problems.length > 0)
    throw new TypeError(`Invalid emulator options:\n- ${problems.join('\n- ')}`);
  let spec = bundledSpec;
  if (options.specPath !== undefined) {
    try {
      spec = loadApiSpec(options.specPath);
    } catch (error) {
      throw new TypeError(
        `Cannot read the spec file ${options.specPath}: ${(error as Error).message}`,
      );
    }
  }
  const seedOption = options.seed ?? demoSeedPath;
  const seed =
    typeof seedOption === 'string' ? loadSeedFile(seedOption) : assertValidSeed(seedOption);
  return {
    spec,
    seed,
    host: options.host ?? '127.0.0.1',
    port,
    pageSize,
    snapshotRefreshMs,
    callsPerSecond,
    rateLimitErrorCode,
    latencyMs,
  };
};
