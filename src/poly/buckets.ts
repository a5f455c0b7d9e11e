/**
 * Products by output buckets: the machine-integer product of {@link mulPacked} for large inputs.
 *
 * Every term gets an additive key κ (κ(m·m′) = κ(m) + κ(m′); here total degree and the exponent
 * of one variable, combined as deg·B + e). Sorting both factors by κ, the products of each
 * target κ = t are exactly the pairs of groups with κa + κb = t, so the result is built one
 * bucket at a time in a hash table that only ever holds one bucket: small enough to stay in
 * cache, where one table for the whole result (392,834 terms for the 2-2-2-1 loss, ~10 MB)
 * misses the cache on nearly every probe. Measured in bench/expand.bench.mjs: 2–3× on the
 * 2-2-2-1 loss.
 *
 * @example
 * ```ts
 * // used by polyMul for factors with many terms; same result as the plain hash product
 * polyMul(p, p); // p with ≥ BUCKET_MIN_TERMS terms goes through mulBuckets
 * ```
 */
import { type Packed, TermLimitError } from './packed.js';

const SAFE = Number.MAX_SAFE_INTEGER;
const EMPTY = -1;

/** Terms sorted by key: `order[start[g] … start[g+1])` are the terms of group g with key `keys[g]`. */
interface Groups {
  keys: Int32Array;
  start: Int32Array;
  mono: Int32Array;
  coef: Float64Array;
}

function group(p: Packed<Float64Array>, k: Int32Array, W: number): Groups {
  const order = Array.from({ length: p.n }, (_, i) => i).sort((x, y) => k[x]! - k[y]!);
  const keys: number[] = [];
  const start: number[] = [];
  const mono = new Int32Array(p.n * W);
  const coef = new Float64Array(p.n);
  order.forEach((t, i) => {
    if (i === 0 || k[t] !== k[order[i - 1]!]) {
      keys.push(k[t]!);
      start.push(i);
    }
    for (let w = 0; w < W; w++) mono[i * W + w] = p.mono[t * W + w]!;
    coef[i] = p.coef[t]!;
  });
  start.push(p.n);
  return { keys: Int32Array.from(keys), start: Int32Array.from(start), mono, coef };
}

/**
 * a·b (or a² when `square`, forming only pairs i ≤ j) on the machine route, bucket by bucket.
 * `ka`, `kb` are the additive keys of the terms. Undefined when a coefficient passes 2^53.
 */
export function mulBuckets(a: Packed<Float64Array>, b: Packed<Float64Array>, ka: Int32Array, kb: Int32Array, W: number, limit: number, square: boolean): Packed | undefined {
  const A = group(a, ka, W);
  const B = square ? A : group(b, kb, W);
  // Group of b by key, through an array over the key range.
  const bmin = B.keys[0]!;
  const bmax = B.keys[B.keys.length - 1]!;
  const bOf = new Int32Array(bmax - bmin + 1).fill(-1);
  B.keys.forEach((k, g) => (bOf[k - bmin] = g));

  const KW = W + (W & 1); // key words padded to a whole double; then the coefficient
  const S = KW + 2;
  let cap = 1024;
  let mask = cap - 1;
  let buf = new ArrayBuffer(cap * S * 4);
  let I = new Int32Array(buf).fill(EMPTY);
  let F = new Float64Array(buf);
  let used = new Int32Array(cap);
  let count = 0;

  let outN = 0;
  let outMono = new Int32Array(Math.max(16, (a.n + b.n) * 4) * W);
  let outCoef = new Float64Array(outMono.length / W);

  const key = new Int32Array(W);
  const am = A.mono;
  const bm = B.mono;
  const ac = A.coef;
  const bc = B.coef;
  const tmin = A.keys[0]! + bmin;
  const tmax = A.keys[A.keys.length - 1]! + bmax;
  for (let t = tmin; t <= tmax; t++) {
    for (let ga = 0; ga < A.keys.length; ga++) {
      const kb = t - A.keys[ga]!;
      if (kb < bmin || kb > bmax) continue;
      const gb = bOf[kb - bmin]!;
      if (gb < 0 || (square && gb < ga)) continue;
      const sameGroup = square && gb === ga;
      const jEnd = B.start[gb + 1]!;
      for (let i = A.start[ga]!; i < A.start[ga + 1]!; i++) {
        const ca = ac[i]!;
        const ca2 = square ? 2 * ca : ca;
        const ai = i * W;
        for (let j = sameGroup ? i : B.start[gb]!; j < jEnd; j++) {
          const bj = j * W;
          let h = 0;
          for (let w = 0; w < W; w++) {
            const k = am[ai + w]! + bm[bj + w]!;
            key[w] = k;
            h = Math.imul(h ^ k, 0x9e3779b1);
            h ^= h >>> 15;
          }
          const p = (sameGroup && j === i ? ca : ca2) * bc[j]!;
          if (!(p <= SAFE && p >= -SAFE)) return undefined;
          // Linear probing written out as in kernel.ts's product loop, on purpose: this is the
          // hot loop, and a shared helper call per term product costs measurably here.
          let s = h & mask;
          for (;;) {
            const base = s * S;
            if (I[base] === EMPTY) {
              for (let w = 0; w < W; w++) I[base + w] = key[w]!;
              F[(base + KW) >> 1] = p;
              used[count] = s;
              if (++count * 2 > mask) {
                // Grow this bucket's table: reinsert the used slots.
                if (outN + count > limit) throw new TermLimitError(limit);
                const oldI = I;
                cap *= 2;
                mask = cap - 1;
                buf = new ArrayBuffer(cap * S * 4);
                I = new Int32Array(buf).fill(EMPTY);
                F = new Float64Array(buf);
                const oldUsed = used;
                used = new Int32Array(cap);
                for (let u = 0; u < count; u++) {
                  const ob = oldUsed[u]! * S;
                  let hh = 0;
                  for (let w = 0; w < W; w++) {
                    hh = Math.imul(hh ^ oldI[ob + w]!, 0x9e3779b1);
                    hh ^= hh >>> 15;
                  }
                  let q = hh & mask;
                  while (I[q * S] !== EMPTY) q = (q + 1) & mask;
                  for (let w = 0; w < S; w++) I[q * S + w] = oldI[ob + w]!;
                  used[u] = q;
                }
              }
              break;
            }
            let eq = true;
            for (let w = 0; w < W; w++)
              if (I[base + w] !== key[w]) {
                eq = false;
                break;
              }
            if (eq) {
              const at = (base + KW) >> 1;
              const v = F[at]! + p;
              if (!(v <= SAFE && v >= -SAFE)) return undefined;
              F[at] = v;
              break;
            }
            s = (s + 1) & mask;
          }
        }
      }
    }
    // Drain the bucket into the output and clear its slots.
    if (outN + count > limit) throw new TermLimitError(limit);
    if ((outN + count) * W > outMono.length) {
      const grow = Math.max(2 * outCoef.length, outN + count);
      const m = new Int32Array(grow * W);
      m.set(outMono.subarray(0, outN * W));
      outMono = m;
      const c = new Float64Array(grow);
      c.set(outCoef.subarray(0, outN));
      outCoef = c;
    }
    for (let u = 0; u < count; u++) {
      const base = used[u]! * S;
      const v = F[(base + KW) >> 1]!;
      if (v !== 0) {
        for (let w = 0; w < W; w++) outMono[outN * W + w] = I[base + w]!;
        outCoef[outN++] = v;
      }
      I[base] = EMPTY;
    }
    count = 0;
  }
  return { n: outN, mono: outMono.slice(0, outN * W), coef: outCoef.slice(0, outN) };
}
