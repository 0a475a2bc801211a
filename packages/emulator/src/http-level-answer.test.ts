import { maxHeaderSize } from 'node:http';
import { describe, expect, it } from 'vitest';
import { fitsSpec } from '../test/support/spec-answers.js';
import { failure } from './api-answer.js';
import { clientErrorAnswer, connectAnswer, rawFailureAnswer } from './http-level-answer.js';

const parse = (raw: string) => {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const [statusLine, ...headerLines] = head.split('\r\n');
  return {
    statusLine,
    headers: Object.fromEntries(headerLines.map((line) => line.split(': '))),
    body,
  };
};

const errorWithCode = (code: string) => Object.assign(new Error(code), { code });

describe('rawFailureAnswer', () => {
  it('is a whole HTTP/1.1 answer with the API error shape as a JSON body, closing', () => {
    const raw = rawFailureAnswer(400, failure(60002, '房'));
    const { statusLine, headers, body } = parse(raw);
    expect(statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(headers).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
    });
    expect(JSON.parse(body)).toEqual(failure(60002, '房'));
    expect(fitsSpec('getMembers', JSON.parse(body))).toBe(true);
  });
});

describe('clientErrorAnswer', () => {
  it.each([
    { code: 'HPE_HEADER_OVERFLOW', status: '431 Request Header Fields Too Large', want: 60002 },
    { code: 'ERR_HTTP_REQUEST_TIMEOUT', status: '408 Request Timeout', want: 60008 },
    { code: 'HPE_INVALID_METHOD', status: '400 Bad Request', want: 60002 },
    { code: 'HPE_INVALID_EOF_STATE', status: '400 Bad Request', want: 60002 },
    { code: 'SOMETHING_NEW', status: '400 Bad Request', want: 60002 },
  ])('answers $code with $status and $want', ({ code, status, want }) => {
    const { statusLine, body } = parse(clientErrorAnswer(errorWithCode(code)));
    expect(statusLine).toBe(`HTTP/1.1 ${status}`);
    expect(JSON.parse(body)).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: want });
  });

  it("names Node's header limit for a head too large", () => {
    const { body } = parse(clientErrorAnswer(errorWithCode('HPE_HEADER_OVERFLOW')));
    expect(JSON.parse(body).ErrorInfo).toContain(`over ${maxHeaderSize} bytes`);
  });
});

describe('connectAnswer', () => {
  it('refuses with 400, never 200 (which would open a tunnel)', () => {
    const { statusLine, body } = parse(connectAnswer());
    expect(statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(JSON.parse(body)).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 60002 });
  });
});
