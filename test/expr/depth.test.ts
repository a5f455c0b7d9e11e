/**
 * Nesting built node by node is bounded as nesting in text is (issue 14: "nesting bound as for
 * expressions"): the constructors refuse a node deeper than MAX_NODE_DEPTH with a typed error, and
 * at that depth every function that walks or recurses on a node answers or refuses with a typed
 * error — no stack overflow. The depths are checked against the definition (longest path to a leaf).
 */
import { describe, expect, it } from 'vitest';
import {
  ClosedformError,
  ExprError,
  MAX_NODE_DEPTH,
  type Node,
  add,
  breakLines,
  children,
  compile,
  diff,
  evaluate,
  evaluateExact,
  exp,
  expansionEstimate,
  fn,
  freeSymbols,
  grad,
  hasPiecewise,
  mimeBundle,
  mul,
  num,
  pow,
  Q,
  row,
  splitFraction,
  substitute,
  sym,
  textForm,
  toLatex,
  toText,
  topoOrder,
  treeSize,
} from '../../src/index.js';

/** Depth by its definition, by a walk over the DAG (the oracle for the field). */
function depthByWalk(e: Node): number {
  const d = new Map<Node, number>();
  for (const n of topoOrder(e)) d.set(n, 1 + Math.max(0, ...children(n).map((c) => d.get(c)!)));
  return d.get(e)!;
}

const SHAPES: Record<string, (e: Node, i: number) => Node> = {
  'exp(e + 1)': (e) => exp(add(e, num(1))),
  'sigmoid(e·w)': (e, i) => fn('sigmoid', mul(e, sym(`w${i % 7}`))),
  'e² + y': (e, i) => add(pow(e, 2), sym(`y${i % 5}`)),
  'relu(e − 1)': (e) => fn('relu', add(e, num(-1))),
};

/** Build with `step` until the constructors refuse; the last node accepted. */
function deepest(step: (e: Node, i: number) => Node): { e: Node; refusal: unknown } {
  let e: Node = sym('x');
  for (let i = 0; ; i++) {
    try {
      e = step(e, i);
    } catch (refusal) {
      return { e, refusal };
    }
  }
}

describe('the depth of a node', () => {
  it.each(Object.entries(SHAPES))('%s: the field is the longest path to a leaf; past MAX_NODE_DEPTH the constructor refuses', (_, step) => {
    const { e, refusal } = deepest(step);
    expect(refusal).toBeInstanceOf(ExprError);
    expect((refusal as Error).message).toMatch(/nested more than 25000 deep/);
    expect(e.depth).toBe(depthByWalk(e));
    expect(e.depth).toBeGreaterThan(MAX_NODE_DEPTH - 3);
    expect(e.depth).toBeLessThanOrEqual(MAX_NODE_DEPTH);
  });

  it.each(Object.entries(SHAPES))('%s at the deepest: every walk answers or refuses with a typed error, no stack overflow', (_, step) => {
    const { e } = deepest(step);
    const names = freeSymbols(e);
    const calls: Record<string, () => unknown> = {
      toText: () => toText(e),
      toLatex: () => toLatex(e),
      textForm: () => textForm(e),
      String: () => String(e),
      treeSize: () => treeSize(e),
      topoOrder: () => topoOrder(e),
      freeSymbols: () => freeSymbols(e),
      hasPiecewise: () => hasPiecewise(e),
      substitute: () => substitute(e, { x: sym('z') }),
      evaluate: () => evaluate(e, Object.fromEntries(names.map((n) => [n, 0.01]))),
      evaluateExact: () => evaluateExact(e, Object.fromEntries(names.map((n) => [n, Q(0)]))),
      compile: () => compile(e, names)(new Float64Array(names.length)),
      expansionEstimate: () => expansionEstimate(e),
      mimeBundle: () => mimeBundle(e),
      breakLines: () => breakLines(e),
      splitFraction: () => splitFraction(e),
      row: () => row('f', e),
      'add(e, e + 1)': () => add(e, add(e, num(1))),
    };
    for (const [name, call] of Object.entries(calls)) {
      try {
        call();
      } catch (err) {
        expect(err, `${name} threw ${String(err)}`).toBeInstanceOf(ClosedformError);
      }
    }
  });

  it('diff and grad at depth 1 000 (their cost grows with the square of the depth for chains)', () => {
    let e: Node = sym('x');
    for (let i = 0; i < 500; i++) e = exp(add(e, num(1)));
    expect(e.depth).toBe(1001);
    const d = diff(e, 'x');
    expect(grad(e, ['x']).get('x')).toBe(d);
  });
});
