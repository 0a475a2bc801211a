// One round trip in the usual case: EVALSHA. After a restart or SCRIPT FLUSH
// Redis answers NOSCRIPT, and EVAL sends the source once (which also caches it).
import type { ScriptRunner } from './redis-client-adapter.js';
import type { RedisScript } from './reserve-place-script.js';

const isNoScript = (error: unknown): boolean =>
  error instanceof Error && error.message.startsWith('NOSCRIPT');

export const runScript = async (
  runner: ScriptRunner,
  script: RedisScript,
  keys: string[],
  args: string[],
): Promise<unknown> => {
  try {
    return await runner.evalSha(script.sha, keys, args);
  } catch (error) {
    if (!isNoScript(error)) throw error;
    return runner.eval(script.source, keys, args);
  }
};
