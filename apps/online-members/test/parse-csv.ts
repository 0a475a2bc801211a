/** A strict RFC 4180 reader for the tests: CRLF rows, quoted fields with "" escapes. */
export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (char === '"' && field === '') {
      // A quoted field: runs to the next lone quote.
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
      if (text[i] !== ',' && !text.startsWith('\r\n', i))
        throw new Error(`junk after a quote at ${i}`);
    } else if (char === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (text.startsWith('\r\n', i)) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (char === '\n' || char === '\r' || char === '"') {
      throw new Error(`bare ${JSON.stringify(char)} at ${i}`);
    } else {
      field += char;
      i++;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('the last row has no CRLF');
  return rows;
};
