/**
 * checkNetwork: the network module's symbolic outputs, loss, gradient and δ-recursion against the
 * mathjs engine. It must pass on correct formulas across every activation and option, and fail on
 * a wrong one.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_FD_COORDINATES,
  NumericError,
  SYMBOLIC_TOLERANCE,
  buildNetwork,
  checkNetwork,
  gradientEquations,
  mul,
  num,
  parameterCount,
  parseSpec,
  specFromJson,
  sym,
  add,
} from '../../src/index.js';

const SPECS = [
  '2-3-1',
  '3-2-3-4:arctan_sigmoid:half',
  '2-4-3-1:relu,identity',
  '3-3-2:leaky_relu,tanh:nobias',
  '2-2-2-1:heaviside,softplus',
  '2-2-1:pow5,quadratic',
  '1-2-1:quadratic:rows',
  '2-3-3-2:tanh,sigmoid,identity:half',
  '4-8-8-1',
  '3-2-1:relu,identity:nobias', // seed 003's network
];

describe('checkNetwork passes on the network module’s formulas', () => {
  it.each(SPECS)('%s', (text) => {
    const net = buildNetwork(parseSpec(text));
    const r = checkNetwork(net, { seed: 5, points: 4 });
    const outputs = net.spec.widths.at(-1)!;
    // rows: outputs, loss, one per parameter, the δ-recursion, the engine vs finite differences
    expect(r.rows).toHaveLength(outputs + 1 + parameterCount(net.spec) + 2);
    for (const row of r.rows) {
      expect(row.maxRelError, row.what).toBeLessThanOrEqual(row.tolerance);
      expect(row.ok).toBe(true);
    }
    expect(r.ok).toBe(true);
    expect(r.points).toBe(4);
    // the finite-difference row's tolerance is derived at the point (fdcheck.ts), and says so; far below any real mistake
    const fd = r.rows.at(-1)!;
    expect(fd.basis).toMatch(/per coordinate/);
    expect(fd.tolerance).toBeGreaterThan(0);
    expect(fd.tolerance).toBeLessThan(1e-5);
  });

  it('past MAX_FD_COORDINATES parameters the finite differences check a seeded subset, and say so', () => {
    const r = checkNetwork(buildNetwork(parseSpec('4-8-8-1')), { points: 2 });
    expect(parameterCount(parseSpec('4-8-8-1'))).toBeGreaterThan(MAX_FD_COORDINATES);
    expect(r.rows.at(-1)!.what).toBe(`engine backprop vs finite differences (${MAX_FD_COORDINATES} of 121 coordinates per point)`);
    expect(r.rows.at(-1)!.ok).toBe(true);
  });

  it('bias flags per layer (JSON spec)', () => {
    const spec = specFromJson({ widths: [2, 3, 1], activations: ['tanh', 'identity'], bias: [false, true] });
    expect(checkNetwork(buildNetwork(spec), { points: 3 }).ok).toBe(true);
  });
});

describe('checkNetwork fails on a wrong formula', () => {
  const net = buildNetwork(parseSpec('2-2-1:sigmoid,identity'));
  const right = gradientEquations(net);

  it('a gradient component off by a factor 2 fails exactly that row', () => {
    const wrong = new Map(right);
    wrong.set('w1_2_1', mul(num(2), right.get('w1_2_1')!));
    const r = checkNetwork(net, { gradient: wrong, points: 3 });
    expect(r.ok).toBe(false);
    const bad = r.rows.filter((row) => !row.ok).map((row) => row.what);
    expect(bad).toEqual(['dloss/dw1_2_1']);
    expect(r.rows.find((row) => row.what === 'dloss/dw1_2_1')!.maxRelError).toBeGreaterThan(1e-3);
  });

  it('a gradient component with a spurious term (+y1) fails', () => {
    const wrong = new Map(right);
    wrong.set('b2_1', add(right.get('b2_1')!, sym('y1'))); // wrong wherever y1 ≠ 0
    const r = checkNetwork(net, { gradient: wrong, points: 3 });
    expect(r.rows.find((row) => row.what === 'dloss/db2_1')!.ok).toBe(false);
  });

  it('a missing component is a NumericError', () => {
    const wrong = new Map(right);
    wrong.delete('b1_1');
    expect(() => checkNetwork(net, { gradient: wrong })).toThrow(/no component for 'b1_1'/);
  });
});

describe('checkNetwork options', () => {
  const net = buildNetwork(parseSpec('2-2-1:relu,identity'));

  it('is deterministic in the seed and reports it', () => {
    const a = checkNetwork(net, { seed: 42, points: 3 });
    expect(checkNetwork(net, { seed: 42, points: 3 })).toEqual(a);
    expect(a.seed).toBe(42);
    expect(a.rows.every((r) => r.tolerance === SYMBOLIC_TOLERANCE || r.basis !== undefined)).toBe(true);
  });

  it('reports progress once per accepted point', () => {
    const seen: [number, number][] = [];
    checkNetwork(net, { points: 3, onProgress: (d, t) => seen.push([d, t]) });
    expect(seen).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('can leave out the δ-recursion and the finite differences', () => {
    const r = checkNetwork(net, { points: 2, backprop: false, finiteDifferences: false });
    expect(r.rows).toHaveLength(1 + 1 + parameterCount(net.spec));
  });

  it.each([
    [{ points: 0 }, /points must be a positive integer/],
    [{ points: 2.5 }, /points must be a positive integer/],
    [{ seed: 0.5 }, /seed must be an integer/],
  ])('refuses %o', (opts, message) => {
    expect(() => checkNetwork(net, opts)).toThrow(NumericError);
    expect(() => checkNetwork(net, opts)).toThrow(message);
  });
});
