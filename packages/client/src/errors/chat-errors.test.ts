import { describe, expect, it } from 'vitest';
import { ChatError } from './chat-error.js';
import {
  ChatApiError,
  ChatConnectionError,
  ChatHttpError,
  ChatPaginationError,
  ChatRequestValidationError,
  ChatResponseValidationError,
  ChatTimeoutError,
} from './chat-errors.js';

const context = { operation: 'getMembers', requestId: 123456789, attempts: 2 };

describe('error classes', () => {
  it.each([
    ['ChatApiError', new ChatApiError(10010, 'group not found', context)],
    ['ChatHttpError', new ChatHttpError(502, '<html>Bad Gateway</html>', context)],
    ['ChatTimeoutError', new ChatTimeoutError(10_000, context)],
    [
      'ChatConnectionError',
      new ChatConnectionError('fetch failed', context, new Error('ECONNRESET')),
    ],
    [
      'ChatRequestValidationError',
      new ChatRequestValidationError([{ path: 'groupId', message: 'must not be empty' }], context),
    ],
    [
      'ChatResponseValidationError',
      new ChatResponseValidationError([{ path: 'ErrorCode', message: 'is required' }], context),
    ],
    [
      'ChatPaginationError',
      new ChatPaginationError('cursor-repeated', 'cursor 5 twice', 3, context),
    ],
  ])('%s extends ChatError and carries the operation and request id', (_name, error) => {
    expect(error).toBeInstanceOf(ChatError);
    expect(error).toBeInstanceOf(Error);
    expect(error.operation).toBe('getMembers');
    expect(error.message).toMatch(/^getMembers /);
    expect(error.stack).toContain(error.message);
  });

  it('names the class, ChatApiError too; the code name from the spec is codeName', () => {
    expect(new ChatTimeoutError(1, context).name).toBe('ChatTimeoutError');
    const error = new ChatApiError(10010, '', context);
    expect(error).toMatchObject({ name: 'ChatApiError', codeName: 'GroupNotFound' });
    expect(String(error)).toMatch(/^ChatApiError: getMembers failed with ErrorCode 10010/);
  });

  it('fills a ChatApiError from the generated table', () => {
    const error = new ChatApiError(60007, 'over limit', context);
    expect(error).toMatchObject({
      code: 60007,
      info: 'over limit',
      codeName: 'RestCallFrequencyOverLimit',
      retry: 'backOff',
      documented: true,
      requestId: 123456789,
      attempts: 2,
    });
    expect(error.meaning).toBeTypeOf('string');
    expect(error.message).toBe(
      'getMembers failed with ErrorCode 60007 (RestCallFrequencyOverLimit): over limit',
    );
  });

  it('keeps an undocumented code, never retried', () => {
    const error = new ChatApiError(12345, '', context);
    expect(error).toMatchObject({
      code: 12345,
      codeName: 'UndocumentedChatError',
      retry: 'never',
      documented: false,
    });
    expect(error.message).toBe(
      'getMembers failed with ErrorCode 12345 (undocumented): no ErrorInfo',
    );
  });

  it('gives the documented wait where the docs give one', () => {
    expect(new ChatApiError(70050, '', context).retryAfterSeconds).toBe(60);
    expect(new ChatApiError(10002, '', context).retryAfterSeconds).toBeUndefined();
  });

  it('uses the meaning when the server sent no ErrorInfo', () => {
    expect(new ChatApiError(10010, '', context).message).toContain(': The group does not exist');
  });
});
