/**
 * `serve [--port N]`: the explorer page on http://127.0.0.1:PORT/ (first line of stdout) until
 * interrupted; `serve --export DIR`: the same page as static files. The page computes in the
 * reader's browser; this command only hands out its files (src/node/serve.ts).
 */
import { exportExplorer, startExplorer } from '../../node/index.js';
import { type Register, UsageError } from '../io.js';

/** The port when none is given. */
export const DEFAULT_PORT = 8000;

/** `--port N`: 0 (a free port) to 65535. */
function port(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PORT;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65535) throw new UsageError(`bad --port '${text}': an integer from 0 to 65535 (0 picks a free port)`);
  return n;
}

/** Resolves on Ctrl+C or a termination signal. */
const interrupted = (): Promise<void> =>
  new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });

export const registerServe: Register = (program, io) =>
  program
    .command('serve')
    .description('the explorer: a page that computes formulas, gradients and the analysis in your browser, served on 127.0.0.1')
    .option('--port <n>', `port to listen on; 0 picks a free one (default ${DEFAULT_PORT})`)
    .option('--export <dir>', 'write the page as static files into a folder instead of serving it')
    .addHelpText('after', '\nExamples:\n  closedform serve --port 0          # prints http://127.0.0.1:PORT/ first\n  closedform serve --export site     # index.html, app.js, worker.js, katex/ for any static host\n')
    .action(async (o: { port?: string; export?: string }) => {
      if (o.export !== undefined) {
        if (o.port !== undefined) throw new UsageError('--port and --export are alternatives: give one of them');
        const paths = await exportExplorer(o.export);
        io.out(`${o.export}: ${paths.length} files; open index.html through any static web server (browsers start no worker from file://)\n`);
        return;
      }
      const server = await startExplorer(port(o.port));
      io.out(`${server.url}\n`);
      io.err('serving the closedform explorer; Ctrl+C stops\n');
      await interrupted();
      await server.close();
    });
