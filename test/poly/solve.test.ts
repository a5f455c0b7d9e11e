/**
 * Solutions of zero-dimensional systems substituted back: exactly where the coordinates are
 * rational, with 40-digit decimals otherwise; counts against Singular; the CLI `solve`.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Q, qadd, qmul, qparse, qpowInt, qabs, qcmp, type Rational } from '../../src/index.js';
import { type PolyTerms, groebner, solutionCount, solveSystem, systemFromNodes, parseEquations, PolyInputError } from '../../src/poly/solve-index.js';
import { isSingularAvailable, singularStd } from '../../src/node/singular.js';
import { cli } from '../helpers/cli.js';
import { SYSTEMS, NET_121 } from './groebner-systems.js';

const value = (p: PolyTerms, at: Record<string, Rational>): Rational =>
  p.terms.reduce((s, t) => qadd(s, t.exps.reduce((m, e, k) => qmul(m, qpowInt(at[p.vars[k]!]!, BigInt(e))), t.coeff)), Q(0));

const zeroDim = [...SYSTEMS, NET_121].filter((s) => !['cyclic-4', 'twisted cubic (dimension 1)', 'plane and line (dimension 2 ∪ 1)', '1-1-1:identity:nobias', '1-1-1:quadratic:nobias', 'inconsistent'].includes(s.name));

describe('real solutions substituted back', () => {
  it.each(zeroDim)('$name', ({ polys, vars }) => {
    const r = solveSystem(polys, vars, { digits: 40 });
    expect(r.dimension).toBe(0);
    expect(r.realSolutions).toBeDefined();
    for (const sol of r.realSolutions!) {
      const allExact = vars.every((v) => sol.exact[v] !== undefined);
      const at = Object.fromEntries(vars.map((v) => [v, sol.exact[v] ?? qparse(sol.values[v]!)!]));
      for (const p of polys) {
        const res = qabs(value(p, at));
        if (allExact) expect(res).toEqual(Q(0));
        else {
          // 40-digit coordinates: the residual is ~ (size of the gradient)·10⁻⁴⁰.
          const scale = p.terms.reduce((s, t) => qadd(s, qabs(t.coeff)), Q(0));
          expect(qcmp(res, qmul(scale, Q(1n, 10n ** 30n)))).toBeLessThan(0);
        }
      }
    }
  });

  it.skipIf(!isSingularAvailable()).each(zeroDim)('$name: complex count = Singular vdim', ({ polys, vars }) => {
    expect(solutionCount(groebner(polys, vars))).toBe(singularStd(polys, vars).vdim);
  });

  it('circle ∩ line: (±√2/2, ±√2/2), eliminant y² − 1/2, radicals', () => {
    const vars = ['x', 'y'];
    const r = solveSystem(systemFromNodes(parseEquations('x^2 + y^2 = 1; x = y'), vars), vars, { digits: 15 });
    expect(r.realSolutions!.map((s) => s.values)).toEqual([
      { x: '-0.707106781186548', y: '-0.707106781186548' },
      { x: '0.707106781186548', y: '0.707106781186548' },
    ]);
    expect(r.eliminant!.text).toBe('y^2 - 1/2');
    expect(r.radicals).toBe(true);
  });

  it('tangent circles: one real point (1, 0) of multiplicity 2', () => {
    const s = SYSTEMS.find((x) => x.name === 'tangent conics (multiplicity)')!;
    const r = solveSystem(s.polys, s.vars);
    expect([r.complexSolutions, r.distinctSolutions]).toEqual([2, 1]);
    expect(r.realSolutions!.map((x) => x.values)).toEqual([{ x: '1', y: '0' }]);
  });

  it('1-1-1 identity + L2: the origin and two symmetric minima, exactly where rational', () => {
    const s = SYSTEMS.find((x) => x.name === '1-1-1:identity:nobias + L2')!;
    const r = solveSystem(s.polys, s.vars);
    expect(r.realSolutions).toHaveLength(3);
    expect(r.realSolutions!.some((x) => x.values.w1 === '0' && x.values.w2 === '0')).toBe(true);
  });

  it('cyclic-5: 70 complex solutions, 10 of them real, each substituted back', () => {
    const vars = ['a', 'b', 'c', 'd', 'e'];
    const eqs = 'a+b+c+d+e; a*b+b*c+c*d+d*e+e*a; a*b*c+b*c*d+c*d*e+d*e*a+e*a*b; a*b*c*d+b*c*d*e+c*d*e*a+d*e*a*b+e*a*b*c; a*b*c*d*e-1';
    const polys = systemFromNodes(parseEquations(eqs), vars);
    const r = solveSystem(polys, vars, { digits: 40 });
    expect([r.complexSolutions, r.distinctSolutions, r.realSolutions!.length]).toEqual([70, 70, 10]); // the known counts
    for (const sol of r.realSolutions!) {
      const at = Object.fromEntries(vars.map((v) => [v, qparse(sol.values[v]!)!]));
      for (const p of polys) expect(qcmp(qabs(value(p, at)), Q(1n, 10n ** 30n))).toBeLessThan(0);
    }
  });

  it('past MAX_SOLVE_DIM (x⁸¹ = 2 has 81 solutions) the basis and counts come back with a note', () => {
    const polys = systemFromNodes(parseEquations('x^81 = 2'), ['x']);
    const r = solveSystem(polys, ['x']);
    expect([r.complexSolutions, r.realSolutions]).toEqual([81, undefined]);
    expect(r.note).toMatch(/81 complex solutions is past the budget of 80/);
  });

  it('input errors are typed', () => {
    expect(() => systemFromNodes([], ['x'])).toThrow(PolyInputError);
    expect(() => systemFromNodes(parseEquations('x + y'), ['x'])).toThrow(/symbol 'y' is not among/);
    expect(() => parseEquations('x = y = 1')).toThrow(/more than one '='/);
  });
});

describe('CLI solve', () => {
  it('prints the JSON record', async () => {
    const r = await cli('solve', 'x^2 + y^2 = 1; x = y', '--vars', 'x,y', '--json', '--digits', '6');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({
      groebner: ['x-y', 'y^2-1/2'],
      dimension: 0,
      complexSolutions: 2,
      eliminantDegree: 2,
      // decimals are marked approx, with the exact algebraic number beside them
      realSolutions: [
        { x: { value: '-0.707107', approx: true }, y: { value: '-0.707107', approx: true } },
        { x: { value: '0.707107', approx: true }, y: { value: '0.707107', approx: true } },
      ],
      radicals: true,
    });
  });
  it.skipIf(!isSingularAvailable())('--engine singular gives the same basis', async () => {
    const a = JSON.parse((await cli('solve', 'x^2 + y^2 = 4; x*y = 1', '--vars', 'x,y', '--json', '--order', 'lex')).out);
    const b = JSON.parse((await cli('solve', 'x^2 + y^2 = 4; x*y = 1', '--vars', 'x,y', '--json', '--order', 'lex', '--engine', 'singular')).out);
    expect(b.groebner).toEqual(a.groebner);
    expect(b.complexSolutions).toBe(4);
  });
  it.each([
    [['solve', 'x^2 - 1', '--vars', 'x,q'], /unknown variable 'q'/],
    [['solve', 'x + y', '--vars', 'x'], /symbol 'y' is not among/],
    [['solve', 'exp(x) - 1', '--vars', 'x'], /not polynomial/],
    [['solve', ' ; ', '--vars', 'x'], /empty system/],
    [['solve', 'x^2 - 1', '--vars', 'x', '--order', 'deglex'], /unknown --order/],
    [['solve', 'x^2 - 1', '--vars', '1x'], /bad name '1x' in --vars/],
    [['solve', 'u0+2*u1+2*u2+2*u3+2*u4-1; u0^2+2*u1^2+2*u2^2+2*u3^2+2*u4^2-u0; 2*u0*u1+2*u1*u2+2*u2*u3+2*u3*u4-u1; u1^2+2*u0*u2+2*u1*u3+2*u2*u4-u2; 2*u1*u2+2*u0*u3+2*u1*u4-u3', '--vars', 'u0,u1,u2,u3,u4', '--max-pairs', '3'], /budget exceeded.*Singular/],
  ])('%j → exit 2, one line', async (argv, msg) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(msg);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('random zero-dimensional systems (fast-check)', () => {
  // Two random conics in x, y: generically 4 complex solutions.
  const coeff = fc.integer({ min: -4, max: 4 });
  const conic = fc.array(coeff, { minLength: 6, maxLength: 6 });
  const MONOS = [[2, 0], [1, 1], [0, 2], [1, 0], [0, 1], [0, 0]];
  it('real solutions substitute back to 30 digits; counts agree with Singular', () => {
    fc.assert(
      fc.property(conic, conic, (a, b) => {
        const vars = ['x', 'y'];
        const polys: PolyTerms[] = [a, b].map((cs) => ({ vars, terms: cs.map((c, i) => ({ exps: MONOS[i]!, coeff: Q(c) })) }));
        const r = solveSystem(polys, vars, { digits: 40 });
        if (isSingularAvailable()) {
          const s = singularStd(polys, vars);
          expect([r.dimension, r.complexSolutions]).toEqual([s.dimension, s.vdim]);
        }
        for (const sol of r.realSolutions ?? []) {
          const at = Object.fromEntries(vars.map((v) => [v, sol.exact[v] ?? qparse(sol.values[v]!)!]));
          for (const p of polys) expect(qcmp(qabs(value(p, at)), Q(1n, 10n ** 35n))).toBeLessThan(0);
        }
      }),
      { numRuns: 40, seed: 11 },
    );
  });
});
