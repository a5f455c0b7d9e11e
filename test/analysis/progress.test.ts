import { describe, expect, it } from 'vitest';
import { Q, analyze, parseSpec } from '../../src/index.js';

// The stages a long `analyze` reports to the CLI's progress bar, in order, with rising fractions.
describe('analyze reports its stages', () => {
  it.each([
    ['1-1-1:identity', ['collapse', 'least squares', 'critical points', 'rank-deficient strata']],
    ['1-2-1:relu,identity', ['activation patterns', 'exact optimum']],
  ])('%s', (text, want) => {
    const seen: [number, string][] = [];
    const data = { inputs: [[Q(0)], [Q(1)], [Q(2)]], targets: [[Q(1)], [Q(2)], [Q(4)]] };
    analyze(parseSpec(text), { data, descent: false, onProgress: (f, s) => seen.push([f, s]) });
    expect(seen.map(([, s]) => s)).toEqual(want);
    for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThan(seen[i - 1]![0]);
  });
});
