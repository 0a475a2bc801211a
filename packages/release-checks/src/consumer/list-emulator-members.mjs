// Pack-test consumer (d), run with Node in a temporary project that installed
// the packed tarballs (and by the registry test, in one that installed the
// packages from the local registry): starts the installed @avchatroom/emulator with its demo
// seed on a free loopback port, lists the demo room with the installed
// @avchatroom/client as its README shows, and prints what it saw as JSON.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createChatClient } from '@avchatroom/client';
import { demoSeedPath, startEmulator } from '@avchatroom/emulator';

const groupId = '@TGS#aLIVEDEMO';

const emulator = await startEmulator();
try {
  const [app] = emulator.seed.apps;
  const client = createChatClient({
    sdkAppId: app.sdkAppId,
    identifier: 'administrator',
    secretKey: app.secretKey,
    baseUrl: emulator.url,
  });
  const listing = await client.listMembers(groupId);
  const { members } = listing;
  const emulatorEntry = fileURLToPath(import.meta.resolve('@avchatroom/emulator'));
  const demoSeedExport = fileURLToPath(import.meta.resolve('@avchatroom/emulator/seeds/demo.json'));
  // The emulator reads the bundled spec of the @avchatroom/openapi it resolves
  // from its own folder: that one must be the installed tarball too.
  const fromEmulator = createRequire(emulatorEntry);
  console.log(
    JSON.stringify({
      url: emulator.url,
      sdkAppId: app.sdkAppId,
      memberCount: members.length,
      uniqueAccounts: new Set(members.map((member) => member.Member_Account)).size,
      newestFirst: members.every(
        (member, index) => index === 0 || members[index - 1].JoinTime >= member.JoinTime,
      ),
      pages: listing.pages,
      truncated: listing.truncated,
      apiCalls: emulator.stats().apiCalls,
      seedIsTheExportedDemo:
        demoSeedPath === demoSeedExport &&
        JSON.parse(readFileSync(demoSeedExport, 'utf8')).apps[0].sdkAppId === app.sdkAppId,
      resolved: {
        '@avchatroom/client': fileURLToPath(import.meta.resolve('@avchatroom/client')),
        '@avchatroom/emulator': emulatorEntry,
        '@avchatroom/emulator/seeds/demo.json': demoSeedExport,
        '@avchatroom/openapi from the emulator': fromEmulator.resolve('@avchatroom/openapi'),
      },
    }),
  );
} finally {
  await emulator.stop();
}
