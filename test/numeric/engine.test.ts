/**
 * The numeric engine against independent routes: the network module's names and formulas, the
 * core's symbolic derivatives (compiled), closed forms of linear least squares, and textbook
 * eigenvalues.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type NetworkSpec,
  NumericError,
  buildNetwork,
  compile,
  compileMany,
  datasetLoss,
  diff,
  engineDatasetLoss,
  engineGradient,
  engineLoss,
  engineOutputs,
  engineParamNames,
  evaluate,
  finiteDifferenceGradient,
  flattenParams,
  gradientDescent,
  gradientStep,
  hessian,
  parameterNames,
  paramsFromPoint,
  parseSpec,
  pointFromParams,
  randomParams,
  readCsv,
  samplesFromDataset,
  seededRng,
  specFromJson,
  symmetricEigenvalues,
  unflattenParams,
} from '../../src/index.js';

/** Random small specs: 1–3 layers of width 1–4, activations from `acts`, random bias flags and loss. */
const specArb = (acts: readonly string[]): fc.Arbitrary<NetworkSpec> =>
  fc.integer({ min: 1, max: 3 }).chain((L) =>
    fc
      .record({
        widths: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: L + 1, maxLength: L + 1 }),
        activations: fc.array(fc.constantFrom(...acts), { minLength: L, maxLength: L }),
        bias: fc.array(fc.boolean(), { minLength: L, maxLength: L }),
        loss: fc.constantFrom('squared' as const, 'half-squared' as const),
      })
      .map((o) => specFromJson(o)),
  );
const SMOOTH = ['identity', 'quadratic', 'pow3', 'sigmoid', 'tanh', 'arctan_sigmoid', 'softplus'];
const ALL = [...SMOOTH, 'relu', 'leaky_relu', 'heaviside'];
const samplesFor = (spec: NetworkSpec, seed: number, n = 2) => {
  const r = seededRng(seed);
  const u = () => 2 * r() - 1;
  return Array.from({ length: n }, () => ({ x: Array.from({ length: spec.widths[0]! }, u), y: Array.from({ length: spec.widths.at(-1)! }, u) }));
};

describe('parameters by name', () => {
  it('the engine names its parameters as the network module does (derived independently)', () => {
    fc.assert(
      fc.property(specArb(ALL), (spec) => {
        expect(engineParamNames(spec)).toEqual(parameterNames(spec));
      }),
    );
  });

  it('pointFromParams inverts paramsFromPoint, and flatten/unflatten invert each other', () => {
    fc.assert(
      fc.property(specArb(ALL), fc.integer(), (spec, seed) => {
        const p = randomParams(spec, seededRng(seed));
        const point = pointFromParams(spec, p);
        expect(Object.keys(point)).toEqual(engineParamNames(spec));
        expect(pointFromParams(spec, paramsFromPoint(spec, point))).toEqual(point);
        expect(flattenParams(spec, unflattenParams(spec, flattenParams(spec, p)))).toEqual(flattenParams(spec, p));
      }),
    );
  });

  it('w{l}_{i}_{j} is entry (i, j) of W^l and b{l}_{i} entry i of B^l', () => {
    const spec = parseSpec('2-3-1');
    const point = Object.fromEntries(engineParamNames(spec).map((n, k) => [n, k + 1]));
    const p = paramsFromPoint(spec, point);
    expect(p.W[0]!.get([2, 1])).toBe(point.w1_3_2);
    expect(p.b[0]!.get([1, 0])).toBe(point.b1_2);
    expect(p.W[1]!.get([0, 2])).toBe(point.w2_1_3);
  });

  it.each([
    [{ w1_1_1: 1 }, /missing parameter 'b1_1'/],
    [{ w1_1_1: 1, b1_1: 0, w9_9_9: 2 }, /unknown parameter 'w9_9_9'/],
    [{ w1_1_1: Number.NaN, b1_1: 0 }, /'w1_1_1' is not a finite number/],
  ])('bad point %o → NumericError', (point, message) => {
    expect(() => paramsFromPoint(parseSpec('1-1:sigmoid'), point)).toThrow(NumericError);
    expect(() => paramsFromPoint(parseSpec('1-1:sigmoid'), point)).toThrow(message);
  });

  it('bad input and target lengths are NumericErrors naming the length', () => {
    const spec = parseSpec('2-1:sigmoid');
    const p = randomParams(spec, seededRng(1));
    expect(() => engineOutputs(spec, p, [1])).toThrow(/input has length 1, the network needs 2/);
    expect(() => engineDatasetLoss(spec, p, [{ x: [1, 2], y: [1, 2] }])).toThrow(/target has length 2, the network needs 1/);
    expect(() => engineOutputs(parseSpec('3-1:sigmoid'), p, [1, 2, 3])).toThrow(/W\^1 is 1×2, the network needs 1×3/);
  });
});

describe('forward pass and loss against the symbolic formula', () => {
  it('outputs and loss equal the compiled network formula at random points (every activation)', () => {
    fc.assert(
      fc.property(specArb(ALL), fc.integer(), (spec, seed) => {
        const net = buildNetwork(spec);
        const p = randomParams(spec, seededRng(seed));
        const [s] = samplesFor(spec, seed, 1);
        const f = compileMany([...net.outputs, net.loss], [...net.params, ...net.inputs, ...net.targets]);
        const v = f([...flattenParams(spec, p), ...s!.x, ...s!.y]);
        const e = [...engineOutputs(spec, p, s!.x), engineDatasetLoss(spec, p, [s!])];
        e.forEach((x, k) => expect(Math.abs(x - v[k]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(x))));
      }),
    );
  });

  it('the data-set loss is the network module’s exact dataset loss, evaluated', () => {
    const spec = parseSpec('2-2-1:tanh,identity');
    const data = readCsv('x1,x2,y1\n1,0,1/2\n-1/4,3,2\n0.5,0.5,-1\n', spec);
    const net = buildNetwork(spec);
    const p = randomParams(spec, seededRng(3));
    const exact = evaluate(datasetLoss(net, data), pointFromParams(spec, p));
    expect(engineDatasetLoss(spec, p, samplesFromDataset(data))).toBeCloseTo(exact, 13);
    expect(samplesFromDataset(data)[1]).toEqual({ x: [-0.25, 3], y: [2] });
  });
});

describe('backprop', () => {
  it('agrees with central differences for smooth networks (property)', () => {
    fc.assert(
      fc.property(specArb(SMOOTH), fc.integer(), (spec, seed) => {
        const p = randomParams(spec, seededRng(seed));
        const data = samplesFor(spec, seed + 1);
        const g = engineGradient(spec, p, data);
        const fd = finiteDifferenceGradient(spec, p, data);
        // Central differences with h = ε^(1/3) err by about h²|L'''|/6 + ε|L|/h: the error scales with
        // the loss itself (stacked pow3 layers make |L| and |L'''| large), not only with the gradient.
        const scale = Math.max(1, data.reduce((s, d) => s + Math.abs(engineLoss(spec, p, d)), 0));
        g.forEach((v, k) => expect(Math.abs(v - fd[k]!)).toBeLessThanOrEqual(1e-6 * Math.max(scale, Math.abs(v))));
      }),
    );
  });

  it('finite differences on chosen coordinates equal the full ones there and are NaN elsewhere', () => {
    const spec = parseSpec('2-3-1:tanh,identity');
    const p = randomParams(spec, seededRng(6));
    const data = samplesFor(spec, 7);
    const full = finiteDifferenceGradient(spec, p, data);
    const some = finiteDifferenceGradient(spec, p, data, [0, 4, 12]);
    some.forEach((v, k) => ([0, 4, 12].includes(k) ? expect(v).toBe(full[k]) : expect(v).toBeNaN()));
    expect(() => finiteDifferenceGradient(spec, p, data, [13])).toThrow(/coordinate 13 is outside 0…12/);
  });

  it('agrees with the core’s forward derivative diff(loss, θ) per parameter', () => {
    const spec = parseSpec('2-3-2:softplus,sigmoid:half');
    const net = buildNetwork(spec);
    const p = randomParams(spec, seededRng(11));
    const [s] = samplesFor(spec, 12, 1);
    const vars = [...net.params, ...net.inputs, ...net.targets];
    const at = [...flattenParams(spec, p), ...s!.x, ...s!.y];
    const g = engineGradient(spec, p, [s!]);
    net.params.forEach((q, k) => expect(compile(diff(net.loss, q), vars)(at)).toBeCloseTo(g[k]!, 13));
  });
});

describe('gradient descent (eqs. 26–27)', () => {
  it('one step on 1-1 identity is the closed form w ↦ w − γ·2(wx + b − y)x, b ↦ b − γ·2(wx + b − y)', () => {
    const spec = parseSpec('1-1:identity');
    const p = paramsFromPoint(spec, { w1_1_1: 0.5, b1_1: -0.25 });
    const q = pointFromParams(spec, gradientStep(spec, p, [{ x: [2], y: [3] }], 0.1));
    const r = 0.5 * 2 - 0.25 - 3;
    expect(q.w1_1_1).toBeCloseTo(0.5 - 0.1 * 2 * r * 2, 15);
    expect(q.b1_1).toBeCloseTo(-0.25 - 0.1 * 2 * r, 15);
  });

  it('layers without bias keep B = 0', () => {
    const spec = parseSpec('2-2-1:tanh,identity:nobias');
    const q = gradientStep(spec, randomParams(spec, seededRng(2)), samplesFor(spec, 3), 0.1);
    expect(q.b.every((b) => (b.toArray() as number[][]).flat().every((v) => v === 0))).toBe(true);
  });

  it('converges on linear regression to the least-squares line of the normal equations', () => {
    const spec = parseSpec('1-1:identity');
    const xs = [0, 1, 2, 3, 4];
    const ys = [1, 2.5, 2.9, 4.2, 5.1];
    const n = xs.length;
    const mx = xs.reduce((a, b) => a + b) / n;
    const my = ys.reduce((a, b) => a + b) / n;
    const slope = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
    const data = xs.map((x, i) => ({ x: [x], y: [ys[i]!] }));
    const { params, losses } = gradientDescent(spec, paramsFromPoint(spec, { w1_1_1: 0, b1_1: 0 }), data, { gamma: 0.01, steps: 3000 });
    const fit = pointFromParams(spec, params);
    expect(fit.w1_1_1).toBeCloseTo(slope, 8);
    expect(fit.b1_1).toBeCloseTo(my - slope * mx, 8);
    expect(losses).toHaveLength(3001);
    for (let t = 1; t < losses.length; t++) expect(losses[t]!).toBeLessThanOrEqual(losses[t - 1]! + 1e-15);
  });

  it('refuses a non-positive step and a bad step count', () => {
    const spec = parseSpec('1-1:sigmoid');
    const p = randomParams(spec, seededRng(1));
    expect(() => gradientStep(spec, p, [], 0)).toThrow(NumericError);
    expect(() => gradientDescent(spec, p, [], { gamma: 0.1, steps: 1.5 })).toThrow(/steps must be a non-negative integer/);
  });
});

describe('Hessian and eigenvalues', () => {
  it('linear least squares: H = 2 Σ (x, 1)(x, 1)ᵀ exactly (squared loss)', () => {
    const spec = parseSpec('2-1:identity');
    const data = [
      { x: [1, 2], y: [0] },
      { x: [-1, 0.5], y: [1] },
      { x: [3, -2], y: [2] },
    ];
    const H = hessian(spec, randomParams(spec, seededRng(5)), data); // order w1_1_1, w1_1_2, b1_1
    const v = data.map((d) => [...d.x, 1]);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) expect(H[i]![j]!).toBeCloseTo(2 * v.reduce((a, r) => a + r[i]! * r[j]!, 0), 6);
  });

  it('nonlinear: the Hessian agrees with the core’s second derivatives diff(diff(loss, p), q)', () => {
    const spec = parseSpec('1-2-1:tanh,identity');
    const net = buildNetwork(spec);
    const p = randomParams(spec, seededRng(8));
    const s = { x: [0.7], y: [-0.3] };
    const H = hessian(spec, p, [s]);
    const vars = [...net.params, ...net.inputs, ...net.targets];
    const at = [...flattenParams(spec, p), ...s.x, ...s.y];
    net.params.forEach((a, i) =>
      net.params.forEach((b, j) => expect(Math.abs(H[i]![j]! - compile(diff(diff(net.loss, a), b), vars)(at))).toBeLessThan(1e-7)),
    );
  });

  it('symmetric eigenvalues: the 2×2 closed form (a+c)/2 ± √(((a−c)/2)² + b²), and trace/determinant in 3×3', () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), (a, b, c) => {
        const r = Math.hypot((a - c) / 2, b);
        const [lo, hi] = symmetricEigenvalues([
          [a, b],
          [b, c],
        ]);
        expect(lo!).toBeCloseTo((a + c) / 2 - r, 9);
        expect(hi!).toBeCloseTo((a + c) / 2 + r, 9);
      }),
    );
    const M = [
      [4, 1, -2],
      [1, 2, 0],
      [-2, 0, 3],
    ];
    const ev = symmetricEigenvalues(M);
    const det = 4 * (2 * 3) - 1 * (1 * 3) + -2 * (0 - 2 * -2);
    expect(ev.reduce((s, x) => s + x)).toBeCloseTo(9, 12);
    expect(ev.reduce((s, x) => s * x)).toBeCloseTo(det, 10);
    expect(ev).toEqual([...ev].sort((x, y) => x - y));
  });

  it('refuses a non-symmetric or non-square matrix', () => {
    expect(() => symmetricEigenvalues([[1, 2], [3, 4]])).toThrow(/not symmetric at \(2, 1\)/);
    expect(() => symmetricEigenvalues([[1, 2]])).toThrow(NumericError);
  });

  it('at the least-squares optimum of a filling model all eigenvalues are positive (a strict minimum)', () => {
    const spec = parseSpec('1-1:identity');
    const data = [0, 1, 2].map((x, i) => ({ x: [x], y: [[1, 3, 4][i]!] }));
    // normal equations: slope Σ(x − 1)(y − 8/3)/Σ(x − 1)² = 3/2, intercept 8/3 − 3/2 = 7/6
    const opt = paramsFromPoint(spec, { w1_1_1: 1.5, b1_1: 7 / 6 });
    for (const g of finiteDifferenceGradient(spec, opt, data)) expect(Math.abs(g)).toBeLessThan(1e-9);
    const H = hessian(spec, opt, data);
    expect(symmetricEigenvalues(H).every((x) => x > 0)).toBe(true);
  });
});
