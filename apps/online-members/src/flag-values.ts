import { banGroupMemberLimits, modifyUserInfoLimits } from '@avchatroom/client';
import type { ListFormat } from './formats/format-listing.js';
import { parseSeconds, parseWholeNumber } from './parse-numbers.js';
import { UsageError } from './usage-error.js';

// Readers of flag values shared by the commands; each throws UsageError naming the flag.

type Values = Readonly<Record<string, string | undefined>>;

/** Connection settings given as flags; the environment fills in the rest. */
export interface ConnectionFlags {
  region?: string | undefined;
  baseUrl?: string | undefined;
  sdkAppId?: string | undefined;
  identifier?: string | undefined;
  /** Seconds per attempt; undefined: the client's default. */
  timeoutSeconds?: number | undefined;
}

// Mark is a non-negative safe integer in the spec (GetMembersRequest.Mark).
const maxMark = Number.MAX_SAFE_INTEGER;

// Per attempt; the client's default is 10 s (packages/client/README.md, timeoutMs).
const maxTimeoutSeconds = 300;

export const requireGroup = (values: Values, command: string): string => {
  const groupId = values.group;
  if (groupId === undefined) throw new UsageError('--group is required', command);
  return groupId;
};

export const connectionFrom = (values: Values, command: string): ConnectionFlags => ({
  region: values.region,
  baseUrl: values['base-url'],
  sdkAppId: values['sdk-app-id'],
  identifier: values.identifier,
  timeoutSeconds:
    values.timeout === undefined
      ? undefined
      : parseSeconds(values.timeout, '--timeout', maxTimeoutSeconds, command),
});

/** The mark a listing filters by (0: no filter), if given. */
export const markFrom = (values: Values, command: string): number | undefined =>
  values.mark === undefined
    ? undefined
    : parseWholeNumber(values.mark, '--mark', { min: 0, max: maxMark }, command);

/**
 * The mark `mark set|delete` changes: the special mark or a custom one (the
 * spec's x-limits of modifyUserInfo: 500, or 1000 and up).
 */
export const requireSettableMark = (values: Values, command: string): number => {
  const { specialMark, minCustomMark } = modifyUserInfoLimits;
  const mark = values.mark === undefined ? Number.NaN : Number(values.mark);
  if (
    values.mark === undefined ||
    !/^\d+$/.test(values.mark) ||
    !Number.isSafeInteger(mark) ||
    !(mark === specialMark || mark >= minCustomMark)
  ) {
    throw new UsageError(
      `--mark must be ${specialMark} or a whole number from ${minCustomMark} to ${maxMark}`,
      command,
    );
  }
  return mark;
};

export const formatFrom = <Format extends ListFormat>(
  values: Values,
  formats: readonly Format[],
  command: string,
): Format => {
  const format = values.format ?? 'table';
  if (!(formats as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${formats.join(', ')}`, command);
  }
  return format as Format;
};

/**
 * The accounts of `--member` (required), each once in the order given: a call
 * names an account once. `max` is the operation's documented per-call cap.
 */
export const requireMembers = (
  lists: Readonly<Record<string, readonly string[] | undefined>>,
  command: string,
  max = Number.POSITIVE_INFINITY,
): string[] => {
  const members = [...new Set(lists.member ?? [])];
  if (members.length === 0) throw new UsageError('--member is required', command);
  if (members.length > max) {
    throw new UsageError(`--member: at most ${max} accounts per call`, command);
  }
  return members;
};

/** Seconds of a ban: 1 to the spec's 32-bit maximum (x-limits.maxDurationSeconds). */
export const requireDuration = (values: Values, command: string): number => {
  if (values.duration === undefined) {
    throw new UsageError('--duration is required (seconds)', command);
  }
  return parseWholeNumber(
    values.duration,
    '--duration',
    { min: 1, max: banGroupMemberLimits.maxDurationSeconds },
    command,
  );
};

/** A ban's description, if given: at most the spec's 1,000 bytes of UTF-8 (x-limits.maxDescriptionBytes). */
export const descriptionFrom = (values: Values, command: string): string | undefined => {
  const description = values.description;
  const max = banGroupMemberLimits.maxDescriptionBytes;
  if (description !== undefined && Buffer.byteLength(description, 'utf8') > max) {
    throw new UsageError(`--description is longer than ${max} bytes (UTF-8)`, command);
  }
  return description;
};
