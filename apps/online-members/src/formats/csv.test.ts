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
