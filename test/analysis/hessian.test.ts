/**
 * The exact Hessian at a rational point (hessianAt), against independent routes: the mathjs
 * engine's Hessian (central differences of its own backprop, src/numeric/train.ts) and its
 * eigenvalues (mathjs `eigs`), and textbook values at known points.
 */
import { describe, expect, it } from 'vitest';
import {
  type Rational,
  Q,
  buildNetwork,
  datasetLoss,
  engineParamNames,
  hessian as engineHessian,
  hessianAt,
  paramsFromPoint,
  parse,
  parseSpec,
  qadd,
  qmul,
  qtoNumber,
  seededRng,
  symbolicHessian,
  symmetricEigenvalues,
} from '../../src/index.js';

const at = (entries: Record<string, Rational>): Map<string, Rational> => new Map(Object.entries(entries));

describe('exact Hessian at rational points = the numeric engine (to 1e-9)', () => {
  // polynomial and piecewise-linear activations: every value is rational at a rational point
  it.each(['1-2-1:quadratic', '2-2-1:quadratic,identity', '2-3-1:relu,identity', '1-2-2:identity', '2-2-1:leaky_relu,identity:half'])('%s', (s) => {
    const spec = parseSpec(s);
    const net = buildNetwork(spec);
    const rng = seededRng(7);
    const r = (): Rational => Q(Math.round(16 * (2 * rng() - 1)), 8); // k/8 in [−2, 2]
    const data = {
      inputs: Array.from({ length: 4 }, () => net.inputs.map(r)),
      targets: Array.from({ length: 4 }, () => net.targets.map(r)),
    };
    const L = datasetLoss(net, data);
    const H = symbolicHessian(L, net.params);
    let signsCompared = 0;
    for (let trial = 0; trial < 3; trial++) {
      const point = new Map(net.params.map((p) => [p, r()]));
      const exact = hessianAt(H, point);
      const names = engineParamNames(spec);
      const engine = engineHessian(
        spec,
        paramsFromPoint(spec, Object.fromEntries([...point].map(([k, v]) => [k, qtoNumber(v)]))),
        data.inputs.map((x, p) => ({ x: x.map(qtoNumber), y: data.targets[p]!.map(qtoNumber) })),
      );
      const scale = Math.max(1, ...engine.flat().map(Math.abs));
      net.params.forEach((pi, i) =>
        net.params.forEach((pj, j) => {
          const theirs = engine[names.indexOf(pi)]![names.indexOf(pj)]!;
          const ours = qtoNumber(exact.matrix[i]![j]!);
          expect(Math.abs(ours - theirs) <= 1e-9 * scale, `${s} ∂²L/∂${pi}∂${pj}: exact ${ours}, engine ${theirs}`).toBe(true);
        }),
      );
      // the inertia counts = the signs of the engine's eigenvalues (mathjs eigs), an eigenvalue
      // within the engine's error of 0 counted as zero; compared where no eigenvalue is in the
      // ambiguous band between that error and a clear sign
      const eig = symmetricEigenvalues(engine);
      const tiny = 1e-8 * scale;
      if (eig.every((l) => Math.abs(l) <= tiny || Math.abs(l) > 1e-7 * scale)) {
        expect(exact.inertia, `${s}: eigenvalues ${eig.join(', ')}`).toEqual({
          positive: eig.filter((l) => l > tiny).length,
          negative: eig.filter((l) => l < -tiny).length,
          zero: eig.filter((l) => Math.abs(l) <= tiny).length,
        });
        signsCompared++;
      }
    }
    expect(signsCompared).toBeGreaterThan(0);
  });
});

describe('inertia and type at known points', () => {
  const data = { inputs: [[Q(-2)], [Q(-1)], [Q(0)], [Q(1)], [Q(3)]], targets: [[Q(9)], [Q(1, 2)], [Q(1)], [Q(-10)], [Q(64)]] };
  const sum = (f: (x: Rational, y: Rational) => Rational): Rational => data.inputs.reduce((s, x, p) => qadd(s, f(x[0]!, data.targets[p]![0]!)), Q(0));

  it('the origin of 1-1-1:identity:nobias is a saddle with H = [[0, −2Σxy], [−2Σxy, 0]]', () => {
    // L = Σ(uvx − y)²: ∂²L/∂u∂v = Σ 2x(2uvx − y) → −2Σxy at u = v = 0, the diagonal 2v²Σx² → 0
    const net = buildNetwork(parseSpec('1-1-1:identity:nobias'));
    const r = hessianAt(symbolicHessian(datasetLoss(net, data), net.params), at({ w1_1_1: Q(0), w2_1_1: Q(0) }));
    const m = qmul(Q(-2), sum((x, y) => qmul(x, y)));
    expect(r.critical).toBe(true);
    expect(r.matrix).toEqual([
      [Q(0), m],
      [m, Q(0)],
    ]);
    expect(r.inertia).toEqual({ positive: 1, negative: 1, zero: 0 });
    expect(r.type).toBe('saddle');
  });

  it('linear regression 1-1:identity at its least-squares optimum is a minimum, H = 2[[Σx², Σx], [Σx, n]]', () => {
    // normal equations, by hand: w = (nΣxy − ΣxΣy)/(nΣx² − (Σx)²), b = (Σy − wΣx)/n
    const n = Q(data.inputs.length);
    const sx = sum((x) => x);
    const sy = sum((_, y) => y);
    const sxx = sum((x) => qmul(x, x));
    const sxy = sum((x, y) => qmul(x, y));
    const minus = (a: Rational, b: Rational): Rational => qadd(a, qmul(Q(-1), b));
    const div = (a: Rational, b: Rational): Rational => qmul(a, { n: b.d * (b.n < 0n ? -1n : 1n), d: b.n < 0n ? -b.n : b.n });
    const w = div(minus(qmul(n, sxy), qmul(sx, sy)), minus(qmul(n, sxx), qmul(sx, sx)));
    const b = div(minus(sy, qmul(w, sx)), n);
    const net = buildNetwork(parseSpec('1-1:identity'));
    const r = hessianAt(symbolicHessian(datasetLoss(net, data), net.params), at({ w1_1_1: w, b1_1: b }));
    expect(r.gradient).toEqual([Q(0), Q(0)]);
    expect(r.critical).toBe(true);
    expect(r.matrix).toEqual([
      [qmul(Q(2), sxx), qmul(Q(2), sx)],
      [qmul(Q(2), sx), qmul(Q(2), n)],
    ]);
    expect(r.type).toBe('minimum');
    expect(r.definiteness).toBe('positive definite');
  });

  it.each([
    ['-(x^2 + y^2) + x*y', 'maximum', { positive: 0, negative: 2, zero: 0 }],
    ['x^4 + y^2', 'degenerate', { positive: 1, negative: 0, zero: 1 }],
    ['x^2 + 3*x*y + y^2', 'saddle', { positive: 1, negative: 1, zero: 0 }], // det 4 − 9 < 0
    ['x^2 + x*y + y^2', 'minimum', { positive: 2, negative: 0, zero: 0 }], // det 4 − 1 > 0
  ])('%s at the origin: %s', (text, type, inertia) => {
    const r = hessianAt(symbolicHessian(parse(text), ['x', 'y']), at({ x: Q(0), y: Q(0) }));
    expect(r.critical).toBe(true);
    expect(r.type).toBe(type);
    expect(r.inertia).toEqual(inertia);
  });

  it('away from a critical point: the gradient is reported and there is no type', () => {
    const r = hessianAt(symbolicHessian(parse('x^2 + x*y + y^2'), ['x', 'y']), at({ x: Q(1), y: Q(0) }));
    expect(r.gradient).toEqual([Q(2), Q(1)]);
    expect(r.critical).toBe(false);
    expect(r.type).toBeUndefined();
    expect(r.definiteness).toBe('positive definite');
  });

  it('refuses a missing value, an unknown name and an irrational value in one line', () => {
    const H = symbolicHessian(parse('sigmoid(x)*y'), ['x', 'y']);
    expect(() => hessianAt(H, at({ x: Q(1) }))).toThrow(/no value for y/);
    expect(() => hessianAt(H, at({ x: Q(1), y: Q(1), z: Q(0) }))).toThrow(/unknown name 'z'/);
    expect(() => hessianAt(H, at({ x: Q(1, 2), y: Q(1) }))).toThrow(/not rational at this point \(it involves sigmoid\)/);
    // at x = 0 σ(0) = 1/2 is rational: exact, and H = [[σ''(0)y, σ'(0)], [σ'(0), 0]] = [[0, 1/4], [1/4, 0]]
    expect(hessianAt(H, at({ x: Q(0), y: Q(1) })).matrix).toEqual([
      [Q(0), Q(1, 4)],
      [Q(1, 4), Q(0)],
    ]);
  });

});
