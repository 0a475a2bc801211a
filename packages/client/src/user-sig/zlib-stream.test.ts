import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deflate, inflateCapped } from './zlib-stream.js';

const text = new TextEncoder().encode('{"TLS.ver":"2.0","TLS.identifier":"张伟🦊"}');

describe('deflate', () => {
  it('writes zlib (RFC 1950) data that node:zlib inflates', async () => {
    const compressed = await deflate(text);
    expect(compressed[0]).toBe(0x78); // zlib header: deflate, 32 KiB window
    expect(inflateSync(compressed)).toEqual(Buffer.from(text));
  });
});

describe('inflateCapped', () => {
  const zlib = new Uint8Array(deflateSync(text));

  it('inflates zlib data within the cap', async () => {
    expect(await inflateCapped(zlib, 1024)).toEqual(text);
    expect(await inflateCapped(zlib, text.byteLength)).toEqual(text);
  });

  it('stops a 10 MB deflate bomb at the cap', async () => {
    const bomb = new Uint8Array(deflateSync(new Uint8Array(10 * 1024 * 1024), { level: 9 }));
    expect(bomb.byteLength).toBeLessThan(16 * 1024);
    expect(await inflateCapped(bomb, 16 * 1024)).toBeUndefined();
  });

  it.each([
    { name: 'one byte over the cap', input: zlib, cap: text.byteLength - 1 },
    { name: 'empty input', input: new Uint8Array(), cap: 1024 },
    { name: 'not zlib', input: new TextEncoder().encode('hello, world'), cap: 1024 },
    { name: 'truncated inside the data', input: zlib.slice(0, -6), cap: 1024 },
    { name: 'cut in the middle', input: zlib.slice(0, 10), cap: 1024 },
    { name: 'raw deflate', input: zlib.slice(2), cap: 1024 },
    { name: 'no checksum', input: zlib.slice(0, -4), cap: 1024 },
    { name: 'trailing bytes', input: new Uint8Array([...zlib, 0, 0]), cap: 1024 },
    { name: 'a second stream', input: new Uint8Array([...zlib, ...deflateSync('{}')]), cap: 1024 },
    {
      name: 'a corrupt checksum',
      input: zlib.map((byte, index) => (index === zlib.length - 1 ? byte ^ 1 : byte)),
      cap: 1024,
    },
  ])('resolves to undefined for $name', async ({ input, cap }) => {
    await expect(inflateCapped(input, cap)).resolves.toBeUndefined();
  });
});
