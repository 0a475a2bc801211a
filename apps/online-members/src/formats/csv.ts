import type { OnlineMember } from '@avchatroom/client';

// A spreadsheet runs a cell that starts with = + - @ as a formula (OWASP "CSV
// Injection"): a nickname such as =HYPERLINK(...) would. Leading spaces, line
// breaks, control or zero-width characters do not make it safe (a spreadsheet
// may trim them), so " =1" and "\n=1" are guarded too; OWASP also lists a
// leading tab or carriage return on its own.
const formulaStart =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
  /^(?:[\s\u0000-\u001f\u007f\u200b-\u200d]*[=+\-@]|[\t\r])/;

/**
 * One CSV cell: a text that a spreadsheet would read as a formula gets a
 * leading `'`, then RFC 4180 quoting (in double quotes, `"` doubled) when the
 * cell holds a comma, a quote or a line break.
 */
export const csvCell = (value: string | number): string => {
  if (typeof value === 'number') return String(value);
  const guarded = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
};

/** A header row of the field names, then one row per record; CRLF line ends, as RFC 4180 says. */
export const formatCsvRecords = <Field extends string>(
  columns: readonly Field[],
  records: readonly Partial<Record<Field, string | number | boolean>>[],
): string =>
  [columns, ...records.map((record) => columns.map((column) => record[column] ?? ''))]
    .map(
      (row) =>
        `${row.map((cell) => csvCell(typeof cell === 'boolean' ? String(cell) : cell)).join(',')}\r\n`,
    )
    .join('');

const memberColumns = ['Member_Account', 'JoinTime', 'NickName', 'Avatar'] as const;

/** A header row, then one row per member. */
export const formatCsv = (members: readonly OnlineMember[]): string =>
  formatCsvRecords(memberColumns, members);
