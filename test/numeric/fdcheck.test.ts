/**
 * The finite-difference cross-check's tolerance (src/numeric/fdcheck.ts): derived from the problem,
 * it lets a valid deep polynomial network pass (issue 14: `check 2-10-10-1:quadratic` failed the
 * fixed 10⁻⁶), and still fails a gradient that is wrong by far less than any real mistake.
 *
 * Oracles: the rounding bound against the exact rational value of the same loss at the same
 * double point (evaluateExact over Q); the comparison against gradients known to be wrong.
 */
import { describe, expect, it } from 'vitest';
import {
  buildNetwork,
  checkNetwork,
  compareWithDifferences,
  datasetLoss,
  engineBackprop,
  engineDatasetLoss,
  engineLoss,
  evaluateExact,
  flattenParams,
  lossRoundingBound,
  parseSpec,
  pointFromParams,
  qfromNumber,
  qsub,
  qabs,
  qtoNumber,
  qcmp,
  randomParams,
  seededRng,
  unflattenParams,
  Q,
  SYMBOLIC_TOLERANCE,
} from '../../src/index.js';

const point = (spec: ReturnType<typeof parseSpec>, seed: number) => {
  const rng = seededRng(seed);
  const p = randomParams(spec, rng, 1);
  const u = () => 2 * rng() - 1;
  return { p, s: { x: spec.widths.slice(0, 1).flatMap((n) => Array.from({ length: n }, u)), y: Array.from({ length: spec.widths.at(-1)! }, u) } };
};

describe('lossRoundingBound bounds the rounding of the engine loss', () => {
  // polynomial activations: the loss at the doubles' exact rational values is computable over Q
  it.each(['2-10-10-1:quadratic', '1-2-2-2-1:quadratic', '3-4-1:identity', '2-4-4-1:pow3', '2-3-2:quadratic:half'])('%s: |fl(L) − L| ≤ e_L at 20 points (exact oracle)', (text) => {
    const spec = parseSpec(text);
    const net = buildNetwork(spec);
    for (let seed = 1; seed <= 20; seed++) {
      const { p, s } = point(spec, seed);
      const computed = engineLoss(spec, p, s);
      const values = new Map<string, ReturnType<typeof Q>>();
      for (const [k, v] of Object.entries(pointFromParams(spec, p))) values.set(k, qfromNumber(v));
      const data = { inputs: [s.x.map(qfromNumber)], targets: [s.y.map(qfromNumber)] };
      const exact = evaluateExact(datasetLoss(net, data), values)!;
      const err = qabs(qsub(qfromNumber(computed), exact));
      const bound = lossRoundingBound(spec, p, s);
      expect(qcmp(err, qfromNumber(bound)), `${text} seed ${seed}: error ${qtoNumber(err)} > bound ${bound}`).toBeLessThanOrEqual(0);
      // and the bound is not vacuous: within a few orders of the loss's own unit roundoff
      expect(bound).toBeLessThan(1e-6 * Math.max(1, computed));
    }
  });
});

describe('compareWithDifferences', () => {
  it('passes an exact derivative and fails one that is off by 1e-6 relative (f = v0³·v1 at a known point)', () => {
    const f = (v: Float64Array): number => v[0]! ** 3 * v[1]!;
    const theta = Float64Array.of(1.5, -0.7);
    const g = [3 * 1.5 ** 2 * -0.7, 1.5 ** 3]; // ∂f/∂v0 = 3v0²v1, ∂f/∂v1 = v0³
    const eps = 1e-15; // a bound on |fl(f) − f| near θ (|f| ≈ 2.4, three products)
    expect(compareWithDifferences(g, theta, f, [0, 1], eps, SYMBOLIC_TOLERANCE).ok).toBe(true);
    const wrong = [g[0]! * (1 + 1e-6), g[1]!];
    expect(compareWithDifferences(wrong, theta, f, [0, 1], eps, SYMBOLIC_TOLERANCE).ok).toBe(false);
  });
});

describe('the check of a network (issue 14)', () => {
  it.each([1, 2, 3])('2-10-10-1:quadratic passes every check, the finite differences included (seed %i)', (seed) => {
    const r = checkNetwork(buildNetwork(parseSpec('2-10-10-1:quadratic')), { seed, points: 8 });
    const fd = r.rows.at(-1)!;
    expect(fd.what).toMatch(/finite differences/);
    expect(fd.basis).toMatch(/D\(2h\) − D\(h\)/); // the output says what the tolerance is based on
    expect(r.rows.filter((x) => !x.ok).map((x) => x.what)).toEqual([]);
  });

  // the engine's own backprop, made wrong on purpose, against the same differences and tolerance
  const wrongBy = (text: string, mistake: (g: Float64Array) => Float64Array): boolean[] => {
    const spec = parseSpec(text);
    const out: boolean[] = [];
    for (let seed = 1; seed <= 5; seed++) {
      const { p, s } = point(spec, seed);
      const bp = engineBackprop(spec, p, s);
      const g = mistake(flattenParams(spec, { W: bp.W, b: bp.b }));
      const theta = flattenParams(spec, p);
      const f = (v: Float64Array): number => engineDatasetLoss(spec, unflattenParams(spec, v), [s]);
      out.push(compareWithDifferences(g, theta, f, [...theta.keys()], lossRoundingBound(spec, p, s), SYMBOLIC_TOLERANCE).ok);
    }
    return out;
  };

  it('passes the correct backprop of 2-10-10-1:quadratic at every point', () => {
    expect(wrongBy('2-10-10-1:quadratic', (g) => g)).toEqual([true, true, true, true, true]);
  });

  it('fails a gradient wrong by 10⁻⁴ of its size in one coordinate, on the network with the loosest tolerance', () => {
    expect(wrongBy('2-10-10-1:quadratic', (g) => g.map((v, k) => (k === 7 ? v + 1e-4 * Math.max(1, Math.abs(v)) : v)))).toEqual([false, false, false, false, false]);
  });

  it('fails the classic mistakes: the half-loss gradient for the squared loss, and a dropped last layer', () => {
    expect(wrongBy('2-3-1:sigmoid', (g) => g.map((v) => v / 2))).toEqual([false, false, false, false, false]);
    expect(wrongBy('2-3-1:sigmoid', (g) => g.map((v, k) => (k >= g.length - 4 ? 0 : v)))).toEqual([false, false, false, false, false]);
  });
});
