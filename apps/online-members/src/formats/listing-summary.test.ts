import { describe, expect, it } from 'vitest';
import { listingSummary } from './listing-summary.js';

const membersOf = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ Member_Account: `u${i}`, JoinTime: 1 }));

describe('listingSummary', () => {
  it.each([
    { count: 1, pages: 1, truncated: false, want: '1 member online in g, 1 page' },
    { count: 600, pages: 3, truncated: false, want: '600 members online in g, 3 pages' },
    {
      count: 1000,
      pages: 4,
      truncated: true,
      want: '1,000 members online in g, 4 pages; truncated: only the 1,000 latest members are returned',
    },
    {
      count: 30,
      pages: 1,
      truncated: true,
      want: '30 members online in g, 1 page; truncated: only the 30 latest members are returned below the Pro edition (or exactly 30 are online)',
    },
  ])('$count members, truncated $truncated', ({ count, pages, truncated, want }) => {
    expect(listingSummary({ groupId: 'g', members: membersOf(count), pages, truncated })).toBe(
      want,
    );
  });
});
