import { chatRegions, getMembersLimits, retryDefaults } from '@avchatroom/client';
import { listFormats } from './formats/format-listing.js';

export type CommandName = 'list' | 'watch' | 'demo';

const optionIndent = ' '.repeat(22);

/** Words joined by ", " and wrapped to 80 columns under an option's description. */
const wrapList = (words: readonly string[], firstLineUsed: number): string => {
  const lines: string[] = [];
  let line = '';
  let room = 80 - firstLineUsed;
  for (const [index, word] of words.entries()) {
    const piece = `${word}${index < words.length - 1 ? ',' : ''}`;
    if (line !== '' && line.length + 1 + piece.length > room) {
      lines.push(line);
      line = piece;
      room = 80 - optionIndent.length;
    } else line = line === '' ? piece : `${line} ${piece}`;
  }
  lines.push(line);
  return lines.join(`\n${optionIndent}`);
};

// Read from the client's generated table, so a region added to the spec shows here.
const regionIds = wrapList(Object.keys(chatRegions), 56);

const connectionOptions = `Connection (flags override the environment):
  --region ID         the region of the SDKAppID, one of: ${regionIds}
                      [env AVCHATROOM_REGION]
  --base-url URL      any base URL instead of a region (an emulator, a proxy),
                      http(s), without user:password@  [env AVCHATROOM_BASE_URL]
  --sdk-app-id N      the app's SDKAppID                 [env AVCHATROOM_SDKAPPID]
  --identifier ID     an App admin's UserID              [env AVCHATROOM_IDENTIFIER]
  --timeout SECONDS   the time an attempt may take (default: ${retryDefaults.timeoutMs / 1000}); one that
                      times out is retried, up to ${retryDefaults.maxRetries} times

Secrets come only from the environment, never from flags (flags show in \`ps\`
and in shell history): AVCHATROOM_SECRET_KEY (the client issues and renews
UserSigs) or AVCHATROOM_USERSIG (a fixed UserSig). They are never printed.

Each option is given at most once, with a non-empty value (write
--option=VALUE for one that starts with -). No value, from a flag or a
variable, may hold a control character; a secret may not hold whitespace.`;

const exitCodeText = `Exit codes: 0 success, 1 API or network error, 2 usage error,
130 interrupted (Ctrl-C).
Colour only on a terminal; NO_COLOR=1 turns it off.`;

const globalHelp = `online-members: list and watch the online members of a Tencent Cloud Chat
audio-video group (AVChatRoom), with @avchatroom/client.

Usage:
  online-members list --group ID [--mark N] [--format ${listFormats.join('|')}] [connection]
  online-members watch --group ID [--mark N] [--interval SECONDS] [--rounds N] [connection]
  online-members demo
  online-members <command> --help
  online-members --version

Commands:
  list    every online member, page by page (the API returns at most the
          ${getMembersLimits.maxMembers.toLocaleString('en-US')} latest; ${getMembersLimits.nonProEditionMaxMembers} below the Pro edition)
  watch   who joined (+) and who left (-) at each snapshot
  demo    starts the emulator in-process and runs list and watch against it

${connectionOptions}

${exitCodeText}
`;

const listHelp = `Usage: online-members list --group ID [options]

Lists every online member of a group, following the API's pages.

Options:
  --group ID          the group's ID (required)
  --mark N            only members carrying mark N (custom marks are 1000 and up)
  --format FORMAT     ${listFormats.join(', ')} (default: table)
                      table: account, joined (ISO-8601 UTC; seconds since the
                        epoch past year 275760), nickname, avatar, then a
                        summary line on stderr
                      json: one object {groupId, members, truncated, pages}
                      ndjson: one member object per line
                      csv: a header row, then RFC 4180 rows; a cell starting
                        with = + - @ (after any spaces or line breaks), a tab
                        or a CR gets a leading '
  -h, --help          this help

${connectionOptions}

${exitCodeText}
`;

const watchHelp = `Usage: online-members watch --group ID [options]

Lists the group at each snapshot and prints who joined (+ account) and who left
(- account) since the previous one. The first round prints a baseline. Runs
until interrupted (Ctrl-C stops it cleanly, exit code 0) or for --rounds rounds.

Options:
  --group ID          the group's ID (required)
  --mark N            only members carrying mark N
  --interval SECONDS  time between rounds (default: ${getMembersLimits.snapshotRefreshSeconds}, the API's snapshot period;
                      a shorter one sees the same snapshot again)
  --rounds N          stop after N rounds (the baseline counts as the first)
  -h, --help          this help

${connectionOptions}

${exitCodeText}
`;

const demoHelp = `Usage: online-members demo

Starts the emulator (@avchatroom/emulator) in-process with its demo seed, lists
its live room (the first rows), then watches it for two rounds of changes, and
stops the emulator. Needs no credentials and no network; takes a few seconds.

${exitCodeText}
`;

/** The help text of a command, or the global help. */
export const helpText = (command?: CommandName): string => {
  if (command === 'list') return listHelp;
  if (command === 'watch') return watchHelp;
  if (command === 'demo') return demoHelp;
  return globalHelp;
};
