import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Formats a folder with the project's Biome configuration, as `pnpm format` would. */
export const formatFolder = async (folder) => {
  const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');
  await run(process.execPath, [biome, 'format', '--write', '--vcs-use-ignore-file=false', folder]);
};
