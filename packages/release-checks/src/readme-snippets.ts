import { access, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { workspaceRoot } from './published-packages.js';

/** A TypeScript code block of a README (```ts or ```typescript). */
export interface ReadmeSnippet {
  /** The README's path relative to the workspace root, e.g. `packages/client/README.md`. */
  readme: string;
  /** 1-based line of the opening fence in the README. */
  line: number;
  /** Fenced as ```ts fragment: left out of the checks, and the README says what is missing. */
  fragment: boolean;
  /** The block's text, a complete module unless it is a fragment. */
  code: string;
  /** The file a block names on its first line (`// openapi-ts.config.ts`), written under that name. */
  namedFile?: string;
}

/** An opening fence, indented too (a block in a list item): its indent, language and attributes. */
const openingFence = /^([ \t]*)```(ts|typescript)(?:[ \t]+(.*))?$/;

/** The TypeScript blocks of one README's text, in order. */
export const extractSnippets = (readme: string, text: string): ReadmeSnippet[] => {
  const snippets: ReadmeSnippet[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const opening = openingFence.exec(lines[index] ?? '');
    if (!opening) continue;
    const indent = opening[1] ?? '';
    const attributes = (opening[3] ?? '').split(/\s+/).filter(Boolean);
    const unknown = attributes.filter((attribute) => attribute !== 'fragment');
    if (unknown.length > 0) {
      throw new Error(`${readme}:${index + 1}: unknown code block attribute ${unknown.join(' ')}`);
    }
    const end = lines.findIndex((line, at) => at > index && line.trimStart().startsWith('```'));
    if (end === -1) throw new Error(`${readme}:${index + 1}: the code block is never closed`);
    const body = lines
      .slice(index + 1, end)
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line));
    const code = `${body.join('\n')}\n`;
    const namedFile = /^\/\/ ([\w.-]+\.ts)\n/.exec(code)?.[1];
    snippets.push({
      readme,
      line: index + 1,
      fragment: attributes.includes('fragment'),
      code,
      ...(namedFile ? { namedFile } : {}),
    });
    index = end;
  }
  return snippets;
};

/** Every README the checks read: the root's, openapi's, apps', and each package's and app's. */
export const findReadmes = async (root = workspaceRoot): Promise<string[]> => {
  const candidates = ['README.md', 'openapi/README.md', 'apps/README.md'];
  for (const folder of ['packages', 'apps']) {
    for (const entry of await readdir(join(root, folder), { withFileTypes: true })) {
      if (entry.isDirectory()) candidates.push(`${folder}/${entry.name}/README.md`);
    }
  }
  const present = await Promise.all(
    candidates.map((readme) =>
      access(join(root, readme)).then(
        () => readme,
        () => undefined,
      ),
    ),
  );
  return present.filter((readme): readme is string => readme !== undefined).sort();
};

/** Every TypeScript block of every README, fragments included. */
export const readSnippets = async (root = workspaceRoot): Promise<ReadmeSnippet[]> => {
  const snippets: ReadmeSnippet[] = [];
  for (const readme of await findReadmes(root)) {
    snippets.push(...extractSnippets(readme, await readFile(join(root, readme), 'utf8')));
  }
  return snippets;
};

/** Where a complete block is written in the consumer project. */
export const snippetFile = (snippet: ReadmeSnippet): string =>
  snippet.namedFile ??
  `snippets/${snippet.readme.replaceAll('/', '-').replace(/\.md$/, '')}-L${snippet.line}.ts`;

/** `README.md:82`: where a block starts. */
export const snippetLocation = (snippet: ReadmeSnippet): string =>
  `${snippet.readme}:${snippet.line}`;

/**
 * The packages a block imports by bare name (`redis`, `@avchatroom/client`
 * for `@avchatroom/client/fetch`), without `node:` built-ins and relative paths.
 */
export const importedPackages = (code: string): string[] => {
  const names = new Set<string>();
  for (const [, specifier] of code.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
    if (!specifier || specifier.startsWith('.') || specifier.startsWith('node:')) continue;
    const parts = specifier.split('/');
    names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string));
  }
  return [...names];
};
