import { describe, expect, it } from 'vitest';
import { readBodyWithin, responseBodyDefaults } from './response-body.js';

const utf8 = new TextEncoder();

/** A body of `chunks` chunks of `chunkBytes` bytes each, counting what was pulled and cancelled. */
const countedBody = (chunkBytes: number, chunks: number, headers?: HeadersInit) => {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled >= chunks) {
        controller.close();
        return;
      }
      seen.pulled += 1;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x61));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { response: new Response(stream, { headers }), seen };
};

describe('readBodyWithin', () => {
  it.each([
    { given: 'an empty body', body: '', want: '' },
    { given: 'JSON', body: '{"a":1}', want: '{"a":1}' },
    { given: 'multi-byte characters', body: 'héllo 世界 🎉', want: 'héllo 世界 🎉' },
    { given: 'a BOM, dropped as text() drops it', body: '\uFEFF{"a":1}', want: '{"a":1}' },
  ])('reads $given whole', async ({ body, want }) => {
    const read = await readBodyWithin(new Response(body), 1024);
    expect(read).toEqual({ complete: true, text: want });
  });

  it('reads a body of exactly the cap whole', async () => {
    const { response, seen } = countedBody(100, 10);
    const read = await readBodyWithin(response, 1000);
    expect(read).toEqual({ complete: true, text: 'a'.repeat(1000) });
    expect(seen.cancelled).toBe(false);
  });

  it('stops at the cap of an endless body and cancels it', async () => {
    const { response, seen } = countedBody(1000, Number.POSITIVE_INFINITY);
    const read = await readBodyWithin(response, 4500);
    expect(read.complete).toBe(false);
    expect(read.text).toBe('a'.repeat(4500));
    expect(read).toMatchObject({ receivedBytes: 5000 });
    expect(seen.cancelled).toBe(true);
    // The stream may pull one chunk ahead, never more.
    expect(seen.pulled).toBeLessThanOrEqual(6);
  });

  it('reads nothing of a body whose Content-Length is over the cap', async () => {
    const { response, seen } = countedBody(1000, 100, { 'content-length': '100000' });
    const read = await readBodyWithin(response, 4096);
    expect(read).toEqual({ complete: false, text: '', receivedBytes: 0 });
    expect(seen.cancelled).toBe(true);
  });

  it('ignores the Content-Length of a compressed body and counts what it reads', async () => {
    const { response } = countedBody(1000, 10, {
      'content-length': '10',
      'content-encoding': 'gzip',
    });
    const read = await readBodyWithin(response, 4096);
    expect(read.complete).toBe(false);
  });

  it('cuts a multi-byte character at the cap without throwing', async () => {
    const body = utf8.encode('€€€€');
    const read = await readBodyWithin(new Response(body), 4);
    expect(read.complete).toBe(false);
    expect(read.text.startsWith('€')).toBe(true);
  });

  it('has a default cap that holds the largest page the spec allows', () => {
    const member = { Member_Account: 'a'.repeat(32), JoinTime: 9007199254740991 };
    const page = JSON.stringify({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      MemberList: Array.from({ length: 1000 }, () => ({
        ...member,
        NickName: '名'.repeat(166),
        Avatar: `https://example.com/${'p'.repeat(480)}`,
      })),
      NextTimestamp: 9007199254740991,
    });
    expect(utf8.encode(page).byteLength).toBeLessThan(responseBodyDefaults.maxBytes);
  });
});
