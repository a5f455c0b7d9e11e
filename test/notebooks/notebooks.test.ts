/**
 * Every notebook in notebooks/ executes headless without a failing cell. Each notebook checks its
 * own claims (a false claim throws), so this runs those checks too. Skipped, with the reason,
 * when Jupyter or tslab is missing (`.ci/run` installs them).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { notebookNames, toIpynb } from '../../scripts/notebooks-gen.mjs';
// @ts-expect-error plain ESM script without type declarations
import { prerequisites } from '../../scripts/notebooks.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const names: string[] = notebookNames();
const missing: string | undefined = prerequisites();
if (missing) console.warn(`notebook tests skipped: ${missing}`);

describe('notebooks', () => {
  it('the six notebooks exist', () => {
    expect(names).toEqual(['00-tour', '01-can-we-solve-it', '02-backprop-recursion', '03-backprop-equations', '04-relu-closed-form', '05-linear-collapse']);
  });

  it.each(names)('%s.ipynb is generated from its source', (name) => {
    const want = toIpynb(readFileSync(join(ROOT, 'notebooks', 'src', `${name}.md`), 'utf8'));
    expect(readFileSync(join(ROOT, 'notebooks', `${name}.ipynb`), 'utf8')).toBe(want);
  });

  it.skipIf(missing !== undefined).each(names)(
    '%s executes headless with every claim checked',
    (name) => {
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'notebooks.mjs'), '--no-gen', name], { cwd: ROOT, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    },
    600_000,
  );
});
