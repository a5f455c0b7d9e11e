import { readFileSync } from 'node:fs';
import { create, all } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { collapse } from '../../src/analysis/collapse.js';
import { affineParams, leastSquares } from '../../src/analysis/leastsq.js';
import { checkPoint, descend } from '../../src/analysis/numeric.js';
import { qtoNumber } from '../../src/expr/rational.js';
import { buildNetwork } from '../../src/network/build.js';
import { readCsv } from '../../src/network/csv.js';
import { parseSpec } from '../../src/network/parse.js';

const math = create(all!);
const example = (name: string): string => readFileSync(new URL(`../../examples/${name}.csv`, import.meta.url), 'utf8');

describe('closed-form least squares', () => {
  it.each([
    ['1-1-1:identity', 'line', true],
    ['1-1-1-1:identity', 'line', true],
    ['1-2-1:quadratic,identity', 'quadratic', true],
    // ill-conditioned (x⁴ up to 81, y up to 64): descent is far from converged after 2000 steps
    ['1-2-1:quadratic,identity', 'quartic', false],
    ['1-3-1:pow3,identity', 'quartic', false],
  ] as const)('%s on examples/%s.csv: the exact optimum is attained (descent reaches it: %s)', (s, file, converges) => {
    const net = buildNetwork(parseSpec(s));
    const data = readCsv(example(file), net.spec);
    const col = collapse(net);
    const ls = leastSquares(net, col, data);
    expect(ls.attained.kind).toBe('point');
    if (ls.attained.kind !== 'point') return;
    // the loss at θ* (exact, from the network's own dataset loss) is the normal-equation optimum
    expect(ls.attained.loss).toEqual(ls.loss);
    // independent oracle: mathjs least squares on the design matrix, in floats
    const Phi = data.inputs.map((x) => col.features.map((f) => f.exps.reduce((m, e, j) => m * qtoNumber(x[j]!) ** e, 1)));
    const y = data.targets.map((t) => qtoNumber(t[0]!));
    const A = math.multiply(math.transpose(Phi), Phi) as number[][];
    const b = math.multiply(math.transpose(Phi), y) as number[];
    const c = (math.lusolve(A, b) as number[][]).map((r) => r[0]!);
    c.forEach((v, i) => expect(qtoNumber(ls.coefficients[i]!)).toBeCloseTo(v, 6));
    // the numeric engine at θ* gives the same loss, and descent reaches it from random starts
    const pt = Object.fromEntries([...ls.attained.point].map(([k, v]) => [k, qtoNumber(v)]));
    expect(checkPoint(net.spec, data, pt).loss).toBeCloseTo(qtoNumber(ls.loss), 9);
    const d = descend(net.spec, data, { seed: 4, starts: 3, steps: 2000 });
    if (converges) expect(Math.abs(d.best - qtoNumber(ls.loss))).toBeLessThan(1e-6 * Math.max(1, qtoNumber(ls.loss)));
    else expect(d.best).toBeGreaterThanOrEqual(qtoNumber(ls.loss) * (1 - 1e-12));
  });

  it('the last layer of a network with an identity output enters the coefficients affinely', () => {
    const col = collapse(buildNetwork(parseSpec('1-2-1:quadratic,identity')));
    expect(affineParams(col)).toEqual(['w2_1_1', 'w2_1_2', 'b2_1']);
  });

  it('a non-filling model (1-2-1:quadratic, rank 3 < 5) gives a lower bound and says why no point attains it', () => {
    const net = buildNetwork(parseSpec('1-2-1:quadratic'));
    const data = readCsv(example('quartic'), net.spec);
    const ls = leastSquares(net, collapse(net), data);
    expect(ls.attained.kind).toBe('none');
    // any parameter point has loss ≥ the span optimum: check at the end of gradient descent
    const d = descend(net.spec, data, { seed: 1, starts: 2, steps: 500 });
    expect(d.best).toBeGreaterThanOrEqual(qtoNumber(ls.loss) - 1e-9);
  });
});
