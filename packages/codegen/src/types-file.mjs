import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { generatedHeader } from './generated-header.mjs';

const header = generatedHeader('openapi-typescript');

/** Writes openapi-typescript's `paths`/`components` types (a .ts file, so it is built into dist). */
export const writeTypes = async (spec, folder) => {
  const ast = await openapiTS(structuredClone(spec), { exportType: false });
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'openapi.gen.ts'), `${header}\n${astToString(ast)}`);
};
