/**
 * Several outputs (relu-outputs.ts): exact bounds on the optimum, checked by independent facts.
 * - Targets y₂ = λ·y₁: the optimum is (1 + λ²) times the one-output optimum of y₁ (scale the
 *   output weights by λ for the second output; each output alone cannot do better), which
 *   relu-optimum.ts computes by a different route; the bounds must meet there.
 * - The lower bound is never above any network's loss: not above the best of many
 *   gradient-descent runs of the numeric engine.
 * - The upper bound is attained: the network's formula (exact) and the engine give it at the point.
 * - `simplest` agrees with Python's Fraction.limit_denominator.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Q, qcmp, qmul, qtoNumber, qtoString } from '../../src/expr/rational.js';
import { buildNetwork } from '../../src/network/build.js';
import { readCsv } from '../../src/network/csv.js';
import { parseSpec } from '../../src/network/parse.js';
import { descend } from '../../src/analysis/numeric.js';
import { reluOptimum } from '../../src/analysis/relu-optimum.js';
import { reluOptimumOutputs, simplest } from '../../src/analysis/relu-outputs.js';
import { PYTHON } from '../helpers/sympy.js';

describe('reluOptimumOutputs: exact bounds for n0-M-K, K ≥ 2', () => {
  it.each([
    ['1-1-2:relu,identity', [0, 1, 2, 3], [1, -2, 4, 0], 2],
    ['1-2-2:relu,identity', [0, 1, 2, 3], [3, 0, 2, -1], -1],
    ['2-1-2:relu,identity', [[0, 0], [1, 0], [0, 1], [1, 1]], [1, -1, 2, 0], 3],
  ] as const)('%s with y₂ = λ·y₁: certified optimum (1 + λ²)·(one-output optimum)', (s, xs, ys, lambda) => {
    const net = buildNetwork(parseSpec(s));
    const n0 = net.spec.widths[0]!;
    const head = [...Array.from({ length: n0 }, (_, j) => `x${j + 1}`), 'y1', 'y2'].join(',');
    const rows = xs.map((x, p) => [...(Array.isArray(x) ? x : [x]), ys[p], lambda * ys[p]!].join(','));
    const data = readCsv(`${head}\n${rows.join('\n')}\n`, net.spec);
    const r = reluOptimumOutputs(net, data);
    const one = buildNetwork(parseSpec(s.replace(/-2:/, '-1:')));
    const o = reluOptimum(one, readCsv(`${head.replace(',y2', '')}\n${rows.map((l) => l.split(',').slice(0, -1).join(',')).join('\n')}\n`, one.spec));
    if (r.kind !== 'solved' || o.kind !== 'solved') throw new Error(`${r.kind} ${o.kind}`);
    expect(r.loss).toEqual(qmul(o.loss, Q(1 + lambda * lambda)));
    expect(r.formulaLoss).toEqual(r.loss);
    expect(r.engineLoss).toBeCloseTo(qtoNumber(r.loss), 9);
  });

  it.each([
    ['1-2-2:relu,identity', 'x1,y1,y2\n0,1,0\n1,-1,2\n2,3,1\n3,0,-1\n'],
    ['2-2-2:relu,identity', 'x1,x2,y1,y2\n0,0,1,0\n1,0,-1,2\n0,1,2,1\n1,1,0,-1\n2,1,1,1\n'],
    ['1-1-3:leaky_relu,identity', 'x1,y1,y2,y3\n0,1,0,2\n1,-1,2,0\n2,3,1,1\n'],
  ])('%s on %j: lower ≤ every descent run, upper attained in the formula and the engine', (s, csv) => {
    const net = buildNetwork(parseSpec(s));
    const data = readCsv(csv, net.spec);
    const r = reluOptimumOutputs(net, data);
    if (r.kind !== 'solved' && r.kind !== 'bounds') throw new Error(r.kind);
    const lower = r.kind === 'solved' ? r.loss : r.lower;
    const upper = r.kind === 'solved' ? r.loss : r.upper;
    expect(qcmp(lower, upper)).toBeLessThanOrEqual(0);
    expect(r.formulaLoss).toEqual(upper);
    expect(r.engineLoss).toBeCloseTo(qtoNumber(upper), 9);
    const gd = descend(net.spec, data, { starts: 12, steps: 600, seed: 5 });
    for (const f of gd.finalLosses) expect(qtoNumber(lower)).toBeLessThanOrEqual(f + 1e-9 * Math.max(1, f));
  });
});

describe('simplest (best rational approximation with a bounded denominator)', () => {
  it('agrees with Fraction.limit_denominator', () => {
    const qs = [Q(355, 113), Q(-314159, 100000), Q(1, 3), Q(123456789, 1000000007), Q(-7, 2), Q(99999, 100000), Q(2, 1999)];
    const ours = qs.map((q) => qtoString(simplest(q, 1000n)));
    const py = `from fractions import Fraction\nprint(' '.join(str(Fraction(s).limit_denominator(1000)) for s in ${JSON.stringify(qs.map(qtoString))}))`;
    expect(ours.join(' ')).toBe(execFileSync(PYTHON, ['-c', py], { encoding: 'utf8' }).trim());
  });
});
