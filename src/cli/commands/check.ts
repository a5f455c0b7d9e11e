/**
 * `check SPEC`: the network's symbolic outputs, loss, gradient and δ-recursion against the
 * independent mathjs engine at seeded random points. Exit 0 when every check passes, 1 when one
 * fails (a verdict, not a user error), 2 for bad input.
 */
import { type CheckReport, MAX_CHECK_POINTS, buildNetwork, checkNetwork, formatSpec, readSpec } from '../../node/index.js';
import { ExitStatus, type Register, json } from '../io.js';
import { integerOr } from '../options.js';

const fmt = (x: number): string => (x === 0 ? '0' : x.toExponential(1));

/** The report as an aligned text table. */
export function checkTable(r: CheckReport, spec: string): string {
  const head = `check ${spec}: seed ${r.seed}, ${r.points} random points (${r.resampled} redrawn near kinks or overflow)\n${r.distribution}\n`;
  const width = Math.max(4, ...r.rows.map((row) => row.what.length));
  const lines = r.rows.map((row) => `${row.what.padEnd(width)}  ${fmt(row.maxRelError).padStart(9)}  ${fmt(row.tolerance).padStart(9)}  ${row.ok ? 'ok' : 'FAIL'}`);
  const failed = r.rows.filter((row) => !row.ok).length;
  const verdict = failed === 0 ? `all ${r.rows.length} checks pass` : `${failed} of ${r.rows.length} checks FAIL`;
  // a tolerance that is not the fixed one says what it is based on, below the table
  const notes = r.rows.flatMap((row) => (row.basis !== undefined ? [`${row.what}: ${row.basis}`] : []));
  return `${head}${'what'.padEnd(width)}  ${'max error'.padStart(9)}  ${'tolerance'.padStart(9)}  verdict\n${lines.join('\n')}\n${notes.map((n) => `tolerance of ${n}\n`).join('')}${verdict}\n`;
}

export const registerCheck: Register = (program, io) =>
  program
    .command('check')
    .description('check the symbolic outputs, loss and gradient against the independent numeric engine')
    .argument('<spec>', 'network spec WIDTHS[:ACTIVATIONS][:OPTIONS] or a JSON object')
    .option('--seed <n>', 'seed of the random points, 0 to 4294967295 (default 1)')
    .option('--points <k>', `number of random points, 1 to ${MAX_CHECK_POINTS} (default 8)`)
    .option('--json', 'machine-readable output')
    .addHelpText(
      'after',
      '\nErrors are |symbolic − engine| / max(1, |engine|), maximised over the points.\n' +
        'Exit status: 0 all pass, 1 a check fails, 2 bad input.\n' +
        'Example:\n  closedform check 3-2-3-4:arctan_sigmoid:half --seed 7 --points 16\n',
    )
    .action((specText: string, opts: { seed?: string; points?: string; json?: boolean }) => {
      const seed = integerOr('--seed', opts.seed, { min: 0, max: 2 ** 32 - 1 }, 1);
      const points = integerOr('--points', opts.points, { min: 1, max: MAX_CHECK_POINTS }, 8);
      const net = buildNetwork(readSpec(specText));
      // A progress line on stderr only when it is a terminal; cleared before the report.
      // (A NumericError is a ClosedformError: run.ts prints it as one line, exit 2.)
      const onProgress = io.isTTY ? (done: number, total: number) => io.err(`\rcheck: point ${done}/${total}${done === total ? '\r\x1b[K' : ''}`) : undefined;
      const report: CheckReport = checkNetwork(net, { seed, points, ...(onProgress ? { onProgress } : {}) });
      io.out(opts.json ? json({ spec: formatSpecSafe(net.spec), ...report }) : checkTable(report, formatSpecSafe(net.spec)));
      if (!report.ok) throw new ExitStatus(1, 'a check failed');
    });

/** The compact spec when it has one, else the spec as JSON (mixed bias flags have no compact form). */
function formatSpecSafe(spec: Parameters<typeof formatSpec>[0]): string {
  try {
    return formatSpec(spec);
  } catch {
    return JSON.stringify(spec);
  }
}
