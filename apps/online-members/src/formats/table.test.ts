import { describe, expect, it } from 'vitest';
import { colorsFor } from '../color.js';
import { formatTable, isoJoinTime } from './table.js';

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
});

describe('isoJoinTime', () => {
  it('gives ISO-8601 UTC to the second', () => {
    expect(isoJoinTime(1657773110)).toBe('2022-07-14T04:31:50Z');
  });
});
