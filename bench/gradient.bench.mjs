// The cheap-gradient principle, measured. For sigmoid networks (default activations
// sigmoid,identity) the gradient of the loss with respect to every parameter is taken
//  - by the core's reverse mode, `grad(loss, params)`: one adjoint sweep over the DAG;
//  - by mathjs `derivative`, once per parameter, on the same formula printed as text;
//  - by nerdamer-prime `diff`, once per parameter, on the same text with symbols renamed
//    through a table (nerdamer misreads names with two underscores).
// In the text routes sigmoid(u) is written 1/(1 + exp(-u)), which both systems know. mathjs runs
// with { simplify: false } (its default simplification is far slower: the most favourable
// setting for it). Parsing the text is timed apart and not counted in the per-parameter total.
// Each text route runs in a worker thread and stops once its differentiation time passes a cap
// (BENCH_CAP_S, default 20 s); "over cap" reports how many parameters it finished, and the
// speed-up is then a lower bound (time spent so far / reverse sweep). A few derivatives of each route are
// evaluated at a random point and compared with the compiled reverse-mode gradient, so the
// routes are known to compute the same thing.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import os from 'node:os';
import { all, create } from 'mathjs';
import nerdamer from 'nerdamer-prime';
import {
  add,
  buildNetwork,
  children,
  compileMany,
  dagSize,
  div,
  exp,
  freeSymbols,
  grad,
  neg,
  num,
  parseSpec,
  rebuild,
  substitute,
  sym,
  toText,
  topoOrder,
  treeSize,
} from '../dist/index.js';

export const title = 'Symbolic gradient: one reverse sweep against per-parameter differentiation';

const NETWORKS = ['2-3-1', '4-8-1', '4-8-8-1', '8-16-16-1'];
/** mathjs with { simplify: false }, mathjs with its default simplification, nerdamer-prime. */
const ROUTES = ['mathjs', 'mathjs-simplify', 'nerdamer'];
const CAP_MS = 1000 * Number(process.env.BENCH_CAP_S ?? 20);
/** Derivatives per text route evaluated at the random point to confirm agreement. */
const VERIFY = 2;
/** Cold sweeps (fresh intern table, each in its own worker): the fastest of this many. */
const COLD_RUNS = 3;
/** Warm sweeps (nodes already interned) are repeated for at least this long; the fastest counts. */
const WARM_MS = 250;
/** Passes over all parameters for a text route that finishes well within the cap; the fastest counts. */
const REPEATS = 3;
/** A text route still inside one call this long after its cap is killed. */
const KILL_AFTER_MS = CAP_MS + Math.max(10_000, CAP_MS);

if (!isMainThread) await (workerData.route === 'cold' ? coldSweep(workerData) : textRoute(workerData));

/**
 * Worker: one reverse sweep on a fresh intern table (a new module instance per worker), after
 * warming the JIT on other networks (tanh, half loss, other widths: they share with the measured
 * network only a few first-layer products w·x); reports its time.
 */
async function coldSweep({ spec }) {
  warmUp();
  const net = buildNetwork(parseSpec(spec));
  const t = performance.now();
  grad(net.loss, net.params);
  parentPort.postMessage(performance.now() - t);
}

/** JIT warm-up of the constructors and the sweep on networks unrelated to the measured ones. */
function warmUp() {
  for (const w of ['5-7-6-2', '3-9-4-1', '6-5-7-3']) {
    const n = buildNetwork(parseSpec(`${w}:tanh,identity:half`));
    grad(n.loss, n.params);
  }
}

/** The fastest of COLD_RUNS cold sweeps, each in its own worker. */
async function coldTime(spec) {
  const times = [];
  for (let i = 0; i < COLD_RUNS; i++)
    times.push(
      await new Promise((resolve, reject) => {
        const w = new Worker(new URL(import.meta.url), { workerData: { route: 'cold', spec } });
        w.once('message', (ms) => {
          resolve(ms);
          void w.terminate();
        });
        w.once('error', reject);
      }),
    );
  return Math.min(...times);
}

/**
 * Worker: parse `text`, then differentiate with respect to each of `vars` in order until the
 * differentiation time passes the cap, reporting progress after each parameter; afterwards (not
 * timed) evaluate the first derivatives at `point` for the agreement column.
 */
async function textRoute({ route, text, vars, point, capMs }) {
  const post = (m) => parentPort.postMessage(m);
  let diffOne;
  let valueOf;
  let t;
  if (route !== 'nerdamer') {
    const math = create(all, {});
    math.parse('x^2 + 1'); // warm the parser before timing
    t = performance.now();
    const node = math.parse(text);
    post({ type: 'parsed', ms: performance.now() - t });
    const options = { simplify: route === 'mathjs-simplify' };
    diffOne = (v) => math.derivative(node, v, options);
    valueOf = (d) => d.evaluate(point);
  } else {
    // nerdamer aborts any one operation after Settings.TIMEOUT (800 ms by default); one diff of
    // 4-8-8-1 takes seconds, so lift it far past the cap and let the cap decide.
    nerdamer.set('TIMEOUT', 100 * capMs);
    nerdamer('x^2 + 1');
    t = performance.now();
    const e = nerdamer(text);
    post({ type: 'parsed', ms: performance.now() - t });
    const subs = Object.fromEntries(Object.entries(point).map(([k, v]) => [k, v.toString()]));
    diffOne = (v) => nerdamer.diff(e, v);
    valueOf = (d) => Number(d.evaluate(subs).text('decimals'));
  }
  let total = 0;
  let done = 0;
  const kept = [];
  for (let k = 0; k < vars.length && total <= capMs; k++, done++) {
    t = performance.now();
    const d = diffOne(vars[k]);
    total += performance.now() - t;
    if (k < VERIFY) kept.push(d);
    post({ type: 'param', k, total });
  }
  // A route that finished quickly is timed again (up to REPEATS passes in all, within the cap),
  // and the fastest pass is reported: on a shared machine the minimum is the least disturbed.
  let best = total;
  let spent = total;
  for (let pass = 1; pass < REPEATS && done === vars.length && spent + best <= capMs; pass++) {
    let again = 0;
    for (const v of vars) {
      t = performance.now();
      diffOne(v);
      again += performance.now() - t;
    }
    spent += again;
    best = Math.min(best, again);
  }
  if (best < total) post({ type: 'param', k: vars.length - 1, total: best });
  post({ type: 'timed' });
  for (const d of kept) post({ type: 'value', value: valueOf(d) });
  post({ type: 'done' });
}

/**
 * Run one text route in a worker. The worker stops itself once its differentiation time passes
 * the cap; a single call that does not return is killed at KILL_AFTER_MS, and the time it had
 * spent in that call counts towards the lower bound.
 */
function timeRoute(route, text, vars, point) {
  return new Promise((resolve) => {
    const state = { route, parseMs: undefined, done: 0, total: 0, values: [], killed: false };
    const w = new Worker(new URL(import.meta.url), { workerData: { route, text, vars, point, capMs: CAP_MS } });
    let last = performance.now();
    let timing = true;
    const timer = setTimeout(() => {
      state.killed = true;
      if (timing && state.parseMs !== undefined) state.total += performance.now() - last; // the call in flight
      void w.terminate();
    }, KILL_AFTER_MS);
    w.on('message', (m) => {
      if (m.type === 'parsed') state.parseMs = m.ms;
      else if (m.type === 'param') {
        state.done = m.k + 1;
        state.total = m.total;
      } else if (m.type === 'timed') timing = false;
      else if (m.type === 'value') state.values.push(m.value);
      else if (m.type === 'done') void w.terminate();
      last = performance.now();
    });
    w.on('error', (e) => {
      state.error = String(e?.message ?? e).split('\n')[0];
    });
    w.on('exit', () => {
      clearTimeout(timer);
      resolve(state);
    });
  });
}

/** sigmoid(u) → 1/(1 + exp(−u)), one memoised visit over the DAG. */
function unsigmoid(e) {
  const memo = new Map();
  for (const n of topoOrder(e)) {
    const args = children(n).map((c) => memo.get(c));
    let m = args.length > 0 ? rebuild(n, args) : n;
    if (m.kind === 'fn' && m.name === 'sigmoid') m = div(num(1), add(num(1), exp(neg(m.arg))));
    memo.set(n, m);
  }
  return memo.get(e);
}

/** A small seeded generator (mulberry32) for the verification point. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ms = (x) => (x < 1 ? `${x.toFixed(3)} ms` : x < 1000 ? `${x.toFixed(1)} ms` : `${(x / 1000).toFixed(2)} s`);
const relErr = (a, b) => Math.abs(a - b) / Math.max(1, Math.abs(b));

function describeRoute(r, P, gradMs) {
  if (r.error !== undefined) return { cell: `error after ${r.done}/${P} params: ${r.error}`, ratio: '—', bound: undefined };
  if (r.parseMs === undefined) {
    // Killed while parsing: no derivative at all; only the parse itself is known to exceed the kill time.
    const s = KILL_AFTER_MS / 1000;
    return { cell: `parsing the text alone took over ${s} s (killed)`, ratio: `≥ ${Math.floor(KILL_AFTER_MS / gradMs)}× (parse)`, bound: KILL_AFTER_MS / gradMs };
  }
  const parse = `parse ${ms(r.parseMs)}`;
  if (r.done < P) {
    // Not finished: the full per-parameter time is more than the time spent so far, so the
    // speed-up is at least (time so far)/t.
    const bound = r.total / gradMs;
    return { cell: `over cap (${r.done}/${P} params in ${ms(r.total)}${r.killed ? ', killed in a call' : ''}; ${parse})`, ratio: `≥ ${Math.floor(bound)}×`, bound };
  }
  return { cell: `${ms(r.total)} (${parse})`, ratio: `${Math.round(r.total / gradMs)}×`, bound: r.total / gradMs };
}

export async function run(log) {
  const load = () => os.loadavg()[0].toFixed(1);
  const loadBefore = load();
  warmUp();
  const rows = [];
  const checks = [];
  for (const spec of NETWORKS) {
    const net = buildNetwork(parseSpec(spec));
    const P = net.params.length;
    const cold = await coldTime(spec);
    const g = grad(net.loss, net.params);
    let runs = 0;
    let warm = Infinity;
    const t0 = performance.now();
    while (runs < 5 || performance.now() - t0 < WARM_MS) {
      const t1 = performance.now();
      grad(net.loss, net.params);
      warm = Math.min(warm, performance.now() - t1);
      runs++;
    }
    const forwardDag = dagSize(net.loss);
    const gradientDag = dagSize(net.loss, ...g.values());
    const ratio = gradientDag / forwardDag;

    // The same formula for the text routes; nerdamer gets every symbol renamed through a table.
    const plain = unsigmoid(net.loss);
    const symbols = freeSymbols(plain);
    const rename = new Map(symbols.map((s, i) => [s, `v${i}`]));
    const r = rng(17);
    const point = Object.fromEntries(symbols.map((s) => [s, 2 * r() - 1]));
    const reverse = compileMany(net.params.map((p) => g.get(p)), symbols)(symbols.map((s) => point[s]));
    const mathjsText = toText(plain);
    const nerdText = toText(substitute(plain, new Map([...rename].map(([a, b]) => [a, sym(b)]))));
    const nerdPoint = Object.fromEntries(symbols.map((s) => [rename.get(s), point[s]]));
    log(`${spec}: P = ${P}, forward DAG ${forwardDag}, gradient DAG ${gradientDag} (×${ratio.toFixed(2)}), grad ${ms(cold)}; text ${mathjsText.length} chars, tree ${treeSize(plain)} nodes`);
    const sweep = Math.max(cold, warm); // the slower of the two: speed-ups are not flattered by noise
    const results = [];
    for (const route of ROUTES) {
      const nerd = route === 'nerdamer';
      const r = await timeRoute(route, nerd ? nerdText : mathjsText, nerd ? net.params.map((p) => rename.get(p)) : net.params, nerd ? nerdPoint : point);
      log(`  ${route}: ${r.done}/${P} params, ${ms(r.total)}${r.done < P ? ' (over cap)' : ''}${r.error ? ` error ${r.error}` : ''}`);
      results.push({ route, r, ...describeRoute(r, P, sweep) });
    }
    const agree = results.flatMap(({ r }) => r.values.map((v, k) => relErr(v, reverse[k])));
    rows.push(
      `| \`${spec}\` | ${P} | ${forwardDag} | ${gradientDag} | ${ratio.toFixed(2)} | ${ms(cold)} / ${ms(warm)} | ${results.map((x) => `${x.cell} | ${x.ratio}`).join(' | ')} | ${agree.length ? Math.max(...agree).toExponential(1) : '—'} |`,
    );
    checks.push({ spec, ratio, results });
  }
  const ratioOk = checks.every((c) => c.ratio <= 4);
  const target = checks.find((c) => c.spec === '4-8-8-1');
  // The issue's routes are mathjs.derivative as it is called by default (it simplifies) and
  // nerdamer's diff. The unsimplified mathjs route is reported beside them, not hidden: it builds
  // trees with no folding at all (0·x stays), so it is cheap per call, and our lead over it grows
  // with the network (P derivatives of a formula against one sweep).
  const named = (x) => x.route !== 'mathjs';
  const speedOk = target !== undefined && target.results.filter(named).every((x) => x.bound !== undefined && x.bound >= 100);
  const extra = target?.results.find((x) => !named(x));
  return [
    `Gradient of the loss (default activations sigmoid,identity, loss Σ(f−y)²) with respect to all P parameters.`,
    `"grad" is the core's reverse sweep, cold (fastest of ${COLD_RUNS} sweeps, each in a fresh worker with an empty intern table) / warm (fastest of repeats over ≥ ${WARM_MS} ms, nodes already interned).`,
    `Every time is the fastest of its repeats (text routes that finish early are run up to ${REPEATS} times): on a shared machine the minimum is the least disturbed measurement, for both sides alike.`,
    `Speed-ups divide the text route's per-parameter total by the slower of cold and warm. mathjs \`derivative\` runs twice: with \`{ simplify: false }\` and with its default simplification;`,
    `text parsing is timed apart (in parentheses). Each text route stops once its differentiation time passes ${CAP_MS / 1000} s; past it the speed-up is a lower bound (time spent / sweep).`,
    `"agree" is the largest relative difference between the first ${VERIFY} derivatives of each text route and the compiled reverse-mode gradient at a random point.`,
    '',
    '| network | P | forward DAG | gradient DAG | ratio | grad cold / warm | mathjs.derivative (no simplify), all P | speed-up | mathjs.derivative (default simplify), all P | speed-up | nerdamer diff, all P | speed-up | agree |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Machine load (1-min average) ${loadBefore} before, ${load()} after: timings on a loaded machine are noisy.`,
    '',
    `Targets: gradient DAG / forward DAG ≤ 4 at every size — ${ratioOk ? 'met' : 'MISSED'} (max ${Math.max(...checks.map((c) => c.ratio)).toFixed(2)});`,
    `at \`4-8-8-1\` at least 100× faster than each per-parameter route (mathjs.derivative with its default simplification, nerdamer diff) — ${speedOk ? 'met' : 'MISSED'}` +
      (target ? ` (${target.results.filter(named).map((x) => `${x.route} ${x.ratio}`).join(', ')}).` : '.'),
    extra
      ? `Beside the target: mathjs.derivative with \`{ simplify: false }\` (no folding, not even 0·x) is ${extra.ratio} slower at \`4-8-8-1\` — under 100×; the lead grows with P (see \`8-16-16-1\`).`
      : '',
  ].join('\n');
}
