import { type PrismServer, type PrismServerOptions, startPrismServer } from './prism-process.js';
import { specPath as bundledSpecPath } from './spec-path.js';

export interface StartPrismProxyOptions extends PrismServerOptions {
  /** Base URL of the server to check, such as an emulator's. */
  upstream: string;
  /**
   * `true` (Prism's `--errors`): a request that breaks the spec gets 422 and
   * never reaches the upstream, and an upstream answer that breaks it becomes
   * a 500 listing the violations. `false`: both pass, and the answer carries
   * the violations in an `sl-violations` header.
   * @default true
   */
  errors?: boolean;
}

export type PrismProxy = PrismServer;

/**
 * Starts `prism proxy` between a client and an implementation of the API (a
 * fake, a staging server): every request and answer is checked against the spec.
 */
export const startPrismProxy = (options: StartPrismProxyOptions): Promise<PrismProxy> =>
  startPrismServer(
    'proxy',
    [options.upstream],
    [...(options.errors === false ? [] : ['--errors']), '-v', 'error'],
    {
      ...options,
      specPath: options.specPath ?? bundledSpecPath,
    },
  );
