/**
 * Singular (a second, independent computer-algebra system) as the oracle for large expansions:
 * sizes where the products go bucket by bucket and coefficients grow.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Node, type Poly, Q, expand, freeSymbols, parse, polyEqual, polyFromTerms, qmul, qparse, pow, sub, sym, toText } from '../../src/index.js';
import { denseOutputs } from './networks.js';

const HAS_SINGULAR = existsSync('/usr/bin/Singular');

/**
 * Singular's expansion of e, printed in long form (`-3*x^2*y+5/2*z-1`: no parentheses) and read
 * term by term with a small reader of that form.
 */
function singularExpand(e: Node): Poly {
  const vars = freeSymbols(e);
  const script = [`ring r = 0, (${vars.join(',')}), dp;`, 'short = 0;', `poly p = ${toText(e)};`, 'print(p);', 'quit;', ''].join('\n');
  const r = spawnSync('/usr/bin/Singular', ['-q'], { input: script, encoding: 'utf8', maxBuffer: 1 << 28 });
  expect(r.status).toBe(0);
  const index = new Map(vars.map((v, i) => [v, i]));
  const terms = r.stdout
    .replace(/\s+/g, '')
    .split(/(?=[+-])/)
    .filter((t) => t !== '')
    .map((t) => {
      const sign = t.startsWith('-') ? -1n : 1n;
      const exps = vars.map(() => 0);
      let coeff = Q(sign);
      for (const f of t.replace(/^[+-]/, '').split('*')) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\^(\d+))?$/.exec(f);
        if (m) exps[index.get(m[1]!)!]! += Number(m[2] ?? 1);
        else coeff = qmul(coeff, qparse(f)!);
      }
      return { exps, coeff };
    });
  return polyFromTerms(vars, terms);
}

describe.skipIf(!HAS_SINGULAR)('expand agrees with Singular', () => {
  it.each([
    ['output of 2-3-3-1:quadratic', () => denseOutputs([2, 3, 3, 1], ['quadratic'])[0]!, 58519],
    ['loss of 2-2-2-1:quadratic,identity', () => pow(sub(denseOutputs([2, 2, 2, 1], ['quadratic', 'quadratic', 'identity'])[0]!, sym('y1')), 2), 4779],
    ['(3x − 5y + 7z − 11)^40 (coefficients far past 2^53)', () => parse('(3*x - 5*y + 7*z - 11)^40'), 12341],
  ])('%s', (_, make, terms) => {
    const e = make();
    const ours = expand(e);
    expect(ours.n).toBe(terms);
    expect(polyEqual(ours, singularExpand(e))).toBe(true);
  });
});
