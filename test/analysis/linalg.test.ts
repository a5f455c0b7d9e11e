import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Q, type Rational, qadd, qmul, qsub, qtoString } from '../../src/expr/rational.js';
import { cayleyOrthogonal, eqQ, identityQ, inverseQ, matMulQ, rankQ, solveNormalEquations, solveQ, transpose } from '../../src/analysis/linalg.js';

const q = (rows: (number | [number, number])[][]): Rational[][] => rows.map((r) => r.map((v) => (Array.isArray(v) ? Q(v[0], v[1]) : Q(v))));
const hasSympy = existsSync('/usr/bin/python3') && (() => {
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import sympy'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** SymPy's exact rank of many rational matrices in one process. */
function sympyRanks(ms: Rational[][][]): number[] {
  const src = ms.map((m) => `[${m.map((r) => `[${r.map((v) => `Rational(${JSON.stringify(qtoString(v))})`).join(',')}]`).join(',')}]`).join(',\n');
  const py = `from sympy import Matrix, Rational\nms = [${src}]\nprint(' '.join(str(Matrix(m).rank()) for m in ms))`;
  return execFileSync('/usr/bin/python3', ['-c', py], { encoding: 'utf8' }).trim().split(' ').map(Number);
}

describe('rankQ', () => {
  it.each([
    ['zero', q([[0, 0], [0, 0]]), 0],
    ['identity', identityQ(3), 3],
    ['dependent rows', q([[1, 2, 3], [2, 4, 6], [1, 0, 1]]), 2],
    ['fractions', q([[[1, 2], [1, 3]], [[3, 2], 1]]), 1],
    ['wide', q([[1, 2, 3, 4], [0, 0, 1, 1]]), 2],
    ['tall, pivot in a later column', q([[0, 1], [0, 2], [0, 3]]), 1],
  ])('%s', (_, m, r) => expect(rankQ(m)).toBe(r));

  it.runIf(hasSympy)('agrees with SymPy on random low-rank rational matrices', () => {
    const arb = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 })).chain(([r, c, k]) =>
      fc.tuple(
        fc.array(fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 1, max: 4 })), { minLength: k, maxLength: k }), { minLength: r, maxLength: r }),
        fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: c, maxLength: c }), { minLength: k, maxLength: k }),
      ),
    );
    // A = B·C with B r×k, C k×c has rank ≤ k: low rank is where elimination bugs show.
    const ms = fc.sample(arb, { numRuns: 60, seed: 7 }).map(([B, C]) => matMulQ(B.map((r) => r.map(([n, d]) => Q(n, d))), C.map((r) => r.map((v) => Q(v)))));
    expect(ms.map(rankQ)).toEqual(sympyRanks(ms));
  });
});

describe('solveQ and inverseQ', () => {
  it('solves a square system exactly', () => {
    const s = solveQ(q([[2, 1], [1, 3]]), [Q(3), Q(5)]);
    expect(s).toEqual({ kind: 'solution', x: [Q(4, 5), Q(7, 5)], nullity: 0 });
  });
  it('reports inconsistency and nullity', () => {
    expect(solveQ(q([[1, 1], [2, 2]]), [Q(1), Q(3)]).kind).toBe('inconsistent');
    const s = solveQ(q([[1, 1], [2, 2]]), [Q(1), Q(2)]);
    expect(s.kind === 'solution' && s.nullity).toBe(1);
  });
  it('inverse times matrix is the identity; singular gives undefined', () => {
    const a = q([[2, 1, 0], [1, 3, 1], [0, 1, 4]]);
    expect(eqQ(matMulQ(a, inverseQ(a)!), identityQ(3))).toBe(true);
    expect(inverseQ(q([[1, 2], [2, 4]]))).toBeUndefined();
  });
  it('Cayley transform of a skew matrix is orthogonal (RᵀR = I), exactly', () => {
    const S = q([[0, [1, 2], 1], [[-1, 2], 0, [2, 3]], [-1, [-2, 3], 0]]);
    const R = cayleyOrthogonal(S);
    expect(eqQ(matMulQ(transpose(R), R), identityQ(3))).toBe(true);
    expect(cayleyOrthogonal(q([[0, [1, 2]], [[-1, 2], 0]]))).toEqual(q([[[3, 5], [-4, 5]], [[4, 5], [3, 5]]]));
  });
});

describe('solveNormalEquations', () => {
  // Oracles: the characterisation of a least-squares minimiser (the residual A·c − y is
  // orthogonal to every column of A, checked exactly), and the nullity against n − rank A by
  // Bareiss (rankQ), a different elimination from the Gauss–Jordan behind the solve.
  it('the residual is orthogonal to the columns, and the nullity is n − rank A', () => {
    const entry = fc.tuple(fc.integer({ min: -4, max: 4 }), fc.constantFrom(1, 2, 3)).map(([p, d]) => Q(p, d));
    const system = fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 4 }))
      .chain(([P, n]) => fc.tuple(fc.array(fc.array(entry, { minLength: n, maxLength: n }), { minLength: P, maxLength: P }), fc.array(entry, { minLength: P, maxLength: P })));
    fc.assert(
      fc.property(system, ([A, y]) => {
        const { x, nullity } = solveNormalEquations(A, y);
        const n = A[0]!.length;
        expect(x.length).toBe(n);
        const residual = A.map((row, p) => qsub(row.reduce((s, v, j) => qadd(s, qmul(v, x[j]!)), Q(0)), y[p]!));
        for (let j = 0; j < n; j++) expect(qtoString(residual.reduce((s, r, p) => qadd(s, qmul(A[p]![j]!, r)), Q(0)))).toBe('0');
        expect(nullity).toBe(n - rankQ(A));
      }),
      { numRuns: 200 },
    );
  });
});
