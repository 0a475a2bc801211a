// A client whose every log line and every UserSig it sends are recorded, so a
// scenario can look for its secrets in everything the client printed.
import { inspect } from 'node:util';
import {
  type ChatClient,
  type ChatClientOptions,
  type ChatLogFields,
  type ChatLogger,
  type ChatLogLevel,
  createChatClient,
} from '@avchatroom/client';

export interface CapturingClient {
  client: ChatClient;
  /** Every log line at 'debug' and above: level, message, fields as JSON and as inspected. */
  logLines: string[];
  /** The `usersig` query value of every request the client sent. */
  sentUserSigs: string[];
  /** Requests the client handed to `fetch`. */
  requests: () => number;
}

const logLevels: ChatLogLevel[] = ['debug', 'info', 'warn', 'error'];

/**
 * createChatClient with a recording logger at 'debug' and a recording `fetch`
 * in front of `options.fetch` (or the global one).
 */
export const createCapturingClient = (options: ChatClientOptions): CapturingClient => {
  const logLines: string[] = [];
  const sentUserSigs: string[] = [];
  let requests = 0;
  const logger: ChatLogger = {};
  for (const level of logLevels) {
    logger[level] = (message: string, fields?: ChatLogFields) => {
      logLines.push(
        `${level} ${message} ${JSON.stringify(fields)} ${inspect(fields, { depth: Infinity, showHidden: true })}`,
      );
    };
  }
  const send = options.fetch ?? globalThis.fetch;
  const recordingFetch: typeof fetch = (input, init) => {
    requests += 1;
    const url = new URL(input instanceof Request ? input.url : String(input));
    const userSig = url.searchParams.get('usersig');
    if (userSig !== null) sentUserSigs.push(userSig);
    return send(input, init);
  };
  const client = createChatClient({
    ...options,
    logger,
    logLevel: 'debug',
    fetch: recordingFetch,
  });
  return { client, logLines, sentUserSigs, requests: () => requests };
};
