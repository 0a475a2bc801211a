import { describe, expect, it } from 'vitest';
import { colorsFor } from '../color.js';
import { formatTable, joinTimeText } from './table.js';

const plain = colorsFor({ write: () => true, isTTY: false }, {});

const members = Array.from({ length: 5 }, (_, i) => ({
  Member_Account: `user${i + 1}`,
  JoinTime: 1_767_225_600 + i,
  ...(i === 0 && { NickName: 'First', Avatar: 'https://x/1.png' }),
}));

describe('formatTable', () => {
  it('aligns the columns and never ends a line in spaces', () => {
    expect(formatTable(members.slice(0, 2), { colors: plain })).toBe(
      [
        'ACCOUNT  JOINED (UTC)          NICKNAME  AVATAR',
        'user1    2026-01-01T00:00:00Z  First     https://x/1.png',
        'user2    2026-01-01T00:00:01Z',
        '',
      ].join('\n'),
    );
  });

  it('prints the first rows and "… and N more"', () => {
    const lines = formatTable(members, { colors: plain, maxRows: 2 }).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('… and 3 more');
  });

  it('says when nobody is online', () => {
    expect(formatTable([], { colors: plain })).toBe('(no members online)\n');
  });

  it('keeps every row when a JoinTime is past what a Date holds, printing its number', () => {
    const farFuture = { Member_Account: 'far', JoinTime: 8_640_000_000_001 };
    expect(formatTable([farFuture, ...members.slice(1, 2)], { colors: plain })).toBe(
      [
        'ACCOUNT  JOINED (UTC)          NICKNAME  AVATAR',
        'far      8640000000001',
        'user2    2026-01-01T00:00:01Z',
        '',
      ].join('\n'),
    );
  });
});

describe('joinTimeText', () => {
  it.each([
    { given: 1657773110, want: '2022-07-14T04:31:50Z' },
    { given: 0, want: '1970-01-01T00:00:00Z' },
    // The last second a Date holds (8.64e15 ms), then the spec's range beyond it.
    { given: 8_640_000_000_000, want: '+275760-09-13T00:00:00Z' },
    { given: 8_640_000_000_001, want: '8640000000001' },
    { given: Number.MAX_SAFE_INTEGER, want: '9007199254740991' },
  ])('$given -> $want', ({ given, want }) => {
    expect(joinTimeText(given)).toBe(want);
  });
});
