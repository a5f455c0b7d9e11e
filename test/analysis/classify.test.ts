import { describe, expect, it } from 'vitest';
import { classify, outputDegrees } from '../../src/analysis/classify.js';
import { parseSpec } from '../../src/network/parse.js';

describe('classify', () => {
  it('seed 000: 1-2-1 with quadratic activations is a quartic in x', () => {
    const c = classify(parseSpec('1-2-1:quadratic'));
    expect(c.kind).toBe('polynomial');
    // deg_x = 2·2; deg_θ: z¹ has degree 1, a¹ 2, z² 3, a² 6 (seed 000's θ₁θ₁₁² squared)
    expect(c.kind === 'polynomial' && c.degree).toEqual({ inputs: 4, params: 6 });
  });
  it.each([
    ['2-3-1:identity', 'polynomial', { inputs: 1, params: 2 }],
    ['1-1-1-1:identity', 'polynomial', { inputs: 1, params: 3 }],
    ['1-2-1:quadratic,identity', 'polynomial', { inputs: 2, params: 3 }],
    ['1-2-1:pow3,identity', 'polynomial', { inputs: 3, params: 4 }],
  ] as const)('%s', (s, kind, degree) => {
    const c = classify(parseSpec(s));
    expect(c.kind).toBe(kind);
    expect(c.kind === 'polynomial' && c.degree).toEqual(degree);
  });
  it('identity networks are linear', () => {
    const c = classify(parseSpec('3-4-2:identity'));
    expect(c.kind === 'polynomial' && c.linear).toBe(true);
  });
  it('relu: piecewise with 2 pieces per hidden unit and 2^units patterns', () => {
    const c = classify(parseSpec('1-3-1:relu,identity'));
    expect(c.kind).toBe('piecewise');
    if (c.kind !== 'piecewise') return;
    expect(c.piecesPerUnit).toEqual([2, 1]);
    expect(c.piecewiseUnits).toBe(3);
    expect(c.patternBound).toBe(8n);
    expect(c.degree.inputs).toBe(1);
  });
  it.each(['sigmoid', 'tanh', 'arctan_sigmoid', 'softplus'])('%s is transcendental with a reason', (a) => {
    const c = classify(parseSpec(`1-2-1:${a},identity`));
    expect(c.kind).toBe('transcendental');
    expect(c.reason).toMatch(/not a polynomial/);
    expect(c.kind === 'transcendental' && c.layers).toEqual([1]);
  });
  it('outputDegrees is the product in x and the nested sum in θ', () => {
    expect(outputDegrees([1])).toEqual({ inputs: 1, params: 1 });
    expect(outputDegrees([2, 3])).toEqual({ inputs: 6, params: 9 });
  });
});
