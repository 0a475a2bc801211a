// Bundled into dist/cli.mjs by tsdown, so --version works wherever the file runs.
import packageJson from '../package.json' with { type: 'json' };

/** The app's version, from its package.json. */
export const appVersion: string = packageJson.version;
