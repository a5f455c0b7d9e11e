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
    // stages in order (a stage's own phases, `critical points: …`, folded into it), fractions never falling
    const stages = seen.map(([, s]) => s.split(':')[0]!).filter((s, i, all) => i === 0 || all[i - 1] !== s);
    expect(stages).toEqual(want);
    for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThanOrEqual(seen[i - 1]![0]);
  });

  it('the critical points report the first prime’s F4 degree, the primes of the lift and each real point', () => {
    const seen: string[] = [];
    const data = { inputs: [[Q(0)], [Q(1)], [Q(2)]], targets: [[Q(1)], [Q(3)], [Q(4)]] };
    const a = analyze(parseSpec('1-1-1:identity'), { data, descent: false, landscape: false, l2: { kind: 'generic', seed: 1 }, onProgress: (_, s) => seen.push(s) });
    const real = a.criticalPoints!.realSolutions!.length;
    expect(seen.some((s) => /^critical points: counting: first prime, F4 degree \d+/.test(s))).toBe(true);
    expect(seen.some((s) => /^critical points: rational univariate representation: \d+ primes? \(lifting to Q\)/.test(s))).toBe(true);
    expect(seen.filter((s) => /^critical points: real critical point \d+ of \d+/.test(s))).toHaveLength(real);
  });
});
