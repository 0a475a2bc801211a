import { startPrismMock } from '@avchatroom/openapi';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the Prism mock of the bundled spec, on a free loopback port. */
    prismUrl: string;
  }
}

/** Starts one Prism mock for the contract tests and always stops it afterwards. */
export const setup = async (project: TestProject): Promise<() => Promise<void>> => {
  const startedAt = performance.now();
  const prism = await startPrismMock();
  console.log(
    `Prism mock ready at ${prism.url} in ${Math.round(performance.now() - startedAt)} ms`,
  );
  project.provide('prismUrl', prism.url);
  return prism.stop;
};
