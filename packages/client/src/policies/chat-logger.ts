import type { Redactor } from './redact-secrets.js';

/** Severity of a log line, from the most to the least detailed. */
export type ChatLogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Facts attached to a log line; strings in it are redacted like the message. */
export type ChatLogFields = Record<string, string | number | boolean | undefined>;

/**
 * Where the client writes its log lines. Any object with these methods works,
 * `console` included; missing methods are skipped.
 */
export type ChatLogger = Partial<
  Record<ChatLogLevel, (message: string, fields?: ChatLogFields) => void>
>;

/** Writes log lines at or above a level, after redaction. */
export interface ChatLog {
  (level: ChatLogLevel, message: string, fields?: ChatLogFields): void;
  /** Whether a line at this level would be written: skip building it otherwise. */
  enabled(level: ChatLogLevel): boolean;
}

const severity: Record<ChatLogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export const chatLogLevels = Object.keys(severity) as ChatLogLevel[];

/** A log that writes nothing: the client is silent unless given a logger. */
export const silentLog: ChatLog = Object.assign(() => {}, { enabled: () => false });

export const createChatLog = (
  logger: ChatLogger | undefined,
  minimumLevel: ChatLogLevel,
  redact: Redactor,
): ChatLog => {
  if (logger === undefined) return silentLog;
  const enabled = (level: ChatLogLevel) =>
    severity[level] >= severity[minimumLevel] && typeof logger[level] === 'function';
  const log = (level: ChatLogLevel, message: string, fields?: ChatLogFields) => {
    if (!enabled(level)) return;
    const write = logger[level];
    if (typeof write !== 'function') return;
    const safeFields: ChatLogFields | undefined = fields && {};
    for (const [key, value] of Object.entries(fields ?? {})) {
      (safeFields as ChatLogFields)[key] = typeof value === 'string' ? redact(value) : value;
    }
    try {
      if (safeFields === undefined) write.call(logger, redact(message));
      else write.call(logger, redact(message), safeFields);
    } catch {
      // A broken logger must not break the call it was describing: the line is lost.
    }
  };
  return Object.assign(log, { enabled });
};
