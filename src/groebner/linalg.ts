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
 * Residues in the accumulator stay in the loose range (−p, 2p) (see prime.ts) and are normalised
 * when read. This module is swappable: anything with `reduceMatrix`'s contract will do.
 */
import { type Matrix } from './matrix.js';
import { type Prime, invmod, reduce } from './prime.js';

/** A reduced row: its leading column first, monic. */
export interface NewRow {
  /** index of the lower row it came from */
  readonly from: number;
  readonly cols: Int32Array;
  readonly cfs: Float64Array;
}

/**
 * Reduce the lower rows of M by its upper rows and by each other. `coeffs(poly)` gives the
 * residues of a basis element (monic). With `skipLead` each lower row keeps its own leading term
 * and is reduced only by the upper rows (the interreduction of a minimal basis, where the rows
 * are independent by construction).
 */
export function reduceMatrix(
  M: Matrix,
  coeffs: (poly: number) => Float64Array,
  P: Prime,
  skipLead = false,
): NewRow[] {
  const ncols = M.colMons.length;
  const pivCols: (Int32Array | undefined)[] = new Array(ncols);
  const pivCfs: (Float64Array | undefined)[] = new Array(ncols);
  for (const r of M.upper) {
    const lead = r.cols[0]!;
    if (pivCols[lead] === undefined) {
      pivCols[lead] = r.cols;
      pivCfs[lead] = coeffs(r.poly);
    }
  }
  const dense = new Float64Array(ncols);
  const p = P.p;
  const inv = P.inv;
  const out: NewRow[] = [];
  for (let li = 0; li < M.lower.length; li++) {
    const r = M.lower[li]!;
    const rc = coeffs(r.poly);
    const start = r.cols[0]!;
    for (let k = 0; k < r.cols.length; k++) dense[r.cols[k]!] = rc[k]!;
    let lead = -1;
    let nnz = 0;
    for (let k = skipLead ? start + 1 : start; k < ncols; k++) {
      let v = dense[k]!;
      if (v === 0) continue;
      v = reduce(v, P);
      if (v === 0) {
        dense[k] = 0;
        continue;
      }
      const pc = pivCols[k];
      if (pc === undefined) {
        dense[k] = v;
        if (lead < 0) lead = k;
        nnz++;
        continue;
      }
      // dense -= v · pivot row (its leading coefficient is 1)
      const pf = pivCfs[k]!;
      const m = p - v;
      for (let t = 1; t < pc.length; t++) {
        const c = pc[t]!;
        const x = dense[c]! + m * pf[t]!;
        dense[c] = x - Math.floor(x * inv) * p;
      }
      dense[k] = 0;
    }
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
    for (let k = lead; k < ncols; k++) {
      const v = dense[k]!;
      if (v === 0) continue;
      cols[w] = k;
      cfs[w] = k === lead ? 1 : reduce(v * s, P);
      w++;
      dense[k] = 0;
    }
    if (!skipLead) {
      pivCols[lead] = cols;
      pivCfs[lead] = cfs;
    }
    out.push({ from: li, cols, cfs });
  }
  return out;
}
