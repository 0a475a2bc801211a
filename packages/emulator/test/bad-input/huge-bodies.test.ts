import { describe, expect, it } from 'vitest';
import { apiPath } from '../../src/spec-facts.js';
import { fromRawAnswer } from './api-answer-checks.js';
import { useBadInputSuite } from './bad-input-suite.js';
import { firstPageBody } from './bad-input-target.js';
import { exchangeRaw, requestHead } from './raw-exchange.js';

// Bodies over the 64 KiB cap get 60002 (README: "a body over 64 KiB"). The
// emulator reads such a body to its end, keeping none of it past the cap, and
// only then answers: the sender never sees EPIPE or ECONNRESET, so any send
// error fails these tests.

const { target, readBody, expectStillServing } = useBadInputSuite();

/** The cap the README documents ("a body over 64 KiB"), not the constant in the source. */
const maxBodyBytes = 64 * 1024;

const chunkBytes = 64 * 1024;

/** A valid first page padded with spaces (still valid JSON) to `size` bytes, in chunks. */
function* paddedFirstPage(size: number): Generator<Buffer> {
  yield Buffer.from(firstPageBody);
  for (let sent = firstPageBody.length; sent < size; sent += chunkBytes) {
    yield Buffer.alloc(Math.min(chunkBytes, size - sent), 0x20);
  }
}

/** Frames each chunk for `transfer-encoding: chunked`, then the last chunk. */
function* chunked(chunks: Iterable<Buffer>): Generator<Buffer | string> {
  for (const chunk of chunks) {
    yield `${chunk.length.toString(16)}\r\n`;
    yield chunk;
    yield '\r\n';
  }
  yield '0\r\n\r\n';
}

const framings = {
  'content-length': (size: number) => ({
    headers: [`content-length: ${size}`],
    body: paddedFirstPage(size),
  }),
  chunked: (size: number) => ({
    headers: ['transfer-encoding: chunked'],
    body: chunked(paddedFirstPage(size)),
  }),
};

const send = async (method: string, path: string, framing: keyof typeof framings, size: number) => {
  const { headers, body } = framings[framing](size);
  const head = requestHead(method, `${path}?${target().goodQuery}`, headers);
  const answer = await exchangeRaw(target().port, head, { body, timeoutMs: 20_000 });
  expect(answer.sendError, 'the sender saw an error').toBeUndefined();
  return readBody(fromRawAnswer(answer)).ErrorCode;
};

const framingNames = Object.keys(framings) as (keyof typeof framings)[];
const sizes = [
  { name: 'just over 64 KiB', size: maxBodyBytes + 1 },
  { name: '1 MiB', size: 1024 * 1024 },
  { name: '10 MiB', size: 10 * 1024 * 1024 },
];
const cases = framingNames.flatMap((framing) => sizes.map((size) => ({ framing, ...size })));

describe.concurrent('bodies over the 64 KiB cap', () => {
  it.each(framingNames)('exactly 64 KiB (%s) is read: ErrorCode 0', async (framing) => {
    expect(await send('POST', apiPath, framing, maxBodyBytes)).toBe(0);
    await expectStillServing();
  });

  it.each(cases)('$name ($framing) gets 60002', async ({ framing, size }) => {
    expect(await send('POST', apiPath, framing, size)).toBe(60002);
    await expectStillServing();
  });

  it('10 MiB by PUT gets 60002', async () => {
    expect(await send('PUT', apiPath, 'chunked', 10 * 1024 * 1024)).toBe(60002);
    await expectStillServing();
  });

  it('10 MiB to an unknown path gets 60009', async () => {
    expect(await send('POST', '/v4/unknown', 'chunked', 10 * 1024 * 1024)).toBe(60009);
    await expectStillServing();
  });
});
