import { describe, expect, it } from 'vitest';
import { BanLog } from './ban-log.js';

const now = 1_000_000;

const logOf = (bans: [string, number][]): BanLog => {
  const log = new BanLog();
  for (const [account, until] of bans) log.ban(account, until, now);
  return log;
};

const accounts = (log: BanLog, offset: number, limit: number, at = now) => {
  const page = log.page(offset, limit, at);
  return { accounts: page.bans.map((ban) => ban.account), nextOffset: page.nextOffset };
};

describe('BanLog', () => {
  it.each([
    { name: 'an empty log', bans: [], offset: 0, limit: 10, want: { accounts: [], nextOffset: 0 } },
    {
      name: 'every ban in one page',
      bans: [
        ['a', now + 10],
        ['b', now + 20],
      ] as [string, number][],
      offset: 0,
      limit: 10,
      want: { accounts: ['a', 'b'], nextOffset: 0 },
    },
    {
      name: 'a first page of two',
      bans: [
        ['a', now + 10],
        ['b', now + 20],
        ['c', now + 30],
      ] as [string, number][],
      offset: 0,
      limit: 2,
      want: { accounts: ['a', 'b'], nextOffset: 2 },
    },
    {
      name: 'the last page',
      bans: [
        ['a', now + 10],
        ['b', now + 20],
        ['c', now + 30],
      ] as [string, number][],
      offset: 2,
      limit: 2,
      want: { accounts: ['c'], nextOffset: 0 },
    },
    {
      name: 'an offset past the end',
      bans: [['a', now + 10]] as [string, number][],
      offset: 5,
      limit: 2,
      want: { accounts: [], nextOffset: 0 },
    },
    {
      name: 'a page that ends exactly before bans that have ended',
      bans: [
        ['a', now + 10],
        ['b', now],
        ['c', now - 5],
      ] as [string, number][],
      offset: 0,
      limit: 1,
      want: { accounts: ['a'], nextOffset: 0 },
    },
  ])('pages $name', ({ bans, offset, limit, want }) => {
    expect(accounts(logOf(bans), offset, limit)).toEqual(want);
  });

  it('ends a ban by the clock: in force until its second, not at it', () => {
    const log = logOf([['a', now + 10]]);
    expect(log.bannedUntil('a', now + 9)).toBe(now + 10);
    expect(log.bannedUntil('a', now + 10)).toBeUndefined();
    expect(accounts(log, 0, 10, now + 10)).toEqual({ accounts: [], nextOffset: 0 });
  });

  it('keeps offsets while bans end or begin between pages: nothing skipped or repeated', () => {
    const log = logOf([
      ['a', now + 100],
      ['b', now + 5],
      ['c', now + 100],
      ['d', now + 100],
    ]);
    const first = accounts(log, 0, 2);
    expect(first).toEqual({ accounts: ['a', 'b'], nextOffset: 2 });
    log.unban('a', now + 6);
    log.ban('e', now + 100, now + 6);
    expect(accounts(log, first.nextOffset, 2, now + 6)).toEqual({
      accounts: ['c', 'd'],
      nextOffset: 4,
    });
    expect(accounts(log, 4, 2, now + 6)).toEqual({ accounts: ['e'], nextOffset: 0 });
  });

  it('extends or shortens a ban in force in place; a new ban after one ended goes last', () => {
    const log = logOf([
      ['a', now + 10],
      ['b', now + 10],
    ]);
    log.ban('a', now + 50, now);
    expect(accounts(log, 0, 10)).toEqual({ accounts: ['a', 'b'], nextOffset: 0 });
    expect(log.bannedUntil('a', now)).toBe(now + 50);
    expect(log.unban('a', now)).toBe(true);
    expect(log.unban('a', now)).toBe(false);
    log.ban('a', now + 5, now);
    expect(accounts(log, 0, 10)).toEqual({ accounts: ['b', 'a'], nextOffset: 0 });
  });
});
