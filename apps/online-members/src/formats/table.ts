import type { OnlineMember } from '@avchatroom/client';
import { terminalText } from '../terminal-text.js';
import { type AlignedTableOptions, alignedTable } from './aligned-table.js';

export type TableOptions = AlignedTableOptions;

/**
 * JoinTime (seconds since the epoch) as ISO-8601 UTC, to the second, or the
 * raw number when a Date cannot hold it: the spec allows up to 2^53 - 1
 * seconds, a Date only 8.64e15 ms (year 275760), and one such member must not
 * cost the others their rows.
 */
export const joinTimeText = (joinTime: number): string => {
  const date = new Date(joinTime * 1000);
  return Number.isNaN(date.getTime())
    ? String(joinTime)
    : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
};

const headers = ['ACCOUNT', 'JOINED (UTC)', 'NICKNAME', 'AVATAR'] as const;

const cellsOf = (member: OnlineMember): string[] => [
  terminalText(member.Member_Account),
  joinTimeText(member.JoinTime),
  terminalText(member.NickName ?? ''),
  terminalText(member.Avatar ?? ''),
];

/** Aligned columns: account, join time, nickname, avatar. */
export const formatTable = (members: readonly OnlineMember[], options: TableOptions): string =>
  alignedTable(headers, members.map(cellsOf), { ...options, empty: '(no members online)' });
