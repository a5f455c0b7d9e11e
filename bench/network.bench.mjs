// Networks: building the formula, the gradient by one reverse sweep, and the backprop recursion
// closed by substitution, against differentiating parameter by parameter (forward `diff`).
// Shows the cheap-gradient principle on real networks and measures the budget MAX_PARAMETERS.
import { backpropEquations, buildNetwork, closeEquations, dagSize, diff, gradientEquations, MAX_PARAMETERS, parameterCount, parseSpec } from '../dist/index.js';

export const title = 'Networks: formula, gradient (reverse sweep), backprop recursion';

const SPECS = [
  '3-2-1:relu,identity:nobias',
  '3-2-3-4:arctan_sigmoid',
  '10-10-10-1:tanh,identity',
  '10-30-30-1:tanh,identity',
  '20-60-60-1:tanh,identity',
  '20-100-100-1:tanh,identity',
  '40-120-120-1:tanh,identity',
];
/** Per-parameter forward differentiation only where it finishes in reasonable time. */
const PER_PARAM_MAX = 1500;

const ms = (t0) => (performance.now() - t0).toFixed(0);

export async function run(log) {
  const rows = [
    '| network | parameters | forward DAG | forward + gradient DAG | ratio | build ms | grad ms | backprop closed ms | per-parameter `diff` ms (DAG) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const text of SPECS) {
    const spec = parseSpec(text);
    const P = parameterCount(spec);
    let t = performance.now();
    const net = buildNetwork(spec);
    const tb = ms(t);
    t = performance.now();
    const g = gradientEquations(net);
    const tg = ms(t);
    t = performance.now();
    closeEquations(backpropEquations(net));
    const tc = ms(t);
    const fwd = dagSize(net.loss);
    const both = dagSize(net.loss, ...g.values());
    let perParam = '—';
    if (P <= PER_PARAM_MAX) {
      t = performance.now();
      const ds = net.params.map((p) => diff(net.loss, p));
      perParam = `${ms(t)} (${dagSize(net.loss, ...ds)})`;
    }
    log(`${text}: P=${P} grad ${tg} ms`);
    rows.push(`| \`${text}\` | ${P} | ${fwd} | ${both} | ${(both / fwd).toFixed(2)} | ${tb} | ${tg} | ${tc} | ${perParam} |`);
  }
  return [
    `Budget: specs past MAX_PARAMETERS = ${MAX_PARAMETERS} are refused. The ratio column is the cheap-gradient`,
    'principle: all P partials from one reverse sweep cost a constant factor of the forward DAG, not P times.',
    '',
    ...rows,
  ].join('\n');
}
