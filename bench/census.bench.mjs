// The census engine against Singular, side by side in one run: the deep-linear and quadratic
// census systems (generic L2, one data point) and classic benchmark systems. Ours: the modular
// F4 engine in this process — counts (one prime learned, a second replayed: dimension and vdim)
// and the reduced basis over Q (lifted, checked on one more prime); median of 3 after a warm-up.
// Singular: its own `rtimer` around `std` (and `modStd` from modstd.lib, its modular std), median
// of 3, start-up excluded. Memory: this process's peak RSS growth during our runs.
import { spawnSync } from 'node:child_process';
import {
  buildNetwork,
  criticalPoints,
  isSingularAvailable,
  locateSingular,
  modularCounts,
  modularGroebner,
  modularGroebnerParallel,
  parseEquations,
  parseSpec,
  readCsv,
  singularStd,
  systemFromNodes,
} from '../dist/node/index.js';

export const title = 'The census engine (modular F4) against Singular';

/** Longest a single Singular run may take here. */
const SINGULAR_CAP = 120_000;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => (ms === Infinity ? `> ${SINGULAR_CAP / 1000} s` : Number.isNaN(ms) ? '—' : ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`);
function timeIt(f, reps = 3) {
  f();
  const ts = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    f();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

function census(spec, point) {
  const net = buildNetwork(parseSpec(spec));
  const n0 = net.spec.widths[0];
  const nL = net.spec.widths.at(-1);
  const head = [...Array.from({ length: n0 }, (_, i) => `x${i + 1}`), ...Array.from({ length: nL }, (_, i) => `y${i + 1}`)];
  const cp = criticalPoints(net, readCsv(`${head.join(',')}\n${point.join(',')}\n`, net.spec), { kind: 'generic', seed: 1 }, { millis: 1 });
  return { name: `${spec} census`, vars: net.params, polys: cp.system };
}
const text = (name, eqs, vars) => ({ name, vars, polys: systemFromNodes(parseEquations(eqs), vars) });
const range = (n) => Array.from({ length: n }, (_, i) => i);
function cyclic(n) {
  const v = range(n).map((i) => `x${i + 1}`);
  const eqs = range(n - 1).map((k) => range(n).map((i) => range(k + 1).map((j) => v[(i + j) % n]).join('*')).join(' + '));
  eqs.push(`${v.join('*')} - 1`);
  return text(`cyclic-${n}`, eqs.join('; '), v);
}
function katsura(n) {
  const v = range(n + 1).map((i) => `u${i}`);
  const u = (l) => (Math.abs(l) > n ? '0' : v[Math.abs(l)]);
  const eqs = [`${range(2 * n + 1).map((i) => u(i - n)).join(' + ')} - 1`];
  for (let m = 0; m < n; m++) eqs.push(`${range(2 * n + 1).map((i) => `${u(i - n)}*${u(m - (i - n))}`).join(' + ')} - ${v[m]}`);
  return text(`katsura-${n}`, eqs.join('; '), v);
}
function eco(n) {
  const v = range(n).map((i) => `x${i + 1}`);
  const eqs = [];
  for (let k = 1; k <= n - 1; k++) {
    const s = [v[k - 1], ...range(n - k - 1).map((i) => `${v[i]}*${v[i + k]}`)].join(' + ');
    eqs.push(`(${s})*${v[n - 1]} - ${k}`);
  }
  eqs.push(`${v.slice(0, n - 1).join(' + ')} + 1`);
  return text(`eco-${n}`, eqs.join('; '), v);
}
function noon(n) {
  const v = range(n).map((i) => `x${i + 1}`);
  const eqs = v.map((x, i) => `${x}*(${v.filter((_, j) => j !== i).map((y) => `${y}^2`).join(' + ')}) - 11/10*${x} + 1`);
  return text(`noon-${n}`, eqs.join('; '), v);
}

const SYSTEMS = [
  census('2-2-2:identity:nobias', [2, -3, 1, 4]),
  census('3-2-3:identity:nobias', [1, 2, -1, 3, -2, 1]),
  census('1-2-2-1:identity:nobias', [2, -3]),
  census('2-2-2-2:identity:nobias', [2, -3, 1, 4]),
  census('1-3-3-1:identity:nobias', [2, -3]),
  census('1-2-1:quadratic,identity:nobias', [2, -3]),
  census('2-2-1:quadratic,identity:nobias', [1, 2, -3]),
  cyclic(6),
  cyclic(7),
  katsura(6),
  katsura(7),
  katsura(8),
  eco(8),
  noon(5),
];

/** Singular's modStd (modstd.lib), timed by its own rtimer. */
function singularModStd(s) {
  const where = locateSingular();
  if (!where) return NaN;
  const ring = s.vars.map((_, i) => `v${i + 1}`).join(',');
  const at = new Map(s.vars.map((v, i) => [v, i + 1]));
  const gens = s.polys.map((p) => p.terms.map((t) => `${t.coeff.n}/${t.coeff.d}${t.exps.map((e, i) => (e ? `*v${at.get(p.vars[i])}^${e}` : '')).join('')}`).join('+') || '0');
  const script = `LIB "modstd.lib"; system("--ticks-per-sec",1000000); ring r = 0, (${ring}), dp; option(redSB); ideal i = ${gens.join(',\n')}; int t0 = rtimer; ideal g = modStd(i); int t1 = rtimer; print("@@TIME " + string(t1-t0)); quit;\n`;
  const r = spawnSync(where.path, ['-q', '--no-rc'], { input: script, encoding: 'utf8', timeout: SINGULAR_CAP, maxBuffer: 1 << 26 });
  const m = /@@TIME (\d+)/.exec(r.stdout ?? '');
  return m ? Number(m[1]) / 1000 : r.signal ? Infinity : NaN;
}

export async function run(log) {
  const haveSingular = isSingularAvailable();
  const rows = [];
  for (const s of SYSTEMS) {
    const rss0 = process.memoryUsage().rss;
    let c;
    const count = timeIt(() => (c = modularCounts(s.polys, s.vars)));
    let b;
    const basis = timeIt(() => (b = modularGroebner(s.polys, s.vars)), 1);
    const mem = (process.memoryUsage().rss - rss0) / 2 ** 20;
    // 2 workers replaying primes (worker start-up included: it is part of what a user waits for)
    const t2 = performance.now();
    await modularGroebnerParallel(s.polys, s.vars, 'grevlex', { workers: 2 });
    const basis2 = performance.now() - t2;
    let std = NaN;
    let vdim = '—';
    let ok = '—';
    let mod = NaN;
    if (haveSingular) {
      // One run first; three when it is quick. Past SINGULAR_CAP the time is reported as a bound.
      try {
        const first = singularStd(s.polys, s.vars, { timeoutMs: SINGULAR_CAP });
        const runs = first.micros < 5e6 ? [first, ...Array.from({ length: 2 }, () => singularStd(s.polys, s.vars, { timeoutMs: SINGULAR_CAP }))] : [first];
        std = median(runs.map((r) => r.micros / 1000));
        vdim = first.vdim;
        ok = vdim === c.vdim && first.basis.length === b.polys.length ? 'yes' : 'NO';
      } catch {
        std = Infinity;
        ok = 'Singular over its cap';
      }
      mod = singularModStd(s);
    }
    log(`${s.name}: counts ${fmt(count)}, basis over Q ${fmt(basis)} (2 workers ${fmt(basis2)}), Singular std ${fmt(std)}, modStd ${fmt(mod)}`);
    rows.push(
      `| ${s.name} | ${s.vars.length} | ${c.vdim} | ${b.polys.length} | ${b.primes.length}+${b.checkPrimes.length} | ${fmt(count)} | ${fmt(basis)} | ${fmt(basis2)} | ${fmt(std)} | ${fmt(mod)} | ${(count / std).toFixed(2)}× | ${(basis / std).toFixed(2)}× | ${ok} | ${mem.toFixed(0)} MB |`,
    );
  }
  return [
    'Ours in this thread (the browser path) and with 2 worker threads replaying the primes (one run,',
    'worker start-up included; this machine has 2 cores). Counts = dimension and vdim from one',
    'prime, checked on a second (probabilistic); basis = the reduced basis over Q, lifted and checked',
    'on one more prime. Ratios are ours / Singular `std` (over Q).',
    '',
    '| system | unknowns | vdim | basis size | primes (lift + check) | ours: counts | ours: basis over Q | ours: basis, 2 workers | Singular std | Singular modStd | counts / std | basis / std | vdim and basis size agree | memory |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
