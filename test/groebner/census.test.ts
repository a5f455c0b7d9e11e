/**
 * The census engine against Singular: the deep-linear and quadratic census systems with generic
 * L2 on one data point (as in Bharadwaj–Hoşten), counted from one prime and lifted to Q; the
 * lifted bases equal Singular's reduced bases (option(redSB)), and the counts equal its vdim.
 */
import { describe, expect, it } from 'vitest';
import { criticalPoints } from '../../src/analysis/critical.js';
import { modularCounts } from '../../src/groebner/counts.js';
import { basisModP, modularGroebner, prepareInput } from '../../src/groebner/modular.js';
import { makePrime, primesBelowBound } from '../../src/groebner/prime.js';
import { expsOf } from '../../src/groebner/monomials.js';
import { groebner, termsToString } from '../../src/poly/groebner.js';
import { certifyBasis } from '../../src/poly/groebner-certify.js';
import { Q } from '../../src/expr/rational.js';
import { buildNetwork } from '../../src/network/build.js';
import { readCsv } from '../../src/network/csv.js';
import { parseSpec } from '../../src/network/parse.js';
import { isSingularAvailable, singularStd } from '../../src/node/singular.js';
import { CENSUS_TABLE } from '../helpers/census-table.js';

const singular = isSingularAvailable();

/** ∇L = 0 of a network on one data point with generic L2 (seed 1), as data. */
function census(spec: string, point: readonly number[]) {
  const net = buildNetwork(parseSpec(spec));
  const n0 = net.spec.widths[0]!;
  const nL = net.spec.widths.at(-1)!;
  const head = [...Array.from({ length: n0 }, (_, i) => `x${i + 1}`), ...Array.from({ length: nL }, (_, i) => `y${i + 1}`)];
  const cp = criticalPoints(net, readCsv(`${head.join(',')}\n${point.join(',')}\n`, net.spec), { kind: 'none' });
  // the system with generic L2, without solving it: the regularised gradient
  const reg = criticalPointsSystem(net, head, point);
  return { vars: net.params, system: reg, plain: cp.system };
}
function criticalPointsSystem(net: ReturnType<typeof buildNetwork>, head: string[], point: readonly number[]) {
  // counting happens inside criticalPoints; here only the system is wanted, so use a budget of 1 ms
  const cp = criticalPoints(net, readCsv(`${head.join(',')}\n${point.join(',')}\n`, net.spec), { kind: 'generic', seed: 1 }, { millis: 1 });
  return cp.system;
}

const TABLE = CENSUS_TABLE.map(([s, p, v]) => [s, [...p], v] as [string, number[], number]);

describe('census systems: counts from one prime, bases lifted to Q (Singular is the oracle)', () => {
  it.each(TABLE)('%s on %j: vdim %i', (spec, point, vdim) => {
    const { vars, system } = census(spec, point);
    const c = modularCounts(system, vars);
    expect(c.dimension).toBe(0);
    expect(c.vdim).toBe(vdim);
    expect(c.primes).toBe(2);
    if (singular) {
      const s = singularStd(system, vars, { timeoutMs: 120_000 });
      expect([s.dimension, s.vdim]).toEqual([0, vdim]);
      if (vdim <= 250) expect(modularGroebner(system, vars).polys.map(termsToString)).toEqual(s.basis.map(termsToString));
    }
  });
});

describe('primes', () => {
  it('a prime dividing a coefficient is bad and skipped; one dividing a leading coefficient of the basis over Q is off the trace', () => {
    // x² − p·y, y² − 2: modulo p the first input loses a term (bad prime, skipped).
    const p = 67108859;
    const v = ['x', 'y'];
    const sys = [
      { vars: v, terms: [{ exps: [2, 0], coeff: Q(1) }, { exps: [0, 1], coeff: Q(-p) }] },
      { vars: v, terms: [{ exps: [0, 2], coeff: Q(1) }, { exps: [0, 0], coeff: Q(-2) }] },
    ];
    const inp = prepareInput(sys, v, 'grevlex');
    expect(basisModP(inp, makePrime(p))).toBeUndefined();
    const m = modularGroebner(sys, v);
    expect(m.skipped.bad).toBe(1);
    expect(m.polys.map(termsToString)).toEqual(['y^2-2', `x^2-${p}*y`]);
  });

  it.each([
    ['the learning prime', 0],
    ['a replaying prime', 1],
  ])('an unlucky prime (%s) gives other leading monomials, is detected, and the lift is still right', (_, k) => {
    // x + y + z, x + (1 + q)y + 2z: eliminating x leaves q·y + z, whose leading monomial is y over
    // Q and z modulo q. The input keeps its support modulo q (no coefficient vanishes).
    const q = primesBelowBound(2)[k]!;
    const v = ['x', 'y', 'z'];
    const sys = [
      { vars: v, terms: [{ exps: [1, 0, 0], coeff: Q(1) }, { exps: [0, 1, 0], coeff: Q(1) }, { exps: [0, 0, 1], coeff: Q(1) }] },
      { vars: v, terms: [{ exps: [1, 0, 0], coeff: Q(1) }, { exps: [0, 1, 0], coeff: Q(1 + q) }, { exps: [0, 0, 1], coeff: Q(2) }] },
    ];
    const inp = prepareInput(sys, v, 'grevlex');
    const lms = (P: number) => basisModP(inp, makePrime(P))!.basis.map((g) => expsOfLead(inp, g.mons[0]!));
    expect(lms(q)).not.toEqual(lms(primesBelowBound(3)[2]!));
    const m = modularGroebner(sys, v);
    if (k === 0) expect(m.skipped.relearned).toBe(1);
    else expect(m.skipped.offTrace).toBeGreaterThanOrEqual(1);
    expect(m.polys.map(termsToString)).toEqual([`y+1/${q}*z`, `x+${q - 1}/${q}*z`]);
    if (singular) expect(m.polys.map(termsToString)).toEqual(singularStd(sys, v).basis.map(termsToString));
  });
});

const expsOfLead = (inp: ReturnType<typeof prepareInput>, m: number): number[] => expsOf(inp.table, m);

describe('certification over Q', () => {
  it.each(TABLE.filter(([, , v]) => v <= 73))('%s: the lifted basis is proved exactly (input reduces, S-pairs reduce, equal ideals by counting)', (spec, point) => {
    const { vars, system } = census(spec, point);
    const gb = groebner(system, vars);
    const c = certifyBasis(gb, system, modularCounts(system, vars).vdim);
    expect([c.inputReduces, c.sPairsReduce, c.sameIdeal]).toEqual([true, true, 'proved']);
  });
  it('a basis with an element dropped, or a coefficient changed, is not certified', () => {
    const { vars, system } = census('2-2-2:identity:nobias', [2, -3, 1, 4]);
    const gb = groebner(system, vars);
    const dropped = { ...gb, internal: gb.internal.slice(1), polys: gb.polys.slice(1) };
    const c1 = certifyBasis(dropped, system, 33);
    expect(c1.inputReduces && c1.sPairsReduce && c1.sameIdeal === 'proved').toBe(false);
    const last = gb.internal.at(-1)!;
    const bent = { ...last, cs: last.cs.map((c, k) => (k === last.cs.length - 1 ? c + 1n : c)) };
    const c2 = certifyBasis({ ...gb, internal: [...gb.internal.slice(0, -1), bent] }, system, 33);
    expect(c2.inputReduces && c2.sPairsReduce).toBe(false);
  });
});
