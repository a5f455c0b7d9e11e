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
import './mathjs.js';

export * from '../api.js';
export { type SingularResult, type SingularLocation, SINGULAR_ENV, SINGULAR_TIMEOUT_MS, SingularError, locateSingular, isSingularAvailable, singularStd, parseSingularPoly } from './singular.js';
export { inlinedKatexCss, renderHtmlPage } from './katex.js';
export { InputFileError, readStdin, readTextFile } from './files.js';
export { type PrimePool, modularGroebnerParallel, primePool } from './workers.js';
export { type ExplorerFile, type ExplorerServer, ServeError, EXPLORER_BUILD_OPTIONS, bundleExplorer, explorerFiles, exportExplorer, startExplorer } from './serve.js';
