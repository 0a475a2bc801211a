// What the command prints once it listens: the URL and, for each app of the
// seed, what a caller needs to sign a UserSig and call it. A secret key is
// shown only for the demo seed, whose keys are published with the package.
import type { EmulatorSeed } from './seed.js';

/** Groups named per app; the rest are counted. */
const maxGroupsShown = 5;

const groupsLine = (seed: EmulatorSeed, sdkAppId: number): string => {
  const groups = seed.groups.filter((group) => group.sdkAppId === sdkAppId);
  const shown = groups.slice(0, maxGroupsShown).map((group) => `${group.groupId} (${group.type})`);
  const more = groups.length - shown.length;
  return `    groups: ${shown.join(', ') || 'none'}${more > 0 ? `, and ${more} more` : ''}`;
};

/**
 * The lines the command writes to stderr after the URL (stdout's first line).
 * @param isDemoSeed true when serving the package's demo seed: only then are keys shown
 */
export const servingBanner = (url: string, seed: EmulatorSeed, isDemoSeed: boolean): string => {
  const lines = [`avchatroom-emulator: serving ${url} (control API at ${url}/__emulator/)`];
  for (const app of seed.apps) {
    const key = isDemoSeed
      ? `secret key ${app.secretKey}`
      : 'secret key from your seed (not shown)';
    lines.push(
      `  SDKAppID ${app.sdkAppId} (${app.edition ?? 'pro'} edition): admin identifier ${app.admins.join(' or ')}, ${key}`,
      groupsLine(seed, app.sdkAppId),
    );
  }
  lines.push(
    isDemoSeed
      ? "  These keys are the demo seed's, published with the package: they sign UserSigs (TLSSigAPIv2) for this emulator only."
      : "  Sign UserSigs (TLSSigAPIv2) with each app's secret key from the seed.",
  );
  return `${lines.join('\n')}\n`;
};
