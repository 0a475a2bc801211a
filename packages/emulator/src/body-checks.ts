import { ApiFailure } from './api-answer.js';

/** The get_members request body, as checked by the emulator. */
export interface GetMembersBody {
  groupId: string;
  timestamp: number;
  mark?: number;
}

const isCursor = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) >= 0;

// Group IDs the API issues are `@TGS#` and letters, digits or `_`; custom IDs
// are at most 48 bytes (the facts sheet). Anything else cannot name a group.
const issuedGroupId = /^@TGS#[A-Za-z0-9_]+$/;
const maxGroupIdBytes = 48;

const hasSpaceOrControl = (text: string): boolean =>
  [...text].some(
    (char) => /\s/.test(char) || (char.codePointAt(0) as number) < 0x20 || char === '\u007f',
  );

const readJson = (raw: Buffer): unknown => {
  try {
    // Non-UTF-8 bytes are a parse error too, not silently replaced.
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    throw new ApiFailure(60003, 'the body is not valid UTF-8 JSON');
  }
};

/**
 * Parses and checks the body: 60003 when it is not JSON (the REST API overview
 * asks for at least `{}`), 10004 for a missing or mistyped field, 10015 for a
 * group ID that cannot exist. Fields the API does not know are ignored, as a
 * server does (the spec's schema refuses them only to catch client typos).
 */
export const readGetMembersBody = (raw: Buffer): GetMembersBody => {
  const body = readJson(raw);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiFailure(10004, 'the body must be a JSON object');
  }
  const { GroupId: groupId, Timestamp: timestamp, Mark: mark } = body as Record<string, unknown>;
  if (typeof groupId !== 'string' || groupId === '')
    throw new ApiFailure(10004, 'GroupId must be a non-empty string');
  if (timestamp === undefined)
    throw new ApiFailure(10004, 'Timestamp is required (0 for the first page)');
  if (!isCursor(timestamp)) throw new ApiFailure(10004, 'Timestamp must be a non-negative integer');
  if (mark !== undefined && !isCursor(mark))
    throw new ApiFailure(10004, 'Mark must be a non-negative integer');
  if (
    new TextEncoder().encode(groupId).length > maxGroupIdBytes ||
    (groupId.startsWith('@TGS#') && !issuedGroupId.test(groupId)) ||
    hasSpaceOrControl(groupId)
  ) {
    throw new ApiFailure(10015, 'GroupId cannot name a group');
  }
  return { groupId, timestamp, ...(mark !== undefined && { mark }) };
};
