import { createCallSender } from './call-sender.js';
import type { ChatClientOptions } from './chat-client-options.js';
import type { ChatOperationMethods } from './generated/operation-layer.gen.js';
import { type ChatOperationId, chatOperations } from './generated/operations.gen.js';
import { createOperationCall, operationEntry } from './operation-call.js';
import { createCollectListing } from './pagination/collect-listing.js';
import { iterateListing } from './pagination/paginate.js';
import { resolveClientOptions } from './resolve-client-options.js';

/**
 * A client of the spec's operations with every policy applied: one method per
 * operation, named by its operationId (`getMembers`, `getOnlineMemberNum`,
 * ...), and for each paged operation an iterate and a collect method named by
 * its x-pagination (`members` and `listMembers`, `bans` and `listBans`).
 */
export type ChatClient = ChatOperationMethods;

/**
 * Creates a client: credentials and UserSig renewal, the region, the rate
 * limit, retries, timeouts, typed errors, response validation and redaction
 * are configured once here, for every operation.
 *
 * @example
 * const client = createChatClient({ sdkAppId: 1400000000, identifier: 'administrator', secretKey, region: 'singapore' });
 * for await (const member of client.members({ groupId: '@TGS#a6I4ZUUGO' })) console.log(member.Member_Account);
 */
export const createChatClient = (options: ChatClientOptions): ChatClient => {
  const resolved = resolveClientOptions('createChatClient', options, 'client');
  const send = createCallSender(resolved.call);
  const methods: Record<string, unknown> = {};
  for (const operation of Object.keys(chatOperations) as ChatOperationId[]) {
    const call = createOperationCall(send, resolved.validateResponses, operation);
    methods[operation] = call;
    const pagination = operationEntry(operation).pagination;
    if (pagination) {
      methods[pagination.iterate] = (first: unknown, second?: unknown) =>
        iterateListing(call, operation, first, second);
      methods[pagination.collect] = createCollectListing(call, operation);
    }
  }
  return methods as unknown as ChatClient;
};
