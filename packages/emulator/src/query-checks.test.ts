import { describe, expect, it } from 'vitest';
import { ApiFailure } from './api-answer.js';
import { readCallQuery, readQueryString } from './query-checks.js';

const good =
  'sdkappid=1400000001&identifier=administrator&usersig=abc&random=99999999&contenttype=json';

/** The good query with one parameter replaced (or removed when `value` is undefined). */
const withParam = (name: string, value: string | undefined): string => {
  const params = new URLSearchParams(good);
  if (value === undefined) params.delete(name);
  else params.set(name, value);
  return params.toString();
};

const errorCodeOf = (query: string): number | undefined => {
  try {
    readCallQuery(new URLSearchParams(query));
    return undefined;
  } catch (error) {
    if (error instanceof ApiFailure) return error.body.ErrorCode;
    throw error;
  }
};

describe('readCallQuery', () => {
  it('reads the five parameters of the API doc', () => {
    expect(readCallQuery(new URLSearchParams(good))).toEqual({
      sdkAppId: 1400000001,
      identifier: 'administrator',
      userSig: 'abc',
      random: 99999999,
    });
  });

  it.each([
    { name: 'random 0', given: withParam('random', '0'), want: { random: 0 } },
    {
      name: 'random 4294967295',
      given: withParam('random', '4294967295'),
      want: { random: 4294967295 },
    },
    {
      name: 'sdkappid 4294967295',
      given: withParam('sdkappid', '4294967295'),
      want: { sdkAppId: 4294967295 },
    },
    {
      name: 'a UserSig with the TLS alphabet',
      given: withParam('usersig', 'eJw*a-b_'),
      want: { userSig: 'eJw*a-b_' },
    },
    {
      name: 'other parameters are ignored',
      given: `${good}&extra=1`,
      want: { identifier: 'administrator' },
    },
  ])('accepts $name', ({ given, want }) => {
    expect(readCallQuery(new URLSearchParams(given))).toMatchObject(want);
  });

  it.each([
    { name: 'no sdkappid', given: withParam('sdkappid', undefined), want: 60012 },
    { name: 'empty sdkappid', given: withParam('sdkappid', ''), want: 60012 },
    { name: 'sdkappid 0', given: withParam('sdkappid', '0'), want: 60006 },
    { name: 'sdkappid with a letter', given: withParam('sdkappid', '14000x'), want: 60006 },
    { name: 'negative sdkappid', given: withParam('sdkappid', '-1'), want: 60006 },
    {
      name: 'sdkappid with a leading zero',
      given: withParam('sdkappid', '01400000001'),
      want: 60006,
    },
    { name: 'sdkappid over 32 bits', given: withParam('sdkappid', '4294967296'), want: 60006 },
    { name: 'fractional sdkappid', given: withParam('sdkappid', '1.5'), want: 60006 },
    { name: 'sdkappid with a space', given: withParam('sdkappid', ' 1400000001'), want: 60006 },
    { name: 'no identifier', given: withParam('identifier', undefined), want: 60004 },
    { name: 'empty identifier', given: withParam('identifier', ''), want: 60004 },
    { name: 'no usersig', given: withParam('usersig', undefined), want: 70002 },
    { name: 'empty usersig', given: withParam('usersig', ''), want: 70002 },
    { name: 'no random', given: withParam('random', undefined), want: 60002 },
    { name: 'empty random', given: withParam('random', ''), want: 60002 },
    { name: 'random with a letter', given: withParam('random', '12a'), want: 60002 },
    { name: 'negative random', given: withParam('random', '-1'), want: 60002 },
    { name: 'random over 32 bits', given: withParam('random', '4294967296'), want: 60002 },
    { name: 'random with 11 digits', given: withParam('random', '10000000000'), want: 60002 },
    { name: 'fractional random', given: withParam('random', '1.0'), want: 60002 },
    { name: 'random with a leading zero', given: withParam('random', '007'), want: 60002 },
    { name: 'no contenttype', given: withParam('contenttype', undefined), want: 60002 },
    {
      name: 'contenttype JSON (names are case-sensitive)',
      given: withParam('contenttype', 'JSON'),
      want: 60002,
    },
    { name: 'contenttype xml', given: withParam('contenttype', 'xml'), want: 60002 },
    { name: 'SDKAppID in capitals', given: good.replace('sdkappid', 'SDKAppID'), want: 60012 },
    { name: 'sdkappid twice', given: `${good}&sdkappid=1400000001`, want: 60002 },
    { name: 'identifier twice', given: `${good}&identifier=administrator`, want: 60002 },
    { name: 'usersig twice', given: `${good}&usersig=abc`, want: 60002 },
    { name: 'random twice', given: `${good}&random=1`, want: 60002 },
    { name: 'contenttype twice', given: `${good}&contenttype=json`, want: 60002 },
    // The checks run in order: duplicates, sdkappid, identifier, usersig, random, contenttype.
    {
      name: 'a duplicate before a missing sdkappid',
      given: 'identifier=a&identifier=b',
      want: 60002,
    },
    { name: 'nothing at all', given: '', want: 60012 },
    { name: 'bad sdkappid before no identifier', given: 'sdkappid=x&random=z', want: 60006 },
    { name: 'no identifier before no usersig', given: 'sdkappid=1&random=z', want: 60004 },
    {
      name: 'no usersig before bad random',
      given: 'sdkappid=1&identifier=a&random=z',
      want: 70002,
    },
    {
      name: 'bad random before bad contenttype',
      given: 'sdkappid=1&identifier=a&usersig=s&random=z',
      want: 60002,
    },
  ])('refuses $name with $want', ({ given, want }) => {
    expect(errorCodeOf(given)).toBe(want);
  });

  it('says what was wrong in ErrorInfo, after the meaning of the code', () => {
    try {
      readCallQuery(new URLSearchParams(`${good}&random=2`));
      expect.unreachable('readCallQuery should throw');
    } catch (error) {
      expect((error as ApiFailure).body).toEqual({
        ActionStatus: 'FAIL',
        ErrorCode: 60002,
        ErrorInfo:
          'HTTP parse error. Check the format of the request URL. (query parameter random is given 2 times)',
      });
    }
  });
});

describe('readQueryString', () => {
  it.each([
    {
      name: 'plain text',
      given: 'a=1&b=two',
      want: [
        ['a', '1'],
        ['b', 'two'],
      ],
    },
    { name: 'escapes of UTF-8', given: 'id=%E6%88%BF%20a', want: [['id', '房 a']] },
    { name: "'+' as a space", given: 'id=a+b', want: [['id', 'a b']] },
    { name: 'an escaped % and &', given: 'id=%25%26', want: [['id', '%&']] },
    { name: 'nothing', given: '', want: [] },
  ])('reads $name', ({ given, want }) => {
    expect([...readQueryString(given)]).toEqual(want);
  });

  it.each([
    { name: 'a non-hexadecimal escape', given: 'usersig=%zz' },
    { name: 'a lone %', given: 'identifier=%' },
    { name: 'an escape cut short', given: 'random=1%4' },
    { name: 'bytes that are not UTF-8', given: 'identifier=%ff%fe' },
    { name: 'an overlong encoding', given: 'identifier=%C0%AF' },
    { name: 'a lone surrogate', given: 'usersig=%ED%A0%80' },
    { name: 'a UTF-8 sequence cut short', given: 'identifier=%E6%88' },
    { name: 'a bad escape in an unknown name', given: 'sdkappid=1&%zz=1' },
  ])('refuses $name with 60002', ({ given }) => {
    try {
      readQueryString(given);
      expect.unreachable('readQueryString should throw');
    } catch (error) {
      expect((error as ApiFailure).body).toEqual({
        ActionStatus: 'FAIL',
        ErrorCode: 60002,
        ErrorInfo:
          'HTTP parse error. Check the format of the request URL. (the query string is not percent-encoded UTF-8)',
      });
    }
  });
});
