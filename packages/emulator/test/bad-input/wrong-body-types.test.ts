import { describe, expect, it } from 'vitest';
import { useBadInputSuite } from './bad-input-suite.js';
import { roomId } from './bad-input-target.js';

// Every body field with every wrong JSON type. The codes are the README's table:
// 10004 for a missing or mistyped field, 10015 for a GroupId that cannot name a
// group, 10010 for a well-formed one the app does not have. Values are written
// as JSON text so that numbers like 1e400 reach the emulator as sent.

const { post, readBody, expectStillServing } = useBadInputSuite();

const bodyWith = (fields: Record<string, string | undefined>): string => {
  const merged: Record<string, string | undefined> = {
    GroupId: JSON.stringify(roomId),
    Timestamp: '0',
    ...fields,
  };
  const members = Object.entries(merged).filter(([, text]) => text !== undefined);
  return `{${members.map(([name, text]) => `${JSON.stringify(name)}:${text}`).join(',')}}`;
};

/** Wrong types shared by the two integer cursors, Timestamp and Mark. */
const notACursor = [
  { value: '"0"', why: 'a number as a string' },
  { value: '"12"', why: 'a number as a string' },
  { value: '-1', why: 'negative' },
  { value: '0.5', why: 'a fraction' },
  { value: '1e400', why: 'beyond a double (Infinity)' },
  { value: '9007199254740992', why: 'beyond 2^53 - 1' },
  { value: '1e300', why: 'huge' },
  { value: '"NaN"', why: 'a NaN-like string' },
  { value: '"Infinity"', why: 'an Infinity-like string' },
  { value: '{}', why: 'an object' },
  { value: '{"value":0}', why: 'an object' },
  { value: '[]', why: 'an array' },
  { value: '[0]', why: 'an array' },
  { value: 'true', why: 'a boolean' },
  { value: 'false', why: 'a boolean' },
  { value: 'null', why: 'null' },
];

/** Spellings JSON gives the same integer: read by value, as any JSON parser does. */
const cursorSpellings = ['0', '-0', '0.0', '1e3', '1.0', '9007199254740991'];

const expectCode = async (body: string, code: number) => {
  const answer = readBody(await post(body));
  expect(answer.ErrorCode, `${body} -> ${answer.ErrorInfo}`).toBe(code);
  await expectStillServing();
};

describe.concurrent('Timestamp', () => {
  it.each(notACursor)('$value ($why) gets 10004', ({ value }) =>
    expectCode(bodyWith({ Timestamp: value }), 10004),
  );
  it('missing gets 10004', () => expectCode(bodyWith({ Timestamp: undefined }), 10004));
  it.each(cursorSpellings)('%s is accepted', (value) =>
    expectCode(bodyWith({ Timestamp: value }), 0),
  );
});

describe.concurrent('Mark', () => {
  it.each(notACursor)('$value ($why) gets 10004', ({ value }) =>
    expectCode(bodyWith({ Mark: value }), 10004),
  );
  it.each(cursorSpellings)('%s is accepted', (value) => expectCode(bodyWith({ Mark: value }), 0));
});

describe.concurrent('GroupId', () => {
  it.each([
    { value: '12', why: 'a number' },
    { value: '-1', why: 'a negative number' },
    { value: '0.5', why: 'a fraction' },
    { value: '1e400', why: 'a huge number' },
    { value: '{}', why: 'an object' },
    { value: `{"GroupId":"${roomId}"}`, why: 'an object' },
    { value: '[]', why: 'an array' },
    { value: `["${roomId}"]`, why: 'an array' },
    { value: 'true', why: 'a boolean' },
    { value: 'null', why: 'null' },
    { value: '""', why: 'empty' },
  ])('$value ($why) gets 10004', ({ value }) => expectCode(bodyWith({ GroupId: value }), 10004));

  it('missing gets 10004', () => expectCode(bodyWith({ GroupId: undefined }), 10004));

  it.each([
    { value: JSON.stringify(`${roomId} `), why: 'a trailing space' },
    { value: '"@TGS#a ROOM"', why: 'a space inside' },
    { value: '"@TGS#aROOM\\u0000"', why: 'a NUL' },
    { value: '"@TGS#aROOM\\n"', why: 'a newline' },
    { value: '"@TGS#a-ROOM"', why: 'a dash after @TGS#' },
    { value: JSON.stringify('r'.repeat(49)), why: '49 bytes' },
    { value: JSON.stringify('房'.repeat(17)), why: '51 bytes in 17 characters' },
  ])('$value ($why) gets 10015', ({ value }) => expectCode(bodyWith({ GroupId: value }), 10015));

  it.each([
    { value: '"NaN"', why: 'a NaN-like string' },
    { value: '"12"', why: 'a number as a string' },
    { value: '"@TGS#aroom"', why: 'another case' },
    { value: '"\\ud800"', why: 'a lone surrogate, escaped' },
    { value: JSON.stringify('r'.repeat(48)), why: '48 bytes' },
  ])('$value ($why) is well formed but names no group: 10010', ({ value }) =>
    expectCode(bodyWith({ GroupId: value }), 10010),
  );
});

describe.concurrent('fields the API does not know are ignored (README)', () => {
  it.each([
    { name: 'an extra number', fields: { Extra: '1' } },
    { name: 'a lower-case groupId', fields: { groupId: '"elsewhere"' } },
    { name: 'a lower-case timestamp', fields: { timestamp: '"x"' } },
    { name: 'a member list', fields: { MemberList: '[{"Member_Account":"x"}]' } },
  ])('$name', ({ fields }) => expectCode(bodyWith(fields), 0));

  // JSON.parse makes "__proto__" an own field, never the prototype.
  it('a __proto__ field of wrong values changes nothing', () =>
    expectCode(
      `{"__proto__":{"GroupId":5,"Timestamp":-1},"GroupId":"${roomId}","Timestamp":0}`,
      0,
    ));

  it('a GroupId inside __proto__ is not the GroupId', () =>
    expectCode(`{"__proto__":{"GroupId":"${roomId}"},"Timestamp":0}`, 10004));
});
