/**
 * The linear regions of a two-input ReLU network with given (exact) parameters over a box of
 * inputs: every activation region as a convex polygon with exact rational vertices, the affine
 * function the network computes on it, and the count against the known upper bounds.
 *
 * Layer by layer: on a region where the earlier layers' patterns are fixed, every activation of
 * the current layer is an affine function of x = (x1, x2), so each unit's pre-activation z is
 * affine and the line z = 0 cuts the (convex) region into at most two convex parts, z > 0 (on)
 * and z ≤ 0 (off, H(0) = 0); on each part the unit's output is z or α·z, affine again. Parts of
 * zero area are dropped (they lie on a line z = 0, a boundary of their neighbours). A full
 * activation pattern thus owns at most one convex polygon in the box, and the polygons tile it.
 *
 * Bounds over all of ℝ² (a box holds at most as many): for one hidden layer of n units the
 * regions of an arrangement of n lines, Σ_{i ≤ 2} binom(n, i) (Zaslavsky 1975, attained in
 * general position); for L hidden layers of widths n₁…n_L on n₀ inputs, Serra, Tjandraatmadja
 * and Ramalingam ("Bounding and counting linear regions of deep neural networks", ICML 2018,
 * Theorem 1): Σ over (j₁…j_L) with 0 ≤ j_l ≤ min(n₀, n₁ − j₁, …, n_{l−1} − j_{l−1}, n_l) of
 * Π_l binom(n_l, j_l). Adjacent regions may carry the same affine function; `pieces` counts the
 * maximal connected unions of such regions (the linear regions of the function itself).
 */
import { type Rational, ONE, Q, ZERO, qadd, qcmp, qdiv, qeq, qisZero, qmul, qsign, qsub, qtoString } from '../expr/rational.js';
import { LEAKY_SLOPE } from '../activations/leaky_relu.js';
import { biasName, weightName } from '../network/build.js';
import type { NetworkSpec } from '../network/spec.js';
import { AnalysisError } from './errors.js';
import { binomial } from './relu-arrangement.js';

/** Most regions built before refusing (each costs a few polygon clippings per unit). */
export const MAX_REGIONS = 20_000;

/** An affine function a1·x1 + a2·x2 + c of the two inputs. */
export type Affine = readonly [Rational, Rational, Rational];
export type Vertex = readonly [Rational, Rational];

export interface Box {
  readonly lo: Vertex;
  readonly hi: Vertex;
}

export interface LinearRegion {
  /** per hidden layer, the units (1-based) that are on */
  readonly pattern: readonly (readonly number[])[];
  /** vertices counter-clockwise, exact */
  readonly polygon: readonly Vertex[];
  readonly area: Rational;
  /** per output, the affine function the network computes on the region */
  readonly affine: readonly Affine[];
}

export interface Regions {
  readonly box: Box;
  readonly regions: readonly LinearRegion[];
  /** maximal connected unions of regions with the same affine output */
  readonly pieces: number;
  /** the upper bound over all of ℝ², and whose */
  readonly bound: bigint;
  readonly boundName: string;
}

/**
 * The Serra–Tjandraatmadja–Ramalingam bound for hidden widths n₁…n_L on n₀ inputs (Zaslavsky's
 * Σ_{j ≤ n₀} binom(n₁, j) for one layer).
 *
 * @example
 * ```ts
 * regionBound(1, [2, 2]); // 9 = (2 + 1)²: exact for one input
 * regionBound(2, [3]); // 7 = 1 + 3 + 3 lines in general position
 * ```
 */
export function regionBound(n0: number, hidden: readonly number[]): bigint {
  let total = 0n;
  const walk = (l: number, caps: number, prod: bigint): void => {
    if (l === hidden.length) return void (total += prod);
    const n = hidden[l]!;
    const top = Math.min(caps, n);
    // the next layer's cap adds n_l − j_l
    for (let j = 0; j <= top; j++) walk(l + 1, Math.min(caps, n - j), prod * binomial(n, j));
  };
  walk(0, n0, 1n);
  return total;
}

const evalAffine = (g: Affine, v: Vertex): Rational => qadd(qadd(qmul(g[0], v[0]), qmul(g[1], v[1])), g[2]);

/** Twice the signed area (shoelace). */
function area2(poly: readonly Vertex[]): Rational {
  let s = ZERO;
  for (let i = 0; i < poly.length; i++) {
    const [a, b] = [poly[i]!, poly[(i + 1) % poly.length]!];
    s = qadd(s, qsub(qmul(a[0], b[1]), qmul(b[0], a[1])));
  }
  return s;
}

/** The part of a convex polygon where side·g ≥ 0 (Sutherland–Hodgman against one line), exactly. */
function clip(poly: readonly Vertex[], g: Affine, side: number): Vertex[] {
  const out: Vertex[] = [];
  const val = poly.map((v) => qmul(Q(side), evalAffine(g, v)));
  for (let i = 0; i < poly.length; i++) {
    const [a, b] = [poly[i]!, poly[(i + 1) % poly.length]!];
    const [va, vb] = [val[i]!, val[(i + 1) % poly.length]!];
    if (qsign(va) >= 0) out.push(a);
    if (qsign(va) * qsign(vb) < 0) {
      // the crossing a + t(b − a) with t = va/(va − vb)
      const t = qdiv(va, qsub(va, vb));
      out.push([qadd(a[0], qmul(t, qsub(b[0], a[0]))), qadd(a[1], qmul(t, qsub(b[1], a[1])))]);
    }
  }
  // a vertex on the line is kept once; drop consecutive repeats all the same
  return out.filter((v, i) => {
    const u = out[(i + 1) % out.length]!;
    return out.length === 1 || !(qeq(v[0], u[0]) && qeq(v[1], u[1]));
  });
}

interface Cell {
  readonly poly: Vertex[];
  readonly pattern: number[][];
  /** the current layer's activations as affine functions */
  readonly act: Affine[];
}

/**
 * The activation regions of a two-input network (relu or leaky_relu hidden layers, identity
 * output) at an exact parameter point, over a box.
 *
 * @example
 * ```ts
 * // |x1| + |x2| with four units: 4 regions in the square [−1, 1]²
 * linearRegions(parseSpec('2-4-1:relu,identity:nobias'), point, { lo: [Q(-1), Q(-1)], hi: [Q(1), Q(1)] }).regions.length; // 4
 * ```
 */
export function linearRegions(spec: NetworkSpec, point: Readonly<Record<string, Rational>>, box: Box): Regions {
  const w = spec.widths;
  const L = w.length - 1;
  if (w[0] !== 2) throw new AnalysisError(`linear regions are drawn for two-input networks; this one has ${w[0]} inputs`);
  for (let l = 0; l < L - 1; l++)
    if (spec.activations[l] !== 'relu' && spec.activations[l] !== 'leaky_relu') throw new AnalysisError(`layer ${l + 1} is ${spec.activations[l]}: linear regions need relu or leaky_relu hidden layers`);
  if (spec.activations[L - 1] !== 'identity') throw new AnalysisError(`the output activation is ${spec.activations[L - 1]}, not identity`);
  if (qcmp(box.lo[0], box.hi[0]) >= 0 || qcmp(box.lo[1], box.hi[1]) >= 0) throw new AnalysisError('the box must have lo < hi in both inputs');
  const param = (name: string): Rational => {
    const v = point[name];
    if (v === undefined) throw new AnalysisError(`the parameter point has no value for ${name}`);
    return v;
  };
  const layer = (l: number, prev: readonly Affine[]): Affine[] =>
    Array.from({ length: w[l]! }, (_, i) => {
      let g: Affine = spec.bias[l - 1] ? [ZERO, ZERO, param(biasName(l, i + 1))] : [ZERO, ZERO, ZERO];
      prev.forEach((a, j) => {
        const c = param(weightName(l, i + 1, j + 1));
        g = [qadd(g[0], qmul(c, a[0])), qadd(g[1], qmul(c, a[1])), qadd(g[2], qmul(c, a[2]))];
      });
      return g;
    });
  const [lo, hi] = [box.lo, box.hi];
  let cells: Cell[] = [{ poly: [[lo[0], lo[1]], [hi[0], lo[1]], [hi[0], hi[1]], [lo[0], hi[1]]], pattern: [], act: [[ONE, ZERO, ZERO], [ZERO, ONE, ZERO]] }];
  for (let l = 1; l < L; l++) {
    const alpha = spec.activations[l - 1] === 'relu' ? ZERO : LEAKY_SLOPE;
    const next: Cell[] = [];
    for (const cell of cells) {
      const z = layer(l, cell.act);
      // split by each unit in turn; parts carry their on-units
      let parts: { poly: Vertex[]; on: number[] }[] = [{ poly: cell.poly, on: [] }];
      z.forEach((g, i) => {
        parts = parts.flatMap((p) => {
          const pos = clip(p.poly, g, 1);
          const neg = clip(p.poly, g, -1);
          const out: { poly: Vertex[]; on: number[] }[] = [];
          // g ≡ 0 on the part (a unit with no input there and bias 0) is off everywhere: the clip
          // keeps every vertex on both sides, but z > 0 nowhere, so the on side is empty
          if (pos.length >= 3 && qsign(area2(pos)) !== 0 && pos.some((v) => qsign(evalAffine(g, v)) > 0)) out.push({ poly: pos, on: [...p.on, i + 1] });
          if (neg.length >= 3 && qsign(area2(neg)) !== 0) out.push({ poly: neg, on: p.on });
          return out;
        });
      });
      for (const p of parts) {
        const on = new Set(p.on);
        next.push({ poly: p.poly, pattern: [...cell.pattern, p.on], act: z.map((g, i) => (on.has(i + 1) ? g : [qmul(alpha, g[0]), qmul(alpha, g[1]), qmul(alpha, g[2])])) });
      }
      if (next.length > MAX_REGIONS) throw new AnalysisError(`more than ${MAX_REGIONS} linear regions in the box, past the budget: use a smaller box or network`);
    }
    cells = next;
  }
  const regions: LinearRegion[] = cells.map((c) => ({ pattern: c.pattern, polygon: c.poly, area: qmul(area2(c.poly), Q(1, 2)), affine: layer(L, c.act) }));
  regions.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const hidden = w.slice(1, L);
  return { box, regions, pieces: countPieces(regions), bound: regionBound(2, hidden), boundName: L === 2 ? 'Zaslavsky (regions of an arrangement of lines)' : 'Serra, Tjandraatmadja and Ramalingam 2018, Theorem 1' };
}

const keyOf = (r: LinearRegion): string => r.pattern.map((s) => s.join(',')).join('|');
const sameAffine = (a: readonly Affine[], b: readonly Affine[]): boolean => a.every((f, k) => f.every((v, i) => qeq(v, b[k]![i]!)));

/** Do two convex polygons share a boundary segment of positive length? */
function adjacent(p: readonly Vertex[], q: readonly Vertex[]): boolean {
  for (let i = 0; i < p.length; i++) {
    const [a, b] = [p[i]!, p[(i + 1) % p.length]!];
    // the line through a, b as an affine function
    const g: Affine = [qsub(b[1], a[1]), qsub(a[0], b[0]), qsub(qmul(b[0], a[1]), qmul(a[0], b[1]))];
    for (let j = 0; j < q.length; j++) {
      const [c, d] = [q[j]!, q[(j + 1) % q.length]!];
      if (!qisZero(evalAffine(g, c)) || !qisZero(evalAffine(g, d))) continue;
      // collinear: overlap of the parameter intervals along the direction b − a
      const dir: Vertex = [qsub(b[0], a[0]), qsub(b[1], a[1])];
      const t = (v: Vertex): Rational => qadd(qmul(qsub(v[0], a[0]), dir[0]), qmul(qsub(v[1], a[1]), dir[1]));
      const [t0, t1] = [ZERO, t(b)];
      const [s0, s1] = [t(c), t(d)].sort(qcmp) as [Rational, Rational];
      const lo = qcmp(s0, t0) > 0 ? s0 : t0;
      const hi = qcmp(s1, t1) < 0 ? s1 : t1;
      if (qcmp(lo, hi) < 0) return true;
    }
  }
  return false;
}

/** Connected components of regions under "adjacent with the same affine output" (union–find). */
function countPieces(regions: readonly LinearRegion[]): number {
  const parent = regions.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < regions.length; i++)
    for (let j = i + 1; j < regions.length; j++)
      if (sameAffine(regions[i]!.affine, regions[j]!.affine) && adjacent(regions[i]!.polygon, regions[j]!.polygon)) parent[find(i)] = find(j);
  return new Set(regions.map((_, i) => find(i))).size;
}

/** A region's polygon as text `(x1, x2), …`, exact. */
export const polygonText = (poly: readonly Vertex[]): string => poly.map((v) => `(${qtoString(v[0])}, ${qtoString(v[1])})`).join(', ');

/** The data's bounding box, widened by a tenth of its size on each side (by 1 where it is flat). */
export function dataBox(inputs: readonly (readonly Rational[])[]): Box {
  const coord = (j: number): [Rational, Rational] => {
    const xs = inputs.map((x) => x[j]!);
    const lo = xs.reduce((a, b) => (qcmp(b, a) < 0 ? b : a));
    const hi = xs.reduce((a, b) => (qcmp(b, a) > 0 ? b : a));
    const pad = qisZero(qsub(hi, lo)) ? ONE : qdiv(qsub(hi, lo), Q(10));
    return [qsub(lo, pad), qadd(hi, pad)];
  };
  const [a, b] = [coord(0), coord(1)];
  return { lo: [a[0], b[0]], hi: [a[1], b[1]] };
}

