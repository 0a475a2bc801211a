import { type PrismServer, type PrismServerOptions, startPrismServer } from './prism-process.js';
import { specPath as bundledSpecPath } from './spec-path.js';

export type StartPrismMockOptions = PrismServerOptions;
export type PrismMock = PrismServer;

/**
 * Starts a Prism mock of the spec on a free loopback port. It validates
 * requests and its own answers (`--errors`) and serves the spec's named
 * examples: send `Prefer: example=NAME` to pick one.
 */
export const startPrismMock = (options: StartPrismMockOptions = {}): Promise<PrismMock> =>
  startPrismServer('mock', [], ['--errors', '-v', 'error'], {
    ...options,
    specPath: options.specPath ?? bundledSpecPath,
  });
