// The census engine against Singular, side by side in one run, on the systems of
// census-systems.mjs. Per system, in this order:
// - ours in this process (the browser path): counts (one prime learned, a second replayed:
//   dimension and vdim) and the reduced basis over Q (lifted, checked on one more prime). Each is
//   warmed up on the system first (≥ 5 runs and ≥ 0.5 s, so the JIT has compiled the hot loops
//   for this system's sizes); the basis is then timed in three rounds of about a second (at most
//   200 runs a round) alternating with Singular's std, so that both see the same machine load,
//   and the medians of all runs are compared; counts: the median of a second of runs;
// - ours with 2 worker threads replaying primes: started by the call (median of 3, 1 past a
//   second: worker start-up and the workers' cold JIT are part of the figure), and those of a
//   pool kept for the whole run (primePool), warmed up and timed like the in-process runs;
// - ours in a fresh process (census-child.mjs): the first run with a cold JIT, which is what one
//   `closedform solve` waits for, and the process's peak RSS;
// - Singular `std` (those rounds) and `modStd` (modstd.lib, one process, ~3 s of runs), timed by
//   Singular's own `rtimer` inside its process (the first run of a process is dropped as a
//   warm-up when there are more), so its start-up is not counted; its peak RSS from /usr/bin/time
//   over a process that runs `std` once;
// - agreement: our basis over Q equal to Singular's reduced basis, term by term.
// The machine's load average is sampled before each row: other processes may share the cores.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSingularAvailable, locateSingular, modularCounts, modularGroebner, modularGroebnerParallel, primePool, singularStd } from '../dist/node/index.js';
import { buildSystems } from './census-systems.mjs';

export const title = 'The census engine (modular F4) against Singular';

const here = dirname(fileURLToPath(import.meta.url));
/** Longest a single Singular run may take here. */
const SINGULAR_CAP = 120_000;
/** Targets of issue 10: basis over Q / Singular std. */
const TARGET = { census: 1, classic: 2 };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => (ms === Infinity ? `> ${SINGULAR_CAP / 1000} s` : Number.isNaN(ms) ? '—' : ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`);
const ratio = (a, b) => (b === Infinity && Number.isFinite(a) ? `< ${(a / SINGULAR_CAP).toFixed(2)}×` : Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '—');

/** Warm-up on the system: ≥ 5 runs and ≥ 0.5 s (one run for a long system: enough for the JIT). */
function warm(f) {
  const w0 = performance.now();
  for (let n = 0; n < 50 && (n < 5 || performance.now() - w0 < 500); n++) {
    const t = performance.now();
    f();
    if (performance.now() - t > 1000) break;
  }
}

/** One batch of timed runs (ms each): for about `budget` ms, at most 200 runs, at least one. */
function batch(f, budget) {
  const ts = [];
  const r0 = performance.now();
  while (ts.length < 200 && (ts.length === 0 || performance.now() - r0 < budget)) {
    const t = performance.now();
    f();
    ts.push(performance.now() - t);
  }
  return ts;
}

/** Warm up, then the median of runs for about a second (at least 3). */
function timeWarm(f) {
  warm(f);
  const ts = batch(f, 1000);
  while (ts.length < 3) ts.push(...batch(f, 0));
  return median(ts);
}

/** 2 workers started by the call itself: median of 3 (1 past a second). */
async function timeWorkers(s) {
  const ts = [];
  while (ts.length < 3) {
    const t = performance.now();
    await modularGroebnerParallel(s.polys, s.vars, 'grevlex', { workers: 2 });
    ts.push(performance.now() - t);
    if (ts[0] > 1000) break;
  }
  return median(ts);
}

/** 2 workers of a pool kept for the whole run: warmed up on the system like the in-process runs, then median of 3–9. */
async function timePool(s, pool) {
  const w0 = performance.now();
  for (let n = 0; n < 50 && (n < 5 || performance.now() - w0 < 500); n++) {
    const t = performance.now();
    await modularGroebnerParallel(s.polys, s.vars, 'grevlex', { pool });
    if (performance.now() - t > 1000) break;
  }
  const ts = [];
  const r0 = performance.now();
  while (ts.length < 9 && (ts.length < 3 || performance.now() - r0 < 3000)) {
    const t = performance.now();
    await modularGroebnerParallel(s.polys, s.vars, 'grevlex', { pool });
    ts.push(performance.now() - t);
  }
  return median(ts);
}

/** The system as Singular text over v1…vn. */
function singularIdeal(s) {
  const at = new Map(s.vars.map((v, i) => [v, i + 1]));
  const gens = s.polys.map((p) => p.terms.map((t) => `${t.coeff.n}/${t.coeff.d}${t.exps.map((e, i) => (e ? `*v${at.get(p.vars[i])}^${e}` : '')).join('')}`).join('+') || '0');
  return `ring r = 0, (${s.vars.map((_, i) => `v${i + 1}`).join(',')}), dp; option(redSB); ideal i = ${gens.join(',\n')};`;
}

/**
 * Singular's own timer around `call` (std or modStd) over repeats in one process: median ms, or
 * Infinity past the cap. Repeats while under 3 s in all; the first run is dropped when there are more.
 */
function singularTimed(s, call, lib = '', budgetMs = 3000) {
  const ts = singularRuns(s, call, lib, budgetMs);
  return ts.length === 0 ? ts.failed : median(ts);
}

/**
 * One Singular process timing `call` repeatedly by its own rtimer for about `budgetMs` (at most
 * 200 runs; one when a run takes over a second); the first run is dropped as a warm-up when
 * there are more. Empty with `failed` = Infinity past the cap, NaN otherwise.
 */
function singularRuns(s, call, lib = '', budgetMs = 1000) {
  const where = locateSingular();
  if (!where) return Object.assign([], { failed: NaN });
  const budget = Math.round(budgetMs * 1000);
  const script = [
    lib,
    'system("--ticks-per-sec",1000000);',
    singularIdeal(s),
    'ideal g; int t0; int t1; int k = 0; int total = 0;',
    `while (k < 201 && (k < 2 || total < ${budget})) { t0 = rtimer; g = ${call}(i); t1 = rtimer; print("@@TIME " + string(t1-t0)); total = total + t1 - t0; k++; if (total > 1000000 && k == 1) { break; } }`,
    'quit;',
    '',
  ].join('\n');
  const r = spawnSync(where.path, ['-q', '--no-rc'], { input: script, encoding: 'utf8', timeout: SINGULAR_CAP, maxBuffer: 1 << 26 });
  const ts = [...(r.stdout ?? '').matchAll(/@@TIME (\d+)/g)].map((m) => Number(m[1]) / 1000);
  // (a timeout shows as ETIMEDOUT or a signal)
  if (ts.length === 0) return Object.assign([], { failed: r.signal || r.error ? Infinity : NaN });
  return ts.length > 1 ? ts.slice(1) : ts;
}

/**
 * Ours (the basis over Q, warmed up) and Singular's std timed in alternation: three rounds of
 * about a second each, so that both see the same load; the medians of all runs.
 */
function sideBySide(s, f) {
  warm(f);
  const ours = [];
  const std = [];
  for (let round = 0; round < 3; round++) {
    ours.push(...batch(f, 1000));
    if (!isSingularAvailable()) continue;
    const ts = singularRuns(s, 'std', '', 1000);
    if (ts.length === 0) return { ours: median(ours), std: ts.failed };
    std.push(...ts);
  }
  return { ours: median(ours), std: std.length > 0 ? median(std) : NaN };
}

/** Peak RSS (MB) of a Singular process that runs `std` once, from /usr/bin/time. */
function singularPeakRss(s, withStd = true) {
  const where = locateSingular();
  if (!where || !existsSync('/usr/bin/time')) return NaN;
  const script = `${singularIdeal(s)}\n${withStd ? 'ideal g = std(i);' : ''}\nquit;\n`;
  const r = spawnSync('/usr/bin/time', ['-f', '@@RSS %M', where.path, '-q', '--no-rc'], { input: script, encoding: 'utf8', timeout: SINGULAR_CAP });
  const m = /@@RSS (\d+)/.exec(r.stderr ?? '');
  return m ? Number(m[1]) / 1024 : NaN;
}

/** Our first run in a fresh process: cold time and peak RSS. */
function child(index) {
  const r = spawnSync(process.execPath, [join(here, 'census-child.mjs'), String(index)], { encoding: 'utf8', timeout: 600_000 });
  try {
    return JSON.parse(r.stdout);
  } catch {
    return { coldMs: NaN, peakRssMB: NaN, rssBeforeMB: NaN };
  }
}

/** A basis as a set of canonical term lists, to compare ours with Singular's exactly. */
const canon = (polys) => new Set(polys.map((p) => p.terms.map((t) => `${t.exps.join(',')}:${t.coeff.n}/${t.coeff.d}`).sort().join(' ')));
const sameBasis = (a, b) => {
  const A = canon(a);
  const B = canon(b);
  return A.size === B.size && [...A].every((x) => B.has(x));
};

export async function run(log) {
  const SYSTEMS = buildSystems();
  const pool = primePool(2);
  const haveSingular = isSingularAvailable();
  const rows = [];
  const loads = [];
  let nodeBase = NaN;
  for (const [index, s] of SYSTEMS.entries()) {
    const load = os.loadavg()[0];
    loads.push(load);
    let c;
    const count = timeWarm(() => (c = modularCounts(s.polys, s.vars)));
    let b;
    const side = sideBySide(s, () => (b = modularGroebner(s.polys, s.vars)));
    const basis = side.ours;
    const basis2 = await timeWorkers(s);
    const basisPool = await timePool(s, pool);
    const cold = child(index);
    nodeBase = cold.rssBeforeMB;
    let std = NaN;
    let mod = NaN;
    let rss = NaN;
    let ok = '—';
    if (haveSingular) {
      std = side.std;
      if (Number.isFinite(std)) {
        const ref = singularStd(s.polys, s.vars, { timeoutMs: SINGULAR_CAP });
        ok = ref.vdim === c.vdim && sameBasis(b.polys, ref.basis) ? 'yes' : 'NO';
        rss = singularPeakRss(s);
      } else ok = 'Singular over its cap';
      mod = singularTimed(s, 'modStd', 'LIB "modstd.lib";');
    }
    const r = basis / std;
    const met = Number.isFinite(r) ? (r <= TARGET[s.kind] ? 'yes' : 'no') : std === Infinity ? 'yes' : '—';
    log(`${s.name}: counts ${fmt(count)}, basis ${fmt(basis)} (2 workers ${fmt(basis2)}, kept pool ${fmt(basisPool)}, cold ${fmt(cold.coldMs)}), std ${fmt(std)}, modStd ${fmt(mod)}, load ${load.toFixed(2)}`);
    rows.push(
      `| ${s.name} | ${s.kind} | ${s.vars.length} | ${c.vdim} | ${b.polys.length} | ${b.primes.length}+${b.checkPrimes.length} | ${fmt(count)} | ${fmt(basis)} | ${fmt(basis2)} | ${fmt(basisPool)} | ${fmt(cold.coldMs)} | ${fmt(std)} | ${fmt(mod)} | ${ratio(count, std)} | **${ratio(basis, std)}** | ≤ ${TARGET[s.kind]}×: ${met} | ${ok} | ${cold.peakRssMB.toFixed(0)} MB | ${Number.isFinite(rss) ? `${rss.toFixed(0)} MB` : '—'} | ${load.toFixed(2)} |`,
    );
  }
  await pool.close();
  const singularBase = haveSingular ? singularPeakRss(SYSTEMS[0], false) : NaN;
  return [
    `Ours: counts (dimension and vdim from one prime, checked on a second replaying its trace) and the reduced basis over Q (lifted,`,
    `checked on one more prime: probabilistic), in this process after a warm-up on the system: counts the median of a second of runs,`,
    `the basis the median of three rounds of about a second each (≤ 200 runs a round) alternating with rounds of Singular's \`std\`;`,
    `with 2 worker threads started by the call (median of 3, their start-up and cold JIT included) and with the 2 workers of a`,
    `pool kept for the whole run (\`primePool\`; warmed up on the system, median of 3–9: what a census of many systems pays); the`,
    `first run in a fresh process (cold JIT: what one \`closedform solve\` waits for). Singular: \`std\` (in those rounds) and \`modStd\``,
    `(one process, ~3 s of runs) timed by its own \`rtimer\` (each process's first run dropped as a warm-up), start-up excluded.`,
    `Ratios are ours / Singular \`std\`, measured side by side in this run; the target of issue 10 is ≤ 1× on the census`,
    `systems and ≤ 2× on the classic ones. "Agree": vdim equal and our basis over Q equal to Singular's reduced basis term by term.`,
    `Peak RSS: of a fresh process computing the basis once (ours: node with the library loaded, ${nodeBase.toFixed(0)} MB before`,
    `computing; Singular: ${singularBase.toFixed(0)} MB for the ring and ideal alone). Load: the 1-minute load average before the row`,
    `(${os.cpus().length} cores; other processes may share them — load ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)} in this run).`,
    '',
    '| system | kind | unknowns | vdim | basis size | primes (lift + check) | ours: counts | ours: basis over Q | ours: basis, 2 workers | ours: basis, 2 workers of a kept pool | ours: basis, cold process | Singular std | Singular modStd | counts / std | basis / std | target | agree | peak RSS ours | peak RSS Singular | load |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
