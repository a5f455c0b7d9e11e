/**
 * Seed 000 (lecture slides, "Can we analytically solve neural networks?"): a 1-2-1 network with
 * quadratic activation everywhere,
 *   y = (θ0 + θ1(θ10 + θ11 x)² + θ2(θ20 + θ21 x)²)²,
 * and a hand expansion with three mistakes:
 *   ((θ0 + θ1θ10² + θ2θ2²) + (θ10θ11θ1 + θ20θ21θ2)x + (θ1θ11² + θ2θ21)x²)²
 * (θ2θ2² should be θ2θ20²; the x coefficient misses a factor 2; θ2θ21 should be θ2θ21²).
 */
import { spawnSync } from 'node:child_process';
import { evaluate as mathjsEvaluate } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { buildNetwork, coefficients, degreeIn, readSpec, expand, parse, polyEqual, polyToText, substitute, sym, verifyIdentity } from '../../src/index.js';
import { denseOutputs } from './networks.js';

const HAS_SYMPY = spawnSync('/usr/bin/python3', ['-c', 'import sympy'], { encoding: 'utf8' }).status === 0;

const Y = 't0 + t1*(t10 + t11*x)^2 + t2*(t20 + t21*x)^2';
const SEED = '((t0 + t1*t10^2 + t2*t2^2) + (t10*t11*t1 + t20*t21*t2)*x + (t1*t11^2 + t2*t21)*x^2)^2';

// Each mistake on its own, and all three fixed.
const FIXED_CONST = 't0 + t1*t10^2 + t2*t20^2';
const FIXED_X = '2*(t10*t11*t1 + t20*t21*t2)';
const FIXED_X2 = 't1*t11^2 + t2*t21^2';
const line = (c: string, b: string, a: string): string => `((${c}) + (${b})*x + (${a})*x^2)^2`;
const CORRECT = line(FIXED_CONST, FIXED_X, FIXED_X2);

describe('seed 000: the quadratic 1-2-1 network', () => {
  const y = parse(`(${Y})^2`);

  it('the slide formula is the network output in the seed notation', () => {
    const [f] = buildNetwork(readSpec('1-2-1:quadratic')).outputs;
    expect(polyEqual(expand(f!), expand(denseOutputs([1, 2, 1], ['quadratic'])[0]!))).toBe(true);
    const rename = { b2_1: sym('t0'), w2_1_1: sym('t1'), w2_1_2: sym('t2'), b1_1: sym('t10'), w1_1_1: sym('t11'), b1_2: sym('t20'), w1_2_1: sym('t21'), x1: sym('x') };
    expect(polyEqual(expand(substitute(f!, rename)), expand(y))).toBe(true);
  });

  it('expanded, it is a quartic in x with 26 terms', () => {
    const p = expand(y);
    expect(degreeIn(p, ['x'])).toBe(4);
    expect(p.n).toBe(26);
    expect(coefficients(p, ['x']).map((c) => c.monomial)).toEqual(['x^4', 'x^3', 'x^2', 'x', '1']);
  });

  it("verify disproves the seed's line and gives a point where the sides differ", () => {
    const r = verifyIdentity(y, parse(SEED));
    expect(r).toMatchObject({ holds: false, method: 'polynomial identity' });
    // Independent check of the counterexample: mathjs evaluates both texts at the point.
    const scope = Object.fromEntries(Object.entries(r.counterexample!.point).map(([k, v]) => [k, Number(v)]));
    const l = mathjsEvaluate(`(${Y})^2`, scope) as number;
    const s = mathjsEvaluate(SEED, scope) as number;
    expect(l).toBe(Number(r.counterexample!.lhs));
    expect(s).toBe(Number(r.counterexample!.rhs));
    expect(l).not.toBe(s);
  });

  it.each([
    ['θ2θ2² instead of θ2θ20²', line('t0 + t1*t10^2 + t2*t2^2', FIXED_X, FIXED_X2)],
    ['the x coefficient without its factor 2', line(FIXED_CONST, 't10*t11*t1 + t20*t21*t2', FIXED_X2)],
    ['θ2θ21 instead of θ2θ21²', line(FIXED_CONST, FIXED_X, 't1*t11^2 + t2*t21')],
  ])('verify finds the mistake %s on its own', (_, text) => {
    expect(verifyIdentity(y, parse(text)).holds).toBe(false);
  });

  it('verify proves the corrected line', () => {
    expect(verifyIdentity(y, parse(CORRECT))).toMatchObject({ holds: true, method: 'polynomial identity', difference: '0' });
  });

  it.skipIf(!HAS_SYMPY)('SymPy agrees on the expansion', () => {
    const py = spawnSync('/usr/bin/python3', ['-c', `import sympy as s\nx,t0,t1,t2,t10,t11,t20,t21=s.symbols('x t0 t1 t2 t10 t11 t20 t21')\nprint(s.expand((${Y.replace(/\^/g, '**')})**2))`], { encoding: 'utf8' });
    expect(py.status).toBe(0);
    const theirs = expand(parse(py.stdout.trim().replace(/\*\*/g, '^')));
    expect(polyToText(theirs)).toBe(polyToText(expand(y)));
  });
});
