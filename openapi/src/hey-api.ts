// @avchatroom/openapi/hey-api: what a team needs to generate its own client of
// the spec with @hey-api/openapi-ts, and the spec preparation this repository's
// own code generation uses too.
export { mergeAllOf } from './hey-api/merge-all-of.js';
export type {
  OpenApiDocument,
  ParameterObject,
  SchemaObject,
} from './hey-api/openapi-document.js';
export {
  dropCommonParameters,
  mergeComposedSchemas,
  prepareSpecForClients,
} from './hey-api/prepare-spec.js';
export {
  type HeyApiPlugin,
  type HeyApiPresetConfig,
  type HeyApiPresetOptions,
  heyApiDefaultPlugins,
  heyApiPreset,
} from './hey-api/preset.js';
