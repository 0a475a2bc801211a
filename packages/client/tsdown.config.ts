import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts', 'src/fetch.ts'],
  format: 'esm',
  platform: 'neutral',
  dts: true,
  fixedExtension: true,
});
