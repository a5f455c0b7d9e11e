/**
 * The notebooks' grid proof of polynomial identities (notebooks/lib/grid.js) against the
 * polynomial module's expansion (`verifyIdentity`), which decides the same question another way.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Lib from '../../src/index.js';

// The helper imports the *built* library (as the notebooks do), and expressions are interned per
// module instance, so this test must use the built library too: build it if it is missing.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let cf: typeof Lib;
let degreeBounds: (e: Lib.Node) => Map<string, number> | undefined;
let gridIdentity: (l: Lib.Node, r: Lib.Node) => { holds: boolean };
beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  cf = (await import(join(ROOT, 'dist', 'index.js'))) as typeof Lib;
  ({ degreeBounds, gridIdentity } = await import(join(ROOT, 'notebooks', 'lib', 'grid.js')));
});
const parse = (s: string): Lib.Node => cf.parse(s);
const verifyIdentity = (l: Lib.Node, r: Lib.Node): Lib.VerifyResult => cf.verifyIdentity(l, r);

/** Random small polynomial expressions in a, b, c (nested sums, products, small powers), as text. */
const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('a', 'b', 'c'),
    fc.integer({ min: -3, max: 3 }).map((k) => `(${k})`),
    fc.tuple(tie('e'), tie('e')).map(([x, y]) => `(${x} + ${y})`),
    fc.tuple(tie('e'), tie('e')).map(([x, y]) => `(${x})*(${y})`),
    fc.tuple(tie('e'), fc.integer({ min: 2, max: 3 })).map(([x, k]) => `(${x})^${k}`),
  ),
})).e;

describe('notebooks/lib/grid.js', () => {
  it.each([
    ['(a + b)^2', 'a^2 + 2*a*b + b^2', true],
    ['(a + b)^2', 'a^2 + b^2', false],
    ['(x + 1)^3 - (x - 1)^3', '6*x^2 + 2', true],
    ['a*b*c', 'c*b*a + 0*a', true],
  ])('%s = %s is %s', (l, r, holds) => {
    const v = gridIdentity(parse(l), parse(r));
    expect(v.holds).toBe(holds);
    expect(verifyIdentity(parse(l), parse(r)).holds).toBe(holds);
  });

  it('degree bounds follow the structure (and refuse non-polynomials)', () => {
    expect(Object.fromEntries(degreeBounds(parse('(a + b^2)^3 * a'))!)).toEqual({ a: 4, b: 6 });
    expect(degreeBounds(parse('relu(a) + 1'))).toBeUndefined();
    expect(() => gridIdentity(parse('sigmoid(a)'), parse('a'))).toThrow(/not a polynomial/);
  });

  it('agrees with expansion on random pairs e, e′', () => {
    fc.assert(
      fc.property(expr, expr, fc.boolean(), (e, f, same) => {
        // half the cases compare e with its expanded form (an identity between different
        // expressions), half with an unrelated e′ (almost always not an identity)
        const lhs = parse(e);
        const rhs = same ? cf.polyToNode(cf.expand(lhs)) : parse(f);
        const grid = gridIdentity(lhs, rhs);
        const byExpansion = verifyIdentity(lhs, rhs);
        expect(byExpansion.method).toBe('polynomial identity');
        expect(grid.holds).toBe(byExpansion.holds);
        if (same) expect(grid.holds).toBe(true);
      }),
      { numRuns: 150, seed: 42 },
    );
  });
});
