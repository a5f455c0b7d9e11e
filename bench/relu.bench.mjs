// Exact ReLU optima: time, pattern QPs solved and pruned for a table of small networks on
// seeded integer data, and how often plain gradient descent (numeric engine) reaches the exact
// optimum from random starts. `npm run bench -- relu`.
import { buildNetwork, descend, descentReached, parseSpec, qtoNumber, qtoString, readCsv, reluOptimum, reluOptimumDeep, reluOptimumOutputs, reluUpperBoundWide, seededRng } from '../dist/index.js';

export const title = 'Exact ReLU optima: pattern QPs, time, and gradient descent';

const cpu = (f) => {
  const t = process.cpuUsage();
  const r = f();
  const u = process.cpuUsage(t);
  return [r, (u.user + u.system) / 1000];
};

/** N points with integer inputs in [−4, 4] and targets in [−4, 4] from a seeded generator. */
function data(spec, N, seed) {
  const r = seededRng(seed);
  const n0 = spec.widths[0];
  const K = spec.widths.at(-1);
  const int = () => Math.floor(r() * 9) - 4;
  const head = [...Array.from({ length: n0 }, (_, j) => `x${j + 1}`), ...Array.from({ length: K }, (_, k) => `y${k + 1}`)].join(',');
  const rows = Array.from({ length: N }, () => [...Array.from({ length: n0 + K }, int)].join(','));
  return readCsv(`${head}\n${rows.join('\n')}\n`, spec);
}

/** n0-M-K-1 (K ≥ 2): the embedded bound and the floor as a table row's result. */
function wideAsResult(b) {
  if (b === undefined) return { kind: 'unsupported' };
  return b.optimal ? { kind: 'solved', loss: b.loss } : { kind: 'bounds', lower: b.floor, upper: b.loss, from: b.from };
}

export async function run(log) {
  const rows = [
    '| network | N | result | patterns per unit | QPs solved | pruned | CPU ms | GD runs reaching it (20 × 1000 steps) | GD best |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const [s, N] of [
    ['1-2-1:relu,identity', 8],
    ['1-3-1:relu,identity', 8],
    ['2-2-1:relu,identity', 8],
    ['2-3-1:relu,identity', 6],
    ['3-2-1:relu,identity:nobias', 7],
    ['2-2-1:leaky_relu,identity', 6],
    ['1-2-1-1:relu,relu,identity', 6],
    ['2-2-1-1:relu,relu,identity', 5],
    ['1-2-2:relu,identity', 5],
    ['1-2-2-1:relu,relu,identity', 5],
  ]) {
    log(s);
    const net = buildNetwork(parseSpec(s));
    const d = data(net.spec, N, 7);
    const solver = net.spec.widths.length === 4 ? reluOptimumDeep : net.spec.widths.at(-1) > 1 ? reluOptimumOutputs : reluOptimum;
    const wide = net.spec.widths.length === 4 && net.spec.widths[2] > 1;
    const [r, t] = wide ? cpu(() => wideAsResult(reluUpperBoundWide(net, d))) : cpu(() => solver(net, d));
    const gd = descend(net.spec, d, { seed: 3, starts: 20, steps: 1000 });
    const value = r.kind === 'solved' ? r.loss : r.kind === 'bounds' ? r.upper : undefined;
    const text = r.kind === 'solved' ? `optimum ${qtoString(r.loss)}` : r.kind === 'bounds' ? `bounds ${qtoString(r.lower)} … ${qtoString(r.upper)}${r.from !== undefined ? ` (upper from ${r.from})` : ''}` : r.kind;
    const reached = r.kind === 'solved' ? `${descentReached(gd.finalLosses, qtoNumber(r.loss))} / 20` : '—';
    rows.push(`| ${s} | ${N} | ${text} | ${r.onSetsPerUnit ?? '—'} | ${r.patternsTried ?? '—'} | ${r.patternsPruned ?? '—'} | ${t.toFixed(0)} | ${reached} | ${gd.best.toPrecision(6)}${value !== undefined && gd.best < qtoNumber(value) - 1e-9 ? ' (below the upper bound)' : ''} |`);
  }
  return `${rows.join('\n')}\n\nOne hidden layer with one output and two layers with a one-unit second layer are solved exactly (a convex QP per pattern after rescaling); several outputs get exact bounds, certified when they meet; a second layer of K ≥ 2 units gets the floor no function goes below and the best exact loss of the embedded n0-M-1-1 and n0-K-1 optima (an optimum only when they meet). "GD runs reaching it" counts the runs whose final loss is within 10⁻³ (relative, REACHED_TOLERANCE) of the exact optimum.`;
}
