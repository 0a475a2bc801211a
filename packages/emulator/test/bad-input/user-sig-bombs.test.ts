import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { apiPath } from '../../src/spec-facts.js';
import { postAnswer } from './api-answer-checks.js';
import { useBadInputSuite } from './bad-input-suite.js';
import { firstPageBody } from './bad-input-target.js';

// Issue 12: a 15 KB UserSig that inflated to 11.5 MiB cost 2.6 s of CPU and
// +610 MB RSS. These bombs are the valid UserSig with megabytes of spaces in a
// field nobody signs: without the README's caps (8 KiB of UserSig, 16 KiB of
// JSON) they would be accepted with ErrorCode 0, so the code shows the cap.

const { target, readBody, expectStillServing } = useBadInputSuite();

const fromTlsBase64 = (text: string) =>
  Buffer.from(text.replaceAll('*', '+').replaceAll('-', '/').replaceAll('_', '='), 'base64');
const toTlsBase64 = (bytes: Buffer) =>
  bytes.toString('base64').replaceAll('+', '*').replaceAll('/', '-').replaceAll('=', '_');

/** The valid UserSig, its JSON padded with `spaces` spaces. */
const bomb = (spaces: number): string => {
  const userSig = new URLSearchParams(target().goodQuery).get('usersig') ?? '';
  const document = JSON.parse(inflateSync(fromTlsBase64(userSig)).toString('utf8'));
  const json = JSON.stringify({ ...document, 'TLS.pad': ' '.repeat(spaces) });
  return toTlsBase64(deflateSync(json, { level: 9 }));
};

const callWith = async (usersig: string) => {
  const query = new URLSearchParams(target().goodQuery);
  query.set('usersig', usersig);
  return readBody(await postAnswer(`${target().emulator.url}${apiPath}?${query}`, firstPageBody));
};

describe('a UserSig bomb', () => {
  it.each([
    { name: "the issue's 15 KB sig of 11 MiB", mebibytes: 11, length: 15_000 },
    { name: 'a 7 KB sig of 5 MiB, under the length cap', mebibytes: 5, length: 6_800 },
  ])(
    '$name gets 70003, six at once, and valid calls are still served',
    async ({ mebibytes, length }) => {
      const userSig = bomb(mebibytes * 1024 * 1024);
      expect(userSig.length).toBeGreaterThan(length);
      expect(userSig.length).toBeLessThan(length + 500);
      const answers = await Promise.all(Array.from({ length: 6 }, () => callWith(userSig)));
      expect(answers.map((answer) => answer.ErrorCode)).toEqual(Array(6).fill(70003));
      await expectStillServing();
    },
  );
});
