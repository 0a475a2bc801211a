import { type ChatOperationId, chatOperations } from './generated/operations.gen.js';

/** The spec's operation at this method and path, and the base URL path before it. */
export const findOperation = (
  method: string,
  pathname: string,
): { id: ChatOperationId; base: string } | undefined => {
  for (const [id, operation] of Object.entries(chatOperations)) {
    if (operation.method === method && pathname.endsWith(operation.path)) {
      return { id: id as ChatOperationId, base: pathname.slice(0, -operation.path.length) };
    }
  }
  return undefined;
};
