// Parent and worker processes talk in JSON lines: one message per line, each an
// object with a `type`. Secrets (the app's secret key) travel this way on stdin,
// never in argv, where `ps` would show them.
import { createInterface } from 'node:readline';

/** Writes one message to a stream as a JSON line; `onWritten` runs once it is flushed. */
export const writeMessage = (stream, message, onWritten) =>
  stream.write(`${JSON.stringify(message)}\n`, onWritten);

/**
 * Reads JSON-line messages from a stream; `next(type, timeoutMs)` resolves with
 * the next message of that type, or rejects after timeoutMs or when the stream ends.
 */
export const readMessages = (stream, what) => {
  const queued = [];
  const waiting = [];
  let ended = false;
  const lines = createInterface({ input: stream });
  lines.on('line', (line) => {
    if (!line.startsWith('{')) return;
    queued.push(JSON.parse(line));
    for (const waiter of [...waiting]) waiter.check();
  });
  lines.on('close', () => {
    ended = true;
    for (const waiter of [...waiting]) waiter.check();
  });
  const next = (type, timeoutMs) =>
    new Promise((resolve, reject) => {
      const waiter = {
        check: () => {
          const index = queued.findIndex((message) => message.type === type);
          if (index === -1 && !ended) return;
          clearTimeout(timer);
          waiting.splice(waiting.indexOf(waiter), 1);
          if (index === -1) reject(new Error(`${what} ended before sending "${type}"`));
          else resolve(queued.splice(index, 1)[0]);
        },
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(waiter), 1);
        reject(new Error(`${what} sent no "${type}" within ${timeoutMs} ms`));
      }, timeoutMs);
      waiting.push(waiter);
      waiter.check();
    });
  return { next };
};
