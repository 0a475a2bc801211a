// One scenario's world: an emulator of its own on 127.0.0.1 (port 0) serving a
// sentinel app, and a capturing client signed in with the sentinel credential.
import type { ChatClientOptionsBase } from '@avchatroom/client';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '@avchatroom/emulator';
import { type CapturingClient, createCapturingClient } from './capturing-client.js';
import type { Credential } from './retry-oracle.js';
import {
  createSentinelApp,
  type SentinelApp,
  sentinelSeed,
  sentinelUserSig,
} from './sentinel-app.js';

export interface SentinelScenarioSetup {
  credential: Credential;
  /** For 'userSig': how long ago the fixed sig was issued. @default 0 */
  userSigIssuedAgoSeconds?: number;
  emulator?: Omit<EmulatorOptions, 'seed' | 'host' | 'port'>;
  client?: Omit<ChatClientOptionsBase, 'sdkAppId' | 'identifier' | 'baseUrl' | 'region'>;
}

export interface SentinelScenario extends CapturingClient {
  app: SentinelApp;
  emulator: RunningEmulator;
  /** The secret key, the fixed UserSig if any, and every UserSig sent so far. */
  secrets: () => string[];
}

export const startSentinelScenario = async (
  setup: SentinelScenarioSetup,
): Promise<SentinelScenario> => {
  const app = createSentinelApp();
  const userSig =
    setup.credential === 'userSig'
      ? await sentinelUserSig(app, setup.userSigIssuedAgoSeconds ?? 0)
      : undefined;
  const emulator = await startEmulator({
    ...setup.emulator,
    seed: sentinelSeed(app),
    host: '127.0.0.1',
    port: 0,
  });
  const common = {
    ...setup.client,
    sdkAppId: app.sdkAppId,
    identifier: app.admin,
    baseUrl: emulator.url,
  };
  const captured = createCapturingClient(
    userSig === undefined ? { ...common, secretKey: app.secretKey } : { ...common, userSig },
  );
  return {
    ...captured,
    app,
    emulator,
    secrets: () => [
      app.secretKey,
      ...(userSig === undefined ? [] : [userSig]),
      ...captured.sentUserSigs,
    ],
  };
};

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export const settle = <T>(promise: Promise<T>): Promise<Settled<T>> =>
  promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
