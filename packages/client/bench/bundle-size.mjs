// What an app pays in bytes for each entry point: a tiny entry importing one
// export, bundled and minified by esbuild in memory, with the package resolved
// to its built dist/ (what npm users get) and zod/openapi-fetch bundled in.

import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const distDir = new URL('../dist/', import.meta.url);

// `@avchatroom/client`, `/fetch` and `/sdk` point at dist/, like the
// package's exports; every other import resolves normally from the package.
const distAliases = {
  name: 'avchatroom-client-dist',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^@avchatroom\/client(\/fetch|\/sdk)?$/ }, (args) => ({
      path: new URL(`${args.path.split('/')[2] ?? 'index'}.mjs`, distDir).pathname,
    }));
  },
};

const entryOf = (name, specifier) => `import { ${name} } from '${specifier}'; export { ${name} };`;

export const bundleEntries = [
  { name: 'createChatClient', entry: entryOf('createChatClient', '@avchatroom/client') },
  {
    name: 'createFetchClient (openapi-fetch)',
    entry: entryOf('createFetchClient', '@avchatroom/client/fetch'),
  },
  { name: 'getMembers (hey-api SDK)', entry: entryOf('getMembers', '@avchatroom/client/sdk') },
];

/**
 * `platform: 'neutral'` (no Node built-ins, as for a browser or edge bundle),
 * with the main fields and conditions Node's ESM resolution uses, so
 * `zod/mini` and `openapi-fetch` resolve to their ESM builds.
 */
export const bundleSettings = {
  platform: 'neutral',
  mainFields: ['module', 'main'],
  conditions: ['import', 'default'],
};

/** Minified and gzipped bytes of an entry, and each input's share of the output. */
export const measureBundle = async (entry) => {
  const result = await build({
    stdin: { contents: entry, resolveDir: new URL('.', import.meta.url).pathname, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    ...bundleSettings,
    treeShaking: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [distAliases],
    // Input paths in the metafile are relative to this: `dist/...`.
    absWorkingDir: packageDir,
  });
  const code = result.outputFiles[0].contents;
  const [output] = Object.values(result.metafile.outputs);
  const inputs = Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => ({ path, bytesInOutput }))
    .sort((a, b) => b.bytesInOutput - a.bytesInOutput);
  return { minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, inputs };
};
