/**
 * Where the Singular bridge finds Singular: an explicit path, else $CLOSEDFORM_SINGULAR, else the
 * first executable `Singular` on $PATH, and a typed error naming where it looked when there is
 * none. The PATH case runs the real Singular through a link in a directory of its own, and its
 * answer is checked against the embedded Gröbner engine.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Q, groebner, solutionCount } from '../../src/index.js';
import { SINGULAR_ENV, SingularError, isSingularAvailable, locateSingular, singularStd } from '../../src/node/index.js';

const REAL = '/usr/bin/Singular';
/** Finding is by name and permissions only: any executable file named Singular is found (here: node). */
const ANY_PROGRAM = process.execPath;
const here = isSingularAvailable(REAL);
if (!here) console.warn(`Singular tests that run it skipped: ${REAL} is missing (apt-get install singular)`);

/** x² − 2 and x·y − 1 in Q[x, y]: two complex solutions (±√2, ±1/√2). */
const SYSTEM = [
  { vars: ['x', 'y'], terms: [{ exps: [2, 0], coeff: Q(1) }, { exps: [0, 0], coeff: Q(-2) }] },
  { vars: ['x', 'y'], terms: [{ exps: [1, 1], coeff: Q(1) }, { exps: [0, 0], coeff: Q(-1) }] },
];

let saved: { path: string | undefined; env: string | undefined };
let dir: string;
beforeEach(() => {
  saved = { path: process.env['PATH'], env: process.env[SINGULAR_ENV] };
  dir = mkdtempSync(join(tmpdir(), 'cf-singular-'));
});
afterEach(() => {
  for (const [k, v] of [['PATH', saved.path], [SINGULAR_ENV, saved.env]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('locateSingular', () => {
  it('takes the option first, then the variable, then PATH', () => {
    const bin = join(dir, 'bin');
    process.env['PATH'] = `${join(dir, 'nothing-here')}:${dir}`;
    symlinkSync(ANY_PROGRAM, join(dir, 'Singular'));
    delete process.env[SINGULAR_ENV];
    expect(locateSingular()).toEqual({ path: join(dir, 'Singular'), source: 'PATH' });
    process.env[SINGULAR_ENV] = '/opt/singular/bin/Singular';
    expect(locateSingular()).toEqual({ path: '/opt/singular/bin/Singular', source: SINGULAR_ENV });
    expect(locateSingular(bin)).toEqual({ path: bin, source: 'option' });
  });

  it('skips a PATH entry that is not an executable file', () => {
    const a = mkdtempSync(join(dir, 'a-'));
    const b = mkdtempSync(join(dir, 'b-'));
    writeFileSync(join(a, 'Singular'), 'not a program\n');
    chmodSync(join(a, 'Singular'), 0o644); // a file, not executable
    mkdirSync(join(b, 'Singular')); // a directory (directories are "executable")
    process.env['PATH'] = `${a}:${b}`;
    delete process.env[SINGULAR_ENV];
    expect(locateSingular()).toBeUndefined();
    symlinkSync(ANY_PROGRAM, join(dir, 'Singular'));
    process.env['PATH'] = `${a}:${b}:${dir}`;
    expect(locateSingular()?.path).toBe(join(dir, 'Singular'));
  });

  it('none found: not available, and a typed error that says how to fix it', () => {
    process.env['PATH'] = dir;
    delete process.env[SINGULAR_ENV];
    expect(isSingularAvailable()).toBe(false);
    expect(() => singularStd(SYSTEM, ['x', 'y'])).toThrow(new SingularError(`Singular not found on PATH; install it or set ${SINGULAR_ENV} to its path`));
  });

  it('a variable that names nothing runnable is reported with its source', () => {
    process.env[SINGULAR_ENV] = join(dir, 'no-such-Singular');
    expect(isSingularAvailable()).toBe(false);
    expect(() => singularStd(SYSTEM, ['x', 'y'])).toThrow(`Singular at '${join(dir, 'no-such-Singular')}' (from ${SINGULAR_ENV}) does not run`);
  });
});

describe.skipIf(!here)('running the Singular that was found', () => {
  const embedded = solutionCount(groebner(SYSTEM, ['x', 'y']));

  it('on PATH only (no variable): its count equals the embedded engine’s', () => {
    symlinkSync(REAL, join(dir, 'Singular'));
    process.env['PATH'] = dir;
    delete process.env[SINGULAR_ENV];
    expect(isSingularAvailable()).toBe(true);
    expect(embedded).toBe(2);
    expect(singularStd(SYSTEM, ['x', 'y']).vdim).toBe(embedded);
  });

  it('by the variable, with PATH empty', () => {
    process.env['PATH'] = '';
    process.env[SINGULAR_ENV] = REAL;
    expect(singularStd(SYSTEM, ['x', 'y']).vdim).toBe(embedded);
  });

  it('by the option, ahead of a variable that names nothing', () => {
    process.env[SINGULAR_ENV] = join(dir, 'broken');
    expect(singularStd(SYSTEM, ['x', 'y'], { singular: REAL }).vdim).toBe(embedded);
  });
});
