import { describe, expect, it } from 'vitest';
import { readRequestTarget } from './request-target.js';

describe('readRequestTarget', () => {
  it.each([
    { target: '/', want: { path: '/', query: '' } },
    { target: '/v4/a/b?x=1&y=2', want: { path: '/v4/a/b', query: 'x=1&y=2' } },
    { target: '/v4/a?x=1?y', want: { path: '/v4/a', query: 'x=1?y' } },
    { target: '/v4/a?x=1#fragment', want: { path: '/v4/a', query: 'x=1' } },
    { target: '/v4/a#f?x=1', want: { path: '/v4/a', query: '' } },
    { target: '/v4/a?', want: { path: '/v4/a', query: '' } },
  ])('splits $target', ({ target, want }) => {
    expect(readRequestTarget(target)).toEqual(want);
  });

  it.each([
    '/v4/x/../get_members',
    '//v4/get_members',
    '/v4//get_members',
    '/V4/Get_Members',
    '/v4/get%5Fmembers',
    '/v4/%2e%2e/x',
  ])('keeps %s exactly as sent: no `..`, `//`, case or escape is resolved', (target) => {
    expect(readRequestTarget(target)).toEqual({ path: target, query: '' });
  });

  it.each([
    { target: '//[', want: { path: '//[', query: '' } },
    { target: '//a:bad/', want: { path: '//a:bad/', query: '' } },
    { target: '//%zz?%zz', want: { path: '//%zz', query: '%zz' } },
  ])('reads $target, which `new URL` throws on', ({ target, want }) => {
    expect(() => new URL(target, 'http://emulator.invalid')).toThrow();
    expect(readRequestTarget(target)).toEqual(want);
  });

  it.each([
    { target: 'http://127.0.0.1:8080/v4/a?x=1', want: { path: '/v4/a', query: 'x=1' } },
    { target: 'https://[::1/v4/a', want: { path: '/v4/a', query: '' } },
    { target: 'http://host', want: { path: '/', query: '' } },
    { target: 'http://host?x=1', want: { path: '/', query: 'x=1' } },
  ])('takes the path and query of the absolute URL $target', ({ target, want }) => {
    expect(readRequestTarget(target)).toEqual(want);
  });

  it.each(['*', 'example.invalid:443', '', 'v4/a', '../v4/a'])(
    'returns undefined for %j, neither a path nor an absolute URL',
    (target) => {
      expect(readRequestTarget(target)).toBeUndefined();
    },
  );
});
