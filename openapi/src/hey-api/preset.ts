import { specJsonPath } from '../spec-path.js';
import type { OpenApiDocument } from './openapi-document.js';
import { prepareSpecForClients } from './prepare-spec.js';

/** A hey-api plugin: its name, or an object with its name and options. */
export type HeyApiPlugin = string | { readonly name: string; readonly [option: string]: unknown };

/**
 * The plugins `heyApiPreset` uses unless given others: the types, the fetch
 * client and one SDK function per operation.
 */
export const heyApiDefaultPlugins: readonly HeyApiPlugin[] = [
  // Each spec schema keeps its name (GetMembersResponse); hey-api's own alias
  // of an operation's 2xx body would collide with it and become
  // GetMembersResponse2, so the alias is named GetMembersResult.
  { name: '@hey-api/typescript', responses: { response: '{{name}}Result' } },
  // No default base URL: the spec's first server is the China domain, and an
  // app must call the region where its SDKAppID was created.
  { name: '@hey-api/client-fetch', baseUrl: false },
  '@hey-api/sdk',
];

/** What `heyApiPreset` needs: the output folder, and optionally another spec or other plugins. */
export interface HeyApiPresetOptions {
  /** Folder to write the client into; hey-api replaces what is in it on every run. */
  output: string;
  /**
   * The spec: a file path or a parsed document, which is rewritten in place
   * (pass a copy). @default the bundled spec of this package (`specJsonPath`)
   */
  input?: string | OpenApiDocument;
  /** hey-api plugins, instead of the defaults. @default heyApiDefaultPlugins */
  plugins?: readonly HeyApiPlugin[];
}

/** A configuration for `@hey-api/openapi-ts` 0.95 (`createClient(config)` or a config file). */
export interface HeyApiPresetConfig {
  input: string | OpenApiDocument;
  output: { path: string; module: { extension: '.js' } };
  parser: { patch: { input: (spec: OpenApiDocument) => void } };
  plugins: readonly HeyApiPlugin[];
}

/**
 * A configuration for `@hey-api/openapi-ts` 0.95 that generates a client of
 * this spec: relative imports end in `.js` (so the output compiles and runs
 * under `module: nodenext`), `random` and `contenttype` are not parameters of
 * any call (add them to each request at run time), composed response schemas
 * are plain object types, responses are not named `...Response2` and no base
 * URL is built in. Spread it to add hey-api options of your own.
 */
export const heyApiPreset = (options: HeyApiPresetOptions): HeyApiPresetConfig => {
  if (typeof options?.output !== 'string' || options.output.trim() === '') {
    throw new TypeError('heyApiPreset: `output` must be the folder to generate into');
  }
  return {
    input: options.input ?? specJsonPath,
    output: { path: options.output, module: { extension: '.js' } },
    parser: { patch: { input: prepareSpecForClients } },
    plugins: options.plugins ?? heyApiDefaultPlugins,
  };
};
