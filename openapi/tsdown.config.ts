import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts', 'src/hey-api.ts'],
  format: 'esm',
  platform: 'node',
  dts: true,
  fixedExtension: true,
  // dist/ also holds the bundled spec, written by `redocly bundle` just before.
  clean: false,
});
