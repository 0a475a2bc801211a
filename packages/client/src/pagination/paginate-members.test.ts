import { describe, expect, it } from 'vitest';
import { testOptions } from '../../test/helpers/client-options.js';
import { accounts, ok, scriptedFetch } from '../../test/helpers/scripted-fetch.js';
import { createChatClient } from '../create-chat-client.js';
import { ChatPaginationError, ChatRequestValidationError } from '../errors/chat-errors.js';

const collect = async <T>(iterable: AsyncIterable<T>) => {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
};

const names = (members: { Member_Account: string }[]) =>
  members.map((member) => member.Member_Account);

describe('members()', () => {
  it('follows NextTimestamp from 0 until it is 0, whatever the page sizes', async () => {
    const { fetch, requests } = scriptedFetch(
      ok(accounts(3, 'a'), 1700000300),
      ok(accounts(1, 'b'), 1700000200),
      ok(accounts(2, 'c'), 0),
    );
    const members = await collect(createChatClient(testOptions(fetch)).members('g'));
    expect(names(members)).toEqual(['a0', 'a1', 'a2', 'b0', 'c0', 'c1']);
    expect(requests.map((request) => request.body)).toEqual([
      { GroupId: 'g', Timestamp: 0 },
      { GroupId: 'g', Timestamp: 1700000300 },
      { GroupId: 'g', Timestamp: 1700000200 },
    ]);
  });

  it('passes the mark on every page', async () => {
    const { fetch, requests } = scriptedFetch(ok(accounts(1), 5), ok([], 0));
    await collect(createChatClient(testOptions(fetch)).members('g', { mark: 1000 }));
    expect(requests.map((request) => (request.body as { Mark: number }).Mark)).toEqual([
      1000, 1000,
    ]);
  });

  it('drops members already listed when the snapshot shifts between pages', async () => {
    const { fetch } = scriptedFetch(
      ok([{ Member_Account: 'x' }, { Member_Account: 'y' }], 9),
      ok([{ Member_Account: 'y' }, { Member_Account: 'z' }, { Member_Account: 'x' }], 0),
    );
    const client = createChatClient(testOptions(fetch));
    const pages = await collect(client.members('g').pages());
    expect(
      pages.map((page) => [page.pageNumber, names(page.members), page.duplicatesDropped]),
    ).toEqual([
      [1, ['x', 'y'], 0],
      [2, ['z'], 2],
    ]);
  });

  it('sends no further request when the caller stops early', async () => {
    const { fetch, requests } = scriptedFetch(ok(accounts(2, 'a'), 7), ok(accounts(2, 'b'), 0));
    for await (const member of createChatClient(testOptions(fetch)).members('g')) {
      expect(member.Member_Account).toBe('a0');
      break;
    }
    expect(requests).toHaveLength(1);
  });

  it('stops with ChatPaginationError when a cursor repeats', async () => {
    const { fetch, requests } = scriptedFetch(
      ok(accounts(1, 'a'), 7),
      ok(accounts(1, 'b'), 8),
      ok(accounts(1, 'c'), 7),
    );
    const error = await collect(createChatClient(testOptions(fetch)).members('g')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChatPaginationError);
    expect(error).toMatchObject({
      reason: 'cursor-repeated',
      pages: 3,
      message: expect.stringContaining('cursor 7 twice'),
    });
    expect(requests).toHaveLength(3);
  });

  it('stops with ChatPaginationError when the server sends its own first cursor back (0 is never repeated)', async () => {
    const { fetch } = scriptedFetch(ok(accounts(1), 5), ok(accounts(1, 'b'), 5));
    await expect(collect(createChatClient(testOptions(fetch)).members('g'))).rejects.toMatchObject({
      reason: 'cursor-repeated',
    });
  });

  it('stops with ChatPaginationError after maxPages pages', async () => {
    let cursor = 100;
    const { fetch, requests } = scriptedFetch(() => {
      cursor += 1;
      return Response.json(ok([{ Member_Account: `m${cursor}` }], cursor));
    });
    const error = await collect(
      createChatClient(testOptions(fetch)).members('g', { maxPages: 4 }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'too-many-pages', pages: 4 });
    expect(requests).toHaveLength(4);
  });

  it('bounds an endless chain at 1,000 pages by default', async () => {
    let cursor = 100;
    const { fetch, requests } = scriptedFetch(() => {
      cursor += 1;
      return Response.json(ok([], cursor));
    });
    await expect(collect(createChatClient(testOptions(fetch)).members('g'))).rejects.toMatchObject({
      reason: 'too-many-pages',
      pages: 1000,
    });
    expect(requests).toHaveLength(1000);
  });

  it.each([
    { given: 'an unknown option', options: { marks: 5 }, want: 'marks: is not a listing option' },
    { given: 'maxPages 0', options: { maxPages: 0 }, want: 'maxPages: must be a positive integer' },
    {
      given: 'a signal that is not an AbortSignal',
      options: { signal: 'stop' },
      want: 'signal: must be an AbortSignal',
    },
    { given: 'a negative mark', options: { mark: -1 }, want: 'mark: must be at least 0' },
    {
      given: 'an object made from AbortSignal.prototype, which is no signal',
      options: { signal: Object.create(AbortSignal.prototype) },
      want: 'signal: must be an AbortSignal',
    },
    {
      given: 'an option whose getter throws',
      options: Object.defineProperty({}, 'maxPages', {
        enumerable: true,
        get: () => {
          throw new Error('SENTINEL-getter');
        },
      }),
      want: 'maxPages: could not be read (its getter threw)',
    },
  ])('rejects $given before sending anything', async ({ options, want }) => {
    const { fetch, requests } = scriptedFetch(ok([]));
    const client = createChatClient(testOptions(fetch));
    const error = await collect(client.members('g', options as never)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatRequestValidationError);
    expect((error as Error).message).toContain(want);
    expect(requests).toHaveLength(0);
  });

  it('lists the bad groupId, mark and listing options in one error, on the first next()', async () => {
    const { fetch, requests } = scriptedFetch(ok([]));
    const iterable = createChatClient(testOptions(fetch)).members('', {
      mark: 1.5,
      maxPages: 0,
    } as never);
    const error = await iterable[Symbol.asyncIterator]()
      .next()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatRequestValidationError);
    expect((error as ChatRequestValidationError).issues.map((issue) => issue.path)).toEqual([
      'groupId',
      'mark',
      'maxPages',
    ]);
    expect(requests).toHaveLength(0);
  });
});
