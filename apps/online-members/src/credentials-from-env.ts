import { type ChatClientOptions, type ChatRegionId, chatRegions } from '@avchatroom/client';
import type { ConnectionFlags } from './flag-values.js';
import { parseWholeNumber } from './parse-numbers.js';
import { hasControlCharacter } from './terminal-text.js';
import { UsageError } from './usage-error.js';

/** The environment variables the CLI reads, in one place. */
export const envNames = {
  sdkAppId: 'AVCHATROOM_SDKAPPID',
  identifier: 'AVCHATROOM_IDENTIFIER',
  secretKey: 'AVCHATROOM_SECRET_KEY',
  userSig: 'AVCHATROOM_USERSIG',
  region: 'AVCHATROOM_REGION',
  baseUrl: 'AVCHATROOM_BASE_URL',
} as const;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * A variable's value, with an empty one counted as unset. A control character
 * (a newline or an escape pasted with the value) is refused like a bad flag
 * value: no setting may hold one. The message names the variable, never its
 * value.
 */
const read = (env: Env, name: string, command: string): string | undefined => {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  if (hasControlCharacter(value)) {
    throw new UsageError(`${name} holds a control character (a stray newline?)`, command);
  }
  return value;
};

/**
 * A secret: neither a key nor a UserSig holds whitespace (UserSigs are
 * base64 with `*-_`), so a space is one pasted with it, which would only earn
 * a UserSig error from the server after a call that need not be made.
 */
const readSecret = (env: Env, name: string, command: string): string | undefined => {
  const value = read(env, name, command);
  if (value !== undefined && /\s/.test(value)) {
    throw new UsageError(`${name} holds whitespace (pasted with the secret?)`, command);
  }
  return value;
};

const isRegionId = (value: string): value is ChatRegionId => Object.hasOwn(chatRegions, value);

// Whitespace too is refused: the URL parser would drop a tab or newline and
// trim spaces silently, so the URL used would not be the one given.
const httpUrl = (value: string): URL | undefined => {
  if (/\s/.test(value)) return undefined;
  try {
    const url = new URL(value);
    return ['http:', 'https:'].includes(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Where to send calls: a flag wins over the environment, and one flag replaces
 * both variables (`--base-url` ignores AVCHATROOM_REGION). Both flags, or both
 * variables and no flag, is ambiguous.
 */
const targetFrom = (flags: ConnectionFlags, env: Env, command: string) => {
  if (flags.region !== undefined && flags.baseUrl !== undefined) {
    throw new UsageError('give --region or --base-url, not both', command);
  }
  let region = flags.region;
  let baseUrl = flags.baseUrl;
  let source = region === undefined ? '--base-url' : '--region';
  if (region === undefined && baseUrl === undefined) {
    region = read(env, envNames.region, command);
    baseUrl = read(env, envNames.baseUrl, command);
    source = region === undefined ? envNames.baseUrl : envNames.region;
    if (region !== undefined && baseUrl !== undefined) {
      throw new UsageError(
        `set ${envNames.region} or ${envNames.baseUrl}, not both (or give --region or --base-url)`,
        command,
      );
    }
  }
  if (region !== undefined) {
    if (!isRegionId(region)) {
      throw new UsageError(
        `${source} must be one of ${Object.keys(chatRegions).join(', ')}`,
        command,
      );
    }
    return { region };
  }
  if (baseUrl !== undefined) {
    const url = httpUrl(baseUrl);
    if (url === undefined) throw new UsageError(`${source} must be an http(s) URL`, command);
    // fetch refuses a URL with credentials on every call, and its message
    // quotes the URL, password included; the API takes no URL credentials.
    if (url.username !== '' || url.password !== '') {
      throw new UsageError(
        `${source} holds a user name or password: the API takes none in its URL (credentials come from ${envNames.secretKey} or ${envNames.userSig})`,
        command,
      );
    }
    return { baseUrl };
  }
  throw new UsageError(
    `no endpoint: give --region or --base-url, or set ${envNames.region} or ${envNames.baseUrl}`,
    command,
  );
};

/**
 * The client's options from the flags and the environment. Secrets come only
 * from the environment. Error messages name the setting, never its value.
 */
export const clientOptionsFrom = (
  flags: ConnectionFlags,
  env: Env,
  command: string,
): ChatClientOptions => {
  const sdkAppIdText = flags.sdkAppId ?? read(env, envNames.sdkAppId, command);
  const sdkAppIdSource = flags.sdkAppId === undefined ? envNames.sdkAppId : '--sdk-app-id';
  if (sdkAppIdText === undefined) {
    throw new UsageError(`no SDKAppID: give --sdk-app-id or set ${envNames.sdkAppId}`, command);
  }
  const sdkAppId = parseWholeNumber(
    sdkAppIdText,
    sdkAppIdSource,
    { min: 1, max: 0xffffffff },
    command,
  );
  const identifier = flags.identifier ?? read(env, envNames.identifier, command);
  if (identifier === undefined) {
    throw new UsageError(`no identifier: give --identifier or set ${envNames.identifier}`, command);
  }
  const secretKey = readSecret(env, envNames.secretKey, command);
  const userSig = readSecret(env, envNames.userSig, command);
  if (secretKey !== undefined && userSig !== undefined) {
    throw new UsageError(`set ${envNames.secretKey} or ${envNames.userSig}, not both`, command);
  }
  const target = targetFrom(flags, env, command);
  const base = {
    sdkAppId,
    identifier,
    ...target,
    ...(flags.timeoutSeconds !== undefined && {
      timeoutMs: Math.ceil(flags.timeoutSeconds * 1000),
    }),
  };
  if (secretKey !== undefined) return { ...base, secretKey };
  if (userSig !== undefined) return { ...base, userSig };
  throw new UsageError(`no credentials: set ${envNames.secretKey} or ${envNames.userSig}`, command);
};
