// The secrets sentinel can fail: each form a secret may take in text is found,
// and an error that really carries the UserSig (a custom fetch's own error,
// naming the URL) is caught, while the client's copy of it is clean (client
// README, "Secrets": the cause is redacted).
import { ChatConnectionError } from '@avchatroom/client';
import { describe, expect, it } from 'vitest';
import { errorStrings, findLeaks } from './support/secret-leaks.js';
import { createSentinelApp, sentinelUserSig } from './support/sentinel-app.js';
import { settle, startSentinelScenario } from './support/sentinel-scenario.js';

describe('findLeaks', () => {
  it('finds a secret raw, URL-encoded, JSON-escaped and cut short', async () => {
    const app = createSentinelApp();
    const userSig = await sentinelUserSig(app);
    const secret = `${app.secretKey}/+"\\`;
    const texts = [
      `key ${secret} here`,
      `url ?k=${encodeURIComponent(secret)}&x=1`,
      `json ${JSON.stringify({ secret })}`,
      `excerpt …${userSig.slice(20, userSig.length - 20)}…`,
      'nothing to see',
    ];
    expect(findLeaks(texts, [secret, userSig]).map((leak) => leak.where)).toEqual([0, 1, 2, 3]);
  });

  it('finds the UserSig in an error whose message names the URL, not in the client error made of it', async () => {
    const world = await startSentinelScenario({
      credential: 'userSig',
      client: {
        maxRetries: 0,
        // A fetch that fails the way some HTTP stacks do: quoting the URL.
        fetch: async (input) => {
          throw new TypeError(`request to ${String(input)} failed`, {
            cause: new Error(`connect refused for ${String(input)}`),
          });
        },
      },
    });
    try {
      const outcome = await settle(world.client.getMembers({ groupId: world.app.groupId }));
      const error = outcome.ok ? undefined : outcome.error;
      expect(error).toBeInstanceOf(ChatConnectionError);
      const [sent] = world.sentUserSigs;
      expect(sent).toBeDefined();
      const raw = new TypeError(`request to ${world.emulator.url}?usersig=${sent} failed`);
      expect(findLeaks(errorStrings(raw), world.secrets()).length).toBeGreaterThan(0);
      expect(findLeaks([...errorStrings(error), ...world.logLines], world.secrets())).toEqual([]);
      // The redacted cause still tells what happened.
      expect((error as Error).message).toContain('usersig=***');
    } finally {
      await world.emulator.stop();
    }
  });
});
