/**
 * The census table (Bharadwaj–Hoşten, arXiv 2301.12651: deep linear networks with generic L2)
 * through `analyze --l2 generic` on one rational data point, every row to (1,3,3,1): the number
 * of complex critical points equals Singular's vdim of the same system, computed here from the
 * system `analyze` itself returns. Where the real points fit the default budget they are listed,
 * every one a critical point for the numeric engine with a certified type; where they do not, the
 * refusal gives the estimate.
 */
import { describe, expect, it } from 'vitest';
import { Q, analyze, buildNetwork, parseSpec } from '../../src/node/index.js';
import { isSingularAvailable, singularStd } from '../../src/node/singular.js';
import { CENSUS_TABLE } from '../helpers/census-table.js';

const singular = isSingularAvailable();

// the deep-linear rows of the table
const TABLE = CENSUS_TABLE.filter(([s]) => s.includes(':identity:')).map(([s, p, v]) => [s, [...p], v] as [string, number[], number]);

describe('the census table through analyze --l2 generic', () => {
  it.each(TABLE)('%s on %j: %i complex critical points', (spec, point, vdim) => {
    const s = parseSpec(spec);
    const n0 = s.widths[0]!;
    const data = { inputs: [point.slice(0, n0).map((v) => Q(v))], targets: [point.slice(n0).map((v) => Q(v))] };
    const a = analyze(s, { data, l2: { kind: 'generic', seed: 1 }, descent: false, landscape: false });
    const cp = a.criticalPoints!;
    expect([cp.dimension, cp.complexSolutions]).toEqual([0, vdim]);
    if (singular) {
      const o = singularStd(cp.system, buildNetwork(s).params, { timeoutMs: 120_000 });
      expect([o.dimension, o.vdim]).toEqual([0, vdim]);
    }
    if (cp.status === 'solved') {
      const real = cp.realSolutions!;
      expect(real.length).toBeGreaterThan(0);
      for (const r of real) {
        expect(r.gradientNorm).toBeLessThan(1e-8);
        expect(r.certainty).not.toBe('unproved');
        expect(r.type).toBe(r.engineType);
      }
    } else {
      // counted exactly; the real points refused with the estimate, before the work
      expect(cp.status).toBe('budget');
      expect(cp.message).toMatch(/^counted exactly but real solutions not computed: /);
      expect(cp.message).toMatch(/would take about|past the real-solution budget|passed its time budget/);
    }
  }, 300_000);
});
