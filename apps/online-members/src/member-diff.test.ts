import { describe, expect, it } from 'vitest';
import { diffMembers } from './member-diff.js';

const listing = (...accounts: string[]) =>
  accounts.map((account, i) => ({ Member_Account: account, JoinTime: 100 - i }));

describe('diffMembers', () => {
  it.each([
    { before: ['a', 'b'], after: ['a', 'b'], joined: [], left: [] },
    { before: [], after: ['a'], joined: ['a'], left: [] },
    { before: ['c', 'b', 'a'], after: ['e', 'd', 'b'], joined: ['e', 'd'], left: ['c', 'a'] },
    { before: ['a'], after: [], joined: [], left: ['a'] },
  ])('$before -> $after', ({ before, after, joined, left }) => {
    expect(diffMembers(listing(...before), listing(...after))).toEqual({ joined, left });
  });

  it('does not count a member who came back with a new JoinTime', () => {
    const before = [{ Member_Account: 'a', JoinTime: 1 }];
    const after = [{ Member_Account: 'a', JoinTime: 2 }];
    expect(diffMembers(before, after)).toEqual({ joined: [], left: [] });
  });
});
