import { evaluate as mathjsEvaluate } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { MAX_VERIFY_REGIONS, VERIFY_TOLERANCE, freeSymbols, parse, qparse, qtoNumber, verifyIdentity } from '../../src/index.js';
import { mathjsValue } from '../helpers/oracles.js';
import { hasSympy, sympy, toSympy } from '../helpers/sympy.js';

describe('verifyIdentity, exact route', () => {
  it.each([
    ['(a + b)^2', 'a^2 + 2*a*b + b^2', true],
    ['(a - b)*(a + b)', 'a^2 - b^2', true],
    ['(x + 1)^3', 'x^3 + 3*x^2 + 3*x + 1', true],
    ['(x + 1)^3', 'x^3 + 3*x^2 + 3*x', false],
    ['(w1_1_1*x1 + b1_1)^2', 'w1_1_1^2*x1^2 + 2*w1_1_1*x1*b1_1 + b1_1^2', true],
    ['x*y', 'y*x + 1/1000000', false],
  ])('%s = %s: %s', (l, r, holds) => {
    const res = verifyIdentity(parse(l), parse(r));
    expect(res.method).toBe('polynomial identity');
    expect(res.exact).toBe(true);
    expect(res.holds).toBe(holds);
    if (!holds) {
      // The counterexample is exact; mathjs (an independent evaluator) agrees on both values.
      const c = res.counterexample!;
      const scope = Object.fromEntries(Object.entries(c.point).map(([k, v]) => [k, Number(v)]));
      expect(mathjsEvaluate(l, scope)).toBeCloseTo(qtoNumber(qparse(String(c.lhs))!), 9);
      expect(mathjsEvaluate(r, scope)).toBeCloseTo(qtoNumber(qparse(String(c.rhs))!), 9);
      expect(c.lhs).not.toBe(c.rhs);
    }
  });
});

/** SymPy's exact values of both sides at the counterexample (rationals as text). */
function sympyAt(l: string, r: string, point: Record<string, string | number>): [string, string] {
  const vars = freeSymbols(parse(l), parse(r));
  const subs = vars.map((v) => `${v}: Rational('${point[v]}')`).join(', ');
  const out = sympy(`${vars.length ? `${vars.join(', ')}, = symbols('${vars.join(',')},', real=True)\n` : ''}s = {${subs}}\nprint(nsimplify(sympify(${toSympy(l)}).subs(s)), nsimplify(sympify(${toSympy(r)}).subs(s)))`);
  return out.split(' ') as [string, string];
}

/** SymPy's verdict that lhs − rhs vanishes everywhere: piecewise_fold + simplify gives 0, or (one variable) solveset(lhs − rhs ≠ 0) is empty. */
function sympyIdentity(l: string, r: string): boolean {
  const vars = freeSymbols(parse(l), parse(r));
  const out = sympy(
    `${vars.join(', ')}, = symbols('${vars.join(',')},', real=True)\n` +
      `e = piecewise_fold((${toSympy(l)} - (${toSympy(r)})).rewrite(Piecewise))\n` +
      `z = simplify(e) == 0\n` +
      (vars.length === 1 ? `z = z or solveset(Ne(e, 0), ${vars[0]}, S.Reals) == S.EmptySet\n` : '') +
      'print(z)',
  );
  return out === 'True';
}

describe('verifyIdentity, piecewise identities decided region by region', () => {
  // [lhs, rhs, holds, exact] — the issue's two examples first
  it.each([
    ['relu(x - 3)', '0', false, true],
    ['heaviside(w*x - 5)', '0', false, true],
    ['heaviside(x) + heaviside(-x)', '1', false, true], // false exactly at x = 0: H(0) = 0
    ['relu(x)', 'x', false, true],
    ['leaky_relu(x)', 'x', false, true],
    ['relu(x^2 + y^2 - 1)', '0', false, true], // a nonlinear region, a point of it sampled, checked exactly
    ['relu(x/1000 - 1)', '0', false, true], // beyond any fixed sampling box
    ['relu(relu(x) - 1)', 'relu(x) - 1', false, true], // nested
    ['relu(x) - relu(-x)', 'x', true, true],
    ['relu(relu(x) - 1)', 'relu(x - 1)', true, true],
    ['relu(x - y) + y', 'relu(y - x) + x', true, true], // both are max(x, y)
    ['relu(relu(x) + relu(y))', 'relu(x) + relu(y)', true, true],
    ['relu(x*y) - relu(-x*y)', 'x*y', true, true], // on x·y = 0 the difference is a multiple of x·y
    ['heaviside(x^2 + 1)', '1', true, true], // x² + 1 ≤ 0 is empty: no real root (Sturm)
    ['leaky_relu(x)', 'relu(x) - relu(-x)/100', true, true],
    ['heaviside(x^2 - 2)*x', 'heaviside(x^2 - 2)*(relu(x) - relu(-x))', true, true],
    ['relu(x)*sigmoid(x)', 'relu(x)*sigmoid(relu(x))', true, true], // on each region the sides are the same node
  ])('%s = %s: holds %s, exact %s', (l, r, holds, exact) => {
    const res = verifyIdentity(parse(l), parse(r));
    expect(res.method).toBe('piecewise regions');
    expect(res.holds).toBe(holds);
    expect(res.exact).toBe(exact);
    if (holds) {
      expect(res.confidence).toMatch(/^proved: on each of the \d+ sign regions/);
      expect(res.regions!.undecided).toEqual([]);
      if (hasSympy && !l.includes('sigmoid')) expect(sympyIdentity(l, r)).toBe(true);
      return;
    }
    const c = res.counterexample!;
    expect(res.confidence).toMatch(/^disproved: exact counterexample in the region/);
    // the point is exact; mathjs (from the registry's mathjs facets) and SymPy evaluate both sides there
    const scope = Object.fromEntries(Object.entries(c.point).map(([k, v]) => [k, qtoNumber(qparse(String(v))!)]));
    expect(mathjsValue(l, scope)).toBeCloseTo(qtoNumber(qparse(String(c.lhs))!), 9);
    expect(mathjsValue(r, scope)).toBeCloseTo(qtoNumber(qparse(String(c.rhs))!), 9);
    expect(c.lhs).not.toBe(c.rhs);
    if (hasSympy) expect(sympyAt(l, r, c.point)).toEqual([String(c.lhs), String(c.rhs)]);
  });

  it('the issue\'s examples: x = 4 for relu(x − 3) = 0, and a point with w·x > 5', () => {
    expect(verifyIdentity(parse('relu(x - 3)'), parse('0')).counterexample).toEqual({ point: { x: '4' }, lhs: '1', rhs: '0' });
    const c = verifyIdentity(parse('heaviside(w*x - 5)'), parse('0')).counterexample!;
    expect(qtoNumber(qparse(String(c.point.w))!) * qtoNumber(qparse(String(c.point.x))!)).toBeGreaterThan(5);
  });

  it('with a transcendental function left on a region, the region is sampled and the answer says so', () => {
    const res = verifyIdentity(parse('relu(x)*tanh(x)'), parse('relu(x)*(2*sigmoid(2*x) - 1)'));
    expect(res).toMatchObject({ holds: true, exact: false, method: 'piecewise regions' });
    expect(res.regions!.sampled).toBeGreaterThan(0);
    expect(res.confidence).toMatch(/^evidence, not proof: .*only sampled/);
    const bad = verifyIdentity(parse('relu(x - 3)*exp(x)'), parse('0'));
    expect(bad).toMatchObject({ holds: false, exact: false });
    expect(bad.confidence).toMatch(/^disproved numerically: .*x - 3 > 0/);
    expect(Math.exp(Number(bad.counterexample!.point.x)) * (Number(bad.counterexample!.point.x) - 3)).toBeCloseTo(bad.counterexample!.lhs as number, 9);
  });

  it('a nonlinear equality it cannot decide is reported as undecided, not as proved', () => {
    // H(x)H(y) = H(relu(x)·relu(y)) is true, but on x > 0, y > 0, x·y = 0 (empty) the difference 1 is not shown to vanish
    const res = verifyIdentity(parse('heaviside(x)*heaviside(y)'), parse('heaviside(relu(x)*relu(y))'));
    expect(res).toMatchObject({ holds: true, exact: false });
    expect(res.regions!.undecided.some((u) => /x\*y = 0.*lower-dimensional/.test(u))).toBe(true);
    expect(res.confidence).toMatch(/^evidence, not proof: .* undecided/);
  });

  it(`past ${MAX_VERIFY_REGIONS} regions it falls back to sampling, and says why`, () => {
    const l = Array.from({ length: 8 }, (_, k) => `relu(x${k + 1}) - relu(-x${k + 1})`).join(' + ');
    const r = Array.from({ length: 8 }, (_, k) => `x${k + 1}`).join(' + ');
    const res = verifyIdentity(parse(l), parse(r)); // 3⁸ = 6561 feasible sign patterns
    expect(res).toMatchObject({ holds: true, exact: false, method: 'numeric' });
    expect(res.reason).toMatch(/16 piecewise arguments have more than 2000 sign regions/);
  });
});

describe('verifyIdentity, numeric route', () => {
  it.each([
    ['tanh(x)', '2*sigmoid(2*x) - 1', true], // tanh x = 2σ(2x) − 1
    ['sigmoid(x) + sigmoid(-x)', '1', true],
    ['exp(log(x))', 'x', true], // only where log is defined: points with x ≤ 0 give NaN on one side…
    ['log(exp(x))', 'x', true], // exp overflows nowhere in these boxes; an overflow would be skipped, not a difference
    ['tanh(x)', '2*sigmoid(x) - 1', false],
    ['sigmoid(x - 30)', '0', false], // [−2, 2] alone would see σ ≈ 1e−13 and call it equal
  ])('%s = %s: %s', (l, r, holds) => {
    const res = verifyIdentity(parse(l), parse(r));
    expect(res.method).toBe('numeric');
    expect(res.exact).toBe(false);
    expect(res.reason).toMatch(/is not polynomial/);
    if (l === 'exp(log(x))') {
      // …so the sides differ there (NaN against a number): the check reports it rather than hiding it.
      expect(res.holds).toBe(false);
      return;
    }
    expect(res.holds).toBe(holds);
    if (holds) expect(res.points).toBe(32);
    else {
      const c = res.counterexample!;
      const scope = c.point as Record<string, number>;
      expect(mathjsValue(l, scope)).toBeCloseTo(c.lhs as number, 12);
      expect(mathjsValue(r, scope)).toBeCloseTo(c.rhs as number, 12);
      expect(Math.abs((c.lhs as number) - (c.rhs as number))).toBeGreaterThan(VERIFY_TOLERANCE);
    }
  });

  it('samples at the scale of the constants, and says so', () => {
    const res = verifyIdentity(parse('sigmoid(x - 30) + sigmoid(30 - x)'), parse('1'));
    expect(res.boxes).toEqual([2, 30, 120]);
    expect(res.confidence).toBe("evidence, not proof: equal at 32 pseudo-random points of [−2, 2]^1, [−30, 30]^1 and [−120, 120]^1 (the input's constants reach 30) within relative tolerance 1e-9");
  });
});
