import { type RunningEmulator, startEmulator } from '@avchatroom/emulator';
import { type PrismProxy, startPrismProxy } from '@avchatroom/openapi';
import { afterAll, beforeAll } from 'vitest';
import { runInProcess } from './run-helpers.js';
import { proEnv, testSeed } from './test-seed.js';

/**
 * The emulator with the test seed behind a Prism proxy of the spec (--errors:
 * a request or answer that breaks the spec fails the call), started before the
 * file's tests and stopped after them. `run` is runCli in-process against it.
 */
export const useProxiedEmulator = () => {
  const context = {} as {
    emulator: RunningEmulator;
    proxy: PrismProxy;
    env: Record<string, string>;
  };
  beforeAll(async () => {
    context.emulator = await startEmulator({ seed: testSeed(), callsPerSecond: false });
    context.proxy = await startPrismProxy({ upstream: context.emulator.url });
    context.env = proEnv(context.proxy.url);
  });
  afterAll(async () => {
    await context.proxy?.stop();
    await context.emulator?.stop();
  });
  const run = (argv: string[], extraEnv: Record<string, string> = {}) =>
    runInProcess(argv, { ...context.env, ...extraEnv });
  return { context, run };
};
