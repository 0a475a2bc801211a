import { type PrismMock, startPrismMock } from '@avchatroom/openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv.js';
import { runBuiltCli, runInProcess } from './run-helpers.js';

// `list` against a Prism mock of the spec: it checks every request and answers
// with the spec's first example (the API doc's sample: teacher2, NextTimestamp
// 0), so this proves the CLI's traffic and formats fit the spec's own example.
let prism: PrismMock;
let env: Record<string, string>;

beforeAll(async () => {
  prism = await startPrismMock();
  env = {
    AVCHATROOM_SDKAPPID: '1400000000',
    AVCHATROOM_IDENTIFIER: 'administrator',
    AVCHATROOM_SECRET_KEY: 'any-key-the-mock-does-not-check',
    AVCHATROOM_BASE_URL: prism.url,
  };
});

afterAll(async () => {
  await prism?.stop();
});

const teacher2 = {
  Member_Account: 'teacher2',
  JoinTime: 1657773110,
  NickName: 'Teacher t02',
  Avatar: 'http://www.example.com/teacher2.jpg',
};
const groupId = '@TGS#a6I4ZUUGO';

describe('list against the Prism mock', () => {
  it('json', async () => {
    const result = await runInProcess(['list', '--group', groupId, '--format', 'json'], env);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual({
      groupId,
      members: [teacher2],
      truncated: false,
      pages: 1,
    });
  });

  it('ndjson', async () => {
    const result = await runInProcess(['list', '--group', groupId, '--format', 'ndjson'], env);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(`${JSON.stringify(teacher2)}\n`);
  });

  it('csv', async () => {
    const result = await runInProcess(['list', '--group', groupId, '--format', 'csv'], env);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(parseCsv(result.stdout)).toEqual([
      ['Member_Account', 'JoinTime', 'NickName', 'Avatar'],
      ['teacher2', '1657773110', 'Teacher t02', 'http://www.example.com/teacher2.jpg'],
    ]);
  });

  it('table', async () => {
    const result = await runInProcess(['list', '--group', groupId, '--mark', '1000'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'ACCOUNT   JOINED (UTC)          NICKNAME     AVATAR',
        'teacher2  2022-07-14T04:31:50Z  Teacher t02  http://www.example.com/teacher2.jpg',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe(`1 member online in ${groupId}, 1 page\n`);
  });

  it('json, from the built CLI in a child process', async () => {
    const result = await runBuiltCli(['list', '--group', groupId, '--format', 'json'], env);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout).members).toEqual([teacher2]);
  });
});
