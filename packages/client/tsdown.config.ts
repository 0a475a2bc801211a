import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts', 'src/fetch.ts', 'src/sdk.ts'],
  format: 'esm',
  platform: 'neutral',
  dts: true,
  fixedExtension: true,
  // One output file per source module: with `sideEffects: false`, a bundler
  // then drops whole modules a consumer does not import, such as the generated
  // hey-api client, whose module-level `createClient(...)` call would otherwise
  // keep it in every bundle (a bundled dist/index.mjs made 18.6 kB gzipped for
  // createChatClient alone).
  unbundle: true,
});
