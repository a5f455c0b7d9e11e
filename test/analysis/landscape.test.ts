/**
 * Critical points on the rank-deficient locus of the collapse map, against independent routes:
 * - Singular (its own differentiation, in Q(√2) with minpoly a² − 2): ∇L = 0 and L = 6 exactly
 *   at notebook 01's point with every hidden weight and bias 0, w2 = (1, 1), b2_1 = √2;
 * - the numeric engine (mathjs backprop): ‖∇L‖ ≈ 0 at every reported point;
 * - SymPy, exact rational arithmetic on its own formula of the network: the loss at random
 *   rational points around a reported local minimum is never below it, and a rational point
 *   below it exists near a reported saddle;
 * - textbook arguments: with v < 0, f = Σ vⱼ(wⱼx)² ≤ 0 ≤ y, so (f − y)² ≥ y² and L ≥ Σ y² near
 *   w = 0 (a local minimum with L = Σ y²).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bestKnownLoss, landscape, hiddenUnits } from '../../src/analysis/landscape.js';
import { Q, buildNetwork, datasetLoss, evaluateExact, parseSpec, qparse, qtoNumber, qtoString, readCsv, toText } from '../../src/index.js';

/** A coordinate as printed (`16/5`, `1.414213562373`) as a double. */
const value = (v: string): number => qtoNumber(qparse(v)!);
const numeric = (p: Record<string, string>): Record<string, number> => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, value(v)]));
import { isSingularAvailable } from '../../src/node/singular.js';
import { checkPoint } from '../../src/analysis/numeric.js';
import { hasSympy, sympy } from '../helpers/sympy.js';

const NB01 = 'x1,y1\n-1,1\n0,4\n1,1\n';
const net01 = buildNetwork(parseSpec('1-2-1:quadratic'));
const data01 = readCsv(NB01, net01.spec);
// an exact fit (the notebook's c = (2, 0, −1)): u = 2 − x², f = u² = 1, 4, 1
const fit = { w2_1_1: Q(-1), w1_1_1: Q(1), b1_1: Q(0), w2_1_2: Q(0), w1_2_1: Q(0), b1_2: Q(0), b2_1: Q(2) };
const L01 = datasetLoss(net01, data01);
const known = { loss: 0, exact: qtoString(evaluateExact(L01, fit)!), source: 'an exact fit' };
const land01 = landscape(net01, data01, known);

/**
 * SymPy, exactly: is the loss (our text of it, read by SymPy) at each point ≥ `bound`? Points are
 * decimal strings read as exact rationals, each coordinate moved by a random multiple of 10⁻⁶
 * within ±radius (SymPy's own seeded generator).
 */
function sympyAllAtLeast(lossText: string, point: Record<string, string>, radius: number, count: number, bound: string): boolean {
  const names = Object.keys(point);
  const py =
    `import random\nrandom.seed(16)\n${names.join(', ')}, = symbols('${names.join(',')},')\nL = ${lossText.replaceAll('^', '**')}\n` +
    `base = {${names.map((n) => `${n}: Rational('${point[n]}')`).join(', ')}}\nr = int(${radius} * 10**6)\n` +
    `pts = [{k: v + Rational(random.randint(-r, r), 10**6) for k, v in base.items()} for _ in range(${count})]\n` +
    `print(all(L.subs(p) >= Rational('${bound}') for p in pts))`;
  return sympy(py) === 'True';
}

/** SymPy, exactly: the loss at one rational point. */
const sympyLossAt = (lossText: string, point: Record<string, string>): string =>
  sympy(`${Object.keys(point).join(', ')}, = symbols('${Object.keys(point).join(',')},')\nL = ${lossText.replaceAll('^', '**')}\nprint(L.subs({${Object.entries(point).map(([k, v]) => `${k}: Rational('${v}')`).join(', ')}}))`);

describe('landscape: notebook 01 (1-2-1:quadratic on (−1, 1), (0, 4), (1, 1))', () => {
  const target = land01.points.find((p) => p.stratum.includes('silent') && p.stratum.includes('+1') && p.point.b2_1!.startsWith('1.414'))!;

  it('finds the issue\'s point: every hidden weight and bias 0, w2 = (1, 1), b2_1 = √2, with L = 6 exactly, a spurious local minimum', () => {
    expect(target).toBeDefined();
    expect(target.point).toEqual({ w1_1_1: '0', w1_2_1: '0', b1_1: '0', b1_2: '0', w2_1_1: '1', w2_1_2: '1', b2_1: '1.414213562373' });
    expect(target.lossExact).toBe('6');
    expect(target.type).toBe('minimum');
    expect(target.aboveKnown).toBe(true);
    expect(land01.spuriousMinima).toContain(target);
    expect(known.exact).toBe('0');
  });

  it.skipIf(!isSingularAvailable())('Singular: ∇L = 0 and L = 6 exactly there, in Q(√2)', () => {
    const names = net01.params;
    let text = toText(L01);
    [...names].sort((a, b) => b.length - a.length).forEach((v) => (text = text.replaceAll(v, `v${names.indexOf(v) + 1}`)));
    const at = names.map((p, i) => ({ v: `v${i + 1}`, value: p === 'b2_1' ? 'a' : p.startsWith('w2') ? '1' : '0' }));
    const sub = (e: string): string => at.reduce((acc, { v, value }) => `subst(${acc}, ${v}, ${value})`, e);
    const script = `ring r = (0,a), (${names.map((_, i) => `v${i + 1}`).join(',')}), dp;\nminpoly = a^2 - 2;\npoly L = ${text};\nideal g = jacob(L);\nprint(${sub('g')});\nprint(${sub('L')});\nquit;\n`;
    const r = spawnSync('/usr/bin/Singular', ['-q', '--no-rc'], { input: script, encoding: 'utf8' });
    // print(ideal) writes one generator per line, comma-separated
    const lines = r.stdout.trim().split('\n').map((l) => l.trim().replace(/,$/, ''));
    expect(lines).toEqual([...names.map(() => '0'), '6']);
  });

  it('the numeric engine: ‖∇L‖ ≈ 0 at every reported point, and a semidefinite Hessian at the minimum', () => {
    for (const p of land01.points) {
      const chk = checkPoint(net01.spec, data01, numeric(p.point));
      expect(chk.gradientNorm).toBeLessThan(1e-9);
    }
    // zero in b1_1, b1_2 (∂ℓ/∂c0 = 0 there) and in w2_1_1, w2_1_2 (L does not see them): 4 of 7, the rest positive
    const scale = Math.max(...target.eigenvalues.map(Math.abs));
    expect(target.eigenvalues.filter((e) => Math.abs(e) <= 1e-6 * scale).length).toBe(4);
    expect(target.eigenvalues.every((e) => e > -1e-6 * scale)).toBe(true);
  });

  it.skipIf(!hasSympy)('SymPy, exactly: no rational point near the minimum has L < 6, and one near the v = (1, −1) saddle has', () => {
    // b2_1 = 1.414213562373 (not √2), so the points are near, not at, the minimum: L ≥ 6 still
    expect(sympyAllAtLeast(toText(L01), target.point, 1e-2, 120, '6')).toBe(true);
    const saddle = land01.points.find((p) => p.stratum.includes('alternating') && p.point.b2_1!.startsWith('1.414'))!;
    expect(saddle.type).toBe('saddle');
    // along w1_2_1 alone: c2 = −w1_2_1² < 0 and L − 6 ≈ 8√2·c2 < 0
    const v = sympyLossAt(toText(L01), { ...saddle.point, b2_1: '1414213562373095/1000000000000000', w1_2_1: '1/100' });
    expect(sympy(`print(Rational('${v}') < 6)`)).toBe('True');
  });
});

describe('landscape: the lifts', () => {
  it('identity units can be off but not silent (σ′(0) = 1); quadratic ones both', () => {
    expect(hiddenUnits(buildNetwork(parseSpec('1-2-1:identity'))).map((u) => u.canBeSilent)).toEqual([false, false]);
    expect(hiddenUnits(net01).map((u) => u.canBeSilent)).toEqual([true, true]);
    const id = landscape(buildNetwork(parseSpec('1-2-1:identity')), readCsv('x1,y1\n0,1\n1,3\n2,4\n', parseSpec('1-2-1:identity')));
    expect(id.strata.every((s) => s.lifts.join() === 'off')).toBe(true);
  });

  it.each([
    ['1-2-1:identity', 'x1,y1\n0,1\n1,3\n2,4\n3,8\n'],
    ['1-2-1:quadratic,identity', 'x1,y1\n-2,7\n-1,3\n0,1\n1,1\n2,4\n'],
    ['2-2-1:quadratic', 'x1,x2,y1\n0,0,1\n1,0,2\n0,1,0\n1,1,3\n'],
    ['1-2-2-1:quadratic,quadratic,identity', 'x1,y1\n-1,2\n0,1\n1,3\n2,2\n'],
  ])('%s: every lifted point is a critical point for the numeric engine', (s, csv) => {
    const net = buildNetwork(parseSpec(s));
    const data = readCsv(csv, net.spec);
    const ls = landscape(net, data);
    expect(ls.points.length).toBeGreaterThan(0);
    for (const p of ls.points) {
      const chk = checkPoint(net.spec, data, numeric(p.point));
      expect(chk.gradientNorm, `${p.stratum} ${JSON.stringify(p.point)}`).toBeLessThan(1e-8);
    }
  }, 60_000);
});

describe('landscape: a spurious minimum with a textbook proof', () => {
  it('1-2-1:quadratic,identity:nobias on positive targets: w = 0, v = (−1, −1) has L = Σ y² and is a local minimum', () => {
    const spec = parseSpec('1-2-1:quadratic,identity:nobias');
    const net = buildNetwork(spec);
    const data = readCsv('x1,y1\n-2,9\n-1,1/2\n0,1\n1,0\n2,10\n3,64\n', spec);
    const ls = landscape(net, data, bestKnownLoss(net, data, { loss: Q(26497, 46) }, undefined));
    const p = ls.points.find((q) => q.stratum.includes('−1'))!;
    // f ≡ 0 there, so L = Σ y² = 81 + 1/4 + 1 + 0 + 100 + 4096 = 17113/4
    expect(p.lossExact).toBe('17113/4');
    // v < 0 keeps f = Σ vⱼ(wⱼx)² ≤ 0 ≤ y nearby, so (f − y)² ≥ y²: a local minimum, above the attained 26497/46
    expect(p.type).toBe('minimum');
    expect(ls.spuriousMinima).toContain(p);
    if (hasSympy) expect(sympyAllAtLeast(toText(datasetLoss(net, data)), p.point, 5e-2, 200, '17113/4')).toBe(true);
  });
});
