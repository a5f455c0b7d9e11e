import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  DatasetError,
  Q,
  type Rational,
  buildNetwork,
  datasetLoss,
  evaluate,
  evaluateExact,
  getActivation,
  parseSpec,
  qadd,
  qmul,
  qsub,
  qtoNumber,
  readCsv,
  symbolicDatasetLoss,
  toText,
} from '../../src/index.js';
import { math, mathjsValue } from '../helpers/oracles.js';

/** A deterministic stream of small rationals p/q (a linear congruential generator: reproducible). */
function rationals(seed: number): () => Rational {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const p = (s >>> 8) % 13;
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const q = 1 + ((s >>> 8) % 4);
    return Q(p - 6, q);
  };
}

describe('buildNetwork names', () => {
  it('seed 003: 3-2-1 ReLU without biases', () => {
    const net = buildNetwork(parseSpec('3-2-1:relu,identity:nobias'));
    expect(net.params).toEqual(['w1_1_1', 'w1_1_2', 'w1_1_3', 'w1_2_1', 'w1_2_2', 'w1_2_3', 'w2_1_1', 'w2_1_2']);
    expect(net.inputs).toEqual(['x1', 'x2', 'x3']);
    expect(net.targets).toEqual(['y1']);
    expect(toText(net.z[0]![1]!)).toBe('w1_2_1*x1 + w1_2_2*x2 + w1_2_3*x3');
    expect(toText(net.a[0]![1]!)).toBe('relu(w1_2_1*x1 + w1_2_2*x2 + w1_2_3*x3)');
    expect(net.outputs[0]).toBe(net.a[1]![0]);
    expect(toText(net.loss)).toBe('(w2_1_1*relu(w1_1_1*x1 + w1_1_2*x2 + w1_1_3*x3) - y1 + w2_1_2*relu(w1_2_1*x1 + w1_2_2*x2 + w1_2_3*x3))^2');
  });

  it('layer by layer: weights (i, then j), then biases', () => {
    expect(buildNetwork(parseSpec('2-2-1')).params).toEqual(['w1_1_1', 'w1_1_2', 'w1_2_1', 'w1_2_2', 'b1_1', 'b1_2', 'w2_1_1', 'w2_1_2', 'b2_1']);
  });

  it('half-squared loss is ½Σ(f − y)²', () => {
    expect(toText(buildNetwork(parseSpec('1-1:identity:half')).loss)).toBe('(b1_1 - y1 + w1_1_1*x1)^2/2');
  });
});

/**
 * An independent forward pass: mathjs matrices, Z = W·A + B, each σ evaluated by mathjs from the
 * activation's own mathjs definition (never through the core).
 */
function mathjsForward(text: string, point: Record<string, number>): { outputs: number[]; loss: number } {
  const s = parseSpec(text);
  const L = s.widths.length - 1;
  let A = math.matrix(Array.from({ length: s.widths[0]! }, (_, j) => [point[`x${j + 1}`]!]));
  for (let l = 1; l <= L; l++) {
    const W = math.matrix(Array.from({ length: s.widths[l]! }, (_, i) => Array.from({ length: s.widths[l - 1]! }, (_, j) => point[`w${l}_${i + 1}_${j + 1}`]!)));
    const B = math.matrix(Array.from({ length: s.widths[l]! }, (_, i) => [s.bias[l - 1] ? point[`b${l}_${i + 1}`]! : 0]));
    const Z = math.add(math.multiply(W, A), B) as math.Matrix;
    const act = getActivation(s.activations[l - 1]!)!;
    A = Z.map((z: number) => mathjsValue(act.mathjs, { z })) as math.Matrix;
  }
  const outputs = (A.toArray() as number[][]).map((r) => r[0]!);
  const c = s.loss === 'half-squared' ? 0.5 : 1;
  return { outputs, loss: c * outputs.reduce((acc, f, k) => acc + (f - point[`y${k + 1}`]!) ** 2, 0) };
}

describe('outputs and loss agree with an independent mathjs forward pass', () => {
  const specs = [
    ...ACTIVATIONS.map((a) => `2-3-2:${a.name}`),
    '3-2-3-4:arctan_sigmoid', // seed 002
    '3-2-1:relu,identity:nobias', // seed 003
    '3-4-1:identity:rows', // seed 004
    '2-2-2-1:tanh,sigmoid,softplus:half',
  ];
  it.each(specs)('%s', (text) => {
    const net = buildNetwork(parseSpec(text));
    fc.assert(
      fc.property(fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 64, maxLength: 64 }), (values) => {
        const names = [...net.params, ...net.inputs, ...net.targets];
        const point = Object.fromEntries(names.map((n, i) => [n, values[i % values.length]! + i / 97]));
        const ref = mathjsForward(text, point);
        // Relative tolerance: pow3 of pow3 reaches 10⁷ and more; 1e-9 leaves room for cancellation in the sums.
        const close = (a: number, b: number): void => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
        net.outputs.forEach((f, k) => close(evaluate(f, point), ref.outputs[k]!));
        close(evaluate(net.loss, point), ref.loss);
      }),
      { numRuns: 20 },
    );
  });
});

describe('seed cases, exactly', () => {
  it('seed 004: with identity activation, f = βᵀx + β₀ with β = W⁽¹⁾W⁽²⁾ and β₀ = b⁽¹⁾W⁽²⁾ + b⁽²⁾ (rows layout)', () => {
    const p = 3;
    const M = 4;
    const net = buildNetwork(parseSpec(`${p}-${M}-1:identity:rows`));
    const next = rationals(4);
    for (let trial = 0; trial < 5; trial++) {
      const point = Object.fromEntries([...net.params, ...net.inputs].map((n) => [n, next()]));
      // Rows layout: W⁽¹⁾ is p×M with W⁽¹⁾[j][m] = w1_m_j; W⁽²⁾ is M×1 with W⁽²⁾[m] = w2_1_m.
      const W1 = (j: number, m: number): Rational => point[`w1_${m}_${j}`]!;
      const W2 = (m: number): Rational => point[`w2_1_${m}`]!;
      let f = Q(0);
      for (let j = 1; j <= p; j++) {
        let beta = Q(0);
        for (let m = 1; m <= M; m++) beta = qadd(beta, qmul(W1(j, m), W2(m)));
        f = qadd(f, qmul(beta, point[`x${j}`]!));
      }
      let beta0 = point.b2_1!;
      for (let m = 1; m <= M; m++) beta0 = qadd(beta0, qmul(point[`b1_${m}`]!, W2(m)));
      expect(evaluateExact(net.outputs[0]!, point)).toEqual(qadd(f, beta0));
    }
  });

  it('seed 000: the quadratic 1-2-1 network is a polynomial of degree exactly 4 in x', () => {
    // Exact finite differences in x at unit steps: the 5th vanishes, the 4th does not (at a generic point).
    const net = buildNetwork(parseSpec('1-2-1:quadratic'));
    const next = rationals(0);
    const params = Object.fromEntries(net.params.map((n) => [n, next()]));
    const values = [0, 1, 2, 3, 4, 5].map((x) => evaluateExact(net.outputs[0]!, { ...params, x1: Q(x) })!);
    const diffs = (v: Rational[]): Rational[] => v.slice(1).map((b, i) => qsub(b, v[i]!));
    let d = values;
    for (let k = 0; k < 4; k++) d = diffs(d);
    expect(d[0]!.n).not.toBe(0n);
    expect(diffs(d)[0]!.n).toBe(0n);
  });
});

describe('datasetLoss', () => {
  it('is the sum of the point losses (exact)', () => {
    const net = buildNetwork(parseSpec('2-2-1:quadratic,identity'));
    const next = rationals(7);
    const data = { inputs: [0, 1, 2].map(() => [next(), next()]), targets: [0, 1, 2].map(() => [next()]) };
    const total = datasetLoss(net, data);
    const params = Object.fromEntries(net.params.map((n) => [n, next()]));
    let expected = Q(0);
    for (let p = 0; p < 3; p++)
      expected = qadd(expected, evaluateExact(net.loss, { ...params, x1: data.inputs[p]![0]!, x2: data.inputs[p]![1]!, y1: data.targets[p]![0]! })!);
    expect(evaluateExact(total, params)).toEqual(expected);
    // The symbolic dataset loss with the same values bound agrees.
    const sym = symbolicDatasetLoss(net, 3);
    const bound: Record<string, Rational> = { ...params };
    for (let p = 0; p < 3; p++) Object.assign(bound, { [`x1_${p + 1}`]: data.inputs[p]![0]!, [`x2_${p + 1}`]: data.inputs[p]![1]!, [`y1_${p + 1}`]: data.targets[p]![0]! });
    expect(evaluateExact(sym, bound)).toEqual(expected);
  });

  it('refuses up front, with the estimate, a dataset loss past the node budget', () => {
    const net = buildNetwork(parseSpec('10-10-1:tanh,identity'));
    // 4 × (21 neurons + 110 weights) = 524 nodes estimated per point.
    expect(() => symbolicDatasetLoss(net, 2000)).toThrowError('2000 data points × network 10-10-1 would build about 1048000 nodes, past the budget');
    expect(() => symbolicDatasetLoss(net, 0)).toThrowError(DatasetError);
  });

  it.each([
    [{ inputs: [[Q(1)]], targets: [] }, 'but 0 target rows'],
    [{ inputs: [], targets: [] }, 'no points'],
    [{ inputs: [[Q(1), Q(2)]], targets: [[Q(1)]] }, 'data point 1 has 2 inputs, the network takes 1'],
    [{ inputs: [[Q(1)]], targets: [[]] }, 'data point 1 has 0 targets'],
  ])('refuses a misshapen dataset (%#)', (data, message) => {
    const net = buildNetwork(parseSpec('1-1:identity'));
    expect(() => datasetLoss(net, data)).toThrowError(DatasetError);
    expect(() => datasetLoss(net, data)).toThrowError(message);
  });
});

describe('readCsv', () => {
  const s21 = parseSpec('2-1:identity');
  it('reads exact rationals, any column order, comments, CRLF', () => {
    const d = readCsv('# data\r\ny1, x2, x1\r\n0.1, 3/4, -2\r\n\r\n1e-3,0,5\r\n', s21);
    expect(d.inputs).toEqual([
      [Q(-2), Q(3, 4)],
      [Q(5), Q(0)],
    ]);
    expect(d.targets).toEqual([[Q(1, 10)], [Q(1, 1000)]]);
    expect(qtoNumber(d.targets[0]![0]!)).toBe(0.1);
  });

  it.each([
    ['', 'empty CSV'],
    ['x1,x2,y1\n', 'no data rows'],
    ['x1,x2\n1,2\n', "line 1: header lacks column 'y1'"],
    ['x1,x2,y1,y2\n', "line 1: unknown column 'y2'"],
    ['x1,x1,y1\n', "line 1: column 'x1' appears twice"],
    ['x1,x2,y1\n1,2,3\n1,2\n', 'line 3: 2 values, expected 3'],
    ['x1,x2,y1\n1,2,3\n\n1,two,3\n', "line 4: bad number 'two' in column x2"],
    ['x1,x2,y1\n1,2,1/0\n', "line 2: bad number '1/0' in column y1"],
  ])('refuses %j with the line', (text, message) => {
    expect(() => readCsv(text, s21)).toThrowError(DatasetError);
    expect(() => readCsv(text, s21)).toThrowError(message);
  });
});
