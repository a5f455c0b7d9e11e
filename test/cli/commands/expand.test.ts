/**
 * `closedform expand`'s print budget: an expansion past MAX_PRINTED_TERMS is refused before a
 * character is printed, with its exact size (the term count checked against Singular, an
 * independent algebra system) and the hint `--out FILE`; `--out` writes the same text or JSON,
 * piece by piece, and what it writes reads back to the polynomial (compared exactly).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_PRINTED_TERMS } from '../../../src/cli/commands/expand.js';
import { buildNetwork, expand, freeSymbols, parse, parseSpec, polyEqual, polyTextChunks, polyToText, toText } from '../../../src/index.js';
import { isSingularAvailable } from '../../../src/node/singular.js';
import { cli } from '../../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'closedform-expand-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Singular's number of terms of an expression written in the text syntax (variables renamed v1, v2, …). */
function singularTermCount(text: string): number {
  const vars = freeSymbols(parse(text));
  let renamed = text;
  // longest names first, so that w1_1_1 is not partly replaced by a shorter name
  [...vars].sort((a, b) => b.length - a.length).forEach((v) => (renamed = renamed.replaceAll(v, `v${vars.indexOf(v) + 1}`)));
  const script = `ring r = 0, (${vars.map((_, i) => `v${i + 1}`).join(',')}), dp;\npoly f = ${renamed};\nsize(f);\nquit;\n`;
  const r = spawnSync('/usr/bin/Singular', ['-q', '--no-rc'], { input: script, encoding: 'utf8', timeout: 120_000 });
  return Number(r.stdout.trim());
}

describe('expand: the print budget', () => {
  it('3-4-4-1:quadratic is refused before printing, with its size and the hint --out', async () => {
    const t0 = Date.now();
    const r = await cli('expand', '3-4-4-1:quadratic');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n').length).toBe(2);
    expect(r.err).toMatch(/f1 has 2,212,211 terms \(≈ \d+ MB of text\), past the print budget of 10,000 terms: write it to a file with --out FILE/);
    // seconds (the expansion), not the two minutes that printing took
    expect(Date.now() - t0).toBeLessThan(45_000);
  }, 60_000);

  it.skipIf(!isSingularAvailable())('the refusal counts the terms exactly (Singular agrees) for 3-2-2-1:quadratic', async () => {
    const r = await cli('expand', '3-2-2-1:quadratic');
    expect(r.code).toBe(2);
    const n = Number(/f1 has ([\d,]+) terms/.exec(r.err)![1]!.replaceAll(',', ''));
    expect(n).toBeGreaterThan(MAX_PRINTED_TERMS);
    expect(n).toBe(singularTermCount(toText(buildNetwork(parseSpec('3-2-2-1:quadratic')).outputs[0]!)));
  });

  it('--out writes what stdout would have shown, and past the budget a file that reads back exactly', async () => {
    // within the budget: the file holds exactly the text (and the JSON) printed to stdout
    for (const extra of [[], ['--json']]) {
      const path = join(dir, `small${extra.length}.txt`);
      const printed = await cli('expand', '2-2-2-1:quadratic', ...extra);
      const written = await cli('expand', '2-2-2-1:quadratic', ...extra, '--out', path);
      expect(written.code).toBe(0);
      expect(readFileSync(path, 'utf8')).toBe(printed.out);
    }
    // past the budget: the JSON file parses, and its text is the network's output polynomial
    const path = join(dir, 'big.json');
    const r = await cli('expand', '3-2-2-1:quadratic', '--json', '--out', path);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ path, outputs: [{ name: 'f1', terms: 20123 }] });
    const o = JSON.parse(readFileSync(path, 'utf8')).outputs[0];
    const direct = expand(buildNetwork(parseSpec('3-2-2-1:quadratic')).outputs[0]!);
    expect(o.terms).toBe(direct.n);
    expect(polyEqual(expand(parse(o.text)), direct)).toBe(true);
    // the grouped coefficients sum back to the polynomial: Σ [m]·m = f
    const regrouped = o.coefficients.map((c: { monomial: string; text: string }) => `(${c.text})*${c.monomial}`).join(' + ');
    expect(polyEqual(expand(parse(regrouped)), direct)).toBe(true);
  }, 60_000);

  it('an unwritable --out is one line, exit 2', async () => {
    // below a regular file: no folder can be made there
    writeFileSync(join(dir, 'plain'), 'x');
    const r = await cli('expand', '1-1:quadratic', '--out', join(dir, 'plain', 'f.txt'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^closedform: cannot write .*f\.txt/);
  });
});

describe('polyTextChunks', () => {
  it('the pieces concatenate to polyToText, for any piece size', () => {
    const term = fc.tuple(fc.integer({ min: -5, max: 5 }), fc.constantFrom('a', 'b', 'a*b', 'a^2', '1'));
    fc.assert(
      fc.property(fc.array(term, { maxLength: 12 }), fc.integer({ min: 1, max: 5 }), (terms, size) => {
        const p = expand(parse(terms.map(([c, m]) => `(${c})*${m}`).join(' + ') || '0'));
        const pieces = [...polyTextChunks(p, size)];
        expect(pieces.join('')).toBe(polyToText(p));
        expect(pieces.length).toBe(Math.max(1, Math.ceil(p.n / size)));
      }),
      { numRuns: 200, seed: 16 },
    );
  });
});
