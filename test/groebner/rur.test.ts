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
import { type PolyTerm, type PolyTerms, toCommonVars } from '../../src/poly/terms.js';
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

/**
 * The census systems (deep linear, generic L2, one data point): the sign flips of the hidden units
 * (a unit's incoming and outgoing weights negated leave the loss and the L2 term unchanged) are
 * found as the input's diagonal symmetries, one independent flip per hidden unit; the RUR's form
 * t uses few variables (its multiplication matrix is sparse), and its f is Singular's eliminant of
 * that t exactly, with every real point a solution of the system.
 */
import { buildNetwork, criticalPoints, parseSpec, readCsv } from '../../src/node/index.js';
import { rurForms, signSymmetries } from '../../src/groebner/rur.js';

function censusSystem(spec: string, point: readonly number[]) {
  const net = buildNetwork(parseSpec(spec));
  const n0 = net.spec.widths[0]!;
  const nL = net.spec.widths.at(-1)!;
  const head = [...Array.from({ length: n0 }, (_, i) => `x${i + 1}`), ...Array.from({ length: nL }, (_, i) => `y${i + 1}`)];
  const cp = criticalPoints(net, readCsv(`${head.join(',')}\n${point.join(',')}\n`, net.spec), { kind: 'generic', seed: 1 }, { millis: 1 });
  return { vars: net.params, system: cp.system, hidden: net.spec.widths.slice(1, -1).reduce((a, b) => a + b, 0) };
}

/** Singular's eliminant of t = Σ cᵢxᵢ over any variables: the univariate member of the lex basis of I + ⟨t − Σ cᵢxᵢ⟩. */
function singularEliminantOf(system: readonly PolyTerms[], vars: readonly string[], c: readonly number[]): Rational[] {
  const all = [...vars, 'tt'];
  const n = vars.length;
  const lift = (terms: readonly PolyTerm[]): PolyTerms => ({ vars: all, terms: terms.map((t) => ({ exps: [...t.exps, 0], coeff: t.coeff })) });
  const link: PolyTerms = { vars: all, terms: [{ exps: [...new Array<number>(n).fill(0), 1], coeff: Q(1) }, ...c.flatMap((ci, i) => (ci === 0 ? [] : [{ exps: all.map((_, k) => (k === i ? 1 : 0)), coeff: Q(-ci) }]))] };
  const s = singularStd([...toCommonVars(system, vars).map(lift), link], all, { order: 'lex', timeoutMs: 120_000 });
  const uni = s.basis.find((p) => p.terms.every((t) => t.exps.slice(0, n).every((e) => e === 0)))!;
  const deg = Math.max(...uni.terms.map((t) => t.exps[n]!));
  const out = Array.from({ length: deg + 1 }, () => Q(0));
  for (const t of uni.terms) out[t.exps[n]!] = t.coeff;
  return out;
}

describe('RUR of census systems: sparse separating forms', () => {
  it.each([
    ['2-2-2:identity:nobias', [2, -3, 1, 4]],
    ['1-2-2-1:identity:nobias', [2, -3]],
    ['3-2-3:identity:nobias', [1, 2, -1, 3, -2, 1]],
  ] as [string, number[]][])('%s: one sign flip per hidden unit', (spec, point) => {
    const s = censusSystem(spec, point);
    const inp = prepareInput(s.system, s.vars, 'grevlex');
    expect(signSymmetries(inp).length).toBe(s.hidden);
    // the first form tried takes fewer variables than all
    expect(rurForms(inp)[0]!.filter((c) => c !== 0).length).toBeLessThan(s.vars.length);
  });
  it.skipIf(!singular).each([
    ['2-2-2:identity:nobias', [2, -3, 1, 4]],
    ['1-2-1:quadratic,identity:nobias', [2, -3]],
    ['2-2-1:quadratic,identity:nobias', [1, 2, -3]],
  ] as [string, number[]][])('%s: f is Singular’s eliminant of the chosen t; each real point solves the system', (spec, point) => {
    const s = censusSystem(spec, point);
    const rur = modularRur(prepareInput(s.system, s.vars, 'grevlex'));
    if (typeof rur === 'string') throw new Error(rur);
    const elim = singularEliminantOf(s.system, s.vars, rur.form);
    const lc = elim[elim.length - 1]!;
    expect(elim.length).toBe(rur.f.length);
    // monic Singular eliminant, coefficient by coefficient, exactly
    const monic = elim.map((q) => ({ n: q.n * lc.d, d: q.d * lc.n }));
    monic.forEach((q, k) => expect(q.n * rur.f[k]!.d).toBe(rur.f[k]!.n * q.d));
    let l = 1n;
    for (const q of rur.f) l = (l / gcd(l, q.d)) * q.d;
    const fz = rur.f.map((q) => q.n * (l / q.d));
    const roots = isolateRealRoots(fz);
    expect(roots.length).toBe(countRealRoots(squarefreePart(elim)));
    for (const root of roots) {
      const d = pointDecimals({ f: fz, root, num: rur.g, den: derivative(rur.f) }, 20);
      const x = d.values.map(Number);
      for (const terms of toCommonVars(s.system, s.vars)) {
        const v = terms.reduce((acc, t) => acc + qtoNumber(t.coeff) * t.exps.reduce((m, e, k) => m * x[k]! ** e, 1), 0);
        const scale = terms.reduce((acc, t) => acc + Math.abs(qtoNumber(t.coeff)) * t.exps.reduce((m, e, k) => m * Math.abs(x[k]!) ** e, 1), 1);
        expect(Math.abs(v)).toBeLessThan(1e-12 * scale);
      }
    }
  }, 120_000);
});
