import {
  ChatApiError,
  ChatConnectionError,
  ChatHttpError,
  ChatTimeoutError,
  chatErrorCodes,
} from '@avchatroom/client';
import { describe, expect, it } from 'vitest';
import { errorLine } from './error-line.js';

const context = { operation: 'getMembers', requestId: 42, attempts: 3 };

describe('errorLine', () => {
  it.each([
    { code: 70001, hint: 'issue a new AVCHATROOM_USERSIG' },
    {
      code: 70009,
      hint: 'check AVCHATROOM_SECRET_KEY (or AVCHATROOM_USERSIG), --identifier and --sdk-app-id',
    },
    { code: 70013, hint: 'check AVCHATROOM_SECRET_KEY' },
    { code: 70014, hint: 'check AVCHATROOM_SECRET_KEY' },
    { code: 10010, hint: 'check --group' },
    { code: 60010, hint: '--identifier must be an App admin' },
    { code: 60006, hint: 'check --sdk-app-id' },
    { code: 60007, hint: 'lower the rate' },
    { code: 60019, hint: 'lower the rate' },
    {
      code: 70050,
      hint: 'lower the rate (fewer processes on this SDKAppID, a longer --interval) and try again (the docs say to wait 60 s)',
    },
    { code: 10002, hint: 'try again in a moment' },
    { code: 60020, hint: 'wait before trying again' },
  ])('ErrorCode $code: its name, meaning and hint', ({ code, hint }) => {
    const entry = chatErrorCodes[code as keyof typeof chatErrorCodes];
    const line = errorLine(new ChatApiError(code, '', context));
    expect(line).toContain(`ErrorCode ${code} ${entry.name}: ${entry.meaning}`);
    expect(line).toContain(' Hint: ');
    expect(line).toContain(hint);
    expect(line).toMatch(/\[request 42\]$/);
  });

  it('keeps the server detail that adds to the meaning, on one line', () => {
    const meaning = chatErrorCodes[10004].meaning;
    const line = errorLine(new ChatApiError(10004, `${meaning} (Mark\nis bad)`, context));
    expect(line).toContain('(server: Mark is bad)');
    expect(line).not.toContain('\n');
  });

  it('names an undocumented code', () => {
    expect(errorLine(new ChatApiError(12345, 'odd', context))).toBe(
      'ErrorCode 12345 UndocumentedChatError: An ErrorCode the docs do not list. (server: odd). Hint: see the ErrorInfo and the Tencent Cloud Chat error code list. [request 42]',
    );
  });

  it.each([
    {
      error: new ChatConnectionError('fetch failed: ECONNREFUSED', context, undefined),
      want: 'network error: could not reach the server: fetch failed: ECONNREFUSED. Hint: check --base-url or --region',
    },
    {
      error: new ChatTimeoutError(10_000, context),
      want: 'network error: timed out after 10000 ms (3 attempts). Hint:',
    },
    {
      error: new ChatHttpError(
        502,
        '<html><body>\n<h1>502 Bad Gateway</h1></body></html>',
        context,
      ),
      want: 'HTTP error 502 (502 Bad Gateway). Hint: a gateway or proxy answered',
    },
  ])('$want', ({ error, want }) => {
    const line = errorLine(error);
    expect(line).toContain(want);
    expect(line).not.toContain('\n');
  });
});
