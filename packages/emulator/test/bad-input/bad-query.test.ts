import { maxHeaderSize } from 'node:http';
import { describe, expect, it } from 'vitest';
import { apiPath } from '../../src/spec-facts.js';
import { postAnswer } from './api-answer-checks.js';
import { useBadInputSuite } from './bad-input-suite.js';
import { firstPageBody } from './bad-input-target.js';

// The five query parameters of every REST call, missing, empty, repeated,
// mistyped or badly encoded. The codes are the README's table ("What it
// answers"). Queries are written on the wire exactly as given: fetch keeps
// percent-escapes, good or bad, as they are.

const { target, readBody, failureCode, expectStillServing } = useBadInputSuite();

type Wire = [name: string, value: string][];

/** The valid query, each value percent-encoded for the wire. */
const goodWire = (): Wire =>
  target().goodParams.map(([name, value]) => [name, encodeURIComponent(value)]);

const withParam = (name: string, values: string[]): Wire => {
  const wire = goodWire().filter(([other]) => other !== name);
  return [...wire, ...values.map((value): [string, string] => [name, value])];
};

const answerTo = async (wire: Wire) => {
  const query = wire.map(([name, value]) => `${name}=${value}`).join('&');
  return postAnswer(`${target().emulator.url}${apiPath}?${query}`, firstPageBody);
};

const expectCode = async (wire: Wire, code: number) => {
  const answer = readBody(await answerTo(wire));
  expect(answer.ErrorCode, answer.ErrorInfo).toBe(code);
  await expectStillServing();
};

const missingCodes = [
  { name: 'sdkappid', code: 60012 },
  { name: 'identifier', code: 60004 },
  { name: 'usersig', code: 70002 },
  { name: 'random', code: 60002 },
  { name: 'contenttype', code: 60002 },
];
const names = missingCodes.map(({ name }) => name);

describe.concurrent('a missing or empty parameter', () => {
  it.each(missingCodes)('$name missing gets $code', ({ name, code }) =>
    expectCode(withParam(name, []), code),
  );
  it.each(missingCodes)('$name empty gets $code', ({ name, code }) =>
    expectCode(withParam(name, ['']), code),
  );
  it('no query at all gets 60012', () => expectCode([], 60012));
});

describe.concurrent('a parameter given twice gets 60002', () => {
  it.each(names)('%s twice, same value', (name) => {
    const value = goodWire().find(([other]) => other === name)?.[1] ?? '';
    return expectCode(withParam(name, [value, value]), 60002);
  });
  it.each(names)('%s twice, different values', (name) => {
    const value = goodWire().find(([other]) => other === name)?.[1] ?? '';
    return expectCode(withParam(name, [value, `${value}0`]), 60002);
  });
  it.each(names)('%s twice, once empty', (name) => {
    const value = goodWire().find(([other]) => other === name)?.[1] ?? '';
    return expectCode(withParam(name, ['', value]), 60002);
  });
});

describe.concurrent('a mistyped parameter', () => {
  const notUint32 = ['abc', '-1', '4294967296', '1.5', '1e3', '0x10', '%2012', '+1', 'NaN'];
  it.each(notUint32)('sdkappid=%s gets 60006', (value) =>
    expectCode(withParam('sdkappid', [value]), 60006),
  );
  it.each(['0', '01400000001'])('sdkappid=%s gets 60006', (value) =>
    expectCode(withParam('sdkappid', [value]), 60006),
  );
  it.each(['1400000002', '4294967295'])('sdkappid=%s, no such app, gets 70020', (value) =>
    expectCode(withParam('sdkappid', [value]), 70020),
  );
  it.each(notUint32)('random=%s gets 60002', (value) =>
    expectCode(withParam('random', [value]), 60002),
  );
  it.each(['0', '4294967295'])('random=%s is accepted', (value) =>
    expectCode(withParam('random', [value]), 0),
  );
  it.each(['JSON', 'xml', 'json%20', 'jso'])('contenttype=%s gets 60002', (value) =>
    expectCode(withParam('contenttype', [value]), 60002),
  );
  it.each(['abc', '-1', '1.5'])('usersig=%s cannot be read: 70003', (value) =>
    expectCode(withParam('usersig', [value]), 70003),
  );
  it('an identifier the UserSig was not signed for gets 70013', () =>
    expectCode(withParam('identifier', ['viewer']), 70013));
});

describe.concurrent('percent-encoding', () => {
  const badEscapes = [
    { value: '%zz', why: 'not hexadecimal' },
    { value: '%', why: 'cut short' },
    { value: 'a%4', why: 'cut short' },
    { value: '%ff%fe', why: 'not UTF-8' },
    { value: '%C0%AF', why: 'an overlong encoding' },
    { value: '%ED%A0%80', why: 'a lone surrogate' },
  ];
  const cases = names.flatMap((name) => badEscapes.map((bad) => ({ name, ...bad })));
  it.each(cases)('$name=$value ($why) gets 60002', ({ name, value }) =>
    expectCode(withParam(name, [value]), 60002),
  );
  it.each(badEscapes)('an unknown parameter x=$value ($why) gets 60002', ({ value }) =>
    expectCode([...goodWire(), ['x', value]], 60002),
  );
  it('a bad escape in a parameter name gets 60002', () =>
    expectCode([...goodWire(), ['%zz', '1']], 60002));
  it('every byte of the UserSig and identifier percent-encoded is accepted', () => {
    const everyByte = (text: string) =>
      [...Buffer.from(text)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
    const wire = target().goodParams.map(([name, value]): [string, string] =>
      name === 'usersig' || name === 'identifier' ? [name, everyByte(value)] : [name, value],
    );
    return expectCode(wire, 0);
  });
});

describe.concurrent('a long query string', () => {
  it("just under Node's header limit: unknown parameters are ignored", () =>
    expectCode([...goodWire(), ['padding', 'p'.repeat(maxHeaderSize - 2048)]], 0));

  // Node refuses a request line over its header limit before any handler runs:
  // the README's answer to requests that never reach the API, 431 with the API's error shape.
  it("over Node's header limit gets 431 with 60002", async () => {
    const answer = await answerTo([...goodWire(), ['padding', 'p'.repeat(maxHeaderSize)]]);
    expect(failureCode(answer, { status: 431 })).toBe(60002);
    await expectStillServing();
  });
});
