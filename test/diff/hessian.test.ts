/**
 * The symbolic Hessian (forward-over-reverse), checked by independent routes: central finite
 * differences of the gradient (each column separately, so the symmetry of the result is tested
 * against two different differences), nerdamer-prime's second derivatives, and the size claim —
 * the Hessian DAG grows like P times the gradient's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Node,
  Q,
  buildNetwork,
  datasetLoss,
  diff,
  evaluate,
  freeSymbols,
  grad,
  hessianSizes,
  lookupFn,
  fnNames,
  parse,
  parseSpec,
  substitute,
  sym,
  symbolicHessian,
  toText,
  topoOrder,
} from '../../src/index.js';
import { NERDAMER_EXPONENTS, NERDAMER_FNS, SYMBOLS, close, exprArb, pointArb } from '../helpers/arbitraries.js';
import { nerdamerDiff, nerdamerNames, nerdamerValue } from '../helpers/oracles.js';

const PIECEWISE = new Set(fnNames().filter((f) => lookupFn(f)!.kind === 'piecewise'));

/** The smallest |argument| of a piecewise function at the point: distance to a kink. */
function kinkDistance(e: Node, p: Record<string, number>): number {
  let d = Infinity;
  for (const n of topoOrder(e)) if (n.kind === 'fn' && PIECEWISE.has(n.name)) d = Math.min(d, Math.abs(evaluate(n.arg, p)));
  return d;
}

/** ∂g/∂v by the five-point central stencil, error O(h⁴). */
function fd(g: Node, p: Record<string, number>, v: string, h = 1e-3): number {
  const at = (t: number): number => evaluate(g, { ...p, [v]: p[v]! + t * h });
  return (8 * (at(1) - at(-1)) - (at(2) - at(-2))) / (12 * h);
}

describe('Hessian = finite differences of the gradient (property)', () => {
  it('every entry (i, j) equals ∂gᵢ/∂vⱼ and ∂gⱼ/∂vᵢ by differences, at random points away from kinks', () => {
    let compared = 0;
    fc.assert(
      fc.property(exprArb({ maxDepth: 4 }), pointArb(), (e, p) => {
        const f = evaluate(e, p);
        if (!Number.isFinite(f) || Math.abs(f) > 1e6 || kinkDistance(e, p) < 0.05) return;
        const H = symbolicHessian(e, SYMBOLS);
        // the gradient by the other route (forward), differenced numerically
        const g = SYMBOLS.map((v) => diff(e, v));
        const scale = Math.max(1, ...g.map((gi) => Math.abs(evaluate(gi, p))));
        if (!Number.isFinite(scale) || scale > 1e6) return;
        for (let i = 0; i < SYMBOLS.length; i++)
          for (let j = 0; j < SYMBOLS.length; j++) {
            const ours = evaluate(H.entries[i]![j]!, p);
            const what = `∂²/∂${SYMBOLS[i]}∂${SYMBOLS[j]} ${toText(e)} at ${JSON.stringify(p)}: ${ours}`;
            expect(close(ours, fd(g[i]!, p, SYMBOLS[j]!), 1e-4 * scale), `${what} vs FD of g_${i} in ${SYMBOLS[j]}`).toBe(true);
            expect(close(ours, fd(g[j]!, p, SYMBOLS[i]!), 1e-4 * scale), `${what} vs FD of g_${j} in ${SYMBOLS[i]}`).toBe(true);
          }
        compared++;
      }),
      { numRuns: 250 },
    );
    expect(compared).toBeGreaterThanOrEqual(150);
  });

  it('a hand-computed case: f = x²y + y³, H = [[2y, 2x], [2x, 6y]]', () => {
    const H = symbolicHessian(parse('x^2*y + y^3'), ['x', 'y']);
    expect(H.entries.map((r) => r.map(toText))).toEqual([
      ['2*y', '2*x'],
      ['2*x', '6*y'],
    ]);
    expect(H.gradient.map(toText)).toEqual(['2*x*y', 'x^2 + 3*y^2']);
  });

  it('a variable that does not occur gives a zero row and column', () => {
    const H = symbolicHessian(parse('sigmoid(x)'), ['x', 'z']);
    expect(toText(H.entries[0]![1]!)).toBe('0');
    expect(toText(H.entries[1]![1]!)).toBe('0');
  });
});

describe('Hessian agrees with nerdamer-prime (property)', () => {
  // nerdamer misreads names with two underscores (w1_2_3): every symbol is renamed through a
  // table first. As for diff (test/diff/diff.test.ts), nerdamer is fallible; where it disagrees,
  // finite differences decide and nerdamer must be demonstrably wrong, rarely.
  it('∂²/∂u∂v of exp, atan, tanh, powers and polynomials, at random points', () => {
    const names = nerdamerNames(SYMBOLS);
    const renamed = Object.fromEntries([...names].map(([k, v]) => [k, sym(v)]));
    let agreed = 0;
    let nerdamerWrong = 0;
    fc.assert(
      fc.property(
        exprArb({ fns: NERDAMER_FNS, positiveFns: ['exp'], pi: false, fracExponents: NERDAMER_EXPONENTS, denominators: [1, 3], constantArgs: false, maxDepth: 3 }),
        pointArb(),
        fc.constantFrom(0, 1, 2),
        fc.constantFrom(0, 1, 2),
        (e, p, i, j) => {
          const f = evaluate(e, p);
          if (!Number.isFinite(f) || Math.abs(f) > 1e6) return;
          const H = symbolicHessian(e, SYMBOLS);
          const ours = evaluate(H.entries[i]![j]!, p);
          const q = Object.fromEntries(Object.entries(p).map(([k, val]) => [names.get(k)!, val]));
          const first = nerdamerDiff(toText(substitute(e, renamed)), names.get(SYMBOLS[i]!)!);
          const theirs = nerdamerValue(nerdamerDiff(first, names.get(SYMBOLS[j]!)!), q);
          if (close(ours, theirs, 1e-6)) {
            agreed++;
            return;
          }
          const byFd = fd(diff(e, SYMBOLS[i]!), p, SYMBOLS[j]!);
          const what = `∂²/∂${SYMBOLS[i]}∂${SYMBOLS[j]} ${toText(e)} at ${JSON.stringify(p)}: ours ${ours}, nerdamer ${theirs}, FD ${byFd}`;
          expect(close(ours, byFd, 1e-4 * Math.max(1, Math.abs(f))), what).toBe(true);
          expect(close(theirs, byFd, 1e-3 * Math.max(1, Math.abs(f))), what).toBe(false);
          nerdamerWrong++;
        },
      ),
      { numRuns: 250 },
    );
    expect(agreed).toBeGreaterThanOrEqual(150);
    expect(nerdamerWrong).toBeLessThan(agreed / 10);
  });
});

describe('the Hessian DAG grows like P times the gradient DAG (forward-over-reverse)', () => {
  const data = (n0: number, nL: number, n: number) => ({
    inputs: Array.from({ length: n }, (_, p) => Array.from({ length: n0 }, (_, j) => Q(p + 2 * j + 1, 3))),
    targets: Array.from({ length: n }, (_, p) => Array.from({ length: nL }, (_, k) => Q(p - k, 2))),
  });
  it.each(['1-2-1:quadratic', '2-3-1:tanh,identity', '3-4-1:sigmoid,identity', '2-3-3-1:tanh,identity', '2-2-2:relu,identity'])(
    '%s over 4 points: Hessian DAG − gradient DAG ≤ P × gradient DAG',
    (s) => {
      const net = buildNetwork(parseSpec(s));
      const L = datasetLoss(net, data(net.inputs.length, net.targets.length, 4));
      const H = symbolicHessian(L, net.params);
      const { gradientDagSize, hessianDagSize } = hessianSizes(L, H);
      const P = net.params.length;
      // measured 0.1–0.4 × P × gradient; the bound is what forward-over-reverse guarantees up to
      // its small constant, and what per-entry differentiation without sharing would exceed
      expect(hessianDagSize - gradientDagSize).toBeLessThanOrEqual(P * gradientDagSize);
      expect(freeSymbols(...H.entries.flat()).every((v) => net.params.includes(v))).toBe(true);
      // and the gradient it starts from is the library's one reverse sweep
      const g = grad(L, net.params);
      net.params.forEach((p, i) => expect(H.gradient[i]).toBe(g.get(p)));
    },
  );
});
