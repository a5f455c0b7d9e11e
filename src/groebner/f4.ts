/**
 * The F4 loop over F_p (Faugère 1999), in two modes:
 *
 * - learn: select the pairs of least degree (normal strategy), build their Macaulay matrix by
 *   symbolic preprocessing, reduce it, add the new rows to the basis with the Gebauer–Möller
 *   update, until no pair is left; then interreduce the minimal basis. Every matrix is recorded
 *   in a trace, keeping only the rows to reduce that gave a new element.
 * - apply: replay a trace for another prime — the same matrices with the new residues, no pair
 *   selection, no symbolic preprocessing, no zero reductions (as msolve and Groebner.jl do). A
 *   prime for which a replayed row has a different support than it had when learned (a residue
 *   vanished, or the learning prime was the unlucky one) is reported, not used.
 */
import { type Basis, type Pair, addElement, newBasis, selectPairs } from './basis.js';
import { type NewRow, reduceMatrix, replayMatrix } from './linalg.js';
import { type Matrix, type SizeCheck, interreductionMatrix, newWorkspace, pairMatrix, rowCount } from './matrix.js';
import { type MonomialTable, type Order, compareIds, degreeOf } from './monomials.js';
import { type Prime } from './prime.js';

/** A polynomial over F_p: monomial ids in decreasing order, residues (leading one 1 when monic). */
export interface ModPoly {
  mons: Int32Array;
  cfs: Float64Array;
}

/** One recorded matrix, the lower rows that gave new rows (the others reduced to zero) and the supports they reduced to. */
export interface TraceStep {
  readonly matrix: Matrix;
  /** row numbers in the matrix of the useful lower rows, increasing */
  readonly rows: Int32Array;
  /** column positions of each new row, as learned */
  readonly supports: Int32Array[];
  /** the pivot columns each useful row was reduced by, in order: its schedule on replay */
  readonly hits: Int32Array[];
  /** the last step interreduces the basis: rows keep their leading term */
  readonly interreduce: boolean;
}

/** What one learning run found, replayable on other primes. */
export interface Trace {
  readonly order: Order;
  readonly table: MonomialTable;
  /** monomial ids of the input polynomials (their support, the same for every good prime) */
  readonly inputSupports: Int32Array[];
  readonly steps: TraceStep[];
  /** basis indices of the reduced Gröbner basis, by increasing leading monomial */
  readonly result: number[];
  readonly stats: F4Stats;
}

export interface F4Stats {
  matrices: number;
  /** largest matrix: rows × columns */
  maxRows: number;
  maxCols: number;
  /** rows that reduced to zero (learning run only) */
  zeroRows: number;
  /** highest degree of the selected pairs */
  maxDegree: number;
}

/** Progress and budget hook, called once per matrix (may throw to stop). */
export type StepHook = (info: { step: number; degree: number; rows: number; cols: number; basis: number; pairs: number; selected: number }) => void;

/** Raised in apply mode when a prime does not follow the learned trace. */
export class TraceMismatch extends Error {
  override readonly name = 'TraceMismatch';
}

/** Monic copy of a polynomial over F_p. */
function monic(f: ModPoly, P: Prime, inv: (a: number) => number): ModPoly {
  const s = inv(f.cfs[0]!);
  const cfs = new Float64Array(f.cfs.length);
  for (let k = 0; k < cfs.length; k++) cfs[k] = k === 0 ? 1 : (f.cfs[k]! * s) % P.p;
  return { mons: f.mons, cfs };
}

const supportMons = (M: Matrix, cols: Int32Array): Int32Array => {
  const mons = new Int32Array(cols.length);
  for (let k = 0; k < mons.length; k++) mons[k] = M.colMons[cols[k]!]!;
  return mons;
};

function traceStep(M: Matrix, rows: NewRow[], interreduce: boolean): TraceStep {
  const useful = new Int32Array(rows.length);
  for (let k = 0; k < rows.length; k++) useful[k] = M.nUpper + rows[k]!.from;
  return { matrix: M, rows: useful, supports: rows.map((r) => r.cols), hits: rows.map((r) => r.hits), interreduce };
}

function rowsToPolys(M: Matrix, rows: NewRow[]): ModPoly[] {
  return rows.map((r) => {
    const mons = new Int32Array(r.cols.length);
    for (let k = 0; k < mons.length; k++) mons[k] = M.colMons[r.cols[k]!]!;
    return { mons, cfs: r.cfs };
  });
}

/**
 * Learn: the reduced Gröbner basis of the input over F_p and the trace that reproduces it.
 * Input polynomials must be non-zero with non-zero residues (see ratmod); they are made monic.
 */
export function f4Learn(
  T: MonomialTable,
  input: readonly ModPoly[],
  P: Prime,
  order: Order,
  inv: (a: number) => number,
  hook?: StepHook,
  check?: SizeCheck,
): { basis: ModPoly[]; trace: Trace } {
  const B: Basis = newBasis();
  const W = newWorkspace();
  const pairs: Pair[] = [];
  const steps: TraceStep[] = [];
  const stats: F4Stats = { matrices: 0, maxRows: 0, maxCols: 0, zeroRows: 0, maxDegree: 0 };
  const coeffs = (g: number): Float64Array => B.cfs[g]!;
  const sorted = input.map((f) => monic(f, P, inv)).sort((a, b) => compareIds(T, order, a.mons[0]!, b.mons[0]!));
  for (const f of sorted) addElement(T, B, pairs, f.mons, f.cfs);
  let unit = sorted.some((f) => degreeOf(T, f.mons[0]!) === 0);
  while (pairs.length > 0 && !unit) {
    const sel = selectPairs(pairs);
    const degree = degreeOf(T, sel[0]!.lcm);
    const M = pairMatrix(W, T, B, sel, order, check);
    hook?.({ step: steps.length, degree, rows: rowCount(M), cols: M.colMons.length, basis: B.mons.length, pairs: pairs.length, selected: sel.length });
    const rows = reduceMatrix(M, coeffs, P);
    note(stats, M, degree);
    stats.zeroRows += rowCount(M) - M.nUpper - rows.length;
    steps.push(traceStep(M, rows, false));
    for (const g of rowsToPolys(M, rows)) {
      addElement(T, B, pairs, g.mons, g.cfs);
      if (degreeOf(T, g.mons[0]!) === 0) unit = true;
    }
  }
  const live = B.lms.map((_, i) => i).filter((i) => B.live[i]);
  if (unit) {
    // The unit ideal: the basis is [1] (the constant's row is live and divides everything).
    const one = live.find((i) => degreeOf(T, B.lms[i]!) === 0)!;
    const trace: Trace = { order, table: T, inputSupports: input.map((f) => f.mons), steps, result: [one], stats };
    return { basis: [{ mons: B.mons[one]!, cfs: new Float64Array([1]) }], trace };
  }
  const M = interreductionMatrix(W, T, B, live, order, check);
  const rows = reduceMatrix(M, coeffs, P, true);
  note(stats, M, 0);
  steps.push(traceStep(M, rows, true));
  const polys = rowsToPolys(M, rows);
  const idx = polys.map((g) => {
    B.mons.push(g.mons);
    B.cfs.push(g.cfs);
    B.lms.push(g.mons[0]!);
    B.live.push(false);
    return B.mons.length - 1;
  });
  const orderIdx = idx.map((_, k) => k).sort((a, b) => compareIds(T, order, polys[a]!.mons[0]!, polys[b]!.mons[0]!));
  const trace: Trace = { order, table: T, inputSupports: input.map((f) => f.mons), steps, result: orderIdx.map((k) => idx[k]!), stats };
  return { basis: orderIdx.map((k) => polys[k]!), trace };
}

function note(stats: F4Stats, M: Matrix, degree: number): void {
  stats.matrices++;
  stats.maxRows = Math.max(stats.maxRows, rowCount(M));
  stats.maxCols = Math.max(stats.maxCols, M.colMons.length);
  stats.maxDegree = Math.max(stats.maxDegree, degree);
}

/**
 * Apply: replay a trace on the residues of the same input modulo another prime. Throws
 * TraceMismatch when a row reduces to another support than it was learned with.
 */
export function f4Apply(trace: Trace, input: readonly ModPoly[], P: Prime, inv: (a: number) => number, hook?: StepHook): ModPoly[] {
  const T = trace.table;
  const cfs: Float64Array[] = [];
  const sorted = input.map((f) => monic(f, P, inv)).sort((a, b) => compareIds(T, trace.order, a.mons[0]!, b.mons[0]!));
  for (const f of sorted) cfs.push(f.cfs);
  const coeffs = (g: number): Float64Array => cfs[g]!;
  let last: ModPoly[] = [];
  let room = 0;
  for (const step of trace.steps) for (const c of step.supports) room += c.length;
  const arena = { buf: new Float64Array(room), used: 0 };
  for (const [s, step] of trace.steps.entries()) {
    const M = step.matrix;
    hook?.({ step: s, degree: 0, rows: rowCount(M), cols: M.colMons.length, basis: cfs.length, pairs: 0, selected: 0 });
    const rows = replayMatrix(M, step.rows, coeffs, P, step.interreduce, step.supports, step.hits, arena);
    if (rows === undefined) throw new TraceMismatch(`step ${s}: a row reduced to another support than learned`);
    for (const r of rows) cfs.push(r);
    if (step.interreduce) last = rows.map((r, k) => ({ mons: supportMons(M, step.supports[k]!), cfs: r }));
  }
  if (trace.steps.length === 0 || !trace.steps[trace.steps.length - 1]!.interreduce) {
    // The unit ideal (or a trace without the interreduction step): the result is read by index.
    return trace.result.map(() => ({ mons: Int32Array.of(0), cfs: new Float64Array([1]) }));
  }
  // Interreduced rows come in the order of the live elements; the trace's result says the order.
  const first = cfs.length - last.length;
  return trace.result.map((i) => last[i - first]!);
}
