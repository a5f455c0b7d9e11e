/** The Singular bridge: output parsing, renaming (no user text in the script), errors. */
import { describe, expect, it } from 'vitest';
import { Q } from '../../src/index.js';
import { termsToString } from '../../src/poly/solve-index.js';
import { SingularError, isSingularAvailable, parseSingularPoly, singularStd } from '../../src/node/singular.js';

describe('parseSingularPoly', () => {
  it.each([
    ['v1^2-3/2*v2', 2, 'x^2-3/2*y'],
    ['2*v1*v2^3+v2-5', 2, 'x*y^3+1/2*y-5/2'],
    ['-v2+7', 2, 'y-7'],
    ['1', 2, '1'],
  ])('%s → monic %s', (text, n, want) => {
    expect(termsToString({ vars: ['x', 'y'], terms: parseSingularPoly(text, n) })).toBe(want);
  });
  it('rejects unknown tokens with a typed error', () => {
    expect(() => parseSingularPoly('v3+1', 2)).toThrow(SingularError);
    expect(() => parseSingularPoly('a+1', 2)).toThrow(SingularError);
  });
});

describe.skipIf(!isSingularAvailable())('singularStd', () => {
  it('variable names that are Singular keywords are renamed, never spliced', () => {
    const vars = ['quit', 'system'];
    const p = { vars, terms: [{ exps: [2, 0], coeff: Q(1) }, { exps: [0, 1], coeff: Q(-1) }] };
    const q = { vars, terms: [{ exps: [0, 2], coeff: Q(1) }, { exps: [0, 0], coeff: Q(-4) }] };
    const r = singularStd([p, q], vars);
    expect(r.basis.map(termsToString).sort()).toEqual(['quit^2-system', 'system^2-4'].sort());
    expect([r.dimension, r.vdim]).toEqual([0, 4]);
  });
  it('the zero ideal: dimension = number of variables', () => {
    const r = singularStd([{ vars: ['x', 'y'], terms: [] }], ['x', 'y']);
    expect([r.basis.length, r.dimension]).toEqual([0, 2]);
  });
  it('a time limit ends the child with a typed error', () => {
    const vars = ['a', 'b', 'c', 'd', 'e', 'f'];
    // cyclic-6 takes Singular longer than 1 ms
    const cyc = Array.from({ length: 6 }, (_, k) => ({
      vars,
      terms: Array.from({ length: 6 }, (_, i) => ({ exps: vars.map((_, j) => ((j - i + 6) % 6 <= k ? 1 : 0)), coeff: Q(1) })),
    }));
    expect(() => singularStd(cyc, vars, { timeoutMs: 1 })).toThrow(SingularError);
  });
});
