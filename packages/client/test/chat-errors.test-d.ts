import { describe, expectTypeOf, it } from 'vitest';
import {
  ChatApiError,
  type ChatErrorCode,
  type ChatRetryClass,
  type UndocumentedChatErrorCode,
} from '../src/index.js';

describe('ChatApiError types', () => {
  it('types code as the documented codes, still open to undocumented numbers', () => {
    const error = new ChatApiError(10010, '', {
      operation: 'getMembers',
      requestId: 1,
      attempts: 1,
    });
    expectTypeOf<10010>().toMatchTypeOf<typeof error.code>();
    expectTypeOf<ChatErrorCode>().toMatchTypeOf<typeof error.code>();
    expectTypeOf(error.code).toMatchTypeOf<number>();
    expectTypeOf(error.retry).toEqualTypeOf<ChatRetryClass>();
    expectTypeOf(error.code).toEqualTypeOf<ChatErrorCode | UndocumentedChatErrorCode>();
    expectTypeOf(error.codeName).toEqualTypeOf<string>();
  });

  it('includes the codes of the spec in the union', () => {
    expectTypeOf<10010 | 70001 | 60007>().toMatchTypeOf<ChatErrorCode>();
    expectTypeOf<0>().not.toMatchTypeOf<ChatErrorCode>();
  });
});
