import { readFileSync } from 'node:fs';
import { specJsonPath } from '@avchatroom/openapi';

// Everything the emulator knows about the API's numbers and error codes is read
// from the bundled spec of @avchatroom/openapi, never typed a second time.

interface SpecErrorCode {
  code: number;
  name: string;
  meaning: string;
  retry: string;
}

interface SpecLimits {
  callsPerSecond: number;
  snapshotRefreshSeconds: number;
  maxMembers: number;
  nonProEditionMaxMembers: number;
  documentedPageSizes: number[];
}

const getMembersPath = '/v4/group_open_avchatroom_http_svc/get_members';

const spec = JSON.parse(readFileSync(specJsonPath, 'utf8'));
const operation = spec.paths[getMembersPath].post;

/** The path the emulator serves, as the spec names it. */
export const apiPath: string = getMembersPath;

/** The operation's `x-limits`. */
export const specLimits: SpecLimits = operation['x-limits'];

const errorCodes = new Map<number, SpecErrorCode>(
  [...operation['x-error-codes'], ...spec['x-public-error-codes']].map((entry: SpecErrorCode) => [
    entry.code,
    entry,
  ]),
);

/** The spec's entry for an error code; throws for a code the spec does not list. */
export const specErrorCode = (code: number): SpecErrorCode => {
  const entry = errorCodes.get(code);
  if (!entry) throw new RangeError(`error code ${code} is not in the spec`);
  return entry;
};

/** Whether the spec lists this error code. */
export const isSpecErrorCode = (code: number): boolean => errorCodes.has(code);
