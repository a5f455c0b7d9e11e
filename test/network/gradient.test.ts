import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  type BackpropEquation,
  type Network,
  type Node,
  Q,
  type Rational,
  SpecError,
  add,
  backpropEquations,
  buildNetwork,
  closeEquations,
  datasetGradient,
  recursionSubstitution,
  dagSize,
  equationLatex,
  equationText,
  evaluate,
  expand,
  polyEqual,
  polyIsZero,
  polySub,
  evaluateExact,
  gradientEquations,
  mul,
  num,
  parseSpec,
  qadd,
  qdiv,
  qmul,
  qsub,
  qtoNumber,
  sub,
  substitute,
  sym,
  toText,
} from '../../src/index.js';
import { nerdamerDiff, nerdamerNames, nerdamerValue } from '../helpers/oracles.js';

/** Deterministic small rationals p/q, |p| ≤ 6, q ≤ 4. */
function rationals(seed: number): () => Rational {
  let s = seed >>> 0;
  const step = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) >>> 8;
  return () => Q((step() % 13) - 6, 1 + (step() % 4));
}

/** Deterministic doubles in [−1.5, 1.5]. */
function doubles(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 3 - 1.5;
}

/**
 * Exact ∂e/∂v at a rational point for e polynomial of degree ≤ d in v: interpolate e along v at
 * the nodes t₀ + k (k = 0…d) and differentiate the Lagrange basis at t₀ (an oracle that uses no
 * symbolic differentiation):
 *   ℓ₀'(t₀) = Σ_{m≠0} 1/(t₀ − t_m),   ℓ_k'(t₀) = Π_{m≠0,k}(t₀ − t_m) / Π_{m≠k}(t_k − t_m).
 */
function exactPartial(e: Node, point: Record<string, Rational>, v: string, d: number): Rational {
  const t0 = point[v]!;
  const t = Array.from({ length: d + 1 }, (_, k) => qadd(t0, Q(k)));
  const value = (k: number): Rational => evaluateExact(e, { ...point, [v]: t[k]! })!;
  let s = Q(0);
  for (let k = 0; k <= d; k++) {
    let w: Rational;
    if (k === 0) {
      w = Q(0);
      for (let m = 1; m <= d; m++) w = qadd(w, qdiv(Q(1), qsub(t0, t[m]!)));
    } else {
      let num = Q(1);
      let den = Q(1);
      for (let m = 0; m <= d; m++) {
        if (m !== k) den = qmul(den, qsub(t[k]!, t[m]!));
        if (m !== k && m !== 0) num = qmul(num, qsub(t0, t[m]!));
      }
      w = qdiv(num, den);
    }
    s = qadd(s, qmul(w, value(k)));
  }
  return s;
}

/** Evaluate the recursion equation by equation (exactly), the way a person would by hand. */
function runRecursion(eqs: readonly BackpropEquation[], point: Record<string, Rational>): Map<string, Rational> {
  const env: Record<string, Rational> = { ...point };
  const grads = new Map<string, Rational>();
  for (const e of eqs) {
    const v = evaluateExact(e.rhs, env)!;
    if (e.kind === 'grad') grads.set(e.lhs, v);
    else env[e.lhs] = v;
  }
  return grads;
}

const allNames = (net: Network): string[] => [...net.params, ...net.inputs, ...net.targets];

/** Polynomial activations' degree product, times 2 for the square: a bound on the loss degree in any one parameter. */
const lossDegree = (net: Network): number =>
  2 * net.spec.activations.reduce((p, a) => p * (a === 'identity' ? 1 : a === 'quadratic' ? 2 : Number(a.slice(3))), 1);

describe('closed form and backprop form agree', () => {
  describe.each(['1-2-1:quadratic', '2-3-2:identity', '2-2-2-1:pow3,quadratic,identity:half', '3-4-1:identity:rows', '2-2-1:quadratic,identity:nobias'])(
    'polynomial %s, exactly',
    (text) => {
      const net = buildNetwork(parseSpec(text));
      const closed = gradientEquations(net);
      const eqs = backpropEquations(net);
      const recursion = closeEquations(eqs);
      it.each([1, 2, 3, 4])('at random rational point %i: reverse sweep = closed recursion = recursion run by hand = interpolation', (seed) => {
        const next = rationals(seed);
        const point = Object.fromEntries(allNames(net).map((n) => [n, next()]));
        const byHand = runRecursion(eqs, point);
        for (const p of net.params) {
          const g = evaluateExact(closed.get(p)!, point)!;
          expect(evaluateExact(recursion.get(p)!, point)).toEqual(g);
          expect(byHand.get(p)).toEqual(g);
          expect(exactPartial(net.loss, point, p, lossDegree(net))).toEqual(g);
        }
      });
    },
  );

  describe.each([...ACTIVATIONS.map((a) => `2-3-2:${a.name}`), '3-2-3-4:arctan_sigmoid:half', '3-2-1:relu,identity:nobias', '2-2-2-1:tanh,softplus,sigmoid'])(
    '%s in doubles, and against central differences',
    (text) => {
      const net = buildNetwork(parseSpec(text));
      const closed = gradientEquations(net);
      const recursion = closeEquations(backpropEquations(net));
      it.each([1, 2, 3])('at random point %i', (seed) => {
        const next = doubles(seed * 7919 + text.length);
        let point: Record<string, number>;
        // Away from kinks (|z| ≥ 1e-3) so that differences do not straddle a ReLU/Heaviside corner.
        do point = Object.fromEntries(allNames(net).map((n) => [n, next()]));
        while (net.z.flat().some((z) => Math.abs(evaluate(z, point)) < 1e-3));
        const h = 1e-6;
        for (const p of net.params) {
          const g = evaluate(closed.get(p)!, point);
          expect(evaluate(recursion.get(p)!, point)).toBeCloseTo(g, 12);
          const fd = (evaluate(net.loss, { ...point, [p]: point[p]! + h }) - evaluate(net.loss, { ...point, [p]: point[p]! - h })) / (2 * h);
          expect(Math.abs(fd - g)).toBeLessThan(1e-6 * Math.max(1, Math.abs(g)));
        }
      });
    },
  );
});

describe('closed form = backprop form = central differences on random architectures (property)', () => {
  const names = ACTIVATIONS.map((a) => a.name).filter((n) => n !== 'heaviside');
  const arb = fc
    .array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 4 })
    .chain((widths) =>
      fc.record({
        widths: fc.constant(widths),
        activations: fc.array(fc.constantFrom(...names), { minLength: widths.length - 1, maxLength: widths.length - 1 }),
        bias: fc.array(fc.boolean(), { minLength: widths.length - 1, maxLength: widths.length - 1 }),
        loss: fc.constantFrom('squared' as const, 'half-squared' as const),
        convention: fc.constantFrom('layer' as const, 'rows' as const),
        seed: fc.integer({ min: 1, max: 1_000_000 }),
      }),
    );
  it('holds', () => {
    fc.assert(
      fc.property(arb, ({ seed, ...spec }) => {
        const net = buildNetwork(spec);
        const closed = gradientEquations(net);
        const recursion = closeEquations(backpropEquations(net));
        const next = doubles(seed);
        const point = Object.fromEntries(allNames(net).map((n) => [n, next()]));
        // Skip points next to a kink of relu/leaky relu, where differences straddle the corner.
        fc.pre(net.z.flat().every((z) => Math.abs(evaluate(z, point)) > 1e-3));
        const h = 1e-6;
        for (const p of net.params) {
          const g = evaluate(closed.get(p)!, point);
          expect(Math.abs(evaluate(recursion.get(p)!, point) - g)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(g)));
          const fd = (evaluate(net.loss, { ...point, [p]: point[p]! + h }) - evaluate(net.loss, { ...point, [p]: point[p]! - h })) / (2 * h);
          // Truncation O(h²) plus rounding ~ ε|L|/h: the second term matters for deep pow3 stacks.
          expect(Math.abs(fd - g)).toBeLessThan(1e-5 * Math.max(1, Math.abs(g)) + 1e-9 * Math.abs(evaluate(net.loss, point)));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('closed form and backprop form are the same polynomial (expanded exactly)', () => {
  it.each(['1-2-1:quadratic', '2-2-1:identity', '2-2-1:quadratic,identity:half', '3-4-1:identity:rows', '2-1-1:pow3,quadratic:nobias'])('%s', (text) => {
    const net = buildNetwork(parseSpec(text));
    const closed = gradientEquations(net);
    const recursion = closeEquations(backpropEquations(net));
    for (const p of net.params) {
      const a = expand(closed.get(p)!);
      expect(polyEqual(a, expand(recursion.get(p)!))).toBe(true);
      // and the comparison can fail: the gradient differs from the loss itself
      expect(polyIsZero(polySub(a, expand(net.loss)))).toBe(false);
    }
  });
});

describe('nerdamer-prime (a second algebra system) differentiates the same loss to the same values', () => {
  it.each(['1-2-1:quadratic', '2-2-1:tanh,identity', '2-1-1:pow3,identity:half'])('%s', (text) => {
    const net = buildNetwork(parseSpec(text));
    const names = nerdamerNames(allNames(net));
    const renamed = (e: Node): string => toText(substitute(e, new Map([...names].map(([a, b]) => [a, sym(b)]))));
    const lossText = renamed(net.loss);
    const closed = gradientEquations(net);
    const next = doubles(11);
    const point = Object.fromEntries(allNames(net).map((n) => [n, next()]));
    const renamedPoint = Object.fromEntries(Object.entries(point).map(([k, v]) => [names.get(k)!, v]));
    for (const p of net.params) {
      const theirs = nerdamerValue(nerdamerDiff(lossText, names.get(p)!), renamedPoint);
      expect(theirs).toBeCloseTo(evaluate(closed.get(p)!, point), 9);
    }
  });
});

describe('seed 000: the slides\' output-weight gradient is wrong', () => {
  // Network 1-2-1 with a(z) = z² on both layers, L = (f − y)². The slides write
  //   ∂L/∂w_jk = 2a'(f(x))·a(Σᵢ w_ij xᵢ + b_j) − 2y_k;
  // the chain rule gives 2(f − y_k)·a'(z_out)·a(z_j).
  const net = buildNetwork(parseSpec('1-2-1:quadratic'));
  const aPrime = (z: Node): Node => mul(num(2), z);
  it('differs from closedform at a point, while closedform matches the exact derivative and central differences', () => {
    const point = Object.fromEntries(allNames(net).map((n, i) => [n, Q(i + 1, 3)]));
    const f = net.outputs[0]!;
    const zOut = net.z[1]![0]!;
    for (const j of [1, 2]) {
      const aj = net.a[0]![j - 1]!;
      const slides = sub(mul(num(2), aPrime(f), aj), mul(num(2), sym('y1')));
      const chain = mul(num(2), sub(f, sym('y1')), aPrime(zOut), aj);
      const ours = evaluateExact(gradientEquations(net).get(`w2_1_${j}`)!, point)!;
      expect(ours).toEqual(evaluateExact(chain, point));
      expect(ours).toEqual(exactPartial(net.loss, point, `w2_1_${j}`, 4));
      expect(evaluateExact(slides, point)).not.toEqual(ours);
      // and central differences in doubles agree with closedform, not with the slides
      const fp = Object.fromEntries(Object.entries(point).map(([k, v]) => [k, qtoNumber(v)]));
      const h = 1e-5;
      const w = `w2_1_${j}`;
      const fd = (evaluate(net.loss, { ...fp, [w]: fp[w]! + h }) - evaluate(net.loss, { ...fp, [w]: fp[w]! - h })) / (2 * h);
      expect(Math.abs(fd - qtoNumber(ours))).toBeLessThan(1e-6 * Math.abs(qtoNumber(ours)));
      expect(Math.abs(fd - evaluate(slides, fp))).toBeGreaterThan(1e-2 * Math.abs(fd));
    }
  });
});

describe('seed 002: boxed eq. 22 (∇_B = A^{ℓ−1} ⊙ ∇_A) is wrong; σ\'(Z^ℓ) ⊙ ∇_A (its eq. 10) is right', () => {
  it('eq. 22 is not even defined for the notes\' own 3-2-3-4 network', () => {
    const w = parseSpec('3-2-3-4:arctan_sigmoid').widths;
    // A^{ℓ−1} ⊙ ∇_A^ℓ needs n_{ℓ−1} = n_ℓ; for ℓ = 3: A² has 3 entries, ∇_A³ has 4.
    expect([1, 2, 3].filter((l) => w[l - 1] !== w[l])).toEqual([1, 2, 3]);
  });

  it('on a square 2-2-2 network the seed\'s recursion misses the gradient; the corrected one matches central differences', () => {
    const net = buildNetwork(parseSpec('2-2-2:arctan_sigmoid:half'));
    const eqs = backpropEquations(net);
    const L = 2;
    // The seed's δ: upstream gradient times A^{ℓ−1}_i instead of σ'(z^ℓ_i).
    const seed = eqs.map((e): BackpropEquation => {
      if (e.kind !== 'delta') return e;
      const i = Number(e.lhs.split('_')[1]);
      const l = e.layer;
      const upstream = l === L ? sub(sym(`a${L}_${i}`), sym(`y${i}`)) : add(...[1, 2].map((k) => mul(sym(`w${l + 1}_${k}_${i}`), sym(`delta${l + 1}_${k}`))));
      return { ...e, rhs: mul(upstream, sym(l === 1 ? `x${i}` : `a${l - 1}_${i}`)) };
    });
    const wrong = closeEquations(seed);
    const right = closeEquations(eqs);
    const next = doubles(2002);
    const point = Object.fromEntries(allNames(net).map((n) => [n, next()]));
    const h = 1e-6;
    let misses = 0;
    for (const p of net.params) {
      const fd = (evaluate(net.loss, { ...point, [p]: point[p]! + h }) - evaluate(net.loss, { ...point, [p]: point[p]! - h })) / (2 * h);
      expect(evaluate(right.get(p)!, point)).toBeCloseTo(fd, 7);
      if (Math.abs(evaluate(wrong.get(p)!, point) - fd) > 1e-3) misses++;
    }
    expect(misses).toBe(net.params.length);
  });
});

describe('seed 003: 3-2-1 ReLU without biases, Heaviside Jacobian', () => {
  const net = buildNetwork(parseSpec('3-2-1:relu,identity:nobias'));
  const g = gradientEquations(net);

  it('each hidden-weight partial carries the Heaviside factor of its neuron', () => {
    expect(toText(g.get('w1_2_3')!)).toBe(
      '2*w2_1_2*x3*heaviside(w1_2_1*x1 + w1_2_2*x2 + w1_2_3*x3)*(w2_1_1*relu(w1_1_1*x1 + w1_1_2*x2 + w1_1_3*x3) - y1 + w2_1_2*relu(w1_2_1*x1 + w1_2_2*x2 + w1_2_3*x3))',
    );
    expect(toText(g.get('w2_1_1')!)).toBe('2*relu(w1_1_1*x1 + w1_1_2*x2 + w1_1_3*x3)*(w2_1_1*relu(w1_1_1*x1 + w1_1_2*x2 + w1_1_3*x3) - y1 + w2_1_2*relu(w1_2_1*x1 + w1_2_2*x2 + w1_2_3*x3))');
  });

  it('a dead neuron (z ≤ 0, H(0) = 0) passes no gradient, exactly; a live one passes the linear one', () => {
    const next = rationals(3);
    const point: Record<string, Rational> = Object.fromEntries(allNames(net).map((n) => [n, next()]));
    // Make neuron 1 dead (z = 0 exactly) and neuron 2 live.
    Object.assign(point, { x1: Q(1), x2: Q(1), x3: Q(1), w1_1_1: Q(1), w1_1_2: Q(-2), w1_1_3: Q(1), w1_2_1: Q(1), w1_2_2: Q(1), w1_2_3: Q(1, 2) });
    for (const j of [1, 2, 3]) expect(evaluateExact(g.get(`w1_1_${j}`)!, point)).toEqual(Q(0));
    // On the live region the loss is (w2_1_2·z₂ − y)², so ∂/∂w1_2_j = 2(f − y)·w2_1_2·x_j.
    const f = qsub(qmul(point.w2_1_2!, Q(5, 2)), point.y1!);
    for (const j of [1, 2, 3]) expect(evaluateExact(g.get(`w1_2_${j}`)!, point)).toEqual(qmul(qmul(Q(2), f), qmul(point.w2_1_2!, point[`x${j}`]!)));
  });

  it('the δ-equations read as the blog post\'s derivation', () => {
    expect(backpropEquations(net).map(equationText)).toMatchInlineSnapshot(`
      [
        "z1_1 = w1_1_1*x1 + w1_1_2*x2 + w1_1_3*x3",
        "z1_2 = w1_2_1*x1 + w1_2_2*x2 + w1_2_3*x3",
        "a1_1 = relu(z1_1)",
        "a1_2 = relu(z1_2)",
        "z2_1 = a1_1*w2_1_1 + a1_2*w2_1_2",
        "a2_1 = z2_1",
        "delta2_1 = 2*(a2_1 - y1)",
        "dL/dw2_1_1 = a1_1*delta2_1",
        "dL/dw2_1_2 = a1_2*delta2_1",
        "delta1_1 = delta2_1*w2_1_1*heaviside(z1_1)",
        "delta1_2 = delta2_1*w2_1_2*heaviside(z1_2)",
        "dL/dw1_1_1 = delta1_1*x1",
        "dL/dw1_1_2 = delta1_1*x2",
        "dL/dw1_1_3 = delta1_1*x3",
        "dL/dw1_2_1 = delta1_2*x1",
        "dL/dw1_2_2 = delta1_2*x2",
        "dL/dw1_2_3 = delta1_2*x3",
      ]
    `);
  });
});

describe('recursionSubstitution', () => {
  it('maps every intermediate to its closed node: z and a are the builder\'s, δ is ∂L/∂z', () => {
    const net = buildNetwork(parseSpec('2-2-1:tanh,identity'));
    const s = recursionSubstitution(backpropEquations(net));
    expect(s.get('z1_2')).toBe(net.z[0]![1]);
    expect(s.get('a1_1')).toBe(net.a[0]![0]);
    expect(s.get('a2_1')).toBe(net.outputs[0]);
    // δ⁽ˡ⁾ᵢ = ∂L/∂z⁽ˡ⁾ᵢ: ∂L/∂b⁽ˡ⁾ᵢ is the same number, since z⁽ˡ⁾ᵢ depends on b⁽ˡ⁾ᵢ with slope 1.
    const g = gradientEquations(net);
    const next = doubles(5);
    const point = Object.fromEntries(allNames(net).map((n) => [n, next()]));
    expect(evaluate(s.get('delta1_2')!, point)).toBeCloseTo(evaluate(g.get('b1_2')!, point), 12);
    expect(evaluate(s.get('delta2_1')!, point)).toBeCloseTo(evaluate(g.get('b2_1')!, point), 12);
  });
});

describe('datasetGradient', () => {
  it('is the sum over points of the one-point gradient (exact), and refuses unknown names', () => {
    const net = buildNetwork(parseSpec('2-2-1:quadratic,identity'));
    const next = rationals(9);
    const data = { inputs: [0, 1, 2].map(() => [next(), next()]), targets: [0, 1, 2].map(() => [next()]) };
    const g = datasetGradient(net, data);
    const one = gradientEquations(net);
    const params = Object.fromEntries(net.params.map((n) => [n, next()]));
    for (const p of net.params) {
      let expected = Q(0);
      for (let k = 0; k < 3; k++)
        expected = qadd(expected, evaluateExact(one.get(p)!, { ...params, x1: data.inputs[k]![0]!, x2: data.inputs[k]![1]!, y1: data.targets[k]![0]! })!);
      expect(evaluateExact(g.get(p)!, params)).toEqual(expected);
    }
    expect(() => datasetGradient(net, data, ['x1'])).toThrowError("unknown parameter 'x1'");
  });
});

describe('equations as LaTeX', () => {
  it.each(['3-2-1:relu,identity:nobias', '3-2-3-4:arctan_sigmoid:half', '2-2-1:sigmoid,quadratic'])('%s renders in KaTeX', (text) => {
    for (const e of backpropEquations(buildNetwork(parseSpec(text)))) expect(() => katex.renderToString(equationLatex(e), { throwOnError: true })).not.toThrow();
  });

  it('names δ and ∂L/∂w', () => {
    const eqs = backpropEquations(buildNetwork(parseSpec('1-1:relu:nobias')));
    expect(eqs.map(equationLatex)).toEqual([
      'z^{(1)}_{1} = w^{(1)}_{1,1} x_{1}',
      'a^{(1)}_{1} = \\operatorname{ReLU}\\left(z^{(1)}_{1}\\right)',
      '\\delta^{(1)}_{1} = 2 H\\left(z^{(1)}_{1}\\right) \\left(a^{(1)}_{1} - y_{1}\\right)',
      '\\frac{\\partial L}{\\partial w^{(1)}_{1,1}} = \\delta^{(1)}_{1} x_{1}',
    ]);
  });
});

describe('cheap gradient and parameter selection', () => {
  it.each(['3-2-3-4:arctan_sigmoid', '10-10-10-1:tanh,identity', '4-8-8-2:relu,identity'])(
    '%s: all partials from one sweep: at most 4× the forward DAG',
    (text) => {
      const net = buildNetwork(parseSpec(text));
      const g = gradientEquations(net);
      expect(g.size).toBe(net.params.length);
      expect(dagSize(net.loss, ...g.values())).toBeLessThanOrEqual(4 * dagSize(net.loss));
    },
  );

  it('selected parameters only; unknown names refused', () => {
    const net = buildNetwork(parseSpec('2-2-1'));
    expect([...gradientEquations(net, ['b2_1', 'w1_1_2']).keys()]).toEqual(['b2_1', 'w1_1_2']);
    expect(() => gradientEquations(net, ['w3_1_1'])).toThrowError(SpecError);
    expect(() => gradientEquations(net, ['w3_1_1'])).toThrowError("unknown parameter 'w3_1_1'");
  });

  it('numbers are exact: the gradient of a rational point is rational', () => {
    const net = buildNetwork(parseSpec('1-1:identity'));
    const g = gradientEquations(net).get('w1_1_1')!;
    expect(qtoNumber(evaluateExact(g, { w1_1_1: Q(1, 3), b1_1: Q(0), x1: Q(3), y1: Q(0) })!)).toBe(6);
  });
});
