import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Node,
  add,
  children,
  dagSize,
  diff,
  evaluate,
  fn,
  fnNames,
  freeSymbols,
  grad,
  mul,
  parse,
  pow,
  sub,
  substitute,
  sym,
  toText,
  topoOrder,
} from '../../src/index.js';
import { NERDAMER_EXPONENTS, NERDAMER_FNS, RUNS, SYMBOLS, close, exprArb, pointArb } from '../helpers/arbitraries.js';
import { nerdamerDiff, nerdamerNames, nerdamerValue } from '../helpers/oracles.js';
import { finiteDifference, kinkDistance } from '../helpers/numeric-diff.js';

describe('diff = grad = finite differences (property)', () => {
  it('at random points away from kinks', () => {
    let compared = 0;
    fc.assert(
      fc.property(exprArb({ maxDepth: 4 }), pointArb(), (e, p) => {
        const f = evaluate(e, p);
        if (!Number.isFinite(f) || Math.abs(f) > 1e8 || kinkDistance(e, p) < 0.05) return;
        const g = grad(e, SYMBOLS);
        for (const v of SYMBOLS) {
          const d = evaluate(diff(e, v), p);
          const r = evaluate(g.get(v)!, p);
          const fd = finiteDifference(e, p, v);
          const what = `d/d${v} ${toText(e)} at ${JSON.stringify(p)}`;
          expect(close(d, r, 1e-9), `${what}: diff ${d} vs grad ${r}`).toBe(true);
          expect(close(d, fd, 1e-5 * Math.max(1, Math.abs(f))), `${what}: diff ${d} vs FD ${fd}`).toBe(true);
        }
        compared++;
      }),
      { numRuns: RUNS },
    );
    expect(compared).toBeGreaterThanOrEqual(200);
  });

  it('every registered function: its derivative rule against finite differences', () => {
    for (const name of fnNames()) {
      const e = fn(name, sym('x'));
      for (const x of [-1.7, -0.4, 0.3, 0.9, 2.2]) {
        if (name === 'log' && x <= 0) continue;
        const d = evaluate(diff(e, 'x'), { x });
        expect(close(d, finiteDifference(e, { x }, 'x'), 1e-8), `${name}'(${x})`).toBe(true);
      }
    }
  });
});

describe('diff agrees with nerdamer-prime (property)', () => {
  // nerdamer-prime is an independent but fallible oracle: besides the square-root bugs kept out
  // by the generator, it answers d/dx log(e^x + e^y) = 0. Where it disagrees with us, finite
  // differences decide: we must be right and nerdamer demonstrably wrong, and at least 200
  // random expressions must agree outright.
  it('exp, log, atan, tanh, powers and polynomials, compared at random points', () => {
    const names = nerdamerNames(SYMBOLS);
    const renamed = Object.fromEntries([...names].map(([k, v]) => [k, sym(v)]));
    let agreed = 0;
    const nerdamerWrong: string[] = [];
    fc.assert(
      fc.property(
        exprArb({ fns: NERDAMER_FNS, positiveFns: ['exp'], pi: false, fracExponents: NERDAMER_EXPONENTS, denominators: [1, 3], constantArgs: false, maxDepth: 3 }),
        pointArb(),
        fc.constantFrom(...SYMBOLS),
        (e, p, v) => {
          const f = evaluate(e, p);
          if (!Number.isFinite(f) || Math.abs(f) > 1e8) return;
          const ours = evaluate(diff(e, v), p);
          const q = Object.fromEntries(Object.entries(p).map(([k, val]) => [names.get(k)!, val]));
          const theirs = nerdamerValue(nerdamerDiff(toText(substitute(e, renamed)), names.get(v)!), q);
          // nerdamer evaluates e through a rational approximation good to ~1e-8
          if (close(ours, theirs, 1e-6)) {
            agreed++;
            return;
          }
          const fd = finiteDifference(e, p, v);
          const what = `d/d${v} ${toText(e)} at ${JSON.stringify(p)}: ours ${ours}, nerdamer ${theirs}, FD ${fd}`;
          expect(close(ours, fd, 1e-5 * Math.max(1, Math.abs(f))), what).toBe(true);
          expect(close(theirs, fd, 1e-3 * Math.max(1, Math.abs(f))), what).toBe(false);
          nerdamerWrong.push(what);
        },
      ),
      { numRuns: 300 },
    );
    expect(agreed).toBeGreaterThanOrEqual(200);
    expect(nerdamerWrong.length).toBeLessThan(agreed / 10);
  });
});

describe('derivative rules and conventions', () => {
  const x = sym('x');
  it.each([
    ['relu(x)', 'heaviside(x)'],
    ['heaviside(x)', '0'],
    ['leaky_relu(x)', '1/100 + 99/100*heaviside(x)'],
    ['sigmoid(x)', 'sigmoid(x)*(1 - sigmoid(x))'],
    ['tanh(x)', '1 - tanh(x)^2'],
    ['softplus(x)', 'sigmoid(x)'],
    ['exp(2*x)', '2*exp(2*x)'],
    ['log(x^2 + 1)', '2*x/(x^2 + 1)'],
    ['atan(x)', '1/(1 + x^2)'],
    ['arctan_sigmoid(x)', '1/(pi*(1 + x^2))'],
    ['x^(1/2)', '1/(2*x^(1/2))'],
    ['x^3*y', '3*x^2*y'],
    ['relu(x)^2', '2*relu(x)*heaviside(x)'],
  ])('d/dx %s = %s', (src, d) => expect(diff(parse(src), 'x')).toBe(parse(d)));
  it('relu′(0) = H(0) = 0 and leaky_relu′(0) = 1/100', () => {
    expect(evaluate(diff(fn('relu', x), 'x'), { x: 0 })).toBe(0);
    expect(evaluate(diff(fn('leaky_relu', x), 'x'), { x: 0 })).toBe(1 / 100);
  });
  it('a variable that does not occur, or a constant, differentiates to 0', () => {
    expect(diff(parse('sigmoid(x)'), 'y')).toBe(parse('0'));
    expect(grad(parse('sigmoid(x)'), ['y', 'x']).get('y')).toBe(parse('0'));
    expect(diff(parse('pi*x'), 'pi')).toBe(parse('x')); // π is a symbol for diff; it is named, not free
  });
});

/** eₗ = σ(wₗ·eₗ₋₁ + bₗ), loss (e_L − y)²: a deep chain. */
function chain(layers: number): Node {
  let a: Node = sym('x');
  for (let l = 1; l <= layers; l++) a = fn('sigmoid', add(mul(sym(`w${l}`), a), sym(`b${l}`)));
  return pow(sub(a, sym('y')), 2);
}

/** A 2-layer tanh network, n inputs, H hidden units, squared loss summed over `data` points. */
function network(n: number, hidden: number, data: number): Node {
  const terms: Node[] = [];
  for (let d = 1; d <= data; d++) {
    const units: Node[] = [];
    for (let h = 1; h <= hidden; h++) {
      const z = add(...Array.from({ length: n }, (_, j) => mul(sym(`w1_${h}_${j + 1}`), sym(`x${d}_${j + 1}`))), sym(`b1_${h}`));
      units.push(mul(sym(`w2_1_${h}`), fn('tanh', z)));
    }
    terms.push(pow(sub(add(...units, sym('b2_1')), sym(`y${d}`)), 2));
  }
  return add(...terms);
}

/** A dense tanh network of the given widths, linear output, squared loss. */
function deepNetwork(widths: readonly number[]): Node {
  let a: Node[] = Array.from({ length: widths[0]! }, (_, j) => sym(`x${j + 1}`));
  for (let l = 1; l < widths.length; l++) {
    a = Array.from({ length: widths[l]! }, (_, i) => {
      const z = add(...a.map((aj, j) => mul(sym(`w${l}_${i + 1}_${j + 1}`), aj)), sym(`b${l}_${i + 1}`));
      return l === widths.length - 1 ? z : fn('tanh', z);
    });
  }
  return add(...a.map((o, k) => pow(sub(o, sym(`y${k + 1}`)), 2)));
}

const edges = (...roots: Node[]): number => topoOrder(...roots).reduce((s, n) => s + 1 + children(n).length, 0);
const parameters = (e: Node): string[] => freeSymbols(e).filter((s) => /^[wb]/.test(s));

describe('reverse mode shares the forward DAG (cheap gradient, counted in nodes)', () => {
  it.each([5, 10, 20, 40])('chain of %i sigmoid layers: gradient DAG ≤ 2× the forward DAG', (layers) => {
    const e = chain(layers);
    const g = grad(e, parameters(e));
    expect(g.size).toBe(2 * layers);
    expect(dagSize(e, ...g.values())).toBeLessThanOrEqual(2 * dagSize(e));
  });
  it.each([
    [2, 3, 2],
    [3, 5, 4],
    [4, 8, 6],
    [8, 16, 20],
  ])('network %i→%i→1 over %i points: gradient DAG ≤ 2.5× nodes and ≤ 3× edges', (n, hidden, data) => {
    const e = network(n, hidden, data);
    const ps = parameters(e);
    expect(ps.length).toBe(hidden * n + 2 * hidden + 1);
    const g = grad(e, ps);
    expect(dagSize(e, ...g.values())).toBeLessThanOrEqual(2.5 * dagSize(e));
    expect(edges(e, ...g.values())).toBeLessThanOrEqual(3 * edges(e)); // 2.6–2.8 measured
  });
  // Edges (node + argument slots) are the honest size. They stay within 3× for networks of
  // width ≥ 2, where each adjoint is a sum kept as one shared factor. In a width-1 chain the
  // adjoints are pure products, which the canonical form flattens, so edges grow with depth².
  it.each([
    [[2, 3, 3, 1]],
    [[3, 4, 4, 4, 2]],
    [[2, 3, 3, 3, 3, 3, 3, 1]],
  ])('deep network %j: gradient ≤ 2.5× nodes and ≤ 3× edges', (widths) => {
    const e = deepNetwork(widths);
    const g = grad(e, parameters(e));
    expect(dagSize(e, ...g.values())).toBeLessThanOrEqual(2.5 * dagSize(e));
    expect(edges(e, ...g.values())).toBeLessThanOrEqual(3 * edges(e));
  });
});
