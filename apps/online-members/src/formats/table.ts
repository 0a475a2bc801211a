import type { OnlineMember } from '@avchatroom/client';
import type { Colors } from '../color.js';
import { terminalText } from '../terminal-text.js';

export interface TableOptions {
  colors: Colors;
  /** Print only the first rows, then "… and N more". @default every row */
  maxRows?: number;
}

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

/**
 * Aligned columns: account, join time, nickname, avatar. Widths count UTF-16
 * code units, so wide (CJK) characters can shift a row; fine for a sample.
 */
export const formatTable = (members: readonly OnlineMember[], options: TableOptions): string => {
  if (members.length === 0) return `${options.colors.dim('(no members online)')}\n`;
  const shown = members.slice(0, options.maxRows ?? members.length);
  const rows = shown.map(cellsOf);
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  // The last column is not padded, so no line ends in spaces.
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const lines = [options.colors.bold(line(headers)), ...rows.map(line)];
  const hidden = members.length - shown.length;
  if (hidden > 0) lines.push(options.colors.dim(`… and ${hidden.toLocaleString('en-US')} more`));
  return `${lines.join('\n')}\n`;
};
