// Opens the built API reference page (dist/reference.html) in headless
// Chromium, with every request but the page itself blocked, and checks that it
// shows what the spec holds: every region, every error code and every
// operation. The lists come from the bundled spec (dist/openapi.json), so a new
// code or region is checked without a change here. The build writes both files
// (turbo runs it before this test).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specJsonPath } from './spec-path.js';

// Debian's chromium package; the test never downloads a browser.
const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const referencePath = fileURLToPath(new URL('../dist/reference.html', import.meta.url));

interface ErrorCode {
  code: number;
  name: string;
}
interface Server {
  url: string;
  'x-region-id'?: string;
  'x-standby'?: boolean;
}
interface Operation {
  summary?: string;
  operationId?: string;
  tags?: string[];
  'x-error-codes'?: ErrorCode[];
}
interface Spec {
  servers?: Server[];
  paths?: Record<string, Record<string, Operation>>;
  'x-public-error-codes'?: ErrorCode[];
}

const httpMethods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

interface CspViolation {
  directive: string;
  blockedURI: string;
}

let browser: Browser | undefined;
let page: Page;
let spec: Spec;
// A setup failure (such as no Chromium) fails every test with its message.
let setupError: unknown;
const ready = (): void => {
  if (setupError !== undefined) throw setupError;
};
const attemptedRequests: string[] = [];
const pageErrors: string[] = [];

/** The cells of every table row on the page, as text. */
const tableRows = (): Promise<string[][]> =>
  page.$$eval('table tr', (rows) =>
    rows.map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? ''),
    ),
  );

/** The codes of `codes` that have no table row starting with their code and name. */
const missingCodes = (rows: string[][], codes: ErrorCode[]): string[] =>
  codes
    .filter(
      ({ code, name }) => !rows.some(([first, second]) => first === `${code}` && second === name),
    )
    .map(({ code, name }) => `${code} ${name}`);

const setUp = async (): Promise<void> => {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `${chromiumPath} not found: install Debian's chromium (apt-get install -y chromium). ` +
        'This test never downloads a browser.',
    );
  }
  if (!existsSync(referencePath) || !existsSync(specJsonPath)) {
    throw new Error(
      `${referencePath} or ${specJsonPath} is missing: run pnpm --filter @avchatroom/openapi build`,
    );
  }
  spec = JSON.parse(readFileSync(specJsonPath, 'utf8')) as Spec;

  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
    timeout: 30_000,
  });
  page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  page.setDefaultNavigationTimeout(15_000);

  const pageUrl = pathToFileURL(referencePath).href;
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.split('#')[0] === pageUrl) return route.continue();
    attemptedRequests.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('websocket', (socket) => attemptedRequests.push(socket.url()));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Loads the page's Content-Security-Policy refused before any request.
  await page.addInitScript(() => {
    const violations: CspViolation[] = [];
    Object.assign(window, { cspViolations: violations });
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push({ directive: event.effectiveDirective, blockedURI: event.blockedURI }),
    );
  });

  await page.goto(pageUrl, { waitUntil: 'load' });
};

beforeAll(async () => {
  try {
    await setUp();
  } catch (error) {
    setupError = error;
  }
}, 45_000);

afterAll(async () => {
  await browser?.close();
}, 15_000);

describe('the API reference page (dist/reference.html)', () => {
  it('lists every region with its main domain, and every public error code', async () => {
    ready();
    await page.locator('#redoc table').first().waitFor();
    const rows = await tableRows();

    const regions = (spec.servers ?? []).filter(
      (server) => server['x-region-id'] !== undefined && !server['x-standby'],
    );
    expect(regions.length).toBeGreaterThan(0);
    const missingRegions = regions
      .filter(
        (server) => !rows.some(([id, main]) => id === server['x-region-id'] && main === server.url),
      )
      .map((server) => `${server['x-region-id']} ${server.url}`);
    expect.soft(missingRegions, 'regions (x-region-id, main server) not on the page').toEqual([]);

    const publicCodes = spec['x-public-error-codes'] ?? [];
    expect(publicCodes.length).toBeGreaterThan(0);
    expect(missingCodes(rows, publicCodes), 'x-public-error-codes not on the page').toEqual([]);
  }, 30_000);

  it('shows each operation, its path and its own error codes, reached from the sidebar', async () => {
    ready();
    const operations = Object.entries(spec.paths ?? {}).flatMap(([path, pathItem]) =>
      Object.entries(pathItem)
        .filter(([method]) => httpMethods.has(method))
        .map(([method, operation]) => ({ path, method, operation })),
    );
    expect(operations.length).toBeGreaterThan(0);

    const menu = page.locator('.menu-content');
    for (const { path, method, operation } of operations) {
      const { summary, tags, 'x-error-codes': codes = [] } = operation;
      const label = `${method.toUpperCase()} ${path}`;
      expect(summary, `${label} has a summary to find it by`).toBeTruthy();
      if (!summary) continue;

      // Redoc 3 shows one operation per view: open it as a reader would.
      const entry = menu.getByText(summary, { exact: true });
      if (!(await entry.isVisible()) && tags?.[0]) {
        await menu.getByText(tags[0], { exact: true }).first().click();
      }
      await entry.click();
      await page.getByRole('heading', { name: summary }).first().waitFor();

      const visiblePaths = page.getByText(path, { exact: true }).filter({ visible: true });
      expect(await visiblePaths.count(), `${label}: path shown on its page`).toBeGreaterThan(0);
      expect(
        missingCodes(await tableRows(), codes),
        `${label}: x-error-codes not on its page`,
      ).toEqual([]);
    }
  }, 30_000);

  it('loads nothing from the network and raises no script error', async () => {
    ready();
    const violations = await page.evaluate(
      () => (window as unknown as { cspViolations: CspViolation[] }).cspViolations,
    );
    // Redoc 3's sidebar attribution logo comes from Redocly's CDN and is refused
    // by the page's policy (Redoc then hides it); a script, style, font or fetch
    // from the network would be a page that does not work offline.
    const refusedNetworkLoads = violations.filter(
      ({ directive, blockedURI }) => /^(https?|wss?):/.test(blockedURI) && directive !== 'img-src',
    );
    expect(attemptedRequests, 'requests that reached the network layer').toEqual([]);
    expect(refusedNetworkLoads, 'network loads refused by the page policy').toEqual([]);
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  }, 15_000);
});
