/** The parts of a JSON Schema (OpenAPI 3.1) that the spec preparation reads. */
export interface SchemaObject {
  $ref?: string;
  allOf?: SchemaObject[];
  type?: string | string[];
  properties?: Record<string, SchemaObject>;
  required?: string[];
  additionalProperties?: boolean | SchemaObject;
  [keyword: string]: unknown;
}

/** A parameter or a `$ref` to one under `components.parameters`. */
export interface ParameterObject {
  $ref?: string;
  name?: string;
  in?: string;
  'x-common-parameter'?: boolean;
  [field: string]: unknown;
}

/** The parts of an OpenAPI document that the spec preparation reads and rewrites. */
export interface OpenApiDocument {
  paths?: Record<string, Record<string, unknown>>;
  components?: {
    schemas?: Record<string, SchemaObject>;
    parameters?: Record<string, ParameterObject>;
    [field: string]: unknown;
  };
  [field: string]: unknown;
}
