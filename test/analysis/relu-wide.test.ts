/**
 * n0-M-K-1 with K ≥ 2 second-layer units (relu-deep.ts `reluUpperBoundWide`): exact bounds and,
 * where they meet, the optimum. Independent routes:
 * - each bound is a loss the network attains: the network's own formula, evaluated exactly at
 *   the returned point, gives it, and so does the numeric engine;
 * - the affine embedding of n0-K-1 reproduces the one-hidden-layer optimum (relu-optimum.ts,
 *   itself checked by brute force in relu-optimum.test.ts) in the wider network's formula;
 * - the floor is the within-group sum of squares, computed here by hand from the textbook
 *   identity, and no gradient-descent run of the numeric engine goes below it; where the bound
 *   meets the floor, no run goes below the bound either.
 */
import { describe, expect, it } from 'vitest';
import { Q, qcmp, qtoNumber } from '../../src/expr/rational.js';
import { evaluateExact } from '../../src/expr/walk.js';
import { buildNetwork, datasetLoss } from '../../src/network/build.js';
import { readCsv } from '../../src/network/csv.js';
import { parseSpec } from '../../src/network/parse.js';
import { descend } from '../../src/analysis/numeric.js';
import { reluOptimum } from '../../src/analysis/relu-optimum.js';
import { lossFloor, reluUpperBoundWide } from '../../src/analysis/relu-deep.js';

describe('n0-M-K-1: exact bounds from embedded networks and the floor', () => {
  it('the floor is the targets’ spread among equal inputs (by hand: (2 − 3)² + (4 − 3)² = 2; half-squared halves it)', () => {
    const spec = parseSpec('1-2-2-1:relu,relu,identity');
    const data = readCsv('x1,y1\n0,0\n1,2\n1,4\n', spec);
    expect(lossFloor(spec, data)).toEqual(Q(2));
    const half = parseSpec('1-2-2-1:relu,relu,identity:half');
    expect(lossFloor(half, readCsv('x1,y1\n0,0\n1,2\n1,4\n', half))).toEqual(Q(1));
  });

  it.each([
    ['1-2-2-1:relu,relu,identity', 'x1,y1\n0,0\n1,2\n1,4\n'],
    ['1-2-2-1:leaky_relu,leaky_relu,identity', 'x1,y1\n0,0\n1,2\n2,0\n3,1\n'],
    ['2-2-2-1:relu,relu,identity', 'x1,x2,y1\n0,0,0\n1,0,1\n0,1,1\n1,1,0\n'],
  ])('%s on %j: the bound meets the floor, so it is the optimum; checked in the formula, the engine and against descent', (s, csv) => {
    const net = buildNetwork(parseSpec(s));
    const data = readCsv(csv, net.spec);
    const b = reluUpperBoundWide(net, data)!;
    expect(b.optimal).toBe(true);
    expect(b.loss).toEqual(b.floor);
    expect(evaluateExact(datasetLoss(net, data), b.point)).toEqual(b.loss);
    expect(b.engineLoss).toBeCloseTo(qtoNumber(b.loss), 10);
    const gd = descend(net.spec, data, { starts: 10, steps: 400, seed: 3 });
    expect(gd.best).toBeGreaterThanOrEqual(qtoNumber(b.loss) - 1e-9);
  });

  it('1-2-2-1 on 5 points: a gap, honestly reported; descent never goes below the floor; the bound is attained', () => {
    const net = buildNetwork(parseSpec('1-2-2-1:relu,relu,identity'));
    const data = readCsv('x1,y1\n0,0\n1,2\n2,0\n3,1\n4,3\n', net.spec);
    const b = reluUpperBoundWide(net, data)!;
    expect(b.optimal).toBe(false);
    expect(b.floor).toEqual(Q(0));
    expect(evaluateExact(datasetLoss(net, data), b.point)).toEqual(b.loss);
    expect(b.embeddings.map((e) => e.from)).toEqual(['1-2-1-1', '1-2-1']);
    const gd = descend(net.spec, data, { starts: 10, steps: 400, seed: 5 });
    expect(gd.best).toBeGreaterThanOrEqual(0);
  });

  it.each([
    // M ≥ 2n0: the ± pairs pass x through (no first-layer bias needed)
    ['1-2-2-1:relu,relu,identity:nobias', 'x1,y1\n-1,1\n1,2\n2,-1\n'],
    ['1-2-2-1:leaky_relu,leaky_relu,identity', 'x1,y1\n0,0\n1,2\n2,0\n3,1\n4,3\n'],
    // M = n0 with biases: the shift by −min x
    ['2-2-2-1:relu,relu,identity', 'x1,x2,y1\n-1,0,0\n1,2,1\n0,1,3\n'],
    ['1-1-2-1:leaky_relu,leaky_relu,identity', 'x1,y1\n-2,1\n0,0\n1,2\n3,-1\n'],
  ])('%s: the n0-K-1 embedding attains the one-layer optimum in the wide network’s formula; the bound is the least embedding', (s, csv) => {
    const net = buildNetwork(parseSpec(s));
    const data = readCsv(csv, net.spec);
    const [w, acts, ...rest] = s.split(':') as [string, string, ...string[]];
    const ws = w.split('-');
    const a = acts.split(',');
    const oneSpec = `${ws[0]}-${ws[2]}-1:${a[1]},${a[2]}${rest.length ? ':' + rest.join(':') : ''}`;
    const one = reluOptimum(buildNetwork(parseSpec(oneSpec)), data);
    expect(one.kind).toBe('solved');
    const b = reluUpperBoundWide(net, data)!;
    const e = b.embeddings.find((x) => x.from === `${ws[0]}-${ws[2]}-1`)!;
    if (one.kind === 'solved') expect(e.loss).toEqual(one.loss);
    expect(e.formulaLoss).toEqual(e.loss);
    const least = b.embeddings.map((x) => x.loss).filter((x) => x !== undefined).reduce((p, q) => (qcmp(q, p) < 0 ? q : p));
    expect(b.loss).toEqual(least);
    expect(evaluateExact(datasetLoss(net, data), b.point)).toEqual(b.loss);
    expect(b.engineLoss).toBeCloseTo(qtoNumber(b.loss), 10);
  });
});
