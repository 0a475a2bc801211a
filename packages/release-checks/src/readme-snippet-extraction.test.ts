// How README blocks are found (readme-snippets.ts): which fences count, the
// fragment mark, named files, and the packages a block imports.
import { expect, test } from 'vitest';
import {
  extractSnippets,
  findReadmes,
  importedPackages,
  snippetFile,
  snippetLocation,
} from './readme-snippets.js';

const readme = [
  '# Title',
  '```ts',
  "import { a } from '@avchatroom/client';",
  '```',
  'Prose; the next block leaves out the client:',
  '```ts fragment',
  'await client.getMembers({ groupId });',
  '```',
  '```typescript',
  '// openapi-ts.config.ts',
  'export default {};',
  '```',
  '```sh',
  'npm install',
  '```',
  '```tsx',
  'const x = <div />;',
  '```',
].join('\n');

test('ts and typescript blocks are found with their opening line; sh and tsx are not', () => {
  const snippets = extractSnippets('packages/client/README.md', readme);
  expect(snippets.map((snippet) => [snippet.line, snippet.fragment, snippet.namedFile])).toEqual([
    [2, false, undefined],
    [6, true, undefined],
    [9, false, 'openapi-ts.config.ts'],
  ]);
  expect(snippets[1]?.code).toBe('await client.getMembers({ groupId });\n');
  expect(snippets.map(snippetFile)).toEqual([
    'snippets/packages-client-README-L2.ts',
    'snippets/packages-client-README-L6.ts',
    'openapi-ts.config.ts',
  ]);
  expect(snippetLocation(snippets[0] as (typeof snippets)[number])).toBe(
    'packages/client/README.md:2',
  );
});

test('a block indented in a list item is found, its indent removed', () => {
  const text = [
    '1. Call it:',
    '',
    '   ```ts',
    "   import { a } from 'a';",
    '   a();',
    '   ```',
    '',
  ];
  const [snippet, ...rest] = extractSnippets('README.md', text.join('\n'));
  expect(rest).toEqual([]);
  expect(snippet).toMatchObject({ line: 3, code: "import { a } from 'a';\na();\n" });
});

test('an unknown attribute or an unclosed block is an error naming the README line', () => {
  expect(() => extractSnippets('README.md', 'x\n```ts fragmnet\ncode\n```\n')).toThrow(
    'README.md:2: unknown code block attribute fragmnet',
  );
  expect(() => extractSnippets('README.md', '```ts\ncode\n')).toThrow(
    'README.md:1: the code block is never closed',
  );
});

test('the packages a block imports, by package name', () => {
  const code = [
    "import { createChatClient } from '@avchatroom/client';",
    "import { createChatMiddleware } from '@avchatroom/client/fetch';",
    "import type { paths } from '@avchatroom/types';",
    "import createClient from 'openapi-fetch';",
    "import { Redis } from 'ioredis';",
    "import { readFile } from 'node:fs/promises';",
    "import { client } from './src/chat-api/client.gen.js';",
    "const lazy = await import('redis');",
  ].join('\n');
  expect(importedPackages(code).sort()).toEqual([
    '@avchatroom/client',
    '@avchatroom/types',
    'ioredis',
    'openapi-fetch',
    'redis',
  ]);
});

test("the READMEs read are the root's, openapi's and every package's and app's", async () => {
  const readmes = await findReadmes();
  expect(readmes).toEqual(
    expect.arrayContaining([
      'README.md',
      'openapi/README.md',
      'packages/client/README.md',
      'packages/emulator/README.md',
      'packages/types/README.md',
      'apps/online-members/README.md',
    ]),
  );
});
