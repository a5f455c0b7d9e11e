/**
 * Rounded values are always marked (issue 14: `solve "x^2=2" --digits 0` printed x = ±1 as if
 * exact). Property over random polynomials (x − a)(x − c)(x² − b) and random --digits: in the
 * text, every `x = v` is an exact root (p(v) = 0 over Q) and every `x ≈ v` is a decimal with the
 * asked number of places within 10^−digits of a root (a sign change of p over Q, or a zero at an
 * end); in the JSON, `approx` is false exactly for the rational roots and true, with the exact
 * form beside it, for the others. The oracle is exact rational evaluation of p at the printed
 * values, and the root count by construction.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Q, type Rational, intRoot, qadd, qmul, qparse, qsign, qsub } from '../../../src/index.js';
import { cli } from '../../helpers/cli.js';

/** p(x) = (x − a)(x − c)(x² − b) at a rational x. */
const p = (a: Rational, c: Rational, b: bigint) => (x: Rational): Rational => qmul(qmul(qsub(x, a), qsub(x, c)), qsub(qmul(x, x), Q(b)));

const rat = fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 4 })).map(([n, d]) => Q(n, d));

describe('solve marks every rounded value (property over polynomials and --digits)', () => {
  it('text: = only for exact roots, ≈ for decimals within 10^−digits of a root; JSON: approx and the exact form', async () => {
    await fc.assert(
      fc.asyncProperty(rat, rat, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 25 }), async (a, c, b, digits) => {
        const f = p(a, c, BigInt(b));
        const poly = `(x - (${a.n}/${a.d}))*(x - (${c.n}/${c.d}))*(x^2 - ${b})`;
        const text = await cli('solve', poly, '--vars', 'x', '--digits', String(digits));
        expect(text.code, text.err).toBe(0);
        const square = intRoot(BigInt(b), 2n) !== undefined;
        const rational = new Set([`${a.n}/${a.d}`, `${c.n}/${c.d}`, ...(square ? [`${intRoot(BigInt(b), 2n)}/1`, `-${intRoot(BigInt(b), 2n)}/1`] : [])].map((s) => qparse(s)!).map((q) => `${q.n}/${q.d}`));
        const lines = text.out.split('\n').filter((l) => /^\s+x [=≈] /.test(l));
        const exact = lines.filter((l) => l.includes(' = '));
        const approx = lines.filter((l) => l.includes(' ≈ '));
        expect(exact.length).toBe(rational.size);
        expect(approx.length).toBe(square ? 0 : 2);
        for (const l of exact) {
          const v = qparse(l.split(' = ')[1]!)!;
          expect(qsign(f(v)), l).toBe(0);
        }
        const ulp = Q(1n, 10n ** BigInt(digits));
        for (const l of approx) {
          const s = l.split(' ≈ ')[1]!;
          expect(s, l).toMatch(new RegExp(`^-?\\d+\\.\\d{${digits}}$`));
          const v = qparse(s)!;
          const lo = f(qsub(v, ulp));
          const hi = f(qadd(v, ulp));
          expect(qsign(lo) * qsign(hi), `${l}: no root within 10^-${digits}`).toBeLessThanOrEqual(0);
        }
        const js = await cli('solve', poly, '--vars', 'x', '--digits', String(digits), '--json');
        const sols = (JSON.parse(js.out) as { realSolutions: { x: { value: string; approx: boolean; exact: string } }[] }).realSolutions;
        expect(sols.length).toBe(lines.length);
        for (const { x } of sols) {
          if (!x.approx) {
            expect(x.exact).toBe(x.value);
            expect(qsign(f(qparse(x.value)!))).toBe(0);
          } else expect(x.exact).toMatch(/^the root of x\^\d+ .* in \(-?\d+(\/\d+)?, -?\d+(\/\d+)?\)$/);
        }
      }),
      { numRuns: 40, seed: 14 },
    );
  }, 300_000);

  it('--digits 0 is refused, not rounded to look exact', async () => {
    const r = await cli('solve', 'x^2=2', '--vars', 'x', '--digits', '0', '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
  });

  it('coordinates through a separating element say so: y = x + 1 with x² = 2', async () => {
    const r = await cli('solve', 'x^2 = 2; y = x + 1', '--vars', 'x,y', '--digits', '4', '--json');
    const s = (JSON.parse(r.out) as { realSolutions: Record<string, { value: string; approx: boolean; exact: string }>[] }).realSolutions;
    expect(s.map((x) => [x.x!.value, x.y!.value])).toEqual([
      ['-1.4142', '-0.4142'],
      ['1.4142', '2.4142'],
    ]);
    for (const x of s) for (const c of Object.values(x)) expect(c.approx).toBe(true);
  });
});
