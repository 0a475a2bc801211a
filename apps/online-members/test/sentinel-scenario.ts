import type { RunningEmulator } from '@avchatroom/emulator';
import type { RunCliOptions } from '../src/run-cli.js';
import type { SentinelCredentials } from './sentinel-credentials.js';

/** How the CLI gets its credentials: the secret key or a fixed UserSig (README "Settings"). */
export type CredentialMode = 'secretKey' | 'userSig';

export const credentialModes: readonly CredentialMode[] = ['secretKey', 'userSig'];

export interface ScenarioContext {
  mode: CredentialMode;
  credentials: SentinelCredentials;
  /** A fresh emulator for this run alone, its app's key the sentinel key. */
  emulator: RunningEmulator;
  /** SDKAppID, identifier, the emulator's URL and this mode's sentinel credential. */
  env: Record<string, string>;
  /** An AVChatRoom group of the app, and a work (Private) group. */
  room: string;
  workGroup: string;
}

export interface ScenarioRun {
  argv: string[];
  /** Variables to set over the context's env; an empty one counts as unset. */
  env?: Record<string, string>;
  signal?: AbortSignal;
  sleep?: RunCliOptions['sleep'];
}

export interface SentinelScenario {
  name: string;
  /** usage: exit 2; api, fault, network: exit 1; the rest: interrupted runs, watch, demo. */
  kind: 'usage' | 'api' | 'fault' | 'network' | 'interrupt' | 'watch' | 'demo';
  exitCode: 0 | 1 | 2 | 130;
  /** The modes it runs in (default both). */
  modes?: readonly CredentialMode[];
  /** The API calls the emulator must have answered, when that is certain. */
  apiCalls?: (mode: CredentialMode) => number;
  /** Text stderr must hold, such as the ErrorCode. */
  stderrHas?: string;
  /** Sets up the emulator (faults) and returns the command line. */
  setup: (context: ScenarioContext) => ScenarioRun | Promise<ScenarioRun>;
}

/** The env that swaps in a credential for the run's mode. */
export const credentialEnv = (
  mode: CredentialMode,
  given: { secretKey?: string; userSig?: string },
): Record<string, string> =>
  mode === 'secretKey'
    ? { AVCHATROOM_SECRET_KEY: given.secretKey ?? '' }
    : { AVCHATROOM_USERSIG: given.userSig ?? '' };
