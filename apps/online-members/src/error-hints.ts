import type { ChatApiError } from '@avchatroom/client';
import { envNames } from './credentials-from-env.js';
import { operationHint } from './operation-hints.js';

// What to do about an ErrorCode, for the codes a user of this CLI can fix.
// The codes, names, meanings and retry classes themselves come from the
// client's table (generated from the spec); only the advice lives here.
const credentialsHint = `check ${envNames.secretKey} (or ${envNames.userSig}), --identifier and --sdk-app-id: the key must be this app's, and a UserSig must be issued for this identifier and SDKAppID`;
const sdkAppIdHint = `check --sdk-app-id (${envNames.sdkAppId}), and that --region is the one the app was created in`;
const groupHint = 'check --group: it must be the ID of an existing group of this SDKAppID';

const hintsByCode: Record<number, string> = {
  10001: credentialsHint,
  60004: credentialsHint,
  60005: credentialsHint,
  70002: credentialsHint,
  70003: credentialsHint,
  70005: credentialsHint,
  70009: credentialsHint,
  70013: credentialsHint,
  70014: credentialsHint,
  70016: credentialsHint,
  70052: credentialsHint,
  70001: `the UserSig expired: issue a new ${envNames.userSig}, or set ${envNames.secretKey} instead so UserSigs are issued and renewed`,
  60006: sdkAppIdHint,
  60012: sdkAppIdHint,
  70020: sdkAppIdHint,
  10010: groupHint,
  10015: groupHint,
  10004: 'the API refused a parameter: check --group and --mark',
  70402: 'the API refused a parameter: check --group and --mark',
  10007: 'only audio-video groups (AVChatRoom) and Communities can be listed: check --group',
  60010: '--identifier must be an App admin of this app (see the console\'s "App admin" page)',
  70403: '--identifier must be an App admin of this app (see the console\'s "App admin" page)',
  70107: '--identifier must be an existing (imported) account and an App admin',
  60021: "this machine's IP address is not on the app's allowlist of caller IPs",
  60016: 'the app is disabled: check its status in the console',
  60017: "the request is disabled for this app: check the app's settings in the console",
};

const retryHints: Record<ChatApiError['retry'], string> = {
  never: 'see the ErrorInfo and the Tencent Cloud Chat error code list',
  transient: 'a passing server fault that outlasted the retries: try again in a moment',
  backOff:
    'over a call-frequency limit (per SDKAppID): lower the rate (fewer processes on this SDKAppID, a longer --interval) and try again',
  renewUserSig: hintsByCode[70001] ?? '',
  waitLong: 'the condition takes minutes to change: wait before trying again',
};

/** What the user can do about an API error. */
export const hintFor = (error: ChatApiError): string => {
  const hint =
    operationHint(error.code, error.operation) ??
    hintsByCode[error.code] ??
    retryHints[error.retry];
  return error.retryAfterSeconds === undefined
    ? hint
    : `${hint} (the docs say to wait ${error.retryAfterSeconds} s)`;
};
