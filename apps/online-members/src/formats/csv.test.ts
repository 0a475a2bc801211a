import { describe, expect, it } from 'vitest';
import { csvCell, formatCsv } from './csv.js';

describe('csvCell', () => {
  it.each([
    { given: 'plain', want: 'plain' },
    { given: '', want: '' },
    { given: 1657773110, want: '1657773110' },
    { given: 'a, b', want: '"a, b"' },
    { given: 'say "hi"', want: '"say ""hi"""' },
    { given: 'two\nlines', want: '"two\nlines"' },
    { given: 'cr\r\nlf', want: '"cr\r\nlf"' },
    // Formula injection: a spreadsheet would run these.
    { given: '=1+2', want: "'=1+2" },
    { given: '+1 555', want: "'+1 555" },
    { given: '-2', want: "'-2" },
    { given: '@SUM(A1)', want: "'@SUM(A1)" },
    { given: '\tx', want: "'\tx" },
    { given: '=HYPERLINK("u","t")', want: `"'=HYPERLINK(""u"",""t"")"` },
    { given: 'a=b', want: 'a=b' },
    // Whitespace, line breaks, controls or zero-width characters before the formula.
    { given: ' =1+2', want: "' =1+2" },
    { given: '  +1 555', want: "'  +1 555" },
    { given: ' -2', want: "' -2" },
    { given: '\n=1+2', want: `"'\n=1+2"` },
    { given: '\r\n@SUM(A1)', want: `"'\r\n@SUM(A1)"` },
    { given: '\t =1', want: "'\t =1" },
    { given: ' \t\n =1', want: `"' \t\n =1"` },
    { given: '\u00a0=1', want: "'\u00a0=1" },
    { given: '\u3000=1', want: "'\u3000=1" },
    { given: '\u200b=1', want: "'\u200b=1" },
    { given: '\ufeff@x', want: "'\ufeff@x" },
    { given: '\u0000=1', want: "'\u0000=1" },
    // Leading whitespace alone is text.
    { given: ' plain', want: ' plain' },
    { given: '\nplain', want: '"\nplain"' },
    { given: ' a=b', want: ' a=b' },
  ])('$given -> $want', ({ given, want }) => {
    expect(csvCell(given)).toBe(want);
  });
});

describe('formatCsv', () => {
  it('writes a header and CRLF rows, with empty cells for absent fields', () => {
    expect(
      formatCsv([
        { Member_Account: 'a', JoinTime: 1, NickName: 'A' },
        { Member_Account: 'b', JoinTime: 2, Avatar: 'https://x/b.png' },
      ]),
    ).toBe('Member_Account,JoinTime,NickName,Avatar\r\na,1,A,\r\nb,2,,https://x/b.png\r\n');
  });

  it('writes only the header for an empty group', () => {
    expect(formatCsv([])).toBe('Member_Account,JoinTime,NickName,Avatar\r\n');
  });
});
