import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const listFiles = async (folder) => {
  try {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
      .sort();
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
};

/** Lists how `actual` differs from `expected`, one line per file; [] when equal. */
export const compareFolders = async (expected, actual) => {
  const [expectedFiles, actualFiles] = await Promise.all([listFiles(expected), listFiles(actual)]);
  const differences = [];
  for (const file of expectedFiles) {
    if (!actualFiles.includes(file)) {
      differences.push(`missing: ${join(actual, file)}`);
      continue;
    }
    const [want, got] = await Promise.all([
      readFile(join(expected, file), 'utf8'),
      readFile(join(actual, file), 'utf8'),
    ]);
    if (want !== got) differences.push(`differs: ${join(actual, file)}`);
  }
  for (const file of actualFiles) {
    if (!expectedFiles.includes(file)) differences.push(`not generated: ${join(actual, file)}`);
  }
  return differences;
};

/** Replaces `target` with a copy of `source`. */
export const replaceFolder = async (source, target) => {
  await rm(target, { recursive: true, force: true });
  await cp(source, target, { recursive: true });
};

/** Marks a generated folder for people browsing the tree. */
export const writeGeneratedReadme = async (folder) => {
  const text = [
    '# Generated code: do not edit',
    '',
    'Everything in this folder is generated from the OpenAPI spec in `openapi/spec/`',
    'by `pnpm generate` (`packages/codegen`). Change the spec or the generator, then',
    'run `pnpm generate` and commit both; `pnpm test` fails while this folder is out',
    'of date.',
    '',
  ].join('\n');
  await writeFile(join(folder, 'README.md'), text);
};
