// Pack-test consumer (b), run with Node >= 20.19 in a temporary project that
// installed the packed tarballs: a CommonJS module that require()s the
// ESM-only packages (require(esm), unflagged since Node 20.19), issues a
// UserSig and verifies it, and prints what it saw as JSON.
const { existsSync } = require('node:fs');

const client = require('@avchatroom/client');
const { createFetchClient } = require('@avchatroom/client/fetch');
const { specPath, specJsonPath } = require('@avchatroom/openapi');
const { createRedisRateLimitStore } = require('@avchatroom/rate-limit-redis');
require('@avchatroom/types');

const main = async () => {
  const options = { sdkAppId: 1400000000, secretKey: 'pack-test-secret-key' };
  const now = Math.floor(Date.now() / 1000);
  const userSig = await client.generateUserSig({
    ...options,
    identifier: 'administrator',
    expireSeconds: 86400,
    issuedAt: now,
  });
  const verification = await client.verifyUserSig(userSig, { ...options, now });
  const forged = await client.verifyUserSig(userSig, { ...options, secretKey: 'another-key', now });
  console.log(
    JSON.stringify({
      nodeVersion: process.versions.node,
      verification,
      forgedReason: forged.valid ? 'valid' : forged.reason,
      createChatClient: typeof client.createChatClient,
      createFetchClient: typeof createFetchClient,
      createRedisRateLimitStore: typeof createRedisRateLimitStore,
      specExists: existsSync(specPath) && existsSync(specJsonPath),
      resolved: Object.fromEntries(
        [
          '@avchatroom/client',
          '@avchatroom/client/fetch',
          '@avchatroom/types',
          '@avchatroom/openapi',
          '@avchatroom/rate-limit-redis',
        ].map((specifier) => [specifier, require.resolve(specifier)]),
      ),
      specPath,
    }),
  );
};

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
