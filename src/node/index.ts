/**
 * `closedform/node`: the whole public API (src/api.ts) plus what needs Node — the bridge to
 * Singular (a child process), KaTeX's stylesheet and fonts read from the installed package for
 * offline HTML pages, files and standard input. The CLI imports only this entry.
 *
 * The numeric engine's mathjs is loaded on first use here (src/node/mathjs.ts), not on import, so
 * a script that never evaluates numerically starts about a second sooner than with `closedform`.
 *
 * This folder is the one place, with src/cli/, where `node:` modules may be imported
 * (test/packaging/browser.test.ts checks it). Parallel work belongs here too: the worker-thread
 * pool of the modular Gröbner driver (one prime per worker) is src/node/workers.ts, exported
 * from this file, with the computation each worker runs kept browser-clean below src/ so that a
 * Web Worker can run the same code.
 *
 * @example
 * ```ts
 * import { isSingularAvailable, parse, renderHtmlPage, toText } from 'closedform/node';
 * toText(parse('x*x')); // 'x^2'
 * ```
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import './mathjs.js';

export * from '../api.js';
export { type SingularResult, type SingularLocation, SINGULAR_ENV, SINGULAR_TIMEOUT_MS, SingularError } from './singular.js';
export { InputFileError, MAX_INPUT_BYTES } from './files.js';
export { type PrimePool } from './workers.js';
export { type ExplorerFile, type ExplorerServer, ServeError, EXPLORER_BUILD_OPTIONS } from './serve.js';

// The node-only functions, with their arguments checked at the door as the rest of the API (src/args/).
import * as Singular from './singular.js';
import * as Katex from './katex.js';
import * as Files from './files.js';
import * as Workers from './workers.js';
import * as Serve from './serve.js';
import { arg, arr, guard, guardAsync, int, name, opt, options, oneOf, refine, str } from '../args/check.js';
import { derivation, millis, polyTerms } from '../args/data.js';

const order = oneOf('grevlex', 'lex');
const pool = arg('a pool of prime workers (from primePool)', (x) => typeof x === 'object' && x !== null && Array.isArray((x as { workers?: unknown }).workers) && typeof (x as { close?: unknown }).close === 'function');
export const locateSingular = guard('locateSingular', Singular.locateSingular, { path: opt(str) });
export const isSingularAvailable = guard('isSingularAvailable', Singular.isSingularAvailable, { path: opt(str) });
export const singularStd = guard('singularStd', Singular.singularStd, {
  polys: arr(polyTerms),
  vars: arr(name),
  opts: opt(options({ order: opt(order), timeoutMs: opt(millis), singular: opt(str) })),
});
export const parseSingularPoly = guard('parseSingularPoly', Singular.parseSingularPoly, { text: str, n: int(0, 100_000) });
export const inlinedKatexCss = guard('inlinedKatexCss', Katex.inlinedKatexCss, {});
export const renderHtmlPage = guard('renderHtmlPage', Katex.renderHtmlPage, { d: derivation, generator: opt(str) });
export const readStdin = guard('readStdin', Files.readStdin, {});
export const readTextFile = guard('readTextFile', Files.readTextFile, { path: str, what: opt(str) });
export const modularGroebnerParallel = guardAsync('modularGroebnerParallel', Workers.modularGroebnerParallel, {
  polys: arr(polyTerms),
  vars: arr(name),
  order: opt(order),
  opts: opt(options({ workers: opt(int(1, 64)), millis: opt(millis), pool: opt(pool) })),
});
export const primePool = guard('primePool', Workers.primePool, { size: opt(int(1, 64)) });
/** The explorer's source folder: bundleExplorer builds its app and worker scripts from it. */
const folder = refine(str, (d: string) => {
  const has = (f: string): boolean => existsSync(join(d, `${f}.ts`)) || existsSync(join(d, `${f}.js`));
  return has('app') && has('worker') ? undefined : "is not the explorer's source folder (it holds app.ts and worker.ts)";
});
export const bundleExplorer = guardAsync('bundleExplorer', Serve.bundleExplorer, { dir: opt(folder) });
export const explorerFiles = guardAsync('explorerFiles', Serve.explorerFiles, {});
export const exportExplorer = guardAsync('exportExplorer', Serve.exportExplorer, { dir: refine(str, (d: string) => (d === '' ? 'is empty: name a folder' : undefined)) });
export const startExplorer = guardAsync('startExplorer', Serve.startExplorer, { port: int(0, 65_535) });
