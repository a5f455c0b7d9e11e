/**
 * From equations (nodes or text) to the polynomial system the solver takes: each equation
 * `p = q` becomes the expanded polynomial p − q (an equation without `=` means `p = 0`).
 */
import { type Node, sub } from '../expr/node.js';
import { freeSymbols } from '../expr/walk.js';
import { parse } from '../print/parse.js';
import { expand } from './expand.js';
import { polyToTerms } from './poly.js';
import { type PolyTerms, PolyInputError } from './groebner.js';

/**
 * Expand expressions (each meaning `e = 0`) into the interchange form, checking that every free
 * symbol is one of `vars` and every one of `vars` occurs somewhere.
 *
 * @example
 * ```ts
 * import { systemFromNodes, parse } from 'closedform';
 * systemFromNodes([parse('x^2 - 2')], ['x'])[0]!.terms.length; // 2
 * ```
 */
export function systemFromNodes(eqs: readonly Node[], vars: readonly string[]): PolyTerms[] {
  if (eqs.length === 0) throw new PolyInputError('empty system: give at least one equation');
  if (vars.length === 0) throw new PolyInputError('no variables to solve for');
  const seen = new Set<string>();
  for (const v of vars) {
    if (seen.has(v)) throw new PolyInputError(`variable '${v}' is listed twice`);
    seen.add(v);
  }
  const used = new Set(freeSymbols(...eqs));
  for (const s of used) if (!seen.has(s)) throw new PolyInputError(`symbol '${s}' is not among the variables ${vars.join(', ')}`);
  for (const v of vars) if (!used.has(v)) throw new PolyInputError(`unknown variable '${v}': it occurs in no equation`);
  return eqs.map((e) => polyToTerms(expand(e)));
}

/**
 * Parse `"<eq>; <eq>; …"` where each equation is `p = q` or `p` (meaning p = 0).
 *
 * @example
 * ```ts
 * import { parseEquations } from 'closedform';
 * parseEquations('x^2 + y^2 = 1; x = y').length; // 2
 * ```
 */
export function parseEquations(text: string): Node[] {
  const parts = text
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (parts.length === 0) throw new PolyInputError('empty system: give at least one equation');
  return parts.map((eq) => {
    const sides = eq.split('=');
    if (sides.length > 2) throw new PolyInputError(`equation "${eq}" has more than one '='`);
    if (sides.length === 2) {
      if (sides[0]!.trim() === '' || sides[1]!.trim() === '') throw new PolyInputError(`equation "${eq}" has an empty side`);
      return sub(parse(sides[0]!), parse(sides[1]!));
    }
    return parse(eq);
  });
}
