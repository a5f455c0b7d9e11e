/**
 * The bridge to Singular (an external, independent computer-algebra system): the oracle of the
 * tests and the engine for systems past the embedded one.
 *
 * Nothing the user typed reaches the script: variables are renamed `v1, v2, …` through a table
 * and coefficients are printed rationals; the script goes to `Singular -q --no-rc` on stdin of a
 * child process started without a shell and with a time limit. Singular is the executable named by
 * an option, by `$CLOSEDFORM_SINGULAR`, or found on `$PATH`, in that order.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { type Rational, ONE, Q, qdiv, qmul, qparse, qtoString } from '../expr/rational.js';
import { type PolyTerms, type TermOrder, toCommonVars } from '../poly/groebner.js';
import { ClosedformError } from '../expr/errors.js';

/** The environment variable that names the Singular executable, ahead of PATH. */
export const SINGULAR_ENV = 'CLOSEDFORM_SINGULAR';

/** Default wall-clock limit of one Singular run (its start-up takes ~10 ms). */
export const SINGULAR_TIMEOUT_MS = 60_000;

/** Singular is missing, failed, timed out, or printed something the bridge cannot read. */
export class SingularError extends ClosedformError {
  override readonly name = 'SingularError';
}

/** Where the bridge found Singular, and what told it. */
export interface SingularLocation {
  readonly path: string;
  readonly source: 'option' | typeof SINGULAR_ENV | 'PATH';
}

const isExecutableFile = (p: string): boolean => {
  try {
    accessSync(p, constants.X_OK);
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

/**
 * Where Singular is: the path given (an option), else `$CLOSEDFORM_SINGULAR`, else the first
 * executable `Singular` in a directory of `$PATH`; undefined when there is none. A path given by
 * the option or the variable is returned as given, working or not, so that the error can name it.
 *
 * @example
 * ```ts
 * import { locateSingular } from 'closedform/node';
 * locateSingular()?.path; // '/usr/bin/Singular' on Debian with the singular package
 * ```
 */
export function locateSingular(path?: string): SingularLocation | undefined {
  if (path !== undefined && path !== '') return { path, source: 'option' };
  const env = process.env[SINGULAR_ENV];
  if (env !== undefined && env !== '') return { path: env, source: SINGULAR_ENV };
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'Singular');
    if (isExecutableFile(candidate)) return { path: candidate, source: 'PATH' };
  }
  return undefined;
}

const works = new Map<string, boolean>();

/** Does the Singular at this path start and answer? (memoised per path) */
function answers(path: string): boolean {
  let ok = works.get(path);
  if (ok === undefined) {
    const r = spawnSync(path, ['-q', '--no-rc'], { input: 'print("@@OK");quit;\n', encoding: 'utf8', timeout: 10_000 });
    ok = r.status === 0 && r.stdout.includes('@@OK');
    works.set(path, ok);
  }
  return ok;
}

/**
 * Is a working Singular installed (at `path`, or where {@link locateSingular} finds it)?
 *
 * @example
 * ```ts
 * import { isSingularAvailable } from 'closedform/node';
 * if (isSingularAvailable()) console.log('Singular oracle on');
 * ```
 */
export function isSingularAvailable(path?: string): boolean {
  const at = locateSingular(path);
  return at !== undefined && answers(at.path);
}

/** The working Singular's path, or a SingularError that says where it looked. */
function singularExecutable(path?: string): string {
  const at = locateSingular(path);
  if (at === undefined) throw new SingularError(`Singular not found on PATH; install it or set ${SINGULAR_ENV} to its path`);
  if (!answers(at.path)) {
    const from = at.source === 'PATH' ? 'found on PATH' : at.source === 'option' ? 'given' : `from ${SINGULAR_ENV}`;
    throw new SingularError(`Singular at '${at.path}' (${from}) does not run`);
  }
  return at.path;
}

/** What Singular computed for an ideal. */
export interface SingularResult {
  /** Reduced basis (`std` with `option(redSB)`), made monic, in Singular's order (increasing). */
  basis: PolyTerms[];
  /** Krull dimension (`dim`), −1 for the unit ideal. */
  dimension: number;
  /** Number of complex solutions with multiplicity (`vdim`), −1 if not zero-dimensional. */
  vdim: number;
  /** Microseconds Singular spent inside `std` (its `rtimer`). */
  micros: number;
}

/** The polynomial as Singular text over `v1…vn`. Only digits, `/`, `*`, `^`, `+`, `-`, `v`. */
function singularText(terms: readonly { exps: readonly number[]; coeff: Rational }[]): string {
  if (terms.length === 0) return '0';
  return terms
    .map((t) => {
      const mon = t.exps.flatMap((e, k) => (e === 0 ? [] : [e === 1 ? `v${k + 1}` : `v${k + 1}^${e}`]));
      const c = qtoString(t.coeff);
      return `(${c})${mon.map((m) => `*${m}`).join('')}`;
    })
    .join('+');
}

/**
 * Run Singular's `std`, `dim` and `vdim` on the ideal of `polys` in Q[vars].
 *
 * @example
 * ```ts
 * import { singularStd, Q } from 'closedform/node';
 * const p = { vars: ['x'], terms: [{ exps: [2], coeff: Q(1) }, { exps: [0], coeff: Q(-2) }] };
 * singularStd([p], ['x']).vdim; // 2
 * ```
 */
export function singularStd(
  polys: readonly PolyTerms[],
  vars: readonly string[],
  opts: { order?: TermOrder; timeoutMs?: number; singular?: string } = {},
): SingularResult {
  const executable = singularExecutable(opts.singular);
  if (vars.length === 0) throw new SingularError('no variables');
  const common = toCommonVars(polys, vars);
  const ring = vars.map((_, i) => `v${i + 1}`).join(',');
  const gens = common.map(singularText);
  // Lex bases: std in dp first; a zero-dimensional ideal is converted by Singular's fglm (its
  // own std in lp can take minutes where fglm takes milliseconds), others get std in lp.
  const lexPart =
    opts.order === 'lex'
      ? [
          'int d0 = dim(g);',
          `ring s = 0, (${ring}), lp;`,
          'option(redSB);',
          'ideal i = imap(r, i);',
          'ideal g;',
          'if (d0 == 0) { g = fglm(r, g); } else { g = std(i); }',
        ]
      : [];
  const script = [
    'system("--ticks-per-sec",1000000);',
    `ring r = 0, (${ring}), dp;`,
    'option(redSB);',
    `ideal i = ${gens.length > 0 ? gens.join(',\n') : '0'};`,
    'int t0 = rtimer;',
    'ideal g = std(i);',
    ...lexPart,
    'int t1 = rtimer;',
    'print("@@TIME " + string(t1-t0));',
    'print("@@DIM " + string(dim(g)));',
    'print("@@VDIM " + string(vdim(g)));',
    'int k; for (k=1; k<=ncols(g); k++) { print("@@P " + string(g[k])); }',
    'print("@@END");',
    'quit;',
    '',
  ].join('\n');
  const r = spawnSync(executable, ['-q', '--no-rc'], {
    input: script,
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? SINGULAR_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw new SingularError(`Singular failed: ${r.error.message}`);
  if (r.signal) throw new SingularError(`Singular stopped by ${r.signal} (time limit ${opts.timeoutMs ?? SINGULAR_TIMEOUT_MS} ms)`);
  if (!r.stdout.includes('@@END')) throw new SingularError(`Singular gave no result: ${(r.stderr || r.stdout).split('\n')[0]}`);
  let micros = 0;
  let dimension = 0;
  let vdim = 0;
  const basis: PolyTerms[] = [];
  for (const line of r.stdout.split('\n')) {
    const [tag, ...rest] = line.trim().split(' ');
    const body = rest.join(' ');
    if (tag === '@@TIME') micros = Number(body);
    else if (tag === '@@DIM') dimension = Number(body);
    else if (tag === '@@VDIM') vdim = Number(body);
    else if (tag === '@@P' && body !== '0') basis.push({ vars: [...vars], terms: parseSingularPoly(body, vars.length) });
  }
  return { basis, dimension, vdim, micros };
}

/** Singular's printed polynomial over v1…vn (`-3/2*v1^2*v2+v3-5`) → monic terms. */
export function parseSingularPoly(text: string, n: number): { exps: number[]; coeff: Rational }[] {
  const terms: { exps: number[]; coeff: Rational }[] = [];
  const re = /([+-]?)([^+-]+)/g;
  for (const m of text.replace(/\s+/g, '').matchAll(re)) {
    const sign = m[1] === '-' ? -1n : 1n;
    const exps = new Array<number>(n).fill(0);
    let coeff: Rational = Q(sign);
    for (const f of m[2]!.split('*')) {
      const v = /^v(\d+)(?:\^(\d+))?$/.exec(f);
      if (v) {
        const k = Number(v[1]) - 1;
        if (k < 0 || k >= n) throw new SingularError(`unexpected variable ${f} in Singular output`);
        exps[k]! += v[2] === undefined ? 1 : Number(v[2]);
      } else {
        const c = qparse(f);
        if (c === undefined) throw new SingularError(`cannot read '${f}' in Singular output`);
        coeff = qmul(coeff, c);
      }
    }
    terms.push({ exps, coeff });
  }
  const lc = terms[0]?.coeff ?? ONE;
  return terms.map((t) => ({ exps: t.exps, coeff: qdiv(t.coeff, lc) }));
}
