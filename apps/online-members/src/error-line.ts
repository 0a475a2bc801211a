import {
  ChatApiError,
  ChatConnectionError,
  ChatError,
  ChatHttpError,
  ChatPaginationError,
  ChatResponseValidationError,
  ChatTimeoutError,
} from '@avchatroom/client';
import { envNames } from './credentials-from-env.js';
import { hintFor } from './error-hints.js';
import { oneLine } from './terminal-text.js';

const endpointHint = `check --base-url or --region (${envNames.baseUrl}, ${envNames.region}) and the network`;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** The error's message without the operation the client puts first ("getMembers ..."). */
const detail = (error: ChatError) =>
  error.message.startsWith(`${error.operation} `)
    ? error.message.slice(error.operation.length + 1)
    : error.message;

/** Ends a text with a full stop unless it ends with punctuation already. */
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

const withHint = (text: string, hint: string) => `${sentence(text)} Hint: ${sentence(hint)}`;

/**
 * The server's ErrorInfo when it adds something to the meaning. A server may
 * repeat the documented meaning in ErrorInfo and add a detail in parentheses
 * (the emulator does): only the detail is kept.
 */
const extraInfo = (info: string, meaning: string | undefined): string => {
  let extra = info.trim();
  if (meaning !== undefined && extra.startsWith(meaning))
    extra = extra.slice(meaning.length).trim();
  extra = extra.replace(/^\((.*)\)$/s, '$1');
  return extra === '' || extra === meaning ? '' : ` (server: ${clip(extra, 160)})`;
};

const apiErrorText = (error: ChatApiError): string => {
  const meaning = error.meaning ?? 'An ErrorCode the docs do not list.';
  return withHint(
    `ErrorCode ${error.code} ${error.codeName}: ${sentence(meaning)}${extraInfo(error.info, error.meaning)}`,
    hintFor(error),
  );
};

const describe = (error: unknown): string => {
  if (error instanceof ChatApiError) return apiErrorText(error);
  if (error instanceof ChatConnectionError) {
    return withHint(`network error: ${detail(error)}`, endpointHint);
  }
  if (error instanceof ChatTimeoutError) {
    return withHint(`network error: ${detail(error)} (${error.attempts} attempts)`, endpointHint);
  }
  if (error instanceof ChatHttpError) {
    return withHint(
      `HTTP error ${error.status} (${clip(oneLine(error.bodyExcerpt.replace(/<[^>]*>/g, ' ')), 120) || 'empty body'})`,
      `a gateway or proxy answered instead of the API: ${endpointHint}, or try again later`,
    );
  }
  if (error instanceof ChatResponseValidationError) {
    return withHint(
      `bad response: ${clip(detail(error), 300)}`,
      'check that --base-url points at the Chat REST API',
    );
  }
  if (error instanceof ChatPaginationError) {
    return withHint(
      `paging failed: ${detail(error)}`,
      "try again; the server's cursor chain did not end",
    );
  }
  if (error instanceof ChatError) return detail(error);
  return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
};

/**
 * One line for stderr about an API, network or server failure: the ErrorCode,
 * its name, its meaning and a hint. The client's messages are already
 * redacted; this never adds a setting's value.
 */
export const errorLine = (error: unknown): string => {
  const requestId =
    error instanceof ChatError && error.requestId !== undefined
      ? ` [request ${error.requestId}]`
      : '';
  return oneLine(`${describe(error)}${requestId}`);
};
