// Pack-test consumer (c), compiled with `tsc --noEmit` (strict, skipLibCheck
// off) in a temporary project that installed the packed tarballs, once under
// `module`/`moduleResolution` node16 and once under `moduleResolution: bundler`,
// with no @types/node: every package's declarations must stand on their own.
// Never run. The @ts-expect-error lines prove the types are real: if an import
// fell back to `any`, they would be unused and fail the compile.
import {
  type ChatClient,
  ChatError,
  createChatClient,
  generateUserSig,
  type MembersListing,
  type OnlineMember,
  verifyUserSig,
} from '@avchatroom/client';
import { type ChatPaths, createFetchClient } from '@avchatroom/client/fetch';
import {
  demoSeedPath,
  type EmulatorOptions,
  type EmulatorStats,
  type FaultKind,
  type RunningEmulator,
  startEmulator,
} from '@avchatroom/emulator';
import {
  type PrismMock,
  type StartPrismMockOptions,
  specJsonPath,
  specPath,
  startPrismMock,
} from '@avchatroom/openapi';
import {
  createRedisRateLimitStore,
  RateLimitStoreUnavailableError,
  type RedisClientLike,
} from '@avchatroom/rate-limit-redis';
import type { components, GetMembersResponse, paths } from '@avchatroom/types';

type MemberFromTypes = components['schemas']['OnlineMember'];
type GetMembersOperation = paths['/v4/group_open_avchatroom_http_svc/get_members']['post'];

export const spec: { yaml: string; json: string } = { yaml: specPath, json: specJsonPath };

export const startMock: (options?: StartPrismMockOptions) => Promise<PrismMock> = startPrismMock;

export const listAll = async (secretKey: string): Promise<string[]> => {
  const client: ChatClient = createChatClient({
    sdkAppId: 1400000000,
    identifier: 'administrator',
    secretKey,
    region: 'singapore',
  });
  const listing: MembersListing = await client.listMembers('@TGS#aPackTest', { maxPages: 2 });
  const first: OnlineMember | undefined = listing.members[0];
  const sameShape: MemberFromTypes | undefined = first;
  // @ts-expect-error: listMembers needs a group id
  await client.listMembers();
  // @ts-expect-error: give either region or baseUrl, not an unknown region
  createChatClient({ sdkAppId: 1, identifier: 'a', secretKey, region: 'atlantis' });
  return [
    sameShape?.Member_Account ?? '',
    ...listing.members.map((member) => member.JoinTime.toFixed()),
  ];
};

export const checkSig = async (secretKey: string): Promise<boolean> => {
  const userSig: string = await generateUserSig({
    sdkAppId: 1400000000,
    identifier: 'administrator',
    secretKey,
    expireSeconds: 86400,
  });
  const verification = await verifyUserSig(userSig, { sdkAppId: 1400000000, secretKey });
  if (verification.valid) return verification.expiresAt > verification.issuedAt;
  // @ts-expect-error: the reason is a closed union
  const reason: 'nope' = verification.reason;
  return reason === 'nope';
};

export const fetchPage = async (baseUrl: string): Promise<string | undefined> => {
  const client = createFetchClient({ baseUrl });
  const { data } = await client.POST('/v4/group_open_avchatroom_http_svc/get_members', {
    body: { GroupId: '@TGS#aPackTest', Timestamp: 0 },
  });
  const response: GetMembersResponse | undefined = data;
  await client.POST('/v4/group_open_avchatroom_http_svc/get_members', {
    // @ts-expect-error: the request body is typed (Timestamp is a number)
    body: { GroupId: 'g', Timestamp: '0' },
  });
  return response?.MemberList?.[0]?.Member_Account;
};

export const emulateDemoRoom = async (): Promise<number> => {
  const options: EmulatorOptions = { seed: demoSeedPath, pageSize: 250, callsPerSecond: false };
  const emulator: RunningEmulator = await startEmulator(options);
  const kind: FaultKind = 'systemError';
  emulator.faults.add({ kind, times: 2 });
  // @ts-expect-error: the fault kinds are a closed union
  emulator.faults.add({ kind: 'meteor' });
  const [app] = emulator.seed.apps;
  const members = await createChatClient({
    sdkAppId: app?.sdkAppId ?? 0,
    identifier: 'administrator',
    secretKey: app?.secretKey ?? '',
    baseUrl: emulator.url,
  }).listMembers('@TGS#aLIVEDEMO');
  const stats: EmulatorStats = emulator.stats();
  await emulator.stop();
  return members.members.length + stats.apiCalls;
};

export const sharedQuotaClient = (redis: RedisClientLike): ChatClient => {
  const store = createRedisRateLimitStore({ client: redis, localFallback: { share: 0.5 } });
  // @ts-expect-error: the fallback share is an object, not a number
  createRedisRateLimitStore({ client: redis, localFallback: 0.5 });
  return createChatClient({
    sdkAppId: 1400000000,
    identifier: 'administrator',
    secretKey: 'pack-test-secret-key',
    region: 'singapore',
    rateLimit: { store },
  });
};

export const isStoreDown = (error: unknown): boolean =>
  error instanceof RateLimitStoreUnavailableError && error.failure !== 'command-failed';

export type Operation = GetMembersOperation;
export type Paths = ChatPaths;
export const isChatError = (error: unknown): error is ChatError => error instanceof ChatError;
