import { type ChatClientOptions, type ChatRegionId, chatRegions } from '@avchatroom/client';
import type { ConnectionFlags } from './parse-command.js';
import { parseWholeNumber } from './parse-numbers.js';
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

/** A variable's value, with an empty one counted as unset. */
const read = (env: Env, name: string): string | undefined => {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
};

const isRegionId = (value: string): value is ChatRegionId => Object.hasOwn(chatRegions, value);

const isHttpUrl = (value: string): boolean => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
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
    region = read(env, envNames.region);
    baseUrl = read(env, envNames.baseUrl);
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
    if (!isHttpUrl(baseUrl)) throw new UsageError(`${source} must be an http(s) URL`, command);
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
  const sdkAppIdText = flags.sdkAppId ?? read(env, envNames.sdkAppId);
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
  const identifier = flags.identifier ?? read(env, envNames.identifier);
  if (identifier === undefined) {
    throw new UsageError(`no identifier: give --identifier or set ${envNames.identifier}`, command);
  }
  const secretKey = read(env, envNames.secretKey);
  const userSig = read(env, envNames.userSig);
  if (secretKey !== undefined && userSig !== undefined) {
    throw new UsageError(`set ${envNames.secretKey} or ${envNames.userSig}, not both`, command);
  }
  const target = targetFrom(flags, env, command);
  const base = { sdkAppId, identifier, ...target };
  if (secretKey !== undefined) return { ...base, secretKey };
  if (userSig !== undefined) return { ...base, userSig };
  throw new UsageError(`no credentials: set ${envNames.secretKey} or ${envNames.userSig}`, command);
};
