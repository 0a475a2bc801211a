import { gunzipSync } from 'node:zlib';

/** The regular files of a packed `.tgz`, by path inside the tarball (`package/...`). */
export type TarballFiles = Map<string, Buffer>;

const BLOCK = 512;

const readString = (block: Buffer, offset: number, length: number): string => {
  const field = block.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString('utf8');
};

/** `path=...` from a pax extended header ("<length> <key>=<value>\n" records). */
const paxPath = (data: Buffer): string | undefined => {
  for (const record of data.toString('utf8').split('\n')) {
    const match = /^\d+ path=(.*)$/.exec(record);
    if (match) return match[1];
  }
  return undefined;
};

/**
 * Reads the regular files of a gzipped ustar archive such as `pnpm pack` and
 * `npm pack` write (with pax headers for long names). Enough for packed
 * packages of a few hundred kilobytes; not a general tar reader.
 */
export const readTarball = (gzipped: Buffer): TarballFiles => {
  const tar = gunzipSync(gzipped);
  const files: TarballFiles = new Map();
  let nextPath: string | undefined;
  for (let offset = 0; offset + BLOCK <= tar.length; ) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const name = readString(header, 0, 100);
    const prefix = readString(header, 345, 155);
    const size = Number.parseInt(readString(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const data = tar.subarray(offset + BLOCK, offset + BLOCK + size);
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') {
      nextPath = paxPath(data);
      continue;
    }
    if (type === 'g') continue;
    const path = nextPath ?? (prefix ? `${prefix}/${name}` : name);
    nextPath = undefined;
    if (type === '0' || type === '\0') files.set(path, Buffer.from(data));
  }
  return files;
};
