import { getMembersLimits } from '@avchatroom/client';
import { listFormats } from '../formats/format-listing.js';
import { connectionOptions, exitCodeText } from './shared-help.js';

export const listHelp = `Usage: online-members list --group ID [options]

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

export const watchHelp = `Usage: online-members watch --group ID [options]

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

export const demoHelp = `Usage: online-members demo

Starts the emulator (@avchatroom/emulator) in-process with its demo seed, lists
its live room (the first rows), prints its true online count, sets a mark on a
member, lists the members carrying it and deletes it, then watches the room for
two rounds of changes, and stops the emulator. Needs no credentials and no
network; takes a few seconds.

${exitCodeText}
`;
