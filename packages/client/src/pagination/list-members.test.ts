import { describe, expect, it } from 'vitest';
import { testOptions } from '../../test/helpers/client-options.js';
import { accounts, hang, ok, scriptedFetch } from '../../test/helpers/scripted-fetch.js';
import { createChatClient } from '../create-chat-client.js';
import { ChatRequestValidationError } from '../errors/chat-errors.js';

/** Waits until `condition` holds, for at most 2 s of real time (then the caller's expect fails). */
const until = async (condition: () => boolean) => {
  const deadline = Date.now() + 2000;
  while (!condition() && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('listMembers()', () => {
  it('collects every page into one list with its page count', async () => {
    const { fetch } = scriptedFetch(ok(accounts(500, 'a'), 11), ok(accounts(120, 'b'), 0));
    const before = Date.now();
    const listing = await createChatClient(testOptions(fetch)).listMembers('g');
    expect(listing.members).toHaveLength(620);
    expect(listing.pages).toBe(2);
    expect(listing.truncated).toBe(false);
    expect(listing.fetchedAt.getTime()).toBeGreaterThanOrEqual(before);
  });

  it.each([
    {
      given: 'the 1,000 latest members (the API cap)',
      pages: [ok(accounts(500, 'a'), 3), ok(accounts(500, 'b'), 0)],
      want: true,
    },
    {
      given: 'exactly 30 members and no further page (the non-Pro cap)',
      pages: [ok(accounts(30), 0)],
      want: true,
    },
    { given: '29 members', pages: [ok(accounts(29), 0)], want: false },
    { given: '31 members', pages: [ok(accounts(31), 0)], want: false },
    { given: '999 members', pages: [ok(accounts(999), 0)], want: false },
    { given: 'no members', pages: [ok([], 0)], want: false },
  ])('reports truncated=$want for $given', async ({ pages, want }) => {
    const { fetch } = scriptedFetch(...pages);
    const listing = await createChatClient(testOptions(fetch)).listMembers('g');
    expect(listing.truncated).toBe(want);
  });

  it('shares one request chain between concurrent calls for the same group and mark', async () => {
    const { fetch, requests } = scriptedFetch(
      ok(accounts(2, 'a'), 5),
      ok(accounts(1, 'b'), 0),
      ok([], 0),
    );
    const client = createChatClient(testOptions(fetch));
    const [first, second] = await Promise.all([client.listMembers('g'), client.listMembers('g')]);
    expect(requests).toHaveLength(2);
    expect(first).toEqual(second);
    expect(first.members).not.toBe(second.members);
    await client.listMembers('g');
    expect(requests).toHaveLength(3);
  });

  it('does not share between different groups or marks', async () => {
    const { fetch, requests } = scriptedFetch(ok([], 0));
    const client = createChatClient(testOptions(fetch));
    await Promise.all([
      client.listMembers('g'),
      client.listMembers('h'),
      client.listMembers('g', { mark: 1000 }),
    ]);
    expect(requests).toHaveLength(3);
  });

  it('releases an aborted caller while the other still gets the listing', async () => {
    let release: (() => void) | undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { fetch, requests } = scriptedFetch(async () => {
      await gate;
      return Response.json(ok(accounts(2), 0));
    });
    const client = createChatClient(testOptions(fetch));
    const controller = new AbortController();
    const leaving = client.listMembers('g', { signal: controller.signal });
    const staying = client.listMembers('g', { signal: new AbortController().signal });
    controller.abort(new Error('not needed'));
    await expect(leaving).rejects.toThrow('not needed');
    release?.();
    await expect(staying).resolves.toMatchObject({ pages: 1 });
    expect(requests).toHaveLength(1);
  });

  it('rejects an already-aborted caller without a request or an unhandled rejection', async () => {
    const { fetch, requests } = scriptedFetch(ok([], 0));
    const client = createChatClient(testOptions(fetch));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const reason = new Error('gave up before starting');
      const signal = AbortSignal.abort(reason);
      await expect(client.listMembers('g', { signal })).rejects.toBe(reason);
      // Unhandled rejections are reported after a macrotask turn.
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
    expect(requests).toHaveLength(0);
    await expect(client.listMembers('g')).resolves.toMatchObject({ pages: 1 });
  });

  it('stops the chain when every caller has aborted, and the next call starts a new one', async () => {
    const { fetch, requests } = scriptedFetch(hang);
    const client = createChatClient(testOptions(fetch));
    const first = new AbortController();
    const listing = client.listMembers('g', { signal: first.signal });
    await until(() => requests.length === 1);
    first.abort(new Error('gone'));
    await expect(listing).rejects.toThrow('gone');
    expect(requests).toHaveLength(1);
    const second = new AbortController();
    const next = client.listMembers('g', { signal: second.signal });
    await until(() => requests.length === 2);
    expect(requests).toHaveLength(2);
    second.abort(new Error('done'));
    await expect(next).rejects.toThrow('done');
  });

  it('never joins a stopped chain, even while its request is still pending', async () => {
    // A fetch that ignores the abort: the stopped chain never settles.
    const { fetch, requests } = scriptedFetch(() => new Promise<Response>(() => {}));
    const client = createChatClient(testOptions(fetch));
    const first = new AbortController();
    const listing = client.listMembers('g', { signal: first.signal });
    await until(() => requests.length === 1);
    first.abort(new Error('gone'));
    await expect(listing).rejects.toThrow('gone');
    const second = new AbortController();
    const next = client.listMembers('g', { signal: second.signal });
    await until(() => requests.length === 2);
    expect(requests).toHaveLength(2);
    second.abort(new Error('done'));
    await expect(next).rejects.toThrow('done');
  });

  it.each([
    { given: 'a BigInt groupId', groupId: 10n, options: undefined, want: ['groupId'] },
    { given: 'a BigInt mark', groupId: 'g', options: { mark: 10n }, want: ['mark'] },
    {
      given: 'a groupId, mark and maxPages all bad',
      groupId: '',
      options: { mark: -1, maxPages: 0 },
      want: ['groupId', 'mark', 'maxPages'],
    },
  ])(
    'rejects $given with ChatRequestValidationError before any request',
    async ({ groupId, options, want }) => {
      const { fetch, requests } = scriptedFetch(ok([]));
      const error = await createChatClient(testOptions(fetch))
        .listMembers(groupId as never, options as never)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChatRequestValidationError);
      expect((error as ChatRequestValidationError).issues.map((issue) => issue.path)).toEqual(want);
      expect(requests).toHaveLength(0);
    },
  );
});
