// The census engine's benchmark systems, shared by census.bench.mjs and its one-system child
// (census-child.mjs, which builds only its own): the deep-linear and quadratic census systems (generic L2, one data point)
// and classic systems (cyclic, katsura, eco, noon).
import { buildNetwork, criticalPoints, parseEquations, parseSpec, readCsv, systemFromNodes } from '../dist/node/index.js';

function census(spec, point) {
  const net = buildNetwork(parseSpec(spec));
  const n0 = net.spec.widths[0];
  const nL = net.spec.widths.at(-1);
  const head = [...Array.from({ length: n0 }, (_, i) => `x${i + 1}`), ...Array.from({ length: nL }, (_, i) => `y${i + 1}`)];
  const cp = criticalPoints(net, readCsv(`${head.join(',')}\n${point.join(',')}\n`, net.spec), { kind: 'generic', seed: 1 }, { millis: 1 });
  return { name: `${spec} census`, kind: 'census', vars: net.params, polys: cp.system };
}
const text = (name, eqs, vars) => ({ name, kind: 'classic', vars, polys: systemFromNodes(parseEquations(eqs), vars) });
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

/** The systems, each built on demand (a child process builds only its own). */
export const MAKERS = [
  () => census('2-2-2:identity:nobias', [2, -3, 1, 4]),
  () => census('3-2-3:identity:nobias', [1, 2, -1, 3, -2, 1]),
  () => census('1-2-2-1:identity:nobias', [2, -3]),
  () => census('2-2-2-2:identity:nobias', [2, -3, 1, 4]),
  () => census('1-3-3-1:identity:nobias', [2, -3]),
  () => census('1-2-1:quadratic,identity:nobias', [2, -3]),
  () => census('2-2-1:quadratic,identity:nobias', [1, 2, -3]),
  () => cyclic(6),
  () => cyclic(7),
  () => katsura(6),
  () => katsura(7),
  () => katsura(8),
  () => eco(8),
  () => noon(5),
];

/** Every system, built. */
export const buildSystems = () => MAKERS.map((make) => make());

