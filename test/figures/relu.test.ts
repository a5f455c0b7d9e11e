/**
 * The ReLU pictures (src/figures/relu.ts) against routes independent of the drawing:
 * - the regions figure has one drawn polygon per activation region, read back from the SVG by
 *   Python's strict XML parser; the regions' exact areas (shoelace over Q) sum to the box's area,
 *   and the hand counts hold (|x1| + |x2|: four quadrants; three lines in general position whose
 *   crossings lie in the box: 1 + 3 + 3 = 7 regions, Zaslavsky's bound; two layers, units x1, x2
 *   then σ(x1) − σ(x2) and σ(x1) + σ(x2) − 1: 4 + 2 + 2 + 1 = 9 regions in [−2, 2]², the third
 *   quadrant's second layer identically 0 or −1 there, so off and not split);
 * - the descent figure's line is the exact global optimum (relu-optimum.ts) as a double, and no
 *   gradient-descent run of the numeric engine ends below it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Q, type Rational, ZERO, qadd, qmul, qsub, qtoNumber } from '../../src/expr/rational.js';
import { analyze, dataFigureSteps, descentData, descentFigure, linearRegions, parseSpec, readCsv, regionsFigure, reluOptimumValue } from '../../src/index.js';
import { hasPython, readSvgs } from '../helpers/svg-xml.js';

const R = (n: number, d = 1): Rational => Q(n, d);
const absPoint = { w1_1_1: R(1), w1_1_2: R(0), w1_2_1: R(-1), w1_2_2: R(0), w1_3_1: R(0), w1_3_2: R(1), w1_4_1: R(0), w1_4_2: R(-1), w2_1_1: R(1), w2_1_2: R(1), w2_1_3: R(1), w2_1_4: R(1) };
const threePoint = { w1_1_1: R(1), w1_1_2: R(0), b1_1: R(0), w1_2_1: R(0), w1_2_2: R(1), b1_2: R(0), w1_3_1: R(1), w1_3_2: R(1), b1_3: R(-1, 2), w2_1_1: R(1), w2_1_2: R(1), w2_1_3: R(1), b2_1: R(0) };

describe('the linear-regions figure', () => {
  it.each([
    ['2-4-1:relu,identity:nobias', absPoint, 1, 4],
    ['2-3-1:relu,identity', threePoint, 2, 7],
    ['2-2-2-1:relu,relu,identity', { w1_1_1: R(1), w1_1_2: R(0), b1_1: R(0), w1_2_1: R(0), w1_2_2: R(1), b1_2: R(0), w2_1_1: R(1), w2_1_2: R(-1), b2_1: R(0), w2_2_1: R(1), w2_2_2: R(1), b2_2: R(-1), w3_1_1: R(1), w3_1_2: R(1), b3_1: R(0) }, 2, 9],
  ] as const)('%s: one drawn polygon per region, exact areas summing to the box', (s, point, half, count) => {
    const spec = parseSpec(s);
    const box = { lo: [R(-half), R(-half)] as const, hi: [R(half), R(half)] as const };
    const g = linearRegions(spec, point, box);
    expect(g.regions.length).toBe(count);
    expect(BigInt(g.regions.length)).toBeLessThanOrEqual(g.bound);
    const total = g.regions.reduce((a, r) => qadd(a, r.area), ZERO);
    expect(total).toEqual(qmul(qsub(box.hi[0], box.lo[0]), qsub(box.hi[1], box.lo[1])));
    const f = regionsFigure(spec, g, { points: [[0, 0]] });
    expect(f.kind).toBe('relu-regions');
    expect(f.svg).toContain('data-figure="relu-regions"');
    if (!hasPython) return;
    const [x] = readSvgs([f.svg]);
    expect(x!.ok).toBe(true);
    const drawn = x!.groups!['region']!;
    expect(drawn.filter((e) => e.tag === 'path')).toHaveLength(g.regions.length);
    expect(x!.groups!['data points']!.filter((e) => e.tag === 'circle')).toHaveLength(1);
    // the hover text of each polygon names its pattern and exact area
    drawn.forEach((e, i) => expect(e.title).toMatch(new RegExp(`^region ${i + 1}: on .*, area `)));
  });
});

describe('gradient descent against the exact ReLU optimum', () => {
  it('1-2-1 relu: the line is the exact global optimum and no run ends below it; the SVG parses', () => {
    const spec = parseSpec('1-2-1:relu,identity');
    const data = readCsv('x1,y1\n-1,1\n0,0\n1,1\n2,0\n', spec);
    const analysis = analyze(spec, { data, seed: 1 });
    const o = analysis.relu!.exact!.optimum;
    expect(o.kind).toBe('solved');
    if (o.kind !== 'solved') return;
    const v = reluOptimumValue(analysis)!;
    expect(v.value).toBe(qtoNumber(o.loss));
    const d = descentData(spec, data, { seed: 1, analysis, steps: 300 });
    expect(d.optimum).toBe(qtoNumber(o.loss));
    expect(d.optimumName).toBe('exact global optimum');
    for (const run of d.losses) expect(run.at(-1)!).toBeGreaterThanOrEqual(qtoNumber(o.loss) - 1e-12);
    const f = descentFigure(d);
    expect(f.description).toContain('The horizontal line is the exact global optimum L* =');
    if (!hasPython) return;
    const [x] = readSvgs([f.svg]);
    expect(x!.ok).toBe(true);
    expect(x!.groups!['exact optimum']![0]!.title).toMatch(/^exact global optimum L\* = /);
  });

  it('2-2-1 relu on the example plane data: the analysis carries regions, the figure draws as many polygons', () => {
    const spec = parseSpec('2-2-1:relu,identity');
    const data = readCsv(readFileSync('examples/relu-plane.csv', 'utf8'), spec);
    const analysis = analyze(spec, { data, seed: 1 });
    const g = analysis.relu!.exact!.regions!;
    const total = g.regions.reduce((a, r) => qadd(a, r.area), ZERO);
    expect(total).toEqual(qmul(qsub(g.box.hi[0], g.box.lo[0]), qsub(g.box.hi[1], g.box.lo[1])));
    const f = regionsFigure(spec, g);
    // the derived page and the explorer's landscape section carry it (their shared builder)
    const kinds = dataFigureSteps(spec, data, analysis, 1).flatMap((st) => (st.kind === 'figure' ? [st.figure.kind] : []));
    expect(kinds).toContain('relu-regions');
    expect(kinds).toContain('descent');
    if (!hasPython) return;
    const [x] = readSvgs([f.svg]);
    expect(x!.groups!['region']!.filter((e) => e.tag === 'path')).toHaveLength(g.regions.length);
  }, 120_000);
});
