import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

// What `tsc --strict` says about a credential that may be undefined, such as
// `process.env.X`: it must name that credential, not ask for the other one.
const folder = mkdtempSync(join(tmpdir(), 'credential-diagnostics-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const diagnosticsOf = (credential: string): string => {
  const file = join(folder, `${credential}.ts`);
  const options = new URL('./chat-client-options.js', import.meta.url).pathname;
  writeFileSync(
    file,
    `import type { ChatClientOptions } from ${JSON.stringify(options)};
declare const fromEnv: string | undefined;
export const options: ChatClientOptions = { sdkAppId: 1, identifier: 'a', region: 'singapore', ${credential}: fromEnv };
`,
  );
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file?.fileName === file)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
    .join('\n');
};

describe('ChatCredentialOptions under strict', () => {
  it('reports a secretKey that may be undefined as such', () => {
    const message = diagnosticsOf('secretKey');
    expect(message).toContain("Types of property 'secretKey' are incompatible");
    expect(message).toContain("Type 'undefined' is not assignable to type 'string'");
    expect(message).not.toContain("Property 'userSig' is missing");
  }, 60_000);
});
