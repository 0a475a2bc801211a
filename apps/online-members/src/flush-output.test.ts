import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { flushOutput } from './flush-output.js';

/** A stream that takes 20 ms per write, like a pipe whose reader is slow. */
const slowStream = () => {
  const written: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      setTimeout(() => {
        if (chunk.length > 0) written.push(String(chunk));
        done();
      }, 20);
    },
  });
  return { stream, written };
};

describe('flushOutput', () => {
  it('resolves once every earlier write of every stream is done', async () => {
    const out = slowStream();
    const err = slowStream();
    out.stream.write('a');
    out.stream.write('b');
    err.stream.write('c');
    await flushOutput([out.stream, err.stream]);
    expect(out.written).toEqual(['a', 'b']);
    expect(err.written).toEqual(['c']);
  });

  it('resolves for a stream that can no longer be written (a closed pipe)', async () => {
    const closed = slowStream();
    closed.stream.on('error', () => {});
    closed.stream.destroy();
    await expect(flushOutput([closed.stream])).resolves.toBeUndefined();
  });
});
