/**
 * Gröbner bases, dimensions and solution counts against Singular (an independent CAS) on the
 * table of classic systems and network critical-point systems, plus random systems (fast-check).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Q } from '../../src/index.js';
import {
  GroebnerBudgetError,
  type PolyTerms,
  groebner,
  idealDimension,
  solutionCount,
  termsToString,
} from '../../src/poly/solve-index.js';
import { isSingularAvailable, singularStd } from '../../src/node/singular.js';
import { normalForm, orderCmp } from '../../src/poly/groebner-core.js';
import { toCommonVars } from '../../src/poly/groebner.js';
import { fromRationalTerms } from '../../src/poly/groebner-core.js';
import { SYSTEMS, NET_121 } from './groebner-systems.js';

const available = isSingularAvailable();
const text = (ps: PolyTerms[]): string[] => ps.map(termsToString).sort();
const cases = [...SYSTEMS, NET_121].flatMap((s) => (['grevlex', 'lex'] as const).map((order) => ({ ...s, order })));

describe('groebner vs Singular std (option(redSB))', () => {
  it.skipIf(!available).each(cases)('$name ($order): same reduced basis, dim, vdim', ({ polys, vars, order }) => {
    const ours = groebner(polys, vars, { order });
    const theirs = singularStd(polys, vars, { order });
    expect(text(ours.polys)).toEqual(text(theirs.basis));
    expect(idealDimension(ours)).toBe(theirs.dimension);
    expect(solutionCount(ours)).toBe(theirs.vdim);
  });
  if (!available) it('Singular not installed at /usr/bin/Singular: oracle comparisons skipped', () => expect(available).toBe(false));
});

describe('groebner: facts that need no oracle', () => {
  it.each(cases)('$name ($order): every generator reduces to 0 and the basis is reduced and monic', ({ polys, vars, order }) => {
    const gb = groebner(polys, vars, { order });
    const cmp = orderCmp(order);
    for (const t of toCommonVars(polys, vars)) {
      const f = fromRationalTerms(vars.length, t, cmp);
      expect(normalForm(f, gb.internal, cmp).r.ms.length).toBe(0);
    }
    for (const p of gb.polys) expect(p.terms[0]!.coeff).toEqual(Q(1));
  });

  it('an inconsistent system gives {1}, dimension −1, no solutions', () => {
    const s = SYSTEMS.find((x) => x.name === 'inconsistent')!;
    const gb = groebner(s.polys, s.vars);
    expect(text(gb.polys)).toEqual(['1']);
    expect(idealDimension(gb)).toBe(-1);
    expect(solutionCount(gb)).toBe(0);
  });

  it('x² − y, y² − 1 in lex: the basis is itself (already reduced), 4 solutions', () => {
    const v = ['x', 'y'];
    const P = (ts: [number, number, number][]): PolyTerms => ({ vars: v, terms: ts.map(([a, b, c]) => ({ exps: [a, b], coeff: Q(c) })) });
    const gb = groebner([P([[2, 0, 1], [0, 1, -1]]), P([[0, 2, 1], [0, 0, -1]])], v, { order: 'lex' });
    expect(gb.polys.map(termsToString)).toEqual(['y^2-1', 'x^2-y']);
    expect(solutionCount(gb)).toBe(4);
  });

  it('the 1-1-1 identity critical set is the hyperbola w1·w2 = Σxy/Σx² together with the origin: dimension 1', () => {
    const s = SYSTEMS.find((x) => x.name === '1-1-1:identity:nobias')!;
    const gb = groebner(s.polys, s.vars);
    // Σ x y = 1·2 + 2·3 + 3·5 = 23, Σ x² = 14: w1²w2 − 23/14·w1 and w1w2² − 23/14·w2 generate.
    expect(text(gb.polys)).toEqual(['w1^2*w2-23/14*w1', 'w1*w2^2-23/14*w2'].sort());
    expect(idealDimension(gb)).toBe(1);
  });

  it('a budget stops the run with a typed error naming what was reached', () => {
    const s = SYSTEMS.find((x) => x.name === 'katsura-4')!;
    let err: unknown;
    try {
      groebner(s.polys, s.vars, { budget: { maxPairs: 3 } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GroebnerBudgetError);
    const b = err as GroebnerBudgetError;
    expect(b.limit).toBe('maxPairs');
    // F4 selects the pairs of one degree together: the run stops at the first matrix past 3.
    expect(b.reached.pairs).toBeGreaterThan(3);
    expect(b.message).toMatch(new RegExp(`^Gröbner basis budget exceeded \\(maxPairs\\): after ${b.reached.pairs} pairs`));
  });
});

describe('random systems vs Singular (fast-check)', () => {
  // Three random polynomials in x, y, z of degree ≤ 2 with small integer coefficients.
  const mono = fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 1 }));
  const term = fc.record({ exps: mono, c: fc.integer({ min: -3, max: 3 }) });
  const poly = fc.array(term, { minLength: 1, maxLength: 4 });
  it.skipIf(!available)('same basis, dimension and count in grevlex and lex', () => {
    fc.assert(
      fc.property(fc.array(poly, { minLength: 2, maxLength: 3 }), fc.boolean(), (ps, lexOrder) => {
        const vars = ['x', 'y', 'z'];
        const polys: PolyTerms[] = ps.map((ts) => ({ vars, terms: ts.map((t) => ({ exps: [...t.exps], coeff: Q(t.c) })) }));
        const order = lexOrder ? 'lex' : 'grevlex';
        const ours = groebner(polys, vars, { order });
        const theirs = singularStd(polys, vars, { order });
        expect(text(ours.polys)).toEqual(text(theirs.basis));
        expect(idealDimension(ours)).toBe(theirs.dimension);
        expect(solutionCount(ours)).toBe(theirs.vdim);
      }),
      { numRuns: 40, seed: 20261122 },
    );
  });
});
