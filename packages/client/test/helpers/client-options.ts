import type { ChatClientOptions } from '../../src/index.js';

/** Options for a client that talks only to an injected fetch; no rate limit unless a test sets one. */
export const testOptions = (
  fetch: typeof globalThis.fetch,
  extra: Partial<ChatClientOptions> = {},
): ChatClientOptions =>
  ({
    sdkAppId: 1400000001,
    identifier: 'admin',
    userSig: 'test-usersig',
    baseUrl: 'https://chat.test',
    rateLimit: false,
    fetch,
    ...extra,
  }) as ChatClientOptions;
