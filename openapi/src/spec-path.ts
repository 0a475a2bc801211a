import { fileURLToPath } from 'node:url';

// Resolved against the package root, so the paths are right both from src/
// (tests) and from dist/ (the published build).

/**
 * Absolute path of the bundled single-file spec (YAML) shipped in this package:
 * hand it to a generator or to Prism to work from the exact spec version you
 * depend on.
 */
export const specPath: string = fileURLToPath(new URL('../dist/openapi.yaml', import.meta.url));

/** Absolute path of the same bundled spec as JSON. */
export const specJsonPath: string = fileURLToPath(new URL('../dist/openapi.json', import.meta.url));
