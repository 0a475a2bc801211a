// Builds dist/reference.html, the API reference page, from the bundled spec
// (dist/openapi.json, written just before by the build) with `redocly
// build-docs` (Redoc 3).
//
// Redoc does not render the vendor extensions that hold the error codes and the
// regions, so a docs-only copy of the spec gets them as markdown tables: the
// regions (x-region-id, main and standby server), the public error codes
// (x-public-error-codes) and the retry classes in info.description, and each
// operation's own codes (x-error-codes) in that operation's description. The
// copy lives in a temporary directory; dist/openapi.* stay as they are.
//
// The page works offline: Redoc's scripts are inlined (--inlineBundle) and a
// Content-Security-Policy in the page template refuses every network load, so
// the Redocly logo that Redoc 3 always takes from Redocly's CDN for its sidebar
// attribution is never requested (Redoc hides the image when it fails).
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const specJsonPath = join(root, 'dist/openapi.json');
const outputPath = join(root, 'dist/reference.html');

// The page may run its own inline scripts and styles and show data: and blob:
// images; anything from the network (scripts, fonts, images, fetch, beacons) is
// refused by the browser before a request is made.
const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  'font-src data:',
  'worker-src blob:',
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// build-docs' default template, with the policy added first in <head>.
const template = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />
  <title>{{title}}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <style>
    body {
      padding: 0;
      margin: 0;
    }
  </style>
  {{{redocHead}}}
</head>
<body>
  {{{redocHTML}}}
</body>
</html>
`;

/** One markdown table cell: on one line, with `|` and HTML escaped. */
const cell = (value) =>
  String(value ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('|', '\\|');

const table = (header, rows) =>
  [header, header.map(() => '---'), ...rows].map((row) => `| ${row.map(cell).join(' | ')} |`);

const errorCodeTable = (codes) =>
  table(
    ['Code', 'Name', 'Meaning', 'Retry class'],
    codes.map(({ code, name, meaning, retry, retryAfterSeconds }) => [
      code,
      name,
      meaning,
      retryAfterSeconds === undefined ? retry : `${retry} (after ${retryAfterSeconds} s)`,
    ]),
  );

const regionTable = (servers) => {
  const regions = new Map();
  for (const server of servers) {
    const id = server['x-region-id'];
    if (id === undefined) continue;
    const region = regions.get(id) ?? { main: [], standby: [] };
    region[server['x-standby'] ? 'standby' : 'main'].push(server.url);
    regions.set(id, region);
  }
  return table(
    ['Region id', 'Main domain', 'Standby domain'],
    [...regions].map(([id, { main, standby }]) => [id, main.join(', '), standby.join(', ')]),
  );
};

const appendSections = (description, sections) =>
  [description?.trimEnd(), ...sections.map((lines) => lines.join('\n'))]
    .filter(Boolean)
    .join('\n\n');

const spec = JSON.parse(await readFile(specJsonPath, 'utf8'));

spec.info.description = appendSections(spec.info.description, [
  [
    '## Regions',
    '',
    'Call the domain of the region where the SDKAppID was created; fall back to its',
    'standby domain (`servers`, `x-region-id`, `x-standby`).',
    '',
    ...regionTable(spec.servers ?? []),
  ],
  [
    '## Public error codes',
    '',
    'Codes every Chat REST API can return (`x-public-error-codes`). The codes',
    "specific to an operation are on that operation's page (`x-error-codes`).",
    '',
    ...errorCodeTable(spec['x-public-error-codes'] ?? []),
  ],
  [
    '## Retry classes',
    '',
    'What a client should do with each error code (`x-retry-classes`).',
    '',
    ...table(['Retry class', 'Meaning'], Object.entries(spec['x-retry-classes'] ?? {})),
  ],
]);

for (const pathItem of Object.values(spec.paths ?? {})) {
  for (const operation of Object.values(pathItem)) {
    const codes = operation?.['x-error-codes'];
    if (!Array.isArray(codes)) continue;
    operation.description = appendSections(operation.description, [
      [
        '**Error codes of this operation** (`x-error-codes`; the public codes are on the overview page):',
        '',
        ...errorCodeTable(codes),
      ],
    ]);
  }
}

const workDir = await mkdtemp(join(tmpdir(), 'avchatroom-reference-'));
try {
  const docsSpecPath = join(workDir, 'openapi.docs.json');
  const templatePath = join(workDir, 'template.hbs');
  await writeFile(docsSpecPath, JSON.stringify(spec));
  await writeFile(templatePath, template);

  const require = createRequire(import.meta.url);
  const cliManifestPath = require.resolve('@redocly/cli/package.json');
  const cliManifest = JSON.parse(await readFile(cliManifestPath, 'utf8'));
  const cliPath = join(dirname(cliManifestPath), cliManifest.bin.redocly);
  execFileSync(
    process.execPath,
    [
      cliPath,
      'build-docs',
      docsSpecPath,
      '--inlineBundle',
      '--template',
      templatePath,
      '--output',
      outputPath,
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, REDOCLY_TELEMETRY: 'off' } },
  );
} finally {
  await rm(workDir, { recursive: true, force: true });
}

// Read the page back: nothing in its markup may point at the network.
const html = await readFile(outputPath, 'utf8');
const externalLoads = [
  ...html.matchAll(/<(?:script|link|img|iframe|source|embed|object)\b[^>]*>/gi),
].filter(([tag]) => /\b(?:src|href|data)\s*=\s*["']?(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(tag));
if (externalLoads.length > 0) {
  throw new Error(
    `${outputPath} loads from the network:\n${externalLoads.map(([tag]) => tag).join('\n')}`,
  );
}
if (!html.includes(`content="${contentSecurityPolicy}"`)) {
  throw new Error(`${outputPath} lacks its Content-Security-Policy (template not applied?)`);
}
