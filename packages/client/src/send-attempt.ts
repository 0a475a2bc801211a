// One HTTP attempt of a call, and what its outcome allows: the result, or a
// typed error with its retry class. The retry loop is in call-sender.ts.
import type { CallRequest, CallResult, CallSettings } from './call-types.js';
import type { ChatError } from './errors/chat-error.js';
import {
  ChatApiError,
  ChatConnectionError,
  ChatHttpError,
  ChatResponseTooLargeError,
  ChatResponseValidationError,
  ChatTimeoutError,
} from './errors/chat-errors.js';
import { type ChatOperationId, chatOperations } from './generated/operations.gen.js';
import { type Redactor, redactCause } from './policies/redact-secrets.js';
import { readBodyWithin, responseBodyDefaults } from './policies/response-body.js';
import type { AttemptFailure } from './policies/retry-policy.js';

export type AttemptOutcome =
  | { ok: true; result: CallResult }
  | {
      ok: false;
      error: ChatError;
      /** Why, for the retry policy (policies/retry-policy.ts classifies it). */
      failure: AttemptFailure;
      retryAfterSeconds?: number | undefined;
    };

const bodyExcerptLength = 200;

const jsonContentType = { 'content-type': 'application/json' } as const;

/** The start of a body for an error, redacted and on one line. */
export const excerpt = (text: string, redact: Redactor): string => {
  const flat = redact(text.slice(0, 4 * bodyExcerptLength))
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > bodyExcerptLength ? `${flat.slice(0, bodyExcerptLength)}…` : flat;
};

const describeCause = (cause: unknown): string => {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
  return `${cause.message}${inner}`;
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Sends one attempt with its own timeout (the caller's signal aborts it too)
 * and classifies the outcome. Rejects only with the caller's abort reason.
 */
export const sendAttempt = async (
  settings: Pick<CallSettings, 'fetch' | 'headers' | 'timeoutMs' | 'redact' | 'maxResponseBytes'>,
  request: CallRequest,
  url: string,
  context: { operation: ChatOperationId; requestId: number; attempts: number },
): Promise<AttemptOutcome> => {
  const { redact } = settings;
  const timeoutMs = request.timeoutMs ?? settings.timeoutMs;
  // A Headers object only when the caller's must be merged: building one per
  // attempt is a measurable share of a small page's cost (pnpm bench).
  let headers: HeadersInit = settings.headers ?? jsonContentType;
  if (request.headers) {
    headers = new Headers(request.headers);
    headers.set('content-type', 'application/json');
  }
  const { signal } = request;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const forwardAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', forwardAbort, { once: true });
  let response: Response;
  let body: Awaited<ReturnType<typeof readBodyWithin>>;
  try {
    response = await settings.fetch(url, {
      method: chatOperations[request.operation].method,
      headers,
      body: request.body,
      // The API answers everything with 200: a redirect is an error, and
      // following it would send the body (and the caller's headers) elsewhere.
      redirect: 'manual',
      signal: controller.signal,
    });
    // A body that is only quoted in an error is read no further than the excerpt needs.
    body = await readBodyWithin(
      response,
      response.status === 200 ? settings.maxResponseBytes : responseBodyDefaults.excerptBytes,
    );
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    if (controller.signal.aborted) {
      return {
        ok: false,
        error: new ChatTimeoutError(timeoutMs, context),
        failure: { kind: 'timeout' },
      };
    }
    const error = new ChatConnectionError(
      redact(describeCause(cause)),
      context,
      redactCause(cause, redact),
    );
    return { ok: false, error, failure: { kind: 'connection' } };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forwardAbort);
  }
  const bodyText = body.text;
  if (response.status !== 200) {
    // The API answers 200 even for errors; anything else came from a gateway.
    const location =
      response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
    const error = new ChatHttpError(
      response.status,
      excerpt(bodyText, redact),
      context,
      location === null ? undefined : redact(location),
    );
    return { ok: false, error, failure: { kind: 'http', status: response.status } };
  }
  if (!body.complete) {
    return {
      ok: false,
      error: new ChatResponseTooLargeError(response.status, settings.maxResponseBytes, context),
      failure: { kind: 'tooLarge' },
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(bodyText);
  } catch {
    const issue = {
      path: '',
      message: `the body is not JSON (${bodyText.length} characters: ${excerpt(bodyText, redact)})`,
    };
    return {
      ok: false,
      error: new ChatResponseValidationError([issue], context),
      failure: { kind: 'notJson' },
    };
  }
  if (!isObject(data)) {
    const issue = { path: '', message: 'the body is not a JSON object' };
    return {
      ok: false,
      error: new ChatResponseValidationError([issue], context),
      failure: { kind: 'invalid' },
    };
  }
  const code = data.ErrorCode;
  if (typeof code === 'number' && code !== 0) {
    const info = typeof data.ErrorInfo === 'string' ? redact(data.ErrorInfo) : '';
    const error = new ChatApiError(code, info, context);
    return {
      ok: false,
      error,
      failure: { kind: 'api', retry: error.retry },
      retryAfterSeconds: error.retryAfterSeconds,
    };
  }
  const issues = request.validate?.(data);
  if (issues !== undefined && issues.length > 0) {
    // A path names the body's own keys, which a hostile server chooses.
    const redacted = issues.map(({ path, message }) => ({ path: redact(path), message }));
    return {
      ok: false,
      error: new ChatResponseValidationError(redacted, context),
      failure: { kind: 'invalid' },
    };
  }
  return {
    ok: true,
    result: {
      data,
      bodyText,
      requestId: context.requestId,
      attempts: context.attempts,
    },
  };
};
