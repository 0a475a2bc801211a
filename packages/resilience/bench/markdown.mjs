// The report is Markdown: BENCHMARKS.md renders on GitHub, and the same text
// printed to stdout reads as aligned plain text.

const escapeCell = (cell) => String(cell).replaceAll('|', '\\|');

/**
 * @param columns [{ title, align: 'left' | 'right' }]
 * @param rows arrays of cells, one per column
 */
export const markdownTable = (columns, rows) => {
  const cells = [columns.map((column) => column.title), ...rows].map((row) => row.map(escapeCell));
  const widths = columns.map((_, index) => Math.max(3, ...cells.map((row) => row[index].length)));
  const line = (row) =>
    `| ${row
      .map((cell, index) =>
        columns[index].align === 'right'
          ? cell.padStart(widths[index])
          : cell.padEnd(widths[index]),
      )
      .join(' | ')} |`;
  const rule = `| ${widths
    .map((width, index) =>
      columns[index].align === 'right' ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width),
    )
    .join(' | ')} |`;
  const [header, ...body] = cells;
  return [line(header), rule, ...body.map(line)].join('\n');
};

/**
 * One section of the report.
 * @param section { title, measured: string[] (how it was measured), blocks: string[]
 *   (tables, code), verdicts: [{ passed, text }], notes: string[], broken?: string }
 */
export const renderSection = (section) => {
  const parts = [`## ${section.title}`, ''];
  if (section.broken) parts.push(`**Broken run:** ${section.broken}`, '');
  for (const block of section.blocks ?? []) parts.push(block, '');
  for (const { passed, text } of section.verdicts ?? []) {
    parts.push(`- **${passed ? 'PASS' : 'FAIL'}** ${text}`);
  }
  if (section.verdicts?.length) parts.push('');
  for (const note of section.notes ?? []) parts.push(note, '');
  if (section.measured?.length) {
    parts.push(`How measured: ${section.measured.join(' ')}`, '');
  }
  return parts.join('\n');
};
