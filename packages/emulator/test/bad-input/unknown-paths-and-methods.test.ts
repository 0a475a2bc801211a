import { maxHeaderSize } from 'node:http';
import { describe, expect, it } from 'vitest';
import { apiPath } from '../../src/spec-facts.js';
import { fromRawAnswer, fromResponse } from './api-answer-checks.js';
import { useBadInputSuite } from './bad-input-suite.js';
import { firstPageBody } from './bad-input-target.js';
import { exchangeRaw, requestHead } from './raw-exchange.js';

// Paths other than the spec's get 60009 and methods other than POST get 60002
// (README: "any other path", "not POST"). Paths go over a bare socket, sent
// byte for byte: fetch would resolve `..` before sending.

const { target, readBody, failureCode, expectStillServing } = useBadInputSuite();

/** POSTs a valid first page with the valid query to `path`, exactly as written. */
const postTo = async (path: string) => {
  const head = requestHead('POST', `${path}?${target().goodQuery}`, [
    `content-length: ${firstPageBody.length}`,
  ]);
  return exchangeRaw(target().port, head, { body: [firstPageBody] });
};

const [, version = '', service = '', operation = ''] = apiPath.split('/');

describe.concurrent('a path other than the API path gets 60009', () => {
  it.each([
    { name: 'the root', path: '/' },
    { name: 'the version only', path: `/${version}/` },
    { name: 'the version, no slash', path: `/${version}` },
    { name: 'the service only', path: `/${version}/${service}` },
    { name: 'a missing letter', path: apiPath.slice(0, -1) },
    { name: 'another operation', path: `/${version}/${service}/get_member_info` },
    { name: 'a trailing slash', path: `${apiPath}/` },
    { name: 'two trailing slashes', path: `${apiPath}//` },
    { name: 'a leading double slash', path: `/${apiPath}` },
    { name: 'a double slash inside', path: `/${version}//${service}/${operation}` },
    { name: 'the version in capitals', path: apiPath.replace(version, version.toUpperCase()) },
    { name: 'all in capitals', path: apiPath.toUpperCase() },
    { name: 'a dot segment', path: `/${version}/./${service}/${operation}` },
    { name: 'traversal back to the API path', path: `/${version}/x/../${service}/${operation}` },
    { name: 'traversal after the API path', path: `${apiPath}/../${operation}` },
    { name: 'traversal out of the root', path: '/../../etc/passwd' },
    { name: 'escaped traversal', path: `/${version}/x/%2e%2e/${service}/${operation}` },
    { name: 'an escaped underscore', path: apiPath.replace('get_members', 'get%5Fmembers') },
    { name: 'an escaped slash', path: `/${version}%2F${service}/${operation}` },
    { name: 'a path of 8 KiB', path: `/${'a'.repeat(8 * 1024)}` },
    { name: 'the API path 200 times', path: apiPath.repeat(200) },
    { name: 'the control prefix without its slash', path: '/__emulator' },
  ])('$name', async ({ path }) => {
    expect(failureCode(fromRawAnswer(await postTo(path)))).toBe(60009);
    await expectStillServing();
  });

  it('the API path with a fragment is the API path', async () => {
    const head = requestHead('POST', `${apiPath}?${target().goodQuery}#page`, [
      `content-length: ${firstPageBody.length}`,
    ]);
    const answer = await exchangeRaw(target().port, head, { body: [firstPageBody] });
    expect(readBody(fromRawAnswer(answer)).ErrorCode).toBe(0);
  });

  // RFC 9112 section 3.2.2: a server must accept the absolute form proxies send.
  it('the API path as an absolute URL is the API path', async () => {
    const answer = await postTo(`http://127.0.0.1:${target().port}${apiPath}`);
    expect(readBody(fromRawAnswer(answer)).ErrorCode).toBe(0);
  });

  it("a path over Node's header limit gets 431 with 60002", async () => {
    const answer = await postTo(`/${'a'.repeat(maxHeaderSize)}`);
    expect(failureCode(fromRawAnswer(answer), { status: 431 })).toBe(60002);
    await expectStillServing();
  });
});

describe.concurrent('a method other than POST on the API path gets 60002', () => {
  it.each(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('%s', async (method) => {
    const withBody = method !== 'GET';
    const response = await fetch(target().goodUrl, {
      method,
      ...(withBody && { body: firstPageBody }),
      signal: AbortSignal.timeout(10_000),
    });
    expect(failureCode(await fromResponse(response))).toBe(60002);
    await expectStillServing();
  });

  it.each(['PROPFIND', 'REPORT', 'PURGE'])(
    '%s (a method Node knows but fetch rarely sends)',
    async (method) => {
      const head = requestHead(method, `${apiPath}?${target().goodQuery}`);
      const answer = await exchangeRaw(target().port, head);
      expect(failureCode(fromRawAnswer(answer))).toBe(60002);
      await expectStillServing();
    },
  );

  it('OPTIONS * gets 60002: the target is not a path', async () => {
    const answer = await exchangeRaw(target().port, requestHead('OPTIONS', '*'));
    expect(failureCode(fromRawAnswer(answer))).toBe(60002);
    await expectStillServing();
  });

  // HTTP forbids a body in the answer to HEAD (RFC 9110 section 9.3.2): the
  // headers are those of GET's 60002 answer.
  it('HEAD gets the headers of the 60002 answer, without a body', async () => {
    const [head, get] = await Promise.all(
      ['HEAD', 'GET'].map((method) =>
        fetch(target().goodUrl, { method, signal: AbortSignal.timeout(10_000) }),
      ),
    );
    const getAnswer = await fromResponse(get as Response);
    expect(failureCode(getAnswer)).toBe(60002);
    const headAnswer = await fromResponse(head as Response);
    expect(headAnswer).toEqual({ ...getAnswer, text: '' });
    expect(head?.headers.get('content-length')).toBe(String(Buffer.byteLength(getAnswer.text)));
    await expectStillServing();
  });
});
