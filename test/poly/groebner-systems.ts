/**
 * The table of polynomial systems shared by the Gröbner, solve and Singular tests and the
 * benchmark's reference list: classic small systems and critical-point systems of tiny networks.
 */
import { diff, parse, type Node, add, mul, num, pow, sym, sub } from '../../src/index.js';
import { parseEquations, systemFromNodes, type PolyTerms } from '../../src/poly/solve-index.js';

export interface System {
  name: string;
  vars: string[];
  polys: PolyTerms[];
}

const fromText = (name: string, text: string, vars: string[]): System => ({ name, vars, polys: systemFromNodes(parseEquations(text), vars) });

/** Critical-point system ∇L = 0 of a loss, each partial by the core `diff`, expanded. */
export function criticalPoints(name: string, loss: Node, vars: string[]): System {
  return { name, vars, polys: systemFromNodes(vars.map((v) => diff(loss, v)), vars) };
}

/** Σ_i (f(x_i) − y_i)² for a model given as a function of the input node. */
export function squaredLoss(model: (x: Node) => Node, data: readonly [number, number][]): Node {
  return add(...data.map(([x, y]) => pow(sub(model(num(x)), num(y)), 2)));
}

const DATA: [number, number][] = [
  [1, 2],
  [2, 3],
  [3, 5],
];
const w = (s: string): Node => sym(s);
/** A generic L2 term Σ c_k w_k² with distinct weights, making the critical points isolated. */
const l2 = (names: string[]): Node => add(...names.map((n, k) => mul(num(k + 1), pow(w(n), 2))));

export const SYSTEMS: System[] = [
  fromText('cyclic-3', 'a + b + c; a*b + b*c + c*a; a*b*c - 1', ['a', 'b', 'c']),
  fromText('cyclic-4', 'a+b+c+d; a*b+b*c+c*d+d*a; a*b*c+b*c*d+c*d*a+d*a*b; a*b*c*d - 1', ['a', 'b', 'c', 'd']),
  fromText(
    'katsura-3',
    'u0 + 2*u1 + 2*u2 + 2*u3 - 1; u0^2 + 2*u1^2 + 2*u2^2 + 2*u3^2 - u0; 2*u0*u1 + 2*u1*u2 + 2*u2*u3 - u1; u1^2 + 2*u0*u2 + 2*u1*u3 - u2',
    ['u0', 'u1', 'u2', 'u3'],
  ),
  fromText(
    'katsura-4',
    'u0+2*u1+2*u2+2*u3+2*u4-1; u0^2+2*u1^2+2*u2^2+2*u3^2+2*u4^2-u0; 2*u0*u1+2*u1*u2+2*u2*u3+2*u3*u4-u1; u1^2+2*u0*u2+2*u1*u3+2*u2*u4-u2; 2*u1*u2+2*u0*u3+2*u1*u4-u3',
    ['u0', 'u1', 'u2', 'u3', 'u4'],
  ),
  fromText('circle ∩ hyperbola', 'x^2 + y^2 = 4; x*y = 1', ['x', 'y']),
  fromText('ellipse ∩ parabola', 'x^2/4 + y^2 = 1; y = x^2 - 1', ['x', 'y']),
  fromText('tangent conics (multiplicity)', 'x^2 + y^2 = 1; (x - 2)^2 + y^2 = 1', ['x', 'y']),
  fromText('twisted cubic (dimension 1)', 'x*z - y^2; y - x^2; z - x*y', ['x', 'y', 'z']),
  fromText('plane and line (dimension 2 ∪ 1)', 'x*y; x*z', ['x', 'y', 'z']),
  fromText('inconsistent', 'x + y - 1; x + y - 2; x*y', ['x', 'y']),
  criticalPoints('1-1-1:identity:nobias', squaredLoss((x) => mul(w('w2'), w('w1'), x), DATA), ['w1', 'w2']),
  criticalPoints('1-1-1:quadratic:nobias', squaredLoss((x) => mul(w('w2'), pow(mul(w('w1'), x), 2)), DATA), ['w1', 'w2']),
  criticalPoints('1-1-1:identity:nobias + L2', add(squaredLoss((x) => mul(w('w2'), w('w1'), x), DATA), l2(['w1', 'w2'])), ['w1', 'w2']),
  criticalPoints(
    '1-1-1:quadratic:nobias + L2',
    add(squaredLoss((x) => mul(w('w2'), pow(mul(w('w1'), x), 2)), DATA), l2(['w1', 'w2'])),
    ['w1', 'w2'],
  ),
  criticalPoints(
    '1-1-1:quadratic:bias + L2',
    add(squaredLoss((x) => add(mul(w('v'), pow(add(mul(w('u'), x), w('b')), 2)), w('c')), DATA.slice(0, 2)), l2(['u', 'b', 'v', 'c'])),
    ['u', 'b', 'v', 'c'],
  ),
];

/** 1-2-1 quadratic network without biases, with an L2 term: f = v1 (u1 x)² + v2 (u2 x)². */
export const NET_121 = criticalPoints(
  '1-2-1:quadratic:nobias + L2',
  add(
    squaredLoss((x) => add(mul(w('v1'), pow(mul(w('u1'), x), 2)), mul(w('v2'), pow(mul(w('u2'), x), 2))), DATA),
    l2(['u1', 'u2', 'v1', 'v2']),
  ),
  ['u1', 'u2', 'v1', 'v2'],
);

/** Parse a text expression (re-exported so tests need one import). */
export { parse };
