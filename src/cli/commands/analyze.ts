/** `analyze SPEC`: the solvability explorer — class, collapse, least squares, critical points, verdict. */
import { type Analysis, type Verdict, MAX_DIGITS, MAX_TAYLOR_ORDER, type Regularisation, analysisJson, analyze, minimaStatus, readCsv, readSpec, recursionMatrices, verdict } from '../../node/index.js';
import { readInput } from '../files.js';
import { type Io, type Register, UsageError, json } from '../io.js';
import { integerOption, integerOr, rationalOption } from '../options.js';
import { progress } from '../progress.js';

/** `--l2 1/10`, `--l2 generic`, `--l2 none`. */
export function parseL2(text: string | undefined, seed: number, normalise = false): Regularisation {
  if (normalise) {
    if (text !== undefined && text !== 'none') throw new UsageError('--normalise and --l2 are alternatives: give one of them');
    return { kind: 'normalise' };
  }
  if (text === undefined || text === 'none') return { kind: 'none' };
  if (text === 'generic') return { kind: 'generic', seed };
  return { kind: 'uniform', lambda: rationalOption('--l2', text, "a positive rational such as 1/10, or 'generic', or 'none'", true) };
}

/** The seed option of analyze and collapse: 0 to 2³² − 1 (the generators take 32 bits). */
export const SEED_RANGE = { min: 0, max: 2 ** 32 - 1 } as const;

interface Opts {
  data?: string;
  l2?: string;
  seed?: string;
  taylor?: string;
  taylorAt?: string;
  timeout?: string;
  digits?: string;
  normalise?: boolean;
  json?: boolean;
}

function run(specText: string, o: Opts, io: Io): void {
  const spec = readSpec(specText);
  const seed = integerOr('--seed', o.seed, SEED_RANGE, 1);
  const timeout = integerOption('--timeout', o.timeout, { min: 1, max: 86_400 });
  const taylor = integerOption('--taylor', o.taylor, { min: 1, max: MAX_TAYLOR_ORDER });
  const at = o.taylorAt === undefined ? undefined : rationalOption('--taylor-at', o.taylorAt, 'a rational such as 0 or 1/2');
  const l2 = parseL2(o.l2, seed, o.normalise === true);
  const data = o.data === undefined ? undefined : readCsv(readInput(io, o.data, 'data file', '--data'), spec);
  const digits = integerOption('--digits', o.digits, { min: 1, max: MAX_DIGITS });
  let a;
  // The exact stages and the descent can take seconds: a bar on stderr (only on a terminal, after 1 s).
  const bar = progress(io, 'analyze');
  try {
    a = analyze(spec, {
      ...(data ? { data } : {}),
      l2,
      seed,
      ...(timeout !== undefined ? { millis: timeout * 1000 } : {}),
      ...(digits !== undefined ? { digits } : {}),
      ...(taylor !== undefined ? { taylor } : {}),
      ...(at !== undefined ? { taylorAt: at } : {}),
      onProgress: (fraction, stage) => bar.update(fraction, stage),
    });
  } finally {
    bar.done();
  }
  if (o.json) {
    io.out(json(analysisJson(a)));
    return;
  }
  io.out(verdictListing(verdict(a)));
  const rec = recursionMatrices(a.specObject);
  if (rec !== undefined) io.out(`\n${recursionLine(a.specObject.widths.length - 1, rec.tiedPower !== undefined)}\n`);
  io.out(pointListing(a));
}

/**
 * The verdict as text: the headline, then every finding with its basis and the stage that
 * established it, then what was not established and why, then what to try next.
 */
export function verdictListing(v: Verdict): string {
  const out = [v.headline, ''];
  v.findings.forEach((f, i) => out.push(`  ${i + 1}. [${f.basis} · ${f.stage}] ${f.text}`));
  if (v.gaps.length > 0) {
    out.push('', 'not established:');
    for (const g of v.gaps) out.push(`  - [${g.status} · ${g.stage}] ${g.text}`);
  }
  if (v.next.length > 0) out.push('', `Next: ${v.next.join('; ')}.`);
  return `${out.join('\n')}\n`;
}

/** `w1_1_1 = 1/3, …`: the coefficients as drawn, so that the system can be rebuilt elsewhere. */
const lambdaList = (lambda: Readonly<Record<string, string>>): string =>
  Object.entries(lambda)
    .map(([p, l]) => `${p} = ${l}`)
    .join(', ');

/**
 * Seed 001's closed-form δ-recursion of an identity network with L layers, as one line (the
 * derived page has it with its matrices and the proof by expansion).
 */
export const recursionLine = (L: number, tied: boolean): string =>
  `backprop in closed form (seed 001): delta(n) = W(n+1)ᵀ⋯W(${L})ᵀ delta(${L})` +
  (tied ? `; tied weights: delta(n) = (Wᵀ)^(${L}−n) delta(${L}), and for symmetric W = R D Rᵀ: R D^(${L}−n) Rᵀ delta(${L}) (seed 001's RᵀDR is this with R's rows the eigenvectors; it needs W symmetric)` : '');

/** Lines shown per listing; --json lists everything. */
export const LISTED_POINTS = 20;

/** `name = value`, with `≈` for a decimal (a rounded irrational value) and `=` for an exact rational. */
const coords = (p: Readonly<Record<string, string>>): string =>
  Object.entries(p)
    .map(([k, v]) => `${k} ${v.includes('.') ? '≈' : '='} ${v}`)
    .join(', ');

/** The certified type: `saddle of index 2`, `degenerate (2 zero eigenvalues)`, `degenerate (not proved)`. */
const typeText = (r: { type: string; index?: number; nullity?: number; certainty: string }): string =>
  r.type === 'saddle' && r.index !== undefined
    ? `saddle of index ${r.index}`
    : r.type === 'degenerate'
      ? r.certainty === 'unproved'
        ? 'degenerate (not proved: the refinement budget ended)'
        : `degenerate (${r.nullity} zero eigenvalue${r.nullity === 1 ? '' : 's'})`
      : r.type;

/** The critical points found, one per line: type, loss (labelled when regularised), global or not, coordinates. */
export function pointListing(a: Analysis): string {
  const out: string[] = [];
  const more = (n: number): void => {
    if (n > LISTED_POINTS) out.push(`  … ${n - LISTED_POINTS} more (--json lists them all)`);
  };
  const cp = a.criticalPoints;
  const real = cp?.realSolutions ?? [];
  if (cp !== undefined && real.length > 0) {
    const st = minimaStatus(cp, a.leastSquares);
    const word = st.regularised ? 'regularised loss' : 'loss (not regularised)';
    if (st.regularised) out.push(`\nL2 coefficients λⱼ of the regularised loss L_data + Σⱼ λⱼθⱼ² (${cp.regularisation}): ${lambdaList(cp.lambda)}`);
    out.push(`\ncritical points of the ${st.regularised ? 'regularised loss L + Σλⱼθⱼ²' : 'loss'} (∇L = 0 solved exactly; ${real.length} real, by ${word}; types from the Hessian, certified):`);
    real.slice(0, LISTED_POINTS).forEach((r, i) => {
      const g = r.type !== 'minimum' || st.globalLoss === undefined ? '' : st.notGlobal.includes(i) ? ', NOT global' : ', global';
      out.push(`  ${i + 1}. ${typeText(r)}, ${word} ≈ ${r.loss.toPrecision(8)}${g}: ${coords(r.point)}`);
    });
    more(real.length);
  }
  const ls = a.landscape;
  if (ls !== undefined && ls.points.length > 0) {
    const k = ls.bestKnown;
    out.push(`\ncritical points on the rank-deficient strata (loss L without regularisation${k ? `; lowest loss attained ${k.exact ?? `≈ ${k.loss.toPrecision(3)}`}, ${k.source}` : ''}):`);
    ls.points.slice(0, LISTED_POINTS).forEach((p, i) => {
      const tag = p.aboveKnown ? (p.type === 'minimum' ? ', SPURIOUS local minimum (not global)' : ', not global') : '';
      out.push(`  ${i + 1}. ${p.type}${tag}, loss (not regularised) ${p.lossExact !== undefined ? `= ${p.lossExact}` : `≈ ${p.loss.toPrecision(8)}`}: ${p.stratum}: ${coords(p.point)}`);
    });
    more(ls.points.length);
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

export const registerAnalyze: Register = (program, io) =>
  program
    .command('analyze')
    .description('can this network be solved analytically? class, collapse, least squares, critical points, verdict')
    .argument('<spec>', 'network spec, e.g. 1-2-1:quadratic')
    .option('--data <file>', 'data set as CSV with columns x1…xn, y1…ym')
    .option('--l2 <r>', "L2 term for the critical points: a rational (one coefficient for all), 'generic' (a random one per parameter) or 'none'")
    .option('--normalise', 'instead of L2: fix the first incoming weight of every hidden unit to 1 (removes rescaling symmetries)')
    .option('--seed <n>', 'seed of every random choice, 0 to 4294967295 (default 1)')
    .option('--timeout <s>', 'seconds granted to the critical-point computation, 1 to 86400 (default 60)')
    .option('--digits <n>', `decimal places of irrational critical-point coordinates, correctly rounded, 1 to ${MAX_DIGITS} (default 12); shown with ≈`)
    .option('--taylor <n>', `transcendental networks: solve the Taylor surrogate of this order, 1 to ${MAX_TAYLOR_ORDER} (approximate)`)
    .option('--taylor-at <r>', 'expansion point of the Taylor surrogate (default 0)')
    .option('--json', 'machine-readable output')
    .addHelpText('after', '\nExample:\n  closedform analyze 1-2-1:quadratic,identity --data examples/quadratic.csv --l2 generic\n')
    .action((spec: string, o: Opts) => run(spec, o, io));
