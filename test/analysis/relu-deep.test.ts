/**
 * The exact global optimum of n0-M-1-1 ReLU networks (relu-deep.ts) against independent routes:
 * - brute force over faces in the rescaled parameters (output and second-layer weights ±1):
 *   every output sign, every first-layer sign vector, every face τ¹ of each first-layer unit and
 *   every sign vector τ² ∈ {+, 0, −}^N of the second layer; the least squares of the network on
 *   that face's span, kept when a stationary point lies inside the face (Fourier–Motzkin,
 *   poly/polyhedron.ts, decides it). No code of relu-lp/-arrangement/-qp/-deep is used;
 * - never above 10 gradient-descent runs of the numeric engine;
 * - never above the optimum of the one-hidden-layer network n0-M-1 (with both biases the
 *   second layer can pass the first's output through: relu(g·a + K) − K = g·a for large K);
 * - the point attains the loss exactly in the network's formula and in the engine.
 */
import { describe, expect, it } from 'vitest';
import { type Rational, Q, ZERO, qadd, qcmp, qmul, qneg, qsub, qtoNumber } from '../../src/expr/rational.js';
import { linearFeasibility } from '../../src/poly/polyhedron.js';
import { LEAKY_SLOPE } from '../../src/activations/leaky_relu.js';
import { type Dataset, buildNetwork } from '../../src/network/build.js';
import { readCsv } from '../../src/network/csv.js';
import { parseSpec } from '../../src/network/parse.js';
import type { NetworkSpec } from '../../src/network/spec.js';
import { descend } from '../../src/analysis/numeric.js';
import { MAX_RELU_QPS, reluOptimum } from '../../src/analysis/relu-optimum.js';
import { reluOptimumDeep, reluUpperBoundWide } from '../../src/analysis/relu-deep.js';

const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, i) => qadd(s, qmul(v, b[i]!)), ZERO);
const tuples = (k: number, n: number): number[][] => (k === 0 ? [[]] : tuples(k - 1, n).flatMap((t) => Array.from({ length: n }, (_, i) => [...t, i])));
const signVectors = (N: number): number[][] => tuples(N, 3).map((t) => t.map((v) => v - 1));

function deepOracle(spec: NetworkSpec, data: Dataset): Rational {
  const [n0, M] = [spec.widths[0]!, spec.widths[1]!];
  const [b1, b2, b3] = spec.bias as [boolean, boolean, boolean];
  const [al1, al2] = spec.activations.slice(0, 2).map((a) => (a === 'relu' ? ZERO : LEAKY_SLOPE)) as [Rational, Rational];
  const xt = data.inputs.map((x) => (b1 ? [...x, Q(1)] : [...x]));
  const y = data.targets.map((t) => t[0]!);
  const d = n0 + (b1 ? 1 : 0);
  const N = xt.length;
  const faces = signVectors(N).filter((tau) =>
    linearFeasibility(
      Array.from({ length: d }, (_, j) => `u${j}`),
      xt.flatMap((x, p) => (tau[p] === 0 ? [{ coeffs: x, constant: ZERO }] : [])),
      xt.flatMap((x, p) => (tau[p] === 0 ? [] : [{ coeffs: tau[p]! > 0 ? x : x.map(qneg), constant: ZERO }])),
    ).feasible,
  );
  const n = M * d + (b2 ? 1 : 0) + (b3 ? 1 : 0);
  const unitRow = (i: number, x: readonly Rational[], scale: Rational): Rational[] => Array.from({ length: n }, (_, k) => (k >= i * d && k < (i + 1) * d ? qmul(scale, x[k - i * d]!) : ZERO));
  let best: Rational | undefined;
  for (const r of tuples(M, 2).map((t) => t.map((v) => 2 * v - 1)))
    for (const s of [1, -1])
      for (const pick of tuples(M, faces.length)) {
        const t1 = pick.map((k) => faces[k]!);
        // ℓₚ = Σᵢ rᵢ m¹ᵢₚ uᵢ·x̃ₚ + β as a row over θ = (u, β, c)
        const ell = xt.map((x, p) => {
          const row = Array.from({ length: n }, () => ZERO);
          t1.forEach((tau, i) => unitRow(i, x, qmul(Q(r[i]!), tau[p]! > 0 ? Q(1) : al1)).forEach((v, k) => (row[k] = qadd(row[k]!, v))));
          if (b2) row[M * d] = Q(1);
          return row;
        });
        for (const t2 of signVectors(N)) {
          const A = ell.map((row, p) => {
            const out = row.map((v) => qmul(Q(s), qmul(t2[p]! > 0 ? Q(1) : al2, v)));
            if (b3) out[n - 1] = Q(1);
            return out;
          });
          const F = [...t1.flatMap((tau, i) => xt.flatMap((x, p) => (tau[p] === 0 ? [unitRow(i, x, Q(1))] : []))), ...ell.filter((_, p) => t2[p] === 0)];
          const G = [...t1.flatMap((tau, i) => xt.flatMap((x, p) => (tau[p] === 0 ? [] : [unitRow(i, x, Q(tau[p]!))]))), ...ell.flatMap((row, p) => (t2[p] === 0 ? [] : [row.map((v) => qmul(Q(t2[p]!), v))]))];
          const vars = [...Array.from({ length: n }, (_, k) => `t${k}`), ...F.map((_, k) => `v${k}`)];
          const pad = F.map(() => ZERO);
          const eq = [
            ...Array.from({ length: n }, (_, i) => ({
              coeffs: [...Array.from({ length: n }, (_, j) => A.reduce((acc, row) => qadd(acc, qmul(row[i]!, row[j]!)), ZERO)), ...F.map((f) => qneg(f[i]!))],
              constant: qneg(A.reduce((acc, row, p) => qadd(acc, qmul(row[i]!, y[p]!)), ZERO)),
            })),
            ...F.map((f) => ({ coeffs: [...f, ...pad], constant: ZERO })),
          ];
          const f = linearFeasibility(vars, eq, G.map((g) => ({ coeffs: [...g, ...pad], constant: ZERO })));
          if (!f.feasible) continue;
          const th = Array.from({ length: n }, (_, k) => f.point!.get(`t${k}`)!);
          const v = A.reduce((acc, row, p) => {
            const e = qsub(dot(row, th), y[p]!);
            return qadd(acc, qmul(e, e));
          }, ZERO);
          if (best === undefined || qcmp(v, best) < 0) best = v;
        }
      }
  return best!;
}

const ORACLE: [string, string][] = [
  ['1-1-1-1:relu,relu,identity', 'x1,y1\n0,0\n1,2\n2,0\n3,1\n'],
  ['1-1-1-1:relu,relu,identity', 'x1,y1\n0,1\n1,-1\n2,3\n3,0\n'],
  ['1-1-1-1:relu,relu,identity', 'x1,y1\n0,1\n1,1\n2,0\n3,0\n'],
  ['1-1-1-1:leaky_relu,relu,identity', 'x1,y1\n0,1\n1,-1\n2,3\n'],
  ['1-1-1-1:relu,relu,identity:nobias', 'x1,y1\n-1,1\n1,-1\n2,3\n'],
  ['2-1-1-1:relu,relu,identity', 'x1,x2,y1\n0,0,1\n1,0,-1\n0,1,2\n'],
];

const WIDER: [string, string][] = [
  ['1-2-1-1:relu,relu,identity', 'x1,y1\n0,0\n1,2\n2,0\n3,1\n4,3\n'],
  ['2-2-1-1:relu,relu,identity', 'x1,x2,y1\n0,0,1\n1,0,-1\n0,1,2\n1,1,0\n2,1,3\n'],
];

describe('reluOptimumDeep: the exact global optimum of n0-M-1-1 ReLU networks', () => {
  it.each(ORACLE)('%s on %j: equals the brute-force minimum over faces; the point attains it in the formula and the engine', (s, csv) => {
    const net = buildNetwork(parseSpec(s));
    const data = readCsv(csv, net.spec);
    const r = reluOptimumDeep(net, data);
    if (r.kind !== 'solved') throw new Error(r.kind);
    expect(r.loss).toEqual(deepOracle(net.spec, data));
    expect(r.formulaLoss).toEqual(r.loss);
    expect(r.engineLoss).toBeCloseTo(qtoNumber(r.loss), 10);
  });

  it.each([...ORACLE, ...WIDER])('%s on %j: never above 10 descent runs, nor above the one-hidden-layer optimum', (s, csv) => {
    const net = buildNetwork(parseSpec(s));
    const data = readCsv(csv, net.spec);
    const r = reluOptimumDeep(net, data);
    if (r.kind !== 'solved') throw new Error(r.kind);
    expect(r.formulaLoss).toEqual(r.loss);
    const gd = descend(net.spec, data, { starts: 10, steps: 500, seed: 4 });
    expect(qtoNumber(r.loss)).toBeLessThanOrEqual(gd.best + 1e-9 * Math.max(1, gd.best));
    if (!s.endsWith('nobias')) {
      const [w, acts] = s.split(':') as [string, string];
      const ws = w.split('-');
      const one = buildNetwork(parseSpec(`${ws[0]}-${ws[1]}-1:${acts.split(',')[0]},identity`));
      const o = reluOptimum(one, data);
      if (o.kind !== 'solved') throw new Error(o.kind);
      expect(qcmp(r.loss, o.loss)).toBeLessThanOrEqual(0);
    }
  });

  it('depth helps: relu(1 − relu(x − 1)) fits (0, 1), (1, 1), (2, 0), (3, 0) exactly, one hidden unit cannot', () => {
    const deep = buildNetwork(parseSpec('1-1-1-1:relu,relu,identity'));
    const data = readCsv('x1,y1\n0,1\n1,1\n2,0\n3,0\n', deep.spec);
    const r = reluOptimumDeep(deep, data);
    const o = reluOptimum(buildNetwork(parseSpec('1-1-1:relu,identity')), data);
    if (r.kind !== 'solved' || o.kind !== 'solved') throw new Error('both solve');
    expect(r.loss).toEqual(Q(0));
    expect(qcmp(o.loss, Q(0))).toBe(1);
  });

  it('declines a second hidden layer of two units with the reason, and refuses past the budget with the estimate', () => {
    const net = buildNetwork(parseSpec('1-2-2-1:relu,relu,identity'));
    const data = readCsv('x1,y1\n0,0\n1,1\n', net.spec);
    const r = reluOptimumDeep(net, data);
    expect(r.kind).toBe('unsupported');
    if (r.kind === 'unsupported') expect(r.reason).toMatch(/bilinear/);
    const big = buildNetwork(parseSpec('2-3-1-1:relu,relu,identity'));
    const rows = Array.from({ length: 9 }, (_, p) => `${(p * 7) % 11},${(p * 5) % 13},${p % 3}`).join('\n');
    const q = reluOptimumDeep(big, readCsv(`x1,x2,y1\n${rows}\n`, big.spec));
    expect(q.kind).toBe('refused');
    if (q.kind === 'refused') expect(q.estimate).toBeGreaterThan(BigInt(MAX_RELU_QPS));
  });

  it('1-2-2-1 (not convex per pattern): the embedded 1-2-1-1 optimum is a loss the wider network attains, checked in its formula and the engine', () => {
    const net = buildNetwork(parseSpec('1-2-2-1:relu,relu,identity'));
    const data = readCsv('x1,y1\n0,0\n1,2\n2,0\n3,1\n4,3\n', net.spec);
    const b = reluUpperBoundWide(net, data)!;
    expect(b.from).toBe('1-2-1-1');
    expect(b.formulaLoss).toEqual(b.loss);
    expect(b.engineLoss).toBeCloseTo(qtoNumber(b.loss), 10);
    expect(Object.keys(b.point).sort()).toEqual([...net.params].sort());
  });
});
