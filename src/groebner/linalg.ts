/**
 * Row reduction of a Macaulay matrix over F_p — the linear-algebra backend of F4.
 *
 * The upper rows (reducers) have distinct leading columns and are used as they are. Each lower
 * row is scattered into a dense accumulator and reduced column by column, left to right: where
 * the accumulator is non-zero at a column that has a pivot, the pivot row times that value is
 * subtracted (a sparse AXPY). The first non-zero column without a pivot becomes the row's
 * leading column; the rest of the row is reduced on; the row, made monic, is a new pivot for the
 * lower rows that follow. So the new rows are in echelon form and free of every reducer's
 * leading column: they are the new basis elements.
 *
 * Two entry points: `reduceMatrix` (learning: the new rows with their supports, zero rows
 * dropped) and `replayMatrix` (a learned matrix, only the lower rows that gave new rows: each
 * must reduce to the support it was learned with, which is checked without building it again).
 *
 * Residues in the accumulator stay in the loose range (−p, 2p) (see prime.ts) and are normalised
 * when read. The accumulator is one buffer kept between calls, all zero outside a call. This
 * module is swappable: anything with these two contracts will do.
 */
import { type Matrix } from './matrix.js';
import { type Prime, invmod, reduce } from './prime.js';

/** A reduced row: its leading column first, monic. */
export interface NewRow {
  /** index of the lower row it came from (0 = the first lower row) */
  readonly from: number;
  readonly cols: Int32Array;
  readonly cfs: Float64Array;
  /** the pivot columns it was reduced by, increasing (its reduction schedule for replays) */
  readonly hits: Int32Array;
}

let hitBuf = new Int32Array(1024);
let hitCount = 0;
function hit(k: number): void {
  if (hitCount === hitBuf.length) {
    const b = new Int32Array(2 * hitBuf.length);
    b.set(hitBuf);
    hitBuf = b;
  }
  hitBuf[hitCount++] = k;
}

let denseBuf = new Float64Array(1024);
/** The accumulator, zero, at least n long. */
function dense0(n: number): Float64Array {
  if (denseBuf.length < n) denseBuf = new Float64Array(Math.max(n, 2 * denseBuf.length));
  return denseBuf;
}

/** Pivots by leading column: column positions (array, offset, length) and residues. */
interface Pivots {
  arr: (Int32Array | undefined)[];
  off: Int32Array;
  len: Int32Array;
  cfs: Float64Array[];
}

function upperPivots(M: Matrix, coeffs: (poly: number) => Float64Array): Pivots {
  const ncols = M.colMons.length;
  const pv: Pivots = { arr: new Array<Int32Array | undefined>(ncols), off: new Int32Array(ncols), len: new Int32Array(ncols), cfs: new Array<Float64Array>(ncols) };
  for (let r = 0; r < M.nUpper; r++) {
    const o = M.start[r]!;
    const lead = M.cols[o]!;
    if (pv.arr[lead] !== undefined) continue;
    pv.arr[lead] = M.cols;
    pv.off[lead] = o;
    pv.len[lead] = M.start[r + 1]! - o;
    pv.cfs[lead] = coeffs(M.poly[r]!);
  }
  return pv;
}

/**
 * Scatter lower row r and reduce it by the pivots from column `from` on; returns the number of
 * non-zero entries left (at non-pivot columns, normalised into [0, p)) and the first of them.
 */
function reduceRow(M: Matrix, r: number, rc: Float64Array, pv: Pivots, dense: Float64Array, from: number, P: Prime): [number, number] {
  const o = M.start[r]!;
  const n = M.start[r + 1]! - o;
  for (let k = 0; k < n; k++) dense[M.cols[o + k]!] = rc[k]!;
  const ncols = M.colMons.length;
  const p = P.p;
  const inv = P.inv;
  hitCount = 0;
  let lead = -1;
  let nnz = 0;
  for (let k = from; k < ncols; k++) {
    let v = dense[k]!;
    if (v === 0) continue;
    v = reduce(v, P);
    if (v === 0) {
      dense[k] = 0;
      continue;
    }
    const pc = pv.arr[k];
    if (pc === undefined) {
      dense[k] = v;
      if (lead < 0) lead = k;
      nnz++;
      continue;
    }
    hit(k);
    // dense -= v · pivot row (its leading coefficient is 1)
    const pf = pv.cfs[k]!;
    const po = pv.off[k]!;
    const pl = pv.len[k]!;
    const m = p - v;
    for (let t = 1; t < pl; t++) {
      const c = pc[po + t]!;
      const x = dense[c]! + m * pf[t]!;
      dense[c] = x - Math.floor(x * inv) * p;
    }
    dense[k] = 0;
  }
  return [nnz, lead];
}

/**
 * Reduce the lower rows of M by its upper rows and by each other. `coeffs(poly)` gives the
 * residues of a basis element (monic). With `skipLead` each lower row keeps its own leading term
 * and is reduced only by the upper rows (the interreduction of a minimal basis, where the rows
 * are independent by construction).
 */
export function reduceMatrix(M: Matrix, coeffs: (poly: number) => Float64Array, P: Prime, skipLead = false): NewRow[] {
  const ncols = M.colMons.length;
  const pv = upperPivots(M, coeffs);
  const dense = dense0(ncols);
  const out: NewRow[] = [];
  for (let r = M.nUpper; r < M.poly.length; r++) {
    const start = M.cols[M.start[r]!]!;
    let [nnz, lead] = reduceRow(M, r, coeffs(M.poly[r]!), pv, dense, skipLead ? start + 1 : start, P);
    if (skipLead) {
      lead = start;
      dense[start] = 1;
      nnz++;
    }
    if (lead < 0) continue;
    const cols = new Int32Array(nnz);
    const cfs = new Float64Array(nnz);
    const s = invmod(dense[lead]!, P);
    let w = 0;
    for (let k = lead; w < nnz; k++) {
      const v = dense[k]!;
      if (v === 0) continue;
      cols[w] = k;
      cfs[w] = k === lead ? 1 : reduce(v * s, P);
      w++;
      dense[k] = 0;
    }
    if (!skipLead) {
      pv.arr[lead] = cols;
      pv.off[lead] = 0;
      pv.len[lead] = nnz;
      pv.cfs[lead] = cfs;
    }
    out.push({ from: r - M.nUpper, cols, cfs, hits: hitBuf.slice(0, hitCount) });
  }
  return out;
}

/**
 * Replay a learned matrix: of its lower rows only `rows` (those that gave new rows when
 * learned); rows[i] is reduced by exactly the pivots hits[i] it was reduced by when learned, in
 * that order, and must come out with exactly the columns supports[i] (its leading column
 * first); with `skipLead` (the interreduction) the rows keep their leading terms and are no
 * pivots. Returns the monic residues of each new row on its support, or undefined when some
 * row does not.
 *
 * No column is scanned that no row touches: a value at a scheduled pivot that vanishes for this
 * prime is skipped, and one at a pivot column the schedule does not have (the learning prime had
 * a zero there by accident) is left in place — so after the schedule every column the row or one
 * of its pivots wrote is read back (or every column from the row's first on, when that is fewer):
 * the non-zero ones must be exactly the support.
 */
export function replayMatrix(
  M: Matrix,
  rows: Int32Array,
  coeffs: (poly: number) => Float64Array,
  P: Prime,
  skipLead: boolean,
  supports: readonly Int32Array[],
  hits: readonly Int32Array[],
): Float64Array[] | undefined {
  const ncols = M.colMons.length;
  const pv = upperPivots(M, coeffs);
  const dense = dense0(ncols);
  const mark = marks(ncols);
  const p = P.p;
  const inv = P.inv;
  const out: Float64Array[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const want = supports[i]!;
    const sched = hits[i]!;
    const o = M.start[r]!;
    const n = M.start[r + 1]! - o;
    const rc = coeffs(M.poly[r]!);
    for (let k = 0; k < n; k++) dense[M.cols[o + k]!] = rc[k]!;
    for (let h = 0; h < sched.length; h++) {
      const k = sched[h]!;
      const v = reduce(dense[k]!, P);
      dense[k] = 0;
      if (v === 0) continue;
      const pc = pv.arr[k]!;
      const pf = pv.cfs[k]!;
      const po = pv.off[k]!;
      const pl = pv.len[k]!;
      const m = p - v;
      for (let t = 1; t < pl; t++) {
        const c = pc[po + t]!;
        const x = dense[c]! + m * pf[t]!;
        dense[c] = x - Math.floor(x * inv) * p;
      }
    }
    // Read back every column written: the support's must be non-zero, all others zero.
    const stamp = ++markStamp;
    for (let t = 0; t < want.length; t++) mark[want[t]!] = stamp;
    let ok = true;
    const check = (cols: Int32Array, from: number, to: number): void => {
      for (let t = from; t < to; t++) {
        const c = cols[t]!;
        if (dense[c] === 0 || mark[c] === stamp) continue;
        if (reduce(dense[c]!, P) !== 0) ok = false;
        dense[c] = 0;
      }
    };
    // (column by column from the row's first when that is less work, as for dense rows)
    let touched = n;
    for (let h = 0; h < sched.length; h++) touched += pv.len[sched[h]!]!;
    const first = M.cols[o]!;
    if (touched < ncols - first) {
      check(M.cols, o, o + n);
      for (let h = 0; h < sched.length; h++) {
        const k = sched[h]!;
        const po = pv.off[k]!;
        check(pv.arr[k]!, po + 1, po + pv.len[k]!);
      }
    } else
      for (let c = first; c < ncols; c++) {
        if (dense[c] === 0 || mark[c] === stamp) continue;
        if (reduce(dense[c]!, P) !== 0) ok = false;
        dense[c] = 0;
      }
    const cfs = new Float64Array(want.length);
    for (let t = 0; t < want.length; t++) {
      const v = reduce(dense[want[t]!]!, P);
      if (v === 0) ok = false;
      cfs[t] = v;
    }
    if (!ok) {
      dense.fill(0, 0, ncols);
      return undefined;
    }
    const lead = want[0]!;
    const s = invmod(cfs[0]!, P);
    for (let t = 0; t < want.length; t++) {
      cfs[t] = t === 0 ? 1 : reduce(cfs[t]! * s, P);
      dense[want[t]!] = 0;
    }
    if (!skipLead) {
      pv.arr[lead] = want;
      pv.off[lead] = 0;
      pv.len[lead] = want.length;
      pv.cfs[lead] = cfs;
    }
    out.push(cfs);
  }
  return out;
}

let markBuf = new Int32Array(1024);
let markStamp = 0;
/** Column marks for the support test, at least n long (stamps, never cleared). */
function marks(n: number): Int32Array {
  if (markBuf.length < n) {
    markBuf = new Int32Array(Math.max(n, 2 * markBuf.length));
    markStamp = 0;
  }
  return markBuf;
}
