// The Hessian forward-over-reverse, side by side with the gradient it starts from. For each
// network the loss is summed over 5 exact data points; then
//  - the gradient: one reverse sweep, `grad(loss, params)`;
//  - the Hessian: that gradient, then one forward sweep per parameter over its shared DAG
//    (`symbolicHessian`), giving the P(P+1)/2 entries i ≤ j.
// Reported: distinct DAG nodes of loss + gradient (G) and of loss + gradient + Hessian (H), the
// ratio H/G, and (H − G)/(P·G), the Hessian's added nodes per parameter per gradient node —
// forward-over-reverse promises this stays below a small constant (growth like P times the
// gradient's, never worse); times of each step, and the work estimate P·G that
// `closedform hessian` budgets (MAX_HESSIAN_WORK). A few entries are evaluated at a random point
// against central differences of the compiled gradient, so the numbers are of a correct Hessian.
import {
  Q,
  buildNetwork,
  compileMany,
  dagSize,
  datasetLoss,
  grad,
  parseSpec,
  symbolicHessian,
  upperEntries,
} from '../dist/index.js';

export const title = 'Symbolic Hessian: forward-over-reverse against the gradient';

const NETWORKS = ['1-1-1:identity:nobias', '1-2-1:quadratic', '2-3-1', '4-8-1', '3-5-5-1:tanh,identity', '8-16-1'];

function dataFor(net) {
  const n = 5;
  return {
    inputs: Array.from({ length: n }, (_, p) => net.inputs.map((_, j) => Q(p + 2 * j + 1, 3))),
    targets: Array.from({ length: n }, (_, p) => net.targets.map((_, k) => Q(p - k, 2))),
  };
}

/** max relative difference of a few entries against central differences of the compiled gradient */
function checkEntries(net, gradient, H) {
  const P = net.params.length;
  const theta = net.params.map((_, i) => 0.3 * Math.sin(7 * i + 1));
  const g = compileMany(gradient, [...net.params]);
  const hFn = compileMany(upperEntries(H), [...net.params]);
  const hv = hFn(theta);
  let worst = 0;
  let k = 0;
  for (let i = 0; i < P; i++)
    for (let j = i; j < P; j++, k++) {
      if ((i * 31 + j * 17) % Math.max(1, Math.floor(P / 3)) !== 0) continue;
      const h = 1e-5;
      const up = [...theta];
      const down = [...theta];
      up[j] += h;
      down[j] -= h;
      const fd = (g(up)[i] - g(down)[i]) / (2 * h);
      worst = Math.max(worst, Math.abs(fd - hv[k]) / Math.max(1, Math.abs(hv[k])));
    }
  return worst;
}

export async function run(log) {
  const rows = [
    '| network | P | entries P(P+1)/2 | loss DAG | + gradient G | + Hessian H | H/G | (H−G)/(P·G) | gradient ms | Hessian ms | Hessian/gradient time | work P·G | max rel. error vs FD |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const s of NETWORKS) {
    const net = buildNetwork(parseSpec(s));
    const L = datasetLoss(net, dataFor(net));
    const P = net.params.length;
    let t = performance.now();
    const gm = grad(L, net.params);
    const tg = performance.now() - t;
    t = performance.now();
    const H = symbolicHessian(L, net.params);
    const th = performance.now() - t;
    const gradient = net.params.map((p) => gm.get(p));
    const F = dagSize(L);
    const G = dagSize(L, ...gradient);
    const Hn = dagSize(L, ...gradient, ...upperEntries(H));
    const err = checkEntries(net, gradient, H);
    log(`${s}: P ${P}, G ${G}, H ${Hn}, ${th.toFixed(0)} ms`);
    rows.push(
      `| ${s} | ${P} | ${(P * (P + 1)) / 2} | ${F} | ${G} | ${Hn} | ${(Hn / G).toFixed(2)} | ${((Hn - G) / (P * G)).toFixed(3)} | ${tg.toFixed(1)} | ${th.toFixed(0)} | ${(th / tg).toFixed(0)}× | ${(P * G).toLocaleString('en-US')} | ${err.toExponential(1)} |`,
    );
  }
  return `${rows.join('\n')}\n\nData: 5 exact points per network (inputs (p + 2j + 1)/3, targets (p − k)/2); default activations sigmoid,identity. The Hessian time includes its own gradient sweep.`;
}
