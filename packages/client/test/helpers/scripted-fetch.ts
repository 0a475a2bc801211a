// A `fetch` that answers from a script and records every request, injected into
// the client instead of patching globals (the openapi-fetch test habit).

/** One scripted answer: a body (sent as JSON with status 200), a Response, or a function of the request. */
export type ScriptedAnswer =
  | Record<string, unknown>
  | Response
  | ((request: RecordedRequest, signal: AbortSignal | undefined) => Response | Promise<Response>);

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

export const ok = (
  members: { Member_Account: string; JoinTime?: number }[],
  nextTimestamp = 0,
) => ({
  ActionStatus: 'OK',
  ErrorCode: 0,
  ErrorInfo: '',
  MemberList: members.map((member) => ({ JoinTime: 1_700_000_000, ...member })),
  NextTimestamp: nextTimestamp,
});

export const apiError = (code: number, info = `error ${code}`) => ({
  ActionStatus: 'FAIL',
  ErrorCode: code,
  ErrorInfo: info,
});

export const accounts = (count: number, prefix = 'user') =>
  Array.from({ length: count }, (_, index) => ({ Member_Account: `${prefix}${index}` }));

/** Never answers; rejects with the signal's reason when it aborts. */
export const hang: ScriptedAnswer = (_request, signal) =>
  new Promise((_resolve, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

/**
 * @param answers used in order; the last one repeats
 */
export const scriptedFetch = (...answers: ScriptedAnswer[]) => {
  const requests: RecordedRequest[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const text = await request.text();
    const recorded: RecordedRequest = {
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: text === '' ? undefined : JSON.parse(text),
    };
    requests.push(recorded);
    const answer = answers[Math.min(requests.length - 1, answers.length - 1)];
    if (answer === undefined) throw new Error('scriptedFetch has no answers');
    if (answer instanceof Response) return answer.clone();
    if (typeof answer === 'function') return answer(recorded, init?.signal ?? undefined);
    return Response.json(answer);
  };
  return { fetch, requests };
};
