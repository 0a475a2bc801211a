// A plain-text table: the output is read in terminals and pasted into reviews,
// so it is aligned text with no colours or box-drawing characters.

/**
 * @param columns [{ title, align: 'left' | 'right' }]
 * @param rows arrays of cell strings, one per column
 */
export const formatTable = (columns, rows) => {
  const widths = columns.map((column, index) =>
    Math.max(column.title.length, ...rows.map((row) => row[index].length)),
  );
  const line = (cells) =>
    cells
      .map((cell, index) =>
        columns[index].align === 'right'
          ? cell.padStart(widths[index])
          : cell.padEnd(widths[index]),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(columns.map((column) => column.title)), rule, ...rows.map((row) => line(row))].join(
    '\n',
  );
};
