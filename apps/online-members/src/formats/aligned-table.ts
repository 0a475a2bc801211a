import type { Colors } from '../color.js';

export interface AlignedTableOptions {
  colors: Colors;
  /** Print only the first rows, then "… and N more". @default every row */
  maxRows?: number;
}

/**
 * Aligned columns under bold headers, or `empty` (dimmed) when there are no
 * rows. Cells must be terminal-safe already (terminalText). Widths count
 * UTF-16 code units, so wide (CJK) characters can shift a row; fine for a sample.
 */
export const alignedTable = (
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  options: AlignedTableOptions & { empty: string },
): string => {
  if (rows.length === 0) return `${options.colors.dim(options.empty)}\n`;
  const shown = rows.slice(0, options.maxRows ?? rows.length);
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...shown.map((row) => row[column]?.length ?? 0)),
  );
  // The last column is not padded, so no line ends in spaces.
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const lines = [options.colors.bold(line(headers)), ...shown.map(line)];
  const hidden = rows.length - shown.length;
  if (hidden > 0) lines.push(options.colors.dim(`… and ${hidden.toLocaleString('en-US')} more`));
  return `${lines.join('\n')}\n`;
};
