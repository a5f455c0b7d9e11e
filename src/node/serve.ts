/**
 * The explorer's files and its server (`closedform serve`): the page (src/explorer/shell.ts), its
 * two scripts bundled for the browser — app.js, the page's own code, and worker.js, the whole
 * library in a Web Worker — and KaTeX's stylesheet and woff2 fonts from the installed katex. One
 * set of files, served by node's own http server or written to a folder for a static host; the
 * page asks for nothing else.
 *
 * The scripts are bundled by esbuild when the package is built (`npm run build` runs
 * scripts/build-explorer.mjs, which writes dist/explorer/bundle/); a source checkout without that
 * bundle is bundled on first use, with the same options, by the esbuild of the dev install.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClosedformError, VERSION } from '../api.js';
import { APP_SCRIPT, KATEX_CSS, KATEX_FONTS, WORKER_SCRIPT } from '../explorer/names.js';
import { CONTENT_SECURITY_POLICY, WORKER_CONTENT_SECURITY_POLICY, explorerHtml } from '../explorer/shell.js';
import { katexCssWithFonts, katexDist } from './katex.js';

/** One file of the page: its path relative to the page, its media type and its bytes. */
export interface ExplorerFile {
  readonly path: string;
  readonly type: string;
  readonly body: Buffer;
}

/** A server or export that cannot start (port in use, folder not writable): one line. */
export class ServeError extends ClosedformError {
  override readonly name = 'ServeError';
}

/**
 * esbuild's options for the two scripts (shared with scripts/build-explorer.mjs): one classic
 * script each (a worker started by `new Worker(url)` runs a classic script in every browser),
 * minified, for browsers that run ES2022.
 */
export const EXPLORER_BUILD_OPTIONS = { bundle: true, platform: 'browser', format: 'iife', target: 'es2022', minify: true, legalComments: 'none', logLevel: 'silent' } as const;

const HERE = dirname(fileURLToPath(import.meta.url));
/** The explorer's sources beside this folder: src/explorer (.ts) in a checkout, dist/explorer (.js) when built. */
const EXPLORER_DIR = join(HERE, '..', 'explorer');
/** Where the build puts the bundled scripts. */
export const BUNDLE_DIR = join(EXPLORER_DIR, 'bundle');

/** The entry file of a script in `dir`: `app.ts` in a checkout, `app.js` after tsc. */
function entry(dir: string, script: string): string {
  const ts = join(dir, script.replace(/\.js$/, '.ts'));
  return existsSync(ts) ? ts : join(dir, script);
}

/**
 * Bundle app.js and worker.js from the explorer's sources in `dir` (the build calls this).
 *
 * @example
 * ```ts
 * const { app, worker } = await bundleExplorer();
 * worker.length > app.length; // true: the library is in the worker
 * ```
 */
export async function bundleExplorer(dir = EXPLORER_DIR): Promise<{ readonly app: string; readonly worker: string }> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new ServeError(`the explorer's scripts are not built (no ${BUNDLE_DIR}) and esbuild is not installed to bundle them: run npm run build`);
  }
  const one = async (script: string): Promise<string> => {
    const r = await esbuild.build({ ...EXPLORER_BUILD_OPTIONS, entryPoints: [entry(dir, script)], write: false });
    return r.outputFiles[0]!.text;
  };
  const [app, worker] = await Promise.all([one(APP_SCRIPT), one(WORKER_SCRIPT)]);
  return { app, worker };
}

let cached: Promise<readonly ExplorerFile[]> | undefined;

/**
 * Every file of the explorer page, `index.html` first (the same on every call).
 *
 * @example
 * ```ts
 * (await explorerFiles()).map((f) => f.path); // ['index.html', 'app.js', 'worker.js', 'katex/katex.min.css', 'katex/fonts/KaTeX_AMS-Regular.woff2', …]
 * ```
 */
export function explorerFiles(): Promise<readonly ExplorerFile[]> {
  cached ??= (async () => {
    const built = existsSync(join(BUNDLE_DIR, APP_SCRIPT)) && existsSync(join(BUNDLE_DIR, WORKER_SCRIPT));
    const { app, worker } = built
      ? { app: readFileSync(join(BUNDLE_DIR, APP_SCRIPT), 'utf8'), worker: readFileSync(join(BUNDLE_DIR, WORKER_SCRIPT), 'utf8') }
      : await bundleExplorer();
    // The stylesheet sits in katex/ and names its fonts relative to itself, as KaTeX ships them.
    const { css, fonts } = katexCssWithFonts((name) => `fonts/${name}.woff2`);
    const text = (path: string, type: string, body: string): ExplorerFile => ({ path, type, body: Buffer.from(body, 'utf8') });
    return [
      text('index.html', 'text/html; charset=utf-8', explorerHtml(`closedform ${VERSION}`)),
      text(APP_SCRIPT, 'text/javascript; charset=utf-8', app),
      text(WORKER_SCRIPT, 'text/javascript; charset=utf-8', worker),
      text(KATEX_CSS, 'text/css; charset=utf-8', css),
      ...[...new Set(fonts)].sort().map((f) => ({ path: `${KATEX_FONTS}/${f}.woff2`, type: 'font/woff2', body: readFileSync(join(katexDist(), 'fonts', `${f}.woff2`)) })),
    ];
  })();
  return cached;
}

/**
 * Write the page as static files into `dir` (created if missing); returns the paths written.
 *
 * @example
 * ```ts
 * await exportExplorer('site'); // ['site/index.html', 'site/app.js', …]
 * ```
 */
export async function exportExplorer(dir: string): Promise<string[]> {
  const files = await explorerFiles();
  try {
    return files.map((f) => {
      const path = join(dir, f.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.body);
      return path;
    });
  } catch (e) {
    throw new ServeError(`cannot write the explorer into ${dir}: ${(e as Error).message.split('\n')[0]}`);
  }
}

export interface ExplorerServer {
  /** `http://127.0.0.1:PORT/` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** The page's files by URL path; `/` is index.html. A lookup in this table, never a path on disk. */
function handler(files: readonly ExplorerFile[]): (req: IncomingMessage, res: ServerResponse) => void {
  const byPath = new Map(files.map((f) => [`/${f.path}`, f]));
  byPath.set('/', files[0]!);
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const file = byPath.get(path);
    const policy = path === `/${WORKER_SCRIPT}` ? WORKER_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
    const headers = { 'Content-Security-Policy': policy, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
      return;
    }
    if (file === undefined) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end(`not found: ${path}\n`);
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': file.type, 'Content-Length': file.body.length });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  };
}

/**
 * Serve the explorer on 127.0.0.1 (`port` 0: a free port chosen by the system).
 *
 * @example
 * ```ts
 * const s = await startExplorer(0);
 * s.url; // 'http://127.0.0.1:40123/'
 * await s.close();
 * ```
 */
export async function startExplorer(port: number): Promise<ExplorerServer> {
  const server = createServer(handler(await explorerFiles()));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(new ServeError(e.code === 'EADDRINUSE' ? `port ${port} is in use: choose another with --port, or --port 0 for a free one` : `cannot listen on port ${port}: ${e.message}`)),
    );
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  const actual = typeof address === 'object' && address !== null ? address.port : port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
