/**
 * Seed 001's closed-form δ-recursion on the derived page of identity networks. Oracle: the
 * independent mathjs engine's backpropagation (its ∇_B⁽ˡ⁾ is δ⁽ˡ⁾), on concrete tied and untied
 * weights; the page must print the very matrices tested.
 */
import { describe, expect, it } from 'vitest';
import { type Node, buildNetwork, deriveNetwork, engineBackprop, evaluate, paramsFromPoint, parseSpec, recursionMatrices, recursionSection, toLatex } from '../../src/index.js';

/** A reproducible point in (−1, 1). */
function rng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 48271) % 2147483647) / 2147483647) * 2 - 1;
}

const pageLatex = (text: string): string => JSON.stringify(deriveNetwork(parseSpec(text), { runAnalysis: false }).derivation.steps);

describe('the closed-form δ-recursion (seed 001)', () => {
  it.each([3, 4])('2-2-…-2 identity with L = %i tied layers: (Wᵀ)^{L−1} δ⁽ᴸ⁾ is the engine\'s δ⁽¹⁾', (L) => {
    const spec = parseSpec(`${Array.from({ length: L + 1 }, () => '2').join('-')}:identity`);
    const mats = recursionMatrices(spec)!;
    expect(mats.tiedPower).toBeDefined();
    const r = rng(11 + L);
    const W = [[r(), r()], [r(), r()]];
    const point: Record<string, number> = {};
    for (let l = 1; l <= L; l++) {
      for (let i = 1; i <= 2; i++) {
        for (let j = 1; j <= 2; j++) point[`w${l}_${i}_${j}`] = W[i - 1]![j - 1]!;
        point[`b${l}_${i}`] = r();
      }
    }
    const x = [r(), r()];
    const y = [r(), r()];
    const bp = engineBackprop(spec, paramsFromPoint(spec, point), { x, y });
    const delta = (l: number): number[] => [0, 1].map((i) => bp.b[l - 1]!.get([i, 0]) as number);
    const tiedAt = { w_1_1: W[0]![0]!, w_1_2: W[0]![1]!, w_2_1: W[1]![0]!, w_2_2: W[1]![1]! };
    const P = mats.tiedPower!.map((row) => row.map((e) => evaluate(e, tiedAt)));
    const dL = delta(L);
    const predicted = P.map((row) => row[0]! * dL[0]! + row[1]! * dL[1]!);
    predicted.forEach((v, i) => expect(v).toBeCloseTo(delta(1)[i]!, 12));
    // the untied product at the same (tied) point says the same
    const T = mats.transfer.map((row) => row.map((e) => evaluate(e, point)));
    T.forEach((row, i) => expect(row[0]! * dL[0]! + row[1]! * dL[1]!).toBeCloseTo(delta(1)[i]!, 12));
  });

  it('untied 3-2-3-2 identity: (W⁽²⁾)ᵀ(W⁽³⁾)ᵀ δ⁽³⁾ is the engine\'s δ⁽¹⁾, and no tied form (widths differ)', () => {
    const spec = parseSpec('3-2-3-2:identity');
    const mats = recursionMatrices(spec)!;
    expect(mats.tiedPower).toBeUndefined();
    const r = rng(5);
    const net = buildNetwork(spec);
    const point = Object.fromEntries(net.params.map((p) => [p, r()]));
    const x = [r(), r(), r()];
    const y = [r(), r()];
    const bp = engineBackprop(spec, paramsFromPoint(spec, point), { x, y });
    const d3 = [0, 1].map((i) => bp.b[2]!.get([i, 0]) as number);
    const d1 = [0, 1].map((i) => bp.b[0]!.get([i, 0]) as number);
    mats.transfer.forEach((row: readonly Node[], i: number) => expect(row.reduce((s: number, e: Node, k: number) => s + evaluate(e, point) * d3[k]!, 0)).toBeCloseTo(d1[i]!, 12));
  });

  it('the derived page of a tied-capable identity network prints those matrices and the note on RᵀDR', () => {
    const spec = parseSpec('2-2-2-2:identity');
    const mats = recursionMatrices(spec)!;
    const page = pageLatex('2-2-2-2:identity');
    for (const row of [...mats.transfer, ...mats.tiedPower!]) for (const e of row) expect(page).toContain(JSON.stringify(toLatex(e)).slice(1, -1));
    expect(page).toContain('Backpropagation in closed form (seed 001)');
    expect(page).toContain('R^{\\\\top} D R');
    expect(page).toContain('Proved by expansion');
    expect(page).not.toContain('NOT confirmed');
  });

  it('networks that are not linear, or have no hidden layer, get no such section', () => {
    expect(recursionSection(buildNetwork(parseSpec('2-2-2:sigmoid,identity')))).toEqual([]);
    expect(recursionSection(buildNetwork(parseSpec('2-2:identity')))).toEqual([]);
    expect(pageLatex('2-2-1:tanh,identity')).not.toContain('seed 001');
  });
});

describe('analyze of an identity network names the closed-form recursion', () => {
  it('1-1-1:identity (tied-capable) and not 1-1-1:quadratic,identity', async () => {
    const { cli } = await import('../helpers/cli.js');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const file = join(mkdtempSync(join(tmpdir(), 'closedform-rec-')), 'd.csv');
    writeFileSync(file, 'x1,y1\n1,2\n2,3\n');
    const r = await cli('analyze', '1-1-1:identity', '--data', file);
    expect(r.out).toContain('backprop in closed form (seed 001): delta(n) = W(n+1)ᵀ⋯W(2)ᵀ delta(2); tied weights: delta(n) = (Wᵀ)^(2−n) delta(2)');
    expect((await cli('analyze', '1-1-1:quadratic,identity', '--data', file)).out).not.toContain('seed 001');
  });
});
