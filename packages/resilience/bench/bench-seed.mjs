// The emulator seed every benchmark runs against, written to a temp file for
// the `avchatroom-emulator --seed FILE` child: one Pro app, the 2,000 rooms the
// quota run polls (a few members each), a room of exactly 1,000 members for the
// pagination cost, and a 20- and a 500-member room for the emulator's own speed.
// The secret key is random per run and never printed; only the child processes
// that need it get it, on stdin.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const benchApp = { sdkAppId: 1_400_009_001, identifier: 'administrator' };
export const polledGroupCount = 2_000;
export const membersPerPolledGroup = 3;
export const paginationRoom = { groupId: '@TGS#aBENCHPAGES', members: 1_000 };
export const smallPageRoom = { groupId: '@TGS#aBENCHSMALL', members: 20 };
export const fullPageRoom = { groupId: '@TGS#aBENCHFULL', members: 500 };

export const polledGroupIds = Array.from(
  { length: polledGroupCount },
  (_, index) => `@TGS#aBENCHPOLL${String(index).padStart(4, '0')}`,
);

// Distinct join times, newest first, so every page holds exactly the page size
// (the emulator never ends a page between two members who joined in one second).
const membersOf = (prefix, count) =>
  Array.from({ length: count }, (_, index) => ({
    account: `${prefix}${index}`,
    joinTime: 1_767_225_600 - index,
    nickName: `Viewer ${index}`,
  }));

const buildSeed = (secretKey) => ({
  randomSeed: 1,
  apps: [{ sdkAppId: benchApp.sdkAppId, secretKey, admins: [benchApp.identifier], edition: 'pro' }],
  groups: [
    ...polledGroupIds.map((groupId) => ({
      sdkAppId: benchApp.sdkAppId,
      groupId,
      type: 'AVChatRoom',
      members: membersOf('p', membersPerPolledGroup),
    })),
    ...[paginationRoom, smallPageRoom, fullPageRoom].map(({ groupId, members }) => ({
      sdkAppId: benchApp.sdkAppId,
      groupId,
      type: 'AVChatRoom',
      members: membersOf('v', members),
    })),
  ],
});

/** Writes the seed to a new temp directory; `remove()` deletes it. */
export const writeBenchSeed = async () => {
  const secretKey = randomBytes(24).toString('hex');
  const directory = await mkdtemp(join(tmpdir(), 'avchatroom-bench-'));
  const path = join(directory, 'seed.json');
  await writeFile(path, JSON.stringify(buildSeed(secretKey)), { mode: 0o600 });
  return {
    path,
    secretKey,
    remove: () => rm(directory, { recursive: true, force: true }),
  };
};
