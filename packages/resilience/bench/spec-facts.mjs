// What the benchmarks take from the spec, through the tables @avchatroom/client
// generates from it: never typed a second time here.
import { chatErrorCodes, chatOperations, getMembersLimits } from '@avchatroom/client';

/** The API path, as the spec names it. */
export const getMembersPath = chatOperations.getMembers.path;

/** get_members' documented limit per SDKAppID (x-limits.callsPerSecond). */
export const callsPerSecondLimit = getMembersLimits.callsPerSecond;

/** The documented page sizes (English docs 500, Chinese 250). */
export const documentedPageSizes = getMembersLimits.documentedPageSizes;

/**
 * The frequency-limit codes: every code whose retry class is `backOff`. The docs
 * do not say which one the API uses, so the bench counts all of them.
 */
export const rateLimitCodes = Object.values(chatErrorCodes)
  .filter((entry) => entry.retry === 'backOff')
  .map((entry) => entry.code);

/** How many answers in an emulator's byErrorCode were frequency-limit refusals. */
export const rateLimitAnswers = (byErrorCode) =>
  rateLimitCodes.reduce((sum, code) => sum + (byErrorCode[code] ?? 0), 0);
