// One round trip in the usual case: EVALSHA. After a restart or SCRIPT FLUSH
// Redis answers NOSCRIPT, and EVAL sends the source once (which also caches it).
import type { ScriptRunner } from './redis-client-adapter.js';
import { reservePlaceScript, reservePlaceScriptSha } from './reserve-place-script.js';

const isNoScript = (error: unknown): boolean =>
  error instanceof Error && error.message.startsWith('NOSCRIPT');

export const runReservePlaceScript = async (
  runner: ScriptRunner,
  keys: string[],
  args: string[],
): Promise<unknown> => {
  try {
    return await runner.evalSha(reservePlaceScriptSha, keys, args);
  } catch (error) {
    if (!isNoScript(error)) throw error;
    return runner.eval(reservePlaceScript, keys, args);
  }
};
