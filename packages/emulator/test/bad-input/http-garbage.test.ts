import { maxHeaderSize } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { apiPath } from '../../src/spec-facts.js';
import { fromRawAnswer } from './api-answer-checks.js';
import { useBadInputSuite } from './bad-input-suite.js';
import { firstPageBody } from './bad-input-target.js';
import { exchangeRaw, type RawAnswer, requestHead } from './raw-exchange.js';

// What never becomes a request: bytes Node cannot parse as HTTP/1.1. The
// README ("What it answers", the requests that never reach the API): an HTTP
// error status (400, or 431 for a head over Node's header limit), `connection:
// close`, and still the API's error shape in the body, with 60002 (HTTP parse
// error).

const { target, readBody, failureCode, expectStillServing } = useBadInputSuite();

const expectHttpLevelFailure = async (answer: RawAnswer, status: number) => {
  expect(answer.headers.connection).toBe('close');
  expect(failureCode(fromRawAnswer(answer), { status })).toBe(60002);
  await expectStillServing();
};

/** The API path and a valid query: built per test, once the emulator runs. */
const apiTarget = () => `${apiPath}?${target().goodQuery}`;
const goodHead = (headers: string[]) =>
  `POST ${apiTarget()} HTTP/1.1\r\nhost: 127.0.0.1\r\n${headers.map((line) => `${line}\r\n`).join('')}`;

describe.concurrent('bytes that are not HTTP get 400 and close', () => {
  it.each([
    { name: 'text that is not HTTP', bytes: () => 'hello world\r\n\r\n' },
    { name: 'binary bytes', bytes: () => Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x0d, 0x0a]) },
    {
      name: 'the start of a TLS ClientHello',
      bytes: () => Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03]),
    },
    { name: 'the HTTP/2 preface', bytes: () => 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n' },
    { name: 'an unknown method', bytes: () => requestHead('BREW', apiTarget()) },
    { name: 'an unknown HTTP version', bytes: () => `POST ${apiTarget()} HTTP/9.9\r\n\r\n` },
    { name: 'a space in the path', bytes: () => requestHead('POST', `${apiPath} x`) },
    {
      name: 'a raw non-ASCII byte in the path',
      bytes: () => Buffer.from(`POST /v4/\xff HTTP/1.1\r\nhost: x\r\n\r\n`, 'latin1'),
    },
    { name: 'a relative path', bytes: () => requestHead('POST', '../v4') },
    { name: 'a header line without a colon', bytes: () => goodHead(['no colon here', '']) },
    { name: 'a space in a header name', bytes: () => goodHead(['bad name: x', '']) },
    {
      name: 'both transfer-encoding and content-length',
      bytes: () => goodHead(['transfer-encoding: chunked', 'content-length: 5', '', '0', '', '']),
    },
    {
      name: 'two different content-lengths',
      bytes: () => goodHead(['content-length: 2', 'content-length: 3', '', '{}']),
    },
    {
      name: 'a content-length with letters',
      bytes: () => goodHead(['content-length: 2x', '', '{}']),
    },
    {
      name: 'a chunk size that is not hexadecimal',
      bytes: () => goodHead(['transfer-encoding: chunked', '', 'zz', '{}', '0', '', '']),
    },
    {
      name: 'a request followed by garbage',
      bytes: () =>
        goodHead([
          `content-length: ${firstPageBody.length}`,
          '',
          `${firstPageBody}GARBAGE\r\n\r\n`,
        ]),
    },
  ])('$name', async ({ bytes }) => {
    await expectHttpLevelFailure(await exchangeRaw(target().port, bytes()), 400);
  });

  it.each([
    { name: 'a request line only', bytes: () => `POST ${apiTarget()} HTTP/1.1\r\n` },
    { name: 'headers without their end', bytes: () => goodHead(['content-length: 2']) },
    {
      name: 'a body shorter than its content-length',
      bytes: () => goodHead(['content-length: 100', '', '{"GroupId":']),
    },
    {
      name: 'a chunked body without its last chunk',
      bytes: () => goodHead(['transfer-encoding: chunked', '', '2', '{}', '']),
    },
  ])('$name, then the client closes its side', async ({ bytes }) => {
    const answer = await exchangeRaw(target().port, bytes(), { endAfterWriting: true });
    await expectHttpLevelFailure(answer, 400);
  });

  it('CONNECT gets 400 (200 would open a tunnel)', async () => {
    const answer = await exchangeRaw(
      target().port,
      'CONNECT example.invalid:443 HTTP/1.1\r\nhost: example.invalid:443\r\n\r\n',
    );
    await expectHttpLevelFailure(answer, 400);
  });

  // RFC 9112 section 3.2: an HTTP/1.1 request without Host gets 400.
  it('an HTTP/1.1 request without Host gets 400', async () => {
    const answer = await exchangeRaw(
      target().port,
      `POST ${apiTarget()} HTTP/1.1\r\ncontent-length: ${firstPageBody.length}\r\n\r\n${firstPageBody}`,
    );
    await expectHttpLevelFailure(answer, 400);
  });

  it('an HTTP/1.0 request without Host is answered', async () => {
    const answer = await exchangeRaw(
      target().port,
      `POST ${apiTarget()} HTTP/1.0\r\ncontent-length: ${firstPageBody.length}\r\n\r\n${firstPageBody}`,
    );
    expect(readBody(fromRawAnswer(answer)).ErrorCode).toBe(0);
  });
});

describe.concurrent("heads over Node's header limit get 431 and close", () => {
  it.each([
    { name: 'one huge header', headers: () => [`x-huge: ${'h'.repeat(maxHeaderSize)}`] },
    {
      name: 'many headers',
      headers: () =>
        Array.from(
          { length: maxHeaderSize / 64 + 1 },
          (_, index) => `x-${index}: ${'h'.repeat(60)}`,
        ),
    },
  ])('$name', async ({ headers }) => {
    const answer = await exchangeRaw(target().port, requestHead('POST', apiTarget(), headers()));
    await expectHttpLevelFailure(answer, 431);
  });
});

describe.concurrent('connections that stall or reset', () => {
  it('a head that never ends gets no answer yet, and others are served meanwhile', async () => {
    const socket = connect(target().port, '127.0.0.1');
    try {
      let received = 0;
      socket.on('data', (chunk: Buffer) => {
        received += chunk.length;
      });
      socket.write(goodHead(['content-length: 2']));
      await expectStillServing();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(received).toBe(0);
      expect(socket.destroyed).toBe(false);
    } finally {
      socket.destroy();
    }
  });

  const resetAfterWriting = (bytes: string) =>
    new Promise<void>((resolve, reject) => {
      const socket = connect(target().port, '127.0.0.1', () => {
        socket.write(bytes, () => {
          // Lets the server start on the request, then sends a TCP reset.
          setTimeout(() => {
            socket.resetAndDestroy();
          }, 50);
        });
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });

  it.each([
    { name: 'half a body', bytes: () => goodHead(['content-length: 100', '', '{"GroupId":']) },
    { name: 'half a head', bytes: () => `POST ${apiTarget()} HTTP/1.1\r\nhost: x\r\n` },
    { name: 'a CONNECT', bytes: () => 'CONNECT example.invalid:443 HTTP/1.1\r\nhost: x\r\n\r\n' },
  ])('a reset after $name leaves the server serving', async ({ bytes }) => {
    await resetAfterWriting(bytes());
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expectStillServing();
  });
});
