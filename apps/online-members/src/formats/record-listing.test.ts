import { describe, expect, it } from 'vitest';
import { colorsFor } from '../color.js';
import { formatRecordListing, type RecordListing } from './record-listing.js';

const plain = colorsFor({ write: () => true, isTTY: false }, {});

const bans = [
  { Member_Account: '=cmd', BannedUntil: 1_767_225_600 },
  { Member_Account: 'a\u001b[2Jb', BannedUntil: 1 },
];

const listing: RecordListing<'Member_Account' | 'BannedUntil', (typeof bans)[number]> = {
  json: { groupId: 'g', bans, pages: 1 },
  records: bans,
  fields: ['Member_Account', 'BannedUntil'],
  table: {
    headers: ['ACCOUNT', 'UNTIL'],
    cells: (ban) => [ban.Member_Account.replace('\u001b', '\\u001b'), String(ban.BannedUntil)],
    empty: '(none)',
  },
};

describe('formatRecordListing', () => {
  it.each([
    {
      format: 'json' as const,
      want: `${JSON.stringify({ groupId: 'g', bans, pages: 1 }, null, 2)}\n`,
    },
    {
      format: 'ndjson' as const,
      want: `${JSON.stringify(bans[0])}\n${JSON.stringify(bans[1])}\n`,
    },
    {
      // Formula-guarded and quoted as list's csv is; the raw text is data here.
      format: 'csv' as const,
      want: "Member_Account,BannedUntil\r\n'=cmd,1767225600\r\na\u001b[2Jb,1\r\n",
    },
    {
      format: 'table' as const,
      want: 'ACCOUNT      UNTIL\n=cmd         1767225600\na\\u001b[2Jb  1\n',
    },
  ])('$format', ({ format, want }) => {
    expect(formatRecordListing(listing, format, plain)).toBe(want);
  });

  it('prints the empty text for a table of no records, and only the header for csv', () => {
    const none = { ...listing, records: [] };
    expect(formatRecordListing(none, 'table', plain)).toBe('(none)\n');
    expect(formatRecordListing(none, 'csv', plain)).toBe('Member_Account,BannedUntil\r\n');
    expect(formatRecordListing(none, 'ndjson', plain)).toBe('');
  });

  it('writes booleans as true and false in csv', () => {
    const checks = [
      { Member_Account: 'a', InRoom: true },
      { Member_Account: 'b', InRoom: false },
    ];
    const text = formatRecordListing(
      {
        json: {},
        records: checks,
        fields: ['Member_Account', 'InRoom'],
        table: { headers: [], cells: () => [], empty: '' },
      },
      'csv',
      plain,
    );
    expect(text).toBe('Member_Account,InRoom\r\na,true\r\nb,false\r\n');
  });
});
