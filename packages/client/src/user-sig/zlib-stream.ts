// zlib (RFC 1950) deflate and inflate with the Compression Streams API, which
// Node 18+, Bun, Deno and browsers all provide, so no `node:zlib` is needed.
// The 'deflate' format is zlib-wrapped, matching Node's `zlib.deflateSync`.

/** zlib-deflates `bytes` at the runtime's default level. */
export const deflate = async (bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> => {
  const compressed = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(compressed).arrayBuffer());
};

const ADLER_MODULUS = 65_521;

/** Adler-32, the checksum a zlib stream ends with (RFC 1950, big-endian). */
const adler32 = (bytes: Uint8Array): number => {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % ADLER_MODULUS;
    b = (b + a) % ADLER_MODULUS;
  }
  return (b * 65_536 + a) >>> 0;
};

/** Whether `input` ends with the zlib trailer for `output`. */
const endsWithChecksumOf = (input: Uint8Array, output: Uint8Array): boolean => {
  const end = input.byteLength;
  if (end < 4) {
    return false;
  }
  const trailer = new DataView(input.buffer, input.byteOffset, end).getUint32(end - 4);
  return trailer === adler32(output);
};

/**
 * Inflates zlib data, giving up past `maxBytes` of output so a deflate bomb
 * (megabytes of zeros squeezed into a few kilobytes) cannot exhaust memory.
 * Resolves to `undefined` for anything that is not exactly one complete zlib
 * stream, or that inflates to more than `maxBytes`; it never rejects.
 */
export const inflateCapped = async (
  bytes: Uint8Array<ArrayBuffer>,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> => {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    // pipeThrough, rather than writing to the writable side by hand, keeps a
    // failed write from surfacing as an unhandled rejection: errors arrive
    // through read() below.
    const reader = new Blob([bytes])
      .stream()
      .pipeThrough(new DecompressionStream('deflate'))
      .getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      total += value.byteLength;
      if (total > maxBytes) {
        // Stop pulling and tear the pipe down instead of draining the bomb.
        await reader.cancel().catch(() => undefined);
        return undefined;
      }
      chunks.push(value);
    }
  } catch {
    // Bad header, bad checksum, truncated stream: not zlib data we can use.
    return undefined;
  }
  const inflated = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    inflated.set(chunk, offset);
    offset += chunk.byteLength;
  }
  // Runtimes disagree on stream ends: Deno (2.9) inflates a stream cut before
  // its checksum without an error, Node ignores bytes after it. Requiring the
  // input to end in the checksum of what it inflated to means "exactly one
  // complete zlib stream" everywhere.
  return endsWithChecksumOf(bytes, inflated) ? inflated : undefined;
};
