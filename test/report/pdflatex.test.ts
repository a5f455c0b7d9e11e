/**
 * The .tex documents compile with a real pdflatex (texlive-latex-base + -recommended), as a user's
 * would: every seed's derivation, in a fresh directory, halting on the first error.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveNetwork, parseSpec, renderTex } from '../../src/index.js';

const haveLatex = (() => {
  try {
    execFileSync('pdflatex', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!haveLatex)('pdflatex compiles the derived documents', () => {
  it.each(['1-2-1:quadratic', '3-2-1:relu,identity:nobias', '3-2-3-4:arctan_sigmoid:half', '3-4-1:identity:rows'])('%s', (spec) => {
    const dir = mkdtempSync(join(tmpdir(), 'cf-tex-'));
    writeFileSync(join(dir, 'd.tex'), renderTex(deriveNetwork(parseSpec(spec)).derivation));
    const r = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'd.tex'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stdout.split('\n').filter((l) => l.startsWith('!')).join('\n')).toBe(0);
    expect(existsSync(join(dir, 'd.pdf'))).toBe(true);
  }, 120_000);
});
