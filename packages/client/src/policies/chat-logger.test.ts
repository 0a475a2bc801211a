import { describe, expect, it } from 'vitest';
import { testOptions } from '../../test/helpers/client-options.js';
import { apiError, ok, scriptedFetch } from '../../test/helpers/scripted-fetch.js';
import { createChatClient } from '../create-chat-client.js';
import { type ChatLogLevel, createChatLog } from './chat-logger.js';
import { createRedactor } from './redact-secrets.js';

const recorder = () => {
  const lines: { level: string; message: string; fields?: object }[] = [];
  const logger = Object.fromEntries(
    (['debug', 'info', 'warn', 'error'] as const).map((level) => [
      level,
      (message: string, fields?: object) =>
        lines.push({ level, message, ...(fields ? { fields } : {}) }),
    ]),
  );
  return { lines, logger };
};

describe('createChatLog', () => {
  const redact = createRedactor(['s3cr3t']);

  it.each([
    { minimum: 'debug', want: ['debug', 'info', 'warn', 'error'] },
    { minimum: 'info', want: ['info', 'warn', 'error'] },
    { minimum: 'warn', want: ['warn', 'error'] },
    { minimum: 'error', want: ['error'] },
  ] as { minimum: ChatLogLevel; want: string[] }[])(
    'writes $want at level $minimum',
    ({ minimum, want }) => {
      const { lines, logger } = recorder();
      const log = createChatLog(logger, minimum, redact);
      for (const level of ['debug', 'info', 'warn', 'error'] as const) log(level, level);
      expect(lines.map((line) => line.level)).toEqual(want);
    },
  );

  it('redacts the message and every string field', () => {
    const { lines, logger } = recorder();
    createChatLog(logger, 'debug', redact)('warn', 'key s3cr3t', { url: 'h?usersig=abc', n: 1 });
    expect(lines).toEqual([
      { level: 'warn', message: 'key ***', fields: { url: 'h?usersig=***', n: 1 } },
    ]);
  });

  it('skips levels the logger lacks', () => {
    const warnings: string[] = [];
    const log = createChatLog({ warn: (message) => warnings.push(message) }, 'debug', redact);
    log('debug', 'hidden');
    log('warn', 'shown');
    expect(warnings).toEqual(['shown']);
    expect(log.enabled('debug')).toBe(false);
    expect(log.enabled('warn')).toBe(true);
  });
});

describe('the client log', () => {
  it('is silent without a logger', async () => {
    const { fetch } = scriptedFetch(ok([]));
    const calls: unknown[] = [];
    const original = console.log;
    console.log = (...args: unknown[]) => calls.push(args);
    try {
      await createChatClient(testOptions(fetch)).getMembers({ groupId: 'g' });
    } finally {
      console.log = original;
    }
    expect(calls).toEqual([]);
  });

  it('keeps a call going when the logger throws', async () => {
    const throwing = () => {
      throw new Error('log sink is down');
    };
    const logger = { debug: throwing, info: throwing, warn: throwing, error: throwing };
    const { fetch, requests } = scriptedFetch(apiError(10002), ok([], 0));
    const client = createChatClient(testOptions(fetch, { logger, logLevel: 'debug' }));
    await expect(client.getMembers({ groupId: 'g' })).resolves.toMatchObject({ members: [] });
    expect(requests).toHaveLength(2);
    const failing = createChatClient(testOptions(scriptedFetch(apiError(10010)).fetch, { logger }));
    await expect(failing.getMembers({ groupId: 'g' })).rejects.toMatchObject({ code: 10010 });
  });

  it('logs each attempt at debug with usersig=*** and the final error at error', async () => {
    const { lines, logger } = recorder();
    const { fetch } = scriptedFetch(apiError(10010));
    const client = createChatClient(testOptions(fetch, { logger, logLevel: 'debug' }));
    await client.getMembers({ groupId: 'g' }).catch(() => undefined);
    expect(lines.map((line) => line.level)).toEqual(['debug', 'error']);
    expect(JSON.stringify(lines[0])).toContain('usersig=***');
    expect(lines[1]?.message).toContain('ErrorCode 10010 (GroupNotFound)');
  });
});
