// Refusals up front: how long a request that must be declined takes to be declined, through the
// CLI as a user runs it (in-process, after the first import), and what the argument checks at the
// library's door cost on a hot function. Issue 14: `expand 40-120-120-1` and `expand 100-100-1`
// took 13–18 s before their refusal; the estimate must come before the work, under a second.
import { run } from '../dist/cli/run.js';
import { qadd as guardedQadd, Q } from '../dist/index.js';
import { qadd as rawQadd } from '../dist/expr/rational.js';

export const title = 'Refusals up front, and the cost of the argument checks';

const CASES = [
  ['expand', '100-100-1'],
  ['expand', '40-120-120-1'],
  ['expand', '40-120-120-1:quadratic'],
  ['expand', '3-4-4-1:quadratic'],
  ['formula', `{"widths": ${'['.repeat(5000)}1${']'.repeat(5000)}}`],
  ['formula', '{"widths": [1000000, 1000000]}'],
  ['solve', 'x^2 = 2', '--vars', 'x', '--digits', '0'],
];

async function time(argv) {
  let err = '';
  const io = { out: () => {}, err: (s) => (err += s), isTTY: false };
  const t = performance.now();
  const code = await run(argv, io);
  return { ms: performance.now() - t, code, err: err.trim() };
}

export async function run_(log) {
  const rows = ['| command | exit | ms (best of 3) | refusal |', '|---|---:|---:|---|'];
  for (const argv of CASES) {
    let best = Infinity;
    let last;
    for (let i = 0; i < 3; i++) {
      last = await time(argv);
      best = Math.min(best, last.ms);
    }
    const shown = argv.map((a) => (a.length > 40 ? `${a.slice(0, 24)}… (${a.length} chars)` : a)).join(' ');
    log(`${shown}: ${best.toFixed(0)} ms`);
    rows.push(`| \`${shown}\` | ${last.code} | ${best.toFixed(0)} | ${last.err.slice(0, 90).replace(/\|/g, '\\|')}${last.err.length > 90 ? '…' : ''} |`);
  }
  // the door's cost: one million exact additions through the public API and around it
  const a = Q(1, 3);
  const b = Q(2, 7);
  const per = (f) => {
    const t = performance.now();
    for (let i = 0; i < 1_000_000; i++) f(a, b);
    return (performance.now() - t) / 1e3; // µs per call
  };
  per(rawQadd);
  per(guardedQadd);
  const raw = per(rawQadd);
  const guarded = per(guardedQadd);
  log(`qadd: ${raw.toFixed(3)} µs raw, ${guarded.toFixed(3)} µs checked`);
  return [
    ...rows,
    '',
    `Argument checks at the door: \`qadd(1/3, 2/7)\` takes ${raw.toFixed(3)} µs inside the library and ${guarded.toFixed(3)} µs through the public API`,
    '(both arguments checked as reduced rationals); code inside the library calls the unchecked functions.',
  ].join('\n');
}

export { run_ as run };
