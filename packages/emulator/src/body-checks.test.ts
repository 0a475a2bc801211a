import { describe, expect, it } from 'vitest';
import { specOperation } from '../test/support/api-harness.js';
import { ApiFailure } from './api-answer.js';
import { readRequestBody } from './body-checks.js';

// get_members' schema, the one with the most kinds of fields.
const readGetMembersBody = (raw: Buffer) =>
  readRequestBody(raw, specOperation('getMembers').requestSchema);

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
const json = (value: unknown): Buffer => utf8(JSON.stringify(value));

const errorCodeOf = (raw: Buffer): number | undefined => {
  try {
    readGetMembersBody(raw);
    return undefined;
  } catch (error) {
    if (error instanceof ApiFailure) return error.body.ErrorCode;
    throw error;
  }
};

describe('readGetMembersBody', () => {
  it.each([
    {
      name: 'the first page',
      given: json({ GroupId: '@TGS#a6I4ZUUGO', Timestamp: 0 }),
      want: { GroupId: '@TGS#a6I4ZUUGO', Timestamp: 0 },
    },
    {
      name: 'the API doc example with Mark',
      given: utf8('{"GroupId":"@TGS#a6I4ZUUGO","Mark": 1000,"Timestamp": 0}'),
      want: { GroupId: '@TGS#a6I4ZUUGO', Timestamp: 0, Mark: 1000 },
    },
    {
      name: 'a next page',
      given: json({ GroupId: '@TGS#a6I4ZUUGO', Timestamp: 1657773110, Mark: 0 }),
      want: { GroupId: '@TGS#a6I4ZUUGO', Timestamp: 1657773110, Mark: 0 },
    },
    {
      name: 'a Community group ID',
      given: json({ GroupId: '@TGS#_COMMUNITY', Timestamp: 0 }),
      want: { GroupId: '@TGS#_COMMUNITY', Timestamp: 0 },
    },
    {
      name: 'a custom group ID of exactly 48 bytes',
      given: json({ GroupId: 'g'.repeat(48), Timestamp: 0 }),
      want: { GroupId: 'g'.repeat(48), Timestamp: 0 },
    },
    {
      name: 'a custom group ID of 16 three-byte characters (48 bytes)',
      given: json({ GroupId: '直'.repeat(16), Timestamp: 0 }),
      want: { GroupId: '直'.repeat(16), Timestamp: 0 },
    },
    {
      name: 'unknown fields, which a server ignores',
      given: json({ GroupId: 'room', Timestamp: 0, groupId: 'typo', Limit: 10 }),
      want: { GroupId: 'room', Timestamp: 0 },
    },
    {
      name: 'a byte-order mark and whitespace around the JSON',
      given: Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        utf8(' {"GroupId":"room","Timestamp":0}\n'),
      ]),
      want: { GroupId: 'room', Timestamp: 0 },
    },
    {
      name: 'the largest safe Timestamp',
      given: json({ GroupId: 'room', Timestamp: Number.MAX_SAFE_INTEGER }),
      want: { GroupId: 'room', Timestamp: Number.MAX_SAFE_INTEGER },
    },
  ])('reads $name', ({ given, want }) => {
    expect(readGetMembersBody(given)).toEqual(want);
  });

  it.each([
    { name: 'an empty body', given: Buffer.alloc(0), want: 60003 },
    { name: 'whitespace only', given: utf8('  \n'), want: 60003 },
    { name: 'text that is not JSON', given: utf8('GroupId=room&Timestamp=0'), want: 60003 },
    { name: 'JSON cut short', given: utf8('{"GroupId":"room","Timestamp":'), want: 60003 },
    {
      name: 'JSON with a trailing comma',
      given: utf8('{"GroupId":"room","Timestamp":0,}'),
      want: 60003,
    },
    {
      name: 'bytes that are not UTF-8',
      given: Buffer.concat([
        utf8('{"GroupId":"'),
        Buffer.from([0xff, 0xfe]),
        utf8('","Timestamp":0}'),
      ]),
      want: 60003,
    },
    { name: 'JSON null', given: utf8('null'), want: 10004 },
    { name: 'a JSON array', given: json([{ GroupId: 'room', Timestamp: 0 }]), want: 10004 },
    { name: 'a JSON string', given: json('room'), want: 10004 },
    { name: 'a JSON number', given: utf8('0'), want: 10004 },
    { name: 'an empty object', given: utf8('{}'), want: 10004 },
    { name: 'no GroupId', given: json({ Timestamp: 0 }), want: 10004 },
    { name: 'an empty GroupId', given: json({ GroupId: '', Timestamp: 0 }), want: 10004 },
    { name: 'a numeric GroupId', given: json({ GroupId: 42, Timestamp: 0 }), want: 10004 },
    { name: 'a null GroupId', given: json({ GroupId: null, Timestamp: 0 }), want: 10004 },
    {
      name: 'groupId in the wrong case',
      given: json({ groupId: 'room', Timestamp: 0 }),
      want: 10004,
    },
    { name: 'no Timestamp', given: json({ GroupId: 'room' }), want: 10004 },
    { name: 'a null Timestamp', given: json({ GroupId: 'room', Timestamp: null }), want: 10004 },
    { name: 'a string Timestamp', given: json({ GroupId: 'room', Timestamp: '0' }), want: 10004 },
    { name: 'a negative Timestamp', given: json({ GroupId: 'room', Timestamp: -1 }), want: 10004 },
    {
      name: 'a fractional Timestamp',
      given: json({ GroupId: 'room', Timestamp: 1.5 }),
      want: 10004,
    },
    {
      name: 'an unsafe Timestamp',
      given: utf8('{"GroupId":"room","Timestamp":9007199254740993}'),
      want: 10004,
    },
    {
      name: 'a string Mark',
      given: json({ GroupId: 'room', Timestamp: 0, Mark: '1000' }),
      want: 10004,
    },
    {
      name: 'a null Mark',
      given: json({ GroupId: 'room', Timestamp: 0, Mark: null }),
      want: 10004,
    },
    {
      name: 'a negative Mark',
      given: json({ GroupId: 'room', Timestamp: 0, Mark: -1 }),
      want: 10004,
    },
    {
      name: 'a fractional Mark',
      given: json({ GroupId: 'room', Timestamp: 0, Mark: 1000.5 }),
      want: 10004,
    },
    {
      name: 'a GroupId of 49 bytes',
      given: json({ GroupId: 'g'.repeat(49), Timestamp: 0 }),
      want: 10015,
    },
    {
      name: 'a GroupId of 17 three-byte characters',
      given: json({ GroupId: '直'.repeat(17), Timestamp: 0 }),
      want: 10015,
    },
    { name: '@TGS# alone', given: json({ GroupId: '@TGS#', Timestamp: 0 }), want: 10015 },
    { name: '@TGS# with a dash', given: json({ GroupId: '@TGS#a-b', Timestamp: 0 }), want: 10015 },
    {
      name: '@TGS# with a second #',
      given: json({ GroupId: '@TGS#a#b', Timestamp: 0 }),
      want: 10015,
    },
    {
      name: '@TGS# with a non-ASCII letter',
      given: json({ GroupId: '@TGS#aé', Timestamp: 0 }),
      want: 10015,
    },
    { name: 'a leading space', given: json({ GroupId: ' room', Timestamp: 0 }), want: 10015 },
    { name: 'a trailing newline', given: json({ GroupId: 'room\n', Timestamp: 0 }), want: 10015 },
    { name: 'an inner space', given: json({ GroupId: 'my room', Timestamp: 0 }), want: 10015 },
    { name: 'a tab', given: json({ GroupId: 'my\troom', Timestamp: 0 }), want: 10015 },
    {
      name: 'a no-break space',
      given: json({ GroupId: 'my\u00a0room', Timestamp: 0 }),
      want: 10015,
    },
    {
      name: 'a control character',
      given: json({ GroupId: 'room\u0001', Timestamp: 0 }),
      want: 10015,
    },
    { name: 'a DEL character', given: json({ GroupId: 'room\u007f', Timestamp: 0 }), want: 10015 },
    // Type errors are found before a group ID that cannot exist.
    { name: 'a bad GroupId and no Timestamp', given: json({ GroupId: ' room' }), want: 10004 },
    {
      name: 'a bad GroupId and a bad Mark',
      given: json({ GroupId: ' room', Timestamp: 0, Mark: -1 }),
      want: 10004,
    },
  ])('refuses $name with $want', ({ given, want }) => {
    expect(errorCodeOf(given)).toBe(want);
  });

  it('names the field in ErrorInfo', () => {
    expect(() => readGetMembersBody(json({ GroupId: 'room', Timestamp: -1 }))).toThrow(
      'Timestamp must be a non-negative integer',
    );
    expect(() => readGetMembersBody(json({ GroupId: 'room', Timestamp: 0, Mark: 'x' }))).toThrow(
      'Mark must be a non-negative integer',
    );
    expect(() => readGetMembersBody(json({ Timestamp: 0 }))).toThrow('GroupId');
  });
});
