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
 * A matrix is treated as sparse (columns visited through the bitmap) when it has more than this
 * many columns per average row length. Measured on the census and classic systems: the bitmap
 * halves the learning run of (1,3,3,1) (rows of ~3 terms, thousands of columns) and costs ~15%
 * on eco-8 (rows of ~20 terms, a few hundred columns).
 */
const SPARSE_FACTOR = 32;

let bitBuf = new Uint32Array(64);
/** One bit per column, set where the accumulator may be non-zero; all zero outside a row. */
function bits0(ncols: number): Uint32Array {
  const nw = (ncols + 31) >> 5;
  if (bitBuf.length < nw) bitBuf = new Uint32Array(Math.max(nw, 2 * bitBuf.length));
  return bitBuf;
}

/** Index of the lowest set bit of a non-zero 32-bit word. */
const lowBit = (word: number): number => 31 - Math.clz32(word & -word);

/**
 * Scatter lower row r and reduce it by the pivots from column `from` on; returns the number of
 * non-zero entries left (at non-pivot columns, normalised into [0, p)) and the first of them.
 * The columns are visited through the bitmap of the ones written (32 at a time), not one by
 * one: wide sparse matrices have most of their columns zero in any one row. Those left non-zero
 * keep their bits for `extract`.
 */
function reduceRow(M: Matrix, r: number, rc: Float64Array, pv: Pivots, dense: Float64Array, bits: Uint32Array, from: number, P: Prime): [number, number] {
  const o = M.start[r]!;
  const n = M.start[r + 1]! - o;
  for (let k = 0; k < n; k++) {
    const c = M.cols[o + k]!;
    dense[c] = rc[k]!;
    bits[c >> 5] = bits[c >> 5]! | (1 << (c & 31));
  }
  const nw = (M.colMons.length + 31) >> 5;
  const p = P.p;
  const inv = P.inv;
  hitCount = 0;
  let lead = -1;
  let nnz = 0;
  let w = from >> 5;
  let word = bits[w]! & (-1 << (from & 31));
  for (;;) {
    while (word === 0) {
      if (++w >= nw) return [nnz, lead];
      word = bits[w]!;
    }
    const b = lowBit(word);
    const k = (w << 5) | b;
    const v = reduce(dense[k]!, P);
    const pc = pv.arr[k];
    if (v === 0) {
      dense[k] = 0;
      bits[w] = bits[w]! & ~(1 << b);
    } else if (pc === undefined) {
      dense[k] = v;
      if (lead < 0) lead = k;
      nnz++;
    } else {
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
        bits[c >> 5] = bits[c >> 5]! | (1 << (c & 31));
      }
      dense[k] = 0;
      bits[w] = bits[w]! & ~(1 << b);
    }
    // the word's bits above b, read again (the pivot may have set some)
    word = b === 31 ? 0 : bits[w]! & (-1 << (b + 1));
  }
}

/**
 * reduceRow for dense rows: every column from `from` on is looked at in turn (cheaper than
 * keeping the bitmap when the pivots are long); the columns left non-zero get their bits for
 * `extract`, the scattered ones are cleared first.
 */
function reduceRowScan(M: Matrix, r: number, rc: Float64Array, pv: Pivots, dense: Float64Array, bits: Uint32Array, from: number, P: Prime): [number, number] {
  const o = M.start[r]!;
  const n = M.start[r + 1]! - o;
  for (let k = 0; k < n; k++) dense[M.cols[o + k]!] = rc[k]!;
  const ncols = M.colMons.length;
  const p = P.p;
  const inv = P.inv;
  hitCount = 0;
  let lead = -1;
  let nnz = 0;
  if (from > M.cols[o]!) bits[M.cols[o]! >> 5] = bits[M.cols[o]! >> 5]! | (1 << (M.cols[o]! & 31)); // (the kept leading term)
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
      bits[k >> 5] = bits[k >> 5]! | (1 << (k & 31));
      if (lead < 0) lead = k;
      nnz++;
      continue;
    }
    hit(k);
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

/** The row left in the accumulator from column `lead` on (nnz entries), made monic; clears it. */
function extract(dense: Float64Array, bits: Uint32Array, lead: number, nnz: number, P: Prime): [Int32Array, Float64Array] {
  const cols = new Int32Array(nnz);
  const cfs = new Float64Array(nnz);
  const s = invmod(dense[lead]!, P);
  let w = lead >> 5;
  let word = bits[w]! & (-1 << (lead & 31));
  for (let i = 0; i < nnz; ) {
    while (word === 0) {
      bits[w] = 0;
      word = bits[++w]!;
    }
    const k = (w << 5) | lowBit(word);
    word &= word - 1;
    cols[i] = k;
    cfs[i] = k === lead ? 1 : reduce(dense[k]! * s, P);
    dense[k] = 0;
    i++;
  }
  bits[w] = 0;
  return [cols, cfs];
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
  const bits = bits0(ncols);
  // Wide matrices with short rows: visit the written columns only; else scan them all.
  const sparse = ncols > SPARSE_FACTOR * (M.cols.length / Math.max(1, M.poly.length));
  const red = sparse ? reduceRow : reduceRowScan;
  for (let r = M.nUpper; r < M.poly.length; r++) {
    const start = M.cols[M.start[r]!]!;
    let [nnz, lead] = red(M, r, coeffs(M.poly[r]!), pv, dense, bits, skipLead ? start + 1 : start, P);
    if (skipLead) {
      lead = start;
      dense[start] = 1;
      nnz++;
    }
    if (lead < 0) continue;
    const [cols, cfs] = extract(dense, bits, lead, nnz, P);
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

/** Room for the residues of all new rows of one replay: views into one buffer, not one allocation per row. */
export interface Arena {
  readonly buf: Float64Array;
  used: number;
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
  arena: Arena,
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
    const cfs = arena.buf.subarray(arena.used, arena.used + want.length);
    arena.used += want.length;
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
