import { describe, expect, it } from 'vitest';
import { useBadInputSuite } from './bad-input-suite.js';
import { firstPageBody, roomId } from './bad-input-target.js';

// Bodies whose bytes are not UTF-8 get 60003 (README: "body not UTF-8 JSON"):
// the emulator decodes strictly rather than turning bad bytes into U+FFFD.
// The Content-Type header is not checked: the `contenttype=json` query
// parameter names the format (REST API overview).

const { post, readBody, failureCode, expectStillServing } = useBadInputSuite();

const bytes = (...parts: (string | number[])[]): Uint8Array<ArrayBuffer> =>
  new Uint8Array(
    Buffer.concat(
      parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))),
    ),
  );

/** A first-page body whose GroupId ends with `raw` bytes. */
const groupIdEndingWith = (raw: number[]) =>
  bytes(`{"GroupId":"${roomId}`, raw, '","Timestamp":0}');

describe.concurrent('bytes that are not UTF-8 get 60003', () => {
  it.each([
    { name: 'raw 0xff 0xfe alone', body: bytes([0xff, 0xfe]) },
    { name: '0xff 0xfe inside the GroupId', body: groupIdEndingWith([0xff, 0xfe]) },
    {
      name: 'an overlong "/" (0xc0 0xaf) inside the GroupId',
      body: groupIdEndingWith([0xc0, 0xaf]),
    },
    { name: 'an overlong "{" (0xc1 0xbb) for the brace', body: bytes([0xc1, 0xbb], '}') },
    {
      name: 'a lone surrogate as UTF-8 (0xed 0xa0 0x80) inside the GroupId',
      body: groupIdEndingWith([0xed, 0xa0, 0x80]),
    },
    { name: 'a sequence cut short (0xe6 0x88)', body: groupIdEndingWith([0xe6, 0x88]) },
    {
      name: 'a code point over U+10FFFF (0xf4 0x90 0x80 0x80)',
      body: groupIdEndingWith([0xf4, 0x90, 0x80, 0x80]),
    },
    { name: 'a Latin-1 é (0xe9)', body: groupIdEndingWith([0xe9]) },
    {
      name: 'the whole body in UTF-16LE with its byte order mark',
      body: new Uint8Array(
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(firstPageBody, 'utf16le')]),
      ),
    },
  ])('$name', async ({ body }) => {
    expect(failureCode(await post(body))).toBe(60003);
    await expectStillServing();
  });
});

describe.concurrent('valid UTF-8 is decoded, then checked', () => {
  it.each([
    { name: '"€" after @TGS# cannot name a group', groupId: '@TGS#a€', code: 10015 },
    { name: 'a custom ID in Chinese names no group', groupId: '房间', code: 10010 },
    { name: 'an emoji names no group', groupId: '🎥room', code: 10010 },
  ])('$name: $code', async ({ groupId, code }) => {
    const body = bytes(JSON.stringify({ GroupId: groupId, Timestamp: 0 }));
    expect(failureCode(await post(body))).toBe(code);
    await expectStillServing();
  });
});

describe.concurrent('the Content-Type header is not checked', () => {
  it.each([
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=latin1',
    'image/png',
    '',
  ])('a JSON body sent as %j is read as JSON', async (contentType) => {
    const answer = await post(bytes(firstPageBody), {
      headers: contentType === '' ? {} : { 'content-type': contentType },
    });
    expect(readBody(answer).ErrorCode).toBe(0);
    await expectStillServing();
  });

  it('a form-encoded body is not JSON: 60003', async () => {
    const answer = await post(`GroupId=${encodeURIComponent(roomId)}&Timestamp=0`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(failureCode(answer)).toBe(60003);
    await expectStillServing();
  });
});
