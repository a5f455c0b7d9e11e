/**
 * Each coordinate of a real solution as a front end shows it: the value, whether it is an
 * approximation, and the exact form beside it. A decimal must never read as an exact value
 * (`--digits 0` printed √2 as `1`): a rational coordinate is its fraction, exactly; any other is
 * a decimal marked `approx`, with the algebraic number it approximates —
 *   `the root of x^2 - 2 in (1, 2)`, or, when the coordinate is a polynomial g in the separating
 *   element u = Σ cᵢxᵢ, `g(u) where u = c·x is the root of p(u) in (lo, hi)`.
 * The intervals are the isolating intervals of the separating polynomial (small rationals), not
 * the refined ones behind the decimals.
 */
import { qtoString } from '../expr/rational.js';
import { realRoots } from './roots.js';
import type { RealSolution, SolveResult } from './solve.js';
import { type QPoly, qpolyToText } from './univariate.js';

/** One coordinate: exact (`approx: false`, value = exact) or a decimal approximation of `exact`. */
export interface CoordinateForm {
  readonly value: string;
  readonly approx: boolean;
  readonly exact: string;
}

/** Σ cᵢxᵢ as text: `x`, `y + 2*z`. */
function formText(form: readonly number[], vars: readonly string[]): string {
  const terms = form.flatMap((c, i) => (c === 0 ? [] : [c === 1 ? vars[i]! : `${c}*${vars[i]}`]));
  return terms.length === 0 ? '0' : terms.join(' + ');
}

const isIdentity = (g: QPoly): boolean => g.length === 2 && g[0]!.n === 0n && g[1]!.n === 1n && g[1]!.d === 1n;

/**
 * The coordinates of every real solution of `r`, in the order of `r.realSolutions`.
 *
 * @example
 * ```ts
 * const r = solveSystem(systemFromNodes(parseEquations('x^2 - 2'), ['x']), ['x'], { digits: 3 });
 * realSolutionForms(r)[1]!.x; // { value: '1.414', approx: true, exact: 'the root of x^2 - 2 in (3/4, 3/2)' }
 * ```
 */
export function realSolutionForms(r: SolveResult): Record<string, CoordinateForm>[] {
  const sols: readonly RealSolution[] = r.realSolutions ?? [];
  const sep = r.separating;
  // the isolating intervals, in the order the solutions were made (solveSystem maps realRoots(p))
  const isolated = sep === undefined ? [] : realRoots(sep.poly);
  return sols.map((s, k) => {
    const out: Record<string, CoordinateForm> = {};
    for (const v of r.vars) {
      const q = s.exact[v];
      if (q !== undefined) {
        out[v] = { value: qtoString(q), approx: false, exact: qtoString(q) };
        continue;
      }
      const root = isolated[k];
      let exact = 'an algebraic number (no separating element recorded)';
      if (sep !== undefined && root !== undefined) {
        const unit = sep.form.every((c, i) => c === (r.vars[i] === v ? 1 : 0));
        const g = sep.coordinates[v]!;
        const interval = `(${qtoString(root.lo)}, ${qtoString(root.hi)})`;
        exact =
          unit && isIdentity(g)
            ? `the root of ${qpolyToText(sep.poly, v)} in ${interval}`
            : `${qpolyToText(g, 'u')} where u = ${formText(sep.form, r.vars)} is the root of ${qpolyToText(sep.poly, 'u')} in ${interval}`;
      }
      out[v] = { value: s.values[v]!, approx: true, exact };
    }
    return out;
  });
}
