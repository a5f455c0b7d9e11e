/**
 * The seeds' wrong formulas on the derived pages of their networks. Oracle: the independent mathjs
 * engine (its backprop gradient, and its forward pass for the expansion's coefficients): at a
 * random point the seed's formula differs from the engine, the correct one agrees.
 */
import { describe, expect, it } from 'vitest';
import katex from 'katex';
import {
  type Erratum,
  buildNetwork,
  deriveNetwork,
  engineForward,
  engineGradient,
  engineParamNames,
  evaluate,
  paramsFromPoint,
  parseSpec,
  seedErrata,
} from '../../src/index.js';

function rng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 48271) % 2147483647) / 2147483647) * 1.6 - 0.8;
}

/** The engine's value of what an erratum is about, at a point (params, inputs, targets). */
function engineValue(text: string, e: Erratum, point: Record<string, number>): number {
  const spec = parseSpec(text);
  const net = buildNetwork(spec);
  const p = paramsFromPoint(spec, Object.fromEntries(net.params.map((n) => [n, point[n]!])));
  if (e.target.kind === 'partial') {
    const g = engineGradient(spec, p, [{ x: net.inputs.map((n) => point[n]!), y: net.targets.map((n) => point[n]!) }]);
    return g[engineParamNames(spec).indexOf(e.target.param)]!;
  }
  // z_out(x) = c0 + c1 x + c2 x² from the engine's forward pass at x = −1, 0, 1
  const z = (x: number): number => engineForward(spec, p, [x]).Z[1]!.get([0, 0]) as number;
  return e.target.power === 0 ? z(0) : (z(1) + z(-1) - 2 * z(0)) / 2;
}

describe.each([
  ['1-2-1:quadratic', '000', 4],
  ['2-2-2:arctan_sigmoid:half', '002', 1],
  ['3-2-3-4:arctan_sigmoid:half', '002', 1],
])('%s (seed %s)', (text, seed, count) => {
  const net = buildNetwork(parseSpec(text));
  const errata = seedErrata(net);

  it('each correction is confirmed; at random points the correct formula agrees with the engine and the seed\'s does not', () => {
    expect(errata).toHaveLength(count);
    const r = rng(3);
    for (const e of errata) {
      expect(e.seed).toBe(seed);
      expect(e.check.holds).toBe(true);
      for (let k = 0; k < 3; k++) {
        const point = Object.fromEntries([...net.params, ...net.inputs, ...net.targets].map((n) => [n, r()]));
        const truth = engineValue(text, e, point);
        expect(evaluate(e.correctNode, point)).toBeCloseTo(truth, 10);
        if (e.seedNode !== undefined) expect(Math.abs(evaluate(e.seedNode, point) - truth)).toBeGreaterThan(1e-6);
      }
    }
  });

  it('the derived page says "the seed writes …; correct: …", in LaTeX that KaTeX typesets', () => {
    const { derivation } = deriveNetwork(parseSpec(text), { runAnalysis: false });
    const notes = derivation.steps.filter((s) => s.kind === 'note' && s.parts.some((p) => typeof p === 'string' && p.includes('the seed writes')));
    expect(notes).toHaveLength(count);
    for (const n of notes)
      if (n.kind === 'note') for (const p of n.parts) if (typeof p !== 'string') expect(() => katex.renderToString(p.math, { throwOnError: true })).not.toThrow();
    const shapes = text.startsWith('3-2-3-4');
    expect(JSON.stringify(notes).includes('not even defined')).toBe(shapes);
  });
});

it('other networks get no errata', () => {
  expect(seedErrata(buildNetwork(parseSpec('1-2-1:quadratic,identity')))).toEqual([]);
  expect(seedErrata(buildNetwork(parseSpec('2-2-1:sigmoid,identity')))).toEqual([]);
});
