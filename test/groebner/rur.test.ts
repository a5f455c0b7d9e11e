/**
 * The modular rational univariate representation on random zero-dimensional systems, against
 * Singular: the number of complex solutions is Singular's vdim, and the number of real ones (the
 * real roots of f, isolated by Descartes' rule) equals the Sturm count of Singular's eliminant of
 * a random linear form t = Σ cᵢxᵢ (t adjoined as a last variable, lex basis by fglm): an
 * independent elimination and an independent root count. Each real point xᵢ = gᵢ(α)/f′(α) is
 * substituted back into the equations at its enclosure.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type Rational, Q, qtoNumber } from '../../src/expr/rational.js';
import { modularRur } from '../../src/groebner/rur.js';
import { prepareInput } from '../../src/groebner/modular.js';
import { isolateRealRoots } from '../../src/groebner/realroots.js';
import { pointDecimals } from '../../src/analysis/certify.js';
import { countRealRoots } from '../../src/poly/roots.js';
import { derivative, squarefreePart } from '../../src/poly/univariate.js';
import { gcd } from '../../src/expr/rational.js';
import type { PolyTerms } from '../../src/poly/terms.js';
import { isSingularAvailable, singularStd } from '../../src/node/singular.js';

const singular = isSingularAvailable();
const VARS = ['x', 'y', 'z'];
// every monomial of degree ≤ 2 in three variables
const MONOMIALS = [[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1], [2, 0, 0], [0, 2, 0], [0, 0, 2], [1, 1, 0], [1, 0, 1], [0, 1, 1]];
const quadric = fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 10, maxLength: 10 });
const toPoly = (cs: readonly number[]): PolyTerms => ({ vars: VARS, terms: MONOMIALS.map((e, k) => ({ exps: e, coeff: Q(cs[k]!) })).filter((t) => t.coeff.n !== 0n) });

/** Singular's eliminant of t = Σ cᵢxᵢ: the univariate member of the lex basis of I + ⟨t − Σ cᵢxᵢ⟩. */
function singularEliminant(system: readonly PolyTerms[], c: readonly number[]): Rational[] {
  const vars = [...VARS, 't'];
  const lift = (p: PolyTerms): PolyTerms => ({ vars, terms: p.terms.map((t) => ({ exps: [...t.exps, 0], coeff: t.coeff })) });
  const link: PolyTerms = { vars, terms: [{ exps: [0, 0, 0, 1], coeff: Q(1) }, ...c.map((ci, i) => ({ exps: vars.map((_, k) => (k === i ? 1 : 0)), coeff: Q(-ci) }))] };
  const s = singularStd([...system.map(lift), link], vars, { order: 'lex' });
  const uni = s.basis.find((p) => p.terms.every((t) => t.exps.slice(0, 3).every((e) => e === 0)))!;
  const deg = Math.max(...uni.terms.map((t) => t.exps[3]!));
  const out = Array.from({ length: deg + 1 }, () => Q(0));
  for (const t of uni.terms) out[t.exps[3]!] = t.coeff;
  return out;
}

describe.skipIf(!singular)('RUR on random zero-dimensional systems vs Singular (fast-check)', () => {
  it('complex count = vdim, real count = Sturm count of Singular’s eliminant, each real point a solution', () => {
    let compared = 0;
    let real = 0;
    fc.assert(
      fc.property(quadric, quadric, quadric, fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })), (a, b, c, form) => {
        const system = [a, b, c].map(toPoly);
        const std = singularStd(system, VARS);
        fc.pre(std.dimension === 0 && std.vdim > 0);
        const rur = modularRur(prepareInput(system, VARS, 'grevlex'));
        if (typeof rur === 'string') {
          // declined only for a non-radical ideal: fewer distinct solutions than vdim
          const e = squarefreePart(singularEliminant(system, form));
          expect(rur).toBe('not-separating');
          expect(e.length - 1).toBeLessThan(std.vdim);
          return;
        }
        expect(rur.f.length - 1).toBe(std.vdim);
        let l = 1n;
        for (const q of rur.f) l = (l / gcd(l, q.d)) * q.d;
        const fz = rur.f.map((q) => q.n * (l / q.d));
        const roots = isolateRealRoots(fz);
        const elim = singularEliminant(system, form);
        const sqf = squarefreePart(elim);
        // t = Σ cᵢxᵢ separates when its eliminant is square-free of degree vdim; then the real counts agree
        if (sqf.length - 1 === std.vdim) {
          expect(roots.length).toBe(countRealRoots(sqf));
          compared++;
        }
        real += roots.length;
        for (const root of roots) {
          const d = pointDecimals({ f: fz, root, num: rur.g, den: derivative(rur.f) }, 20);
          const x = d.values.map(Number);
          for (const p of system) {
            const v = p.terms.reduce((s, t) => s + qtoNumber(t.coeff) * t.exps.reduce((m, e, k) => m * x[k]! ** e, 1), 0);
            const scale = p.terms.reduce((s, t) => s + Math.abs(qtoNumber(t.coeff)) * t.exps.reduce((m, e, k) => m * Math.abs(x[k]!) ** e, 1), 1);
            expect(Math.abs(v)).toBeLessThan(1e-12 * scale);
          }
        }
      }),
      { numRuns: 25 },
    );
    // the comparison ran on most systems, and there were real points to substitute
    expect(compared).toBeGreaterThan(15);
    expect(real).toBeGreaterThan(20);
  }, 120_000);
});
