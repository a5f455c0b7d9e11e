/**
 * The bridge to Singular (an external, independent computer-algebra system): the oracle of the
 * tests and the engine for systems past the embedded one.
 *
 * Nothing the user typed reaches the script: variables are renamed `v1, v2, …` through a table
 * and coefficients are printed rationals; the script goes to `Singular -q --no-rc` on stdin of a
 * child process started without a shell and with a time limit.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Rational, ONE, Q, qdiv, qmul, qparse, qtoString } from '../expr/rational.js';
import { type PolyTerms, type TermOrder, toCommonVars } from './groebner.js';
import { ClosedformError } from '../expr/errors.js';

/** Where Singular is looked for. */
export const SINGULAR_PATH = '/usr/bin/Singular';

/** Default wall-clock limit of one Singular run (its start-up takes ~10 ms). */
export const SINGULAR_TIMEOUT_MS = 60_000;

/** Singular is missing, failed, timed out, or printed something the bridge cannot read. */
export class SingularError extends ClosedformError {
  override readonly name = 'SingularError';
}

let available: boolean | undefined;

/**
 * Is a working Singular installed?
 *
 * @example
 * ```ts
 * import { isSingularAvailable } from 'closedform';
 * if (isSingularAvailable()) console.log('Singular oracle on');
 * ```
 */
export function isSingularAvailable(): boolean {
  if (available === undefined) {
    available = false;
    if (existsSync(SINGULAR_PATH)) {
      const r = spawnSync(SINGULAR_PATH, ['-q', '--no-rc'], { input: 'print("@@OK");quit;\n', encoding: 'utf8', timeout: 10_000 });
      available = r.status === 0 && r.stdout.includes('@@OK');
    }
  }
  return available;
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
 * import { singularStd, Q } from 'closedform';
 * const p = { vars: ['x'], terms: [{ exps: [2], coeff: Q(1) }, { exps: [0], coeff: Q(-2) }] };
 * singularStd([p], ['x']).vdim; // 2
 * ```
 */
export function singularStd(
  polys: readonly PolyTerms[],
  vars: readonly string[],
  opts: { order?: TermOrder; timeoutMs?: number } = {},
): SingularResult {
  if (!isSingularAvailable()) throw new SingularError(`Singular is not installed at ${SINGULAR_PATH}`);
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
  const r = spawnSync(SINGULAR_PATH, ['-q', '--no-rc'], {
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
