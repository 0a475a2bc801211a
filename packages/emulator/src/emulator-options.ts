import type { EmulatorClock } from './clock.js';
import type { FaultPlan } from './faults.js';
import type { EmulatorSeed } from './seed.js';

/** Options of `startEmulator`. Every limit defaults to the spec's `x-limits`. */
export interface EmulatorOptions {
  /**
   * Apps and groups to serve: a seed object, or the path of a seed JSON file.
   * @default the demo seed (`seeds/demo.json`): one live room of about 1,200 members
   */
  seed?: EmulatorSeed | string;
  /** Loopback address to listen on. @default '127.0.0.1' */
  host?: string;
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /**
   * Members per page. The English page says 500, the Chinese page 250.
   * @default 500
   */
  pageSize?: number;
  /**
   * How often a group's served snapshot is refreshed: joins and leaves show
   * only after a refresh (the docs' business cache).
   * @default the spec's x-limits.snapshotRefreshSeconds (40 s)
   */
  snapshotRefreshMs?: number;
  /**
   * Calls per second allowed per SDKAppID and operation, over any sliding 1 s
   * window, for every operation; `false` turns the limits off.
   * @default each operation's x-limits.callsPerSecond (or assumedCallsPerSecond)
   */
  callsPerSecond?: number | false;
  /**
   * ErrorCode of a call over the limit. The docs do not say which code the
   * API uses; the frequency codes are 60007, 60011, 60018 and 60019.
   * @default 60007
   */
  rateLimitErrorCode?: number;
  /** Milliseconds added before every API answer. @default 0 */
  latencyMs?: number;
  /** Faults to inject into the first API calls, in order. @default [] */
  faults?: FaultPlan[];
  /**
   * Path of a bundled spec (JSON, like `specJsonPath` of `@avchatroom/openapi`)
   * whose operations are served: an operation with no stateful handler in the
   * emulator answers its first success example.
   * @default the spec of `@avchatroom/openapi`
   */
  specPath?: string;
  /** Where time comes from; tests pass `createManualClock()`. @default the system clock */
  clock?: EmulatorClock;
}
