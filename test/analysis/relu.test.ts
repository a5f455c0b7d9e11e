import { describe, expect, it } from 'vitest';
import { checkPoint } from '../../src/analysis/numeric.js';
import { reluPatterns, thresholdOnSets } from '../../src/analysis/relu.js';
import { Q, qtoNumber } from '../../src/expr/rational.js';
import { buildNetwork } from '../../src/network/build.js';
import { readCsv } from '../../src/network/csv.js';
import { parseSpec } from '../../src/network/parse.js';

describe('ReLU activation patterns', () => {
  it('threshold on-sets of 3 distinct points: ∅, all, two prefixes and two suffixes', () => {
    expect(thresholdOnSets([Q(0), Q(1), Q(2)]).map((s) => s.join(',')).sort()).toEqual(['', '0', '0,1', '0,1,2', '1,2', '2'].sort());
  });

  it('|x| = relu(x) + relu(−x): two units fit (−1, 1), (0, 0), (1, 1) exactly', () => {
    const net = buildNetwork(parseSpec('1-2-1:relu,identity'));
    const r = reluPatterns(net, readCsv('x1,y1\n-1,1\n0,0\n1,1\n', net.spec));
    expect(r.best!.loss).toEqual(Q(0));
  });

  it.each(['1-1-1:relu,identity', '1-2-1:relu,identity', '1-3-1:relu,identity', '1-2-1:leaky_relu,identity', '1-2-1:relu,identity:nobias'])(
    '%s: every consistent pattern comes with a point whose loss the numeric engine confirms',
    (s) => {
      const net = buildNetwork(parseSpec(s));
      const data = readCsv('x1,y1\n0,1\n1,3\n2,4\n3,8\n', net.spec);
      const r = reluPatterns(net, data);
      expect(r.supported).toBe(true);
      expect(r.consistent!.length).toBeGreaterThan(0);
      for (const p of r.consistent!) {
        const pt = Object.fromEntries(Object.entries(p.point).map(([k, v]) => [k, qtoNumber(v)]));
        expect(checkPoint(net.spec, data, pt).loss).toBeCloseTo(qtoNumber(p.loss), 9);
      }
    },
  );

  it('declines architectures it does not handle, with the reason', () => {
    const net = buildNetwork(parseSpec('2-2-1:relu,identity'));
    const r = reluPatterns(net, readCsv('x1,x2,y1\n0,0,1\n1,1,2\n', net.spec));
    expect(r.supported).toBe(false);
    expect(r.summary).toMatch(/1-M-1/);
  });
});
