// Scaling of the expression core on large inputs: parsing long sums, printing deep formulas
// (text and LaTeX), and differentiating a deep chain, forward and reverse. Each size doubles
// the last; the ratio column is time(n)/time(n/2), ≈ 2 for linear work and ≈ 4 for quadratic.
// Times are the best of several runs in this process (the machine is shared); interning makes
// later runs cheaper, so each run builds fresh names (a new symbol prefix) where that matters.
import { dagSize, diff, fn, grad, parse, sym, toLatex, toText, add, mul, freeSymbols } from '../dist/index.js';

export const title = 'Expression core: parsing, printing and differentiating at scale';

const RUNS = 5;

function best(f) {
  let t = Infinity;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    f(r);
    t = Math.min(t, performance.now() - t0);
  }
  return t;
}

function table(rows, head) {
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  let prev;
  for (const [n, ms, extra] of rows) {
    lines.push(`| ${n.toLocaleString('en')} | ${ms.toFixed(1)} | ${prev ? (ms / prev).toFixed(2) : '–'} |${extra !== undefined ? ` ${extra} |` : ''}`);
    prev = ms;
  }
  return lines.join('\n');
}

let fresh = 0;
/** σ(tanh(σ(… x …))) with `depth` functions over a fresh symbol. */
function chain(depth) {
  let e = sym(`c${fresh++}`);
  for (let i = 0; i < depth; i++) e = fn(i % 2 ? 'tanh' : 'sigmoid', e);
  return e;
}

/** eₗ = σ(wₗ·eₗ₋₁ + bₗ): a width-1 network with 2·depth parameters. */
function layers(depth) {
  const p = `n${fresh++}_`;
  let a = sym(`${p}x`);
  for (let l = 1; l <= depth; l++) a = fn('sigmoid', add(mul(sym(`${p}w${l}`), a), sym(`${p}b${l}`)));
  return a;
}

export async function run(log) {
  const out = [];
  const sums = [];
  for (const n of [2500, 5000, 10000, 20000]) {
    const texts = Array.from({ length: RUNS }, (_, r) => Array.from({ length: n }, (_, i) => `s${fresh + r}_${i}`).join(' + '));
    fresh += RUNS;
    const ms = best((r) => parse(texts[r]));
    log(`parse sum of ${n}: ${ms.toFixed(1)} ms`);
    sums.push([n, ms]);
  }
  out.push('Parsing a sum of n distinct terms `s_1 + s_2 + … + s_n` (terms are collected and combined once):\n');
  out.push(table(sums, ['terms n', 'ms', 'ratio']));

  const prints = [];
  for (const d of [2500, 5000, 10000, 20000]) {
    const e = chain(d);
    const text = best(() => toText(e));
    const latex = best(() => toLatex(e));
    log(`print depth ${d}: text ${text.toFixed(1)} ms, LaTeX ${latex.toFixed(1)} ms`);
    prints.push([d, latex, `${text.toFixed(1)}`]);
  }
  out.push('\nPrinting σ(tanh(σ(…x…))) of depth d (printers visit in topological order; no stack recursion):\n');
  out.push(table(prints, ['depth d', 'LaTeX ms', 'ratio', 'text ms']));

  const grads = [];
  for (const d of [25, 50, 100, 200]) {
    const e = layers(d);
    const ps = freeSymbols(e).filter((s) => /w|b/.test(s.split('_')[1] ?? ''));
    let g;
    const ms = best(() => {
      g = grad(e, ps);
    });
    const t0 = performance.now(); // once: this is the slow route
    for (const v of ps) diff(e, v);
    const fwd = performance.now() - t0;
    log(`grad depth ${d}: reverse ${ms.toFixed(1)} ms, forward per parameter ${fwd.toFixed(1)} ms`);
    grads.push([d, ms, `${fwd.toFixed(1)} | ${dagSize(e)} | ${dagSize(e, ...g.values())}`]);
  }
  out.push('\nGradient of a width-1 sigmoid chain of depth d (2d parameters): one reverse sweep, against `diff` once per parameter; DAG nodes of the formula and of formula + gradient:\n');
  out.push(table(grads, ['depth d', 'reverse ms', 'ratio', 'forward per parameter ms', 'formula nodes', 'with gradient']));
  return out.join('\n');
}
