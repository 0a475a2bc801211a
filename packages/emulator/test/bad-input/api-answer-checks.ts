import { chatErrorCodes } from '@avchatroom/client';
import { expect } from 'vitest';
import { fitsSpec } from '../support/spec-answers.js';
import type { BadInputTarget } from './bad-input-target.js';
import { firstPageBody } from './bad-input-target.js';
import type { RawAnswer } from './raw-exchange.js';

// What every answer to a bad request must be (the issue: "the API's error
// shape"): the spec's response schema (checked with Ajv), ActionStatus FAIL with a non-zero ErrorCode the spec lists, and never
// a secret (the team's rule on UserSigs and keys).

export interface HttpAnswer {
  status: number;
  contentType: string;
  text: string;
}

export interface ApiBody {
  ActionStatus: 'OK' | 'FAIL';
  ErrorCode: number;
  ErrorInfo: string;
  MemberList?: { Member_Account: string }[];
}

export const fromResponse = async (response: Response): Promise<HttpAnswer> => ({
  status: response.status,
  contentType: response.headers.get('content-type') ?? '',
  text: await response.text(),
});

export const fromRawAnswer = (answer: RawAnswer): HttpAnswer => ({
  status: answer.status,
  contentType: answer.headers['content-type'] ?? '',
  text: answer.body.toString('utf8'),
});

/** Reads a JSON answer valid under the operation's response schema (get_members by default). */
export const readApiBody = (
  answer: HttpAnswer,
  target: BadInputTarget,
  { status = 200, operationId = 'getMembers' } = {},
): ApiBody => {
  // Checked first and without printing: no failure message may show a secret either.
  const leaks = target.secrets.filter((secret) => answer.text.includes(secret)).length;
  expect(leaks, 'the answer contains the UserSig or the secret key').toBe(0);
  expect(answer.status, answer.text).toBe(status);
  expect(answer.contentType).toBe('application/json; charset=utf-8');
  const body = JSON.parse(answer.text) as ApiBody;
  expect(fitsSpec(operationId, body), `answer outside the spec: ${answer.text}`).toBe(true);
  expect(typeof body.ErrorInfo).toBe('string');
  if (body.ErrorCode === 0) {
    expect(body.ActionStatus).toBe('OK');
  } else {
    expect(body.ActionStatus).toBe('FAIL');
    expect(Object.keys(body).sort()).toEqual(['ActionStatus', 'ErrorCode', 'ErrorInfo']);
    expect(Object.hasOwn(chatErrorCodes, body.ErrorCode), `${body.ErrorCode} not in the spec`).toBe(
      true,
    );
  }
  return body;
};

/** Checks the API's failure shape and returns its ErrorCode. */
export const apiFailureCode = (
  answer: HttpAnswer,
  target: BadInputTarget,
  options: { status?: number } = {},
): number => {
  const body = readApiBody(answer, target, options);
  expect(body.ErrorCode, `not a failure: ${answer.text}`).not.toBe(0);
  return body.ErrorCode;
};

/** POSTs `body` to `url` with a time limit. */
export const postAnswer = async (
  url: string,
  body: string | Uint8Array<ArrayBuffer>,
  init: RequestInit = {},
): Promise<HttpAnswer> =>
  fromResponse(
    await fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(10_000), ...init }),
  );

/** The "keeps serving": health answers, and so does a valid get_members call. */
export const expectStillServing = async (target: BadInputTarget): Promise<void> => {
  const health = await fetch(`${target.emulator.url}/__emulator/health`, {
    signal: AbortSignal.timeout(10_000),
  });
  expect(await health.json()).toEqual({ ok: true });
  const body = readApiBody(await postAnswer(target.goodUrl, firstPageBody), target);
  expect(body.ErrorCode, JSON.stringify(body)).toBe(0);
  expect(body.MemberList?.map((member) => member.Member_Account)).toEqual(['host', 'guest']);
};
