import { readFileSync } from 'node:fs';
import { specJsonPath } from '@avchatroom/openapi';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { bundledSpec } from '../../src/spec-facts.js';

// Answers are checked against the bundled spec's own response schemas (JSON
// Schema 2020-12, as OpenAPI 3.1 writes them) with Ajv, not with the client's
// validators nor the emulator's body checks, so neither checks itself.

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema(JSON.parse(readFileSync(specJsonPath, 'utf8')), 'spec');

const pointerPart = (text: string): string => text.replaceAll('~', '~0').replaceAll('/', '~1');

const validators = new Map(
  bundledSpec.operations.map((operation) => [
    operation.operationId,
    ajv.compile({
      $ref: `spec#/paths/${pointerPart(operation.path)}/post/responses/200/content/application~1json/schema`,
    }),
  ]),
);

/** What is wrong with an answer of `operationId` by its 200 schema; empty when it fits. */
export const answerProblems = (operationId: string, answer: unknown): string => {
  const validate = validators.get(operationId);
  if (!validate) throw new Error(`the bundled spec has no ${operationId}`);
  return validate(answer) ? '' : ajv.errorsText(validate.errors);
};

/** Whether an answer of `operationId` fits its 200 schema. */
export const fitsSpec = (operationId: string, answer: unknown): boolean =>
  answerProblems(operationId, answer) === '';
