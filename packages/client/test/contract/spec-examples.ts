import { readFileSync } from 'node:fs';
import { specJsonPath } from '@avchatroom/openapi';

interface ExampleObject {
  value?: unknown;
  $ref?: string;
}

interface NamedExample {
  /** The response example's name, as sent in `Prefer: example=NAME`. */
  name: string;
  /** The request example of the same name, or the API doc's sample request. */
  request: Record<string, unknown>;
  /** The response example's value. */
  response: unknown;
}

const spec = JSON.parse(readFileSync(specJsonPath, 'utf8'));

/** Every operationId of the bundled spec. */
export const operationIds = (): string[] =>
  Object.values<Record<string, { operationId?: string }>>(spec.paths).flatMap((pathItem) =>
    Object.values(pathItem).flatMap((operation) => operation.operationId ?? []),
  );

/** The URL path of an operation of the bundled spec. */
export const operationPath = (operationId: string): string => {
  for (const [path, pathItem] of Object.entries<Record<string, { operationId?: string }>>(
    spec.paths,
  )) {
    if (Object.values(pathItem).some((operation) => operation.operationId === operationId)) {
      return path;
    }
  }
  throw new Error(`no operation ${operationId} in the spec`);
};

const resolveExample = (example: ExampleObject): unknown => {
  const name = example.$ref?.replace('#/components/examples/', '');
  return name === undefined ? example.value : spec.components.examples[name].value;
};

/**
 * Every named response example of an operation's 200 answer, paired with its
 * request example, read from the bundled spec: a new example adds a case.
 */
export const namedExamples = (operationId: string): NamedExample[] => {
  const operation = spec.paths[operationPath(operationId)].post;
  const requests: Record<string, ExampleObject> =
    operation.requestBody.content['application/json'].examples;
  const responses: Record<string, ExampleObject> =
    operation.responses['200'].content['application/json'].examples;
  const fallback = requests.docSample;
  if (!fallback) throw new Error('the spec has no docSample request example');
  return Object.entries(responses).map(([name, example]) => ({
    name,
    request: resolveExample(requests[name] ?? fallback) as NamedExample['request'],
    response: resolveExample(example),
  }));
};
