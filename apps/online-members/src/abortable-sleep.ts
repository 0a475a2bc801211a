import { setTimeout as delay } from 'node:timers/promises';

/** Waits `ms` milliseconds; resolves early (never rejects) when `signal` aborts. */
export const abortableSleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
  try {
    await delay(ms, undefined, signal ? { signal } : {});
  } catch (error) {
    if (!signal?.aborted) throw error;
  }
};
