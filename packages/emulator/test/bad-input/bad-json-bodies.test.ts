import { describe, expect, it } from 'vitest';
import { useBadInputSuite } from './bad-input-suite.js';
import { firstPageBody, roomId } from './bad-input-target.js';

// Bodies that are not the JSON object get_members takes. The codes are the
// README's table ("What it answers"): 60003 for a body that is not UTF-8 JSON,
// 10004 for one that is not an object, 60002 for one over 64 KiB.

const { post, readBody, failureCode, expectStillServing } = useBadInputSuite();

/** The cap the README documents ("a body over 64 KiB"), not the constant in the source. */
const maxBodyBytes = 64 * 1024;

const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const bom = '\uFEFF';

describe.concurrent('a body that is not JSON gets 60003', () => {
  it.each([
    { name: 'an empty body', body: '' },
    { name: 'only whitespace', body: ' \r\n\t ' },
    { name: 'an unclosed object', body: '{' },
    { name: 'an unclosed string', body: '{"GroupId":"@TGS#aROOM' },
    { name: 'single quotes', body: "{'GroupId':'@TGS#aROOM','Timestamp':0}" },
    { name: 'a trailing comma', body: `{"GroupId":"${roomId}","Timestamp":0,}` },
    { name: 'trailing garbage', body: `${firstPageBody}x` },
    { name: 'a second document', body: `${firstPageBody}{}` },
    { name: 'a comment', body: `/* page 1 */${firstPageBody}` },
    { name: 'a NaN literal', body: `{"GroupId":"${roomId}","Timestamp":NaN}` },
    { name: 'a hexadecimal number', body: `{"GroupId":"${roomId}","Timestamp":0x0}` },
    { name: 'arrays opened 60,000 levels deep, never closed', body: '['.repeat(60_000) },
    { name: 'a byte order mark, then garbage', body: `${bom}{` },
    { name: 'two byte order marks', body: `${bom}${bom}${firstPageBody}` },
  ])('$name', async ({ body }) => {
    const answer = await post(body);
    expect(failureCode(answer)).toBe(60003);
    await expectStillServing();
  });
});

describe.concurrent('JSON that is not an object gets 10004', () => {
  it.each([
    { name: 'null', body: 'null' },
    { name: 'an empty array', body: '[]' },
    { name: 'the right object inside an array', body: `[${firstPageBody}]` },
    { name: 'a number', body: '42' },
    { name: 'a string', body: `"${roomId}"` },
    { name: 'true', body: 'true' },
    { name: 'an empty object', body: '{}' },
    // 60,000 bytes, under the 64 KiB cap: the parser must cope with the depth.
    { name: 'arrays nested 30,000 levels deep', body: nested(30_000) },
    {
      name: 'a GroupId of arrays nested 30,000 levels deep',
      body: `{"GroupId":${nested(30_000)},"Timestamp":0}`,
    },
  ])('$name', async ({ body }) => {
    expect(body.length).toBeLessThanOrEqual(maxBodyBytes);
    const answer = await post(body);
    expect(failureCode(answer)).toBe(10004);
    await expectStillServing();
  });
});

describe.concurrent('edge cases the README settles', () => {
  it('arrays nested 100,000 levels deep are over 64 KiB: 60002', async () => {
    const body = nested(100_000);
    expect(body.length).toBeGreaterThan(maxBodyBytes);
    expect(failureCode(await post(body))).toBe(60002);
    await expectStillServing();
  });

  // RFC 8259 section 8.1 lets a parser ignore a leading byte order mark.
  it('ignores one leading byte order mark', async () => {
    const body = readBody(await post(`${bom}${firstPageBody}`));
    expect(body.ErrorCode).toBe(0);
    await expectStillServing();
  });

  // RFC 8259 section 4 leaves duplicate names to the parser; JSON.parse keeps the last.
  it.each([
    {
      name: 'a bad GroupId, then the room',
      body: `{"GroupId":5,"GroupId":"${roomId}","Timestamp":0}`,
      code: 0,
    },
    {
      name: 'the room, then a bad GroupId',
      body: `{"GroupId":"${roomId}","GroupId":5,"Timestamp":0}`,
      code: 10004,
    },
    {
      name: 'Timestamp 0, then a string',
      body: `{"GroupId":"${roomId}","Timestamp":0,"Timestamp":"0"}`,
      code: 10004,
    },
  ])('reads the last of duplicate keys: $name', async ({ body, code }) => {
    const answer = readBody(await post(body));
    expect(answer.ErrorCode).toBe(code);
    await expectStillServing();
  });
});
