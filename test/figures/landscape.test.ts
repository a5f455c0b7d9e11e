/**
 * The landscape figures against routes that share nothing with their computation: the slice's and
 * the line's values at sampled points against the mathjs engine's loss (the figures use the
 * compiled symbolic formula); every marked critical point against the engine's backprop gradient
 * (≈ 0: for a critical point of L every component, for one of the slice the two chosen ones) and
 * its type against the signs of a Hessian from central differences of that gradient; the fit's
 * exact curve against the engine's outputs and its loss against the exact normal equations; the
 * descent figure's runs against the analysis's own descent and the backtracking rule (a run never
 * goes up). Every SVG is read by Python's strict XML parser.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Analysis,
  type Dataset,
  type NetworkSpec,
  FigureError,
  analyze,
  descentData,
  descentFigure,
  engineDatasetLoss,
  engineGradient,
  engineParamNames,
  engineOutputs,
  fitData,
  fitFigure,
  landscapeContext,
  lineData,
  lineFigure,
  paramsFromPoint,
  parseSpec,
  qtoNumber,
  readCsv,
  samplesFromDataset,
  seededRng,
  sliceData,
  sliceFigure,
} from '../../src/index.js';
import { hasPython, readSvgs } from '../helpers/svg-xml.js';

const csv = (name: string): string => readFileSync(`examples/${name}.csv`, 'utf8');

interface Case {
  readonly spec: NetworkSpec;
  readonly data: Dataset;
  analysis?: Analysis;
}
const CASES: Record<string, Case> = {};
const add = (key: string, spec: string, text: string): void => {
  const s = parseSpec(spec);
  CASES[key] = { spec: s, data: readCsv(text, s) };
};
add('linear', '1-1-1:identity', csv('line'));
add('quadratic', '1-2-1:quadratic,identity', csv('quadratic'));
add('tanh', '1-2-1:tanh,identity', csv('quadratic'));
add('two-out', '1-2-2:quadratic,identity', 'x1,y1,y2\n-1,3,1\n0,1,0\n1,1,1\n2,4,3\n');

beforeAll(() => {
  for (const c of Object.values(CASES)) c.analysis = analyze(c.spec, { data: c.data });
}, 120_000);

const point = (names: readonly string[], v: ArrayLike<number>): Record<string, number> => Object.fromEntries(names.map((n, i) => [n, v[i]!]));
const engineLoss = (c: Case, p: Record<string, number>): number => engineDatasetLoss(c.spec, paramsFromPoint(c.spec, p), samplesFromDataset(c.data));
const engineGrad = (c: Case, p: Record<string, number>): Float64Array => engineGradient(c.spec, paramsFromPoint(c.spec, p), samplesFromDataset(c.data));
const close = (a: number, b: number, tol = 1e-9): boolean => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

/** The 2 × 2 Hessian of L in (a, b) by central differences of the engine's gradient, and the type its eigenvalue signs give. */
function fdType(c: Case, p: Record<string, number>, a: string, b: string): string {
  const names = engineParamNames(c.spec);
  const [ia, ib] = [names.indexOf(a), names.indexOf(b)];
  const col = (k: string): [number, number] => {
    const h = 1e-5 * Math.max(1, Math.abs(p[k]!));
    const up = engineGrad(c, { ...p, [k]: p[k]! + h });
    const down = engineGrad(c, { ...p, [k]: p[k]! - h });
    return [(up[ia]! - down[ia]!) / (2 * h), (up[ib]! - down[ib]!) / (2 * h)];
  };
  const [haa, hba] = col(a);
  const [hab, hbb] = col(b);
  const q = (hab + hba) / 2;
  const det = haa * hbb - q * q;
  if (det < 0) return 'saddle';
  return haa > 0 ? 'minimum' : 'maximum';
}

describe('the loss slice', () => {
  it.each(['linear', 'quadratic', 'tanh'])('%s: the grid values are the engine’s loss at 40 random grid points', (key) => {
    const c = CASES[key]!;
    const d = sliceData(c.spec, c.data, { analysis: c.analysis! });
    const names = engineParamNames(c.spec);
    const r = seededRng(11);
    const n = d.as.length;
    for (let k = 0; k < 40; k++) {
      const [i, j] = [Math.floor(r() * n), Math.floor(r() * n)];
      const p = { ...d.base.point, [d.params[0]]: d.as[i]!, [d.params[1]]: d.bs[j]! };
      expect(close(d.values[j * n + i]!, engineLoss(c, p)), `${key} at grid (${i}, ${j})`).toBe(true);
    }
    expect(names).toContain(d.params[0]);
  });

  it.each(['linear', 'quadratic'])('%s: held at the exact least-squares optimum, which is marked as a minimum where the engine’s gradient vanishes', (key) => {
    const c = CASES[key]!;
    const d = sliceData(c.spec, c.data, { analysis: c.analysis! });
    expect(d.base.global).toBe(true);
    expect(close(d.base.loss, qtoNumber(c.analysis!.leastSquares!.loss))).toBe(true);
    const full = d.points.filter((p) => p.where === 'full');
    expect(full.length).toBeGreaterThan(0);
    for (const m of full) {
      const p = { ...d.base.point, [d.params[0]]: m.a, [d.params[1]]: m.b };
      const g = engineGrad(c, p);
      expect(Math.hypot(...g), `${key}: ‖∇L‖ at the marked ${m.type}`).toBeLessThan(1e-8 * Math.max(1, m.loss));
    }
  });

  it('held at a saddle of L (a switched-off unit), the saddle is marked, and the engine’s gradient vanishes there', () => {
    const c = CASES['linear']!;
    const ctx = landscapeContext(c.spec, c.data, { analysis: c.analysis! });
    const saddle = ctx.critical.find((k) => k.type === 'saddle')!;
    const d = sliceData(c.spec, c.data, { context: ctx, params: ['w1_1_1', 'w2_1_1'], base: saddle.point });
    const marked = d.points.find((p) => p.where === 'full')!;
    expect(marked.type).toBe('saddle');
    expect(Math.hypot(...engineGrad(c, { ...saddle.point, w1_1_1: marked.a, w2_1_1: marked.b }))).toBeLessThan(1e-9);
    // in this plane the loss depends on w1·w2 alone: the slice's other critical points form a hyperbola, flat, so counted and not marked
    expect(d.flat).toBeGreaterThan(0);
    expect(fdType(c, { ...saddle.point, w1_1_1: marked.a, w2_1_1: marked.b }, 'w1_1_1', 'w2_1_1')).toBe('saddle');
  });

  it('tanh (no exact critical points): the slice’s own critical points have a vanishing engine gradient in the plane and the type of a finite-difference Hessian', () => {
    const c = CASES['tanh']!;
    const d = sliceData(c.spec, c.data, { analysis: c.analysis! });
    expect(d.base.type).toBe('descent');
    const own = d.points.filter((p) => p.where === 'slice');
    expect(own.length).toBeGreaterThan(0);
    const names = engineParamNames(c.spec);
    for (const m of own) {
      const p = { ...d.base.point, [d.params[0]]: m.a, [d.params[1]]: m.b };
      const g = engineGrad(c, p);
      const scale = Math.max(1, Math.hypot(...g));
      expect(Math.abs(g[names.indexOf(d.params[0])]!) / scale).toBeLessThan(1e-6);
      expect(Math.abs(g[names.indexOf(d.params[1])]!) / scale).toBeLessThan(1e-6);
      expect(fdType(c, p, d.params[0], d.params[1])).toBe(m.type);
    }
  });

  it.skipIf(!hasPython)('the SVG: well-formed, title and desc first, one contour band per level, one marker per marked point', () => {
    for (const key of ['linear', 'quadratic', 'tanh']) {
      const c = CASES[key]!;
      const d = sliceData(c.spec, c.data, { analysis: c.analysis! });
      const f = sliceFigure(d);
      const [x] = readSvgs([f.svg]);
      expect(x!.ok, x!.error).toBe(true);
      expect(x!.first!.map((e) => e.tag)).toEqual(['title', 'desc']);
      const markers = Object.entries(x!.groups!).filter(([k]) => k.endsWith(' markers')).flatMap(([, v]) => v);
      expect(markers).toHaveLength(d.points.length);
      expect(x!.groups!['loss contours']!.length).toBeGreaterThan(3);
      expect(f.description).toContain(`${d.as.length} × ${d.as.length} grid`);
      expect(sliceFigure(d).svg).toBe(f.svg);
    }
  });

  it('bad parameter choices are FigureErrors naming the problem', () => {
    const c = CASES['linear']!;
    expect(() => sliceData(c.spec, c.data, { analysis: c.analysis!, params: ['w1_1_1'] })).toThrow(/exactly two parameters/);
    expect(() => sliceData(c.spec, c.data, { analysis: c.analysis!, params: ['w1_1_1', 'w9_9_9'] })).toThrow(/unknown parameter 'w9_9_9'/);
    expect(() => sliceData(c.spec, c.data, { analysis: c.analysis!, params: ['b1_1', 'b1_1'] })).toThrow(FigureError);
  });
});

describe('the loss line', () => {
  it('from the global minimum to the next critical point; values are the engine’s loss on the segment', () => {
    const c = CASES['two-out']!;
    const d = lineData(c.spec, c.data, { analysis: c.analysis! });
    const names = engineParamNames(c.spec);
    for (const k of [0, 37, 100, 163, 200]) {
      const t = d.ts[k]!;
      const p = point(names, names.map((n) => (1 - t) * d.from.point[n]! + t * d.to.point[n]!));
      expect(close(d.losses[k]!, engineLoss(c, p))).toBe(true);
    }
    expect(close(d.losses[0]!, qtoNumber(c.analysis!.leastSquares!.loss))).toBe(true);
    const f = lineFigure(d);
    expect(f.description).toMatch(/a barrier of [\d.]+ above the higher end/);
    if (hasPython) expect(readSvgs([f.svg])[0]!.ok).toBe(true);
  });

  it('given ends are completed from the default ends, and unknown names refused', () => {
    const c = CASES['linear']!;
    const plain = lineData(c.spec, c.data, { analysis: c.analysis! });
    const d = lineData(c.spec, c.data, { analysis: c.analysis!, to: { w1_1_1: 3 } });
    expect(d.to.point).toEqual({ ...plain.to.point, w1_1_1: 3 });
    expect(d.from.point).toEqual(plain.from.point);
    expect(() => lineData(c.spec, c.data, { analysis: c.analysis!, from: { nope: 1 } })).toThrow(/unknown parameter 'nope'/);
  });
});

describe('the fit', () => {
  it.each(['linear', 'quadratic', 'two-out'])('%s: the exact curve is the engine’s output at the optimum, whose loss is the normal equations’ exact value', (key) => {
    const c = CASES[key]!;
    const d = fitData(c.spec, c.data, { analysis: c.analysis! });
    const ls = c.analysis!.leastSquares!;
    expect(ls.attained.kind).toBe('point');
    const opt = ls.attained.kind === 'point' ? Object.fromEntries([...ls.attained.point].map(([k, v]) => [k, qtoNumber(v)])) : {};
    const exact = d.curves.filter((x) => x.kind === 'exact');
    expect(exact).toHaveLength(c.spec.widths.at(-1)!);
    for (const curve of exact)
      for (const i of [0, 60, 120, 240]) expect(close(curve.ys[i]!, engineOutputs(c.spec, paramsFromPoint(c.spec, opt), [curve.xs[i]!])[curve.output]!)).toBe(true);
    expect(close(engineLoss(c, opt), qtoNumber(ls.loss))).toBe(true);
    if (hasPython) {
      const x = readSvgs([fitFigure(d).svg])[0]!;
      expect(x.ok, x.error).toBe(true);
      expect(x.groups!['data points']).toHaveLength(c.data.inputs.length * c.spec.widths.at(-1)!);
    }
  });

  it('tanh: no exact curve, said so; the descent curve passes near the data it was fitted to', () => {
    const c = CASES['tanh']!;
    const d = fitData(c.spec, c.data, { analysis: c.analysis! });
    expect(d.curves.map((x) => x.kind)).toEqual(['descent']);
    expect(d.noExact).toMatch(/transcendental/);
    expect(fitFigure(d).description).toContain('No exact curve');
  });

  it('refuses networks with more than one input', () => {
    const spec = parseSpec('2-1:identity');
    expect(() => fitData(spec, readCsv('x1,x2,y1\n0,0,1\n1,2,3\n', spec))).toThrow(/one-input networks; 2-1 has 2 inputs/);
  });
});

describe('gradient descent', () => {
  it('the runs are the analysis’s own (same finals), and a backtracking run never goes up', () => {
    const c = CASES['quadratic']!;
    const d = descentData(c.spec, c.data, { analysis: c.analysis! });
    expect(d.losses.map((r) => r.at(-1))).toEqual(c.analysis!.descent!.finalLosses);
    for (const run of d.losses) for (let t = 1; t < run.length; t++) expect(run[t]!).toBeLessThanOrEqual(run[t - 1]!);
    // the exact optimum bounds every run from below
    for (const run of d.losses) expect(run.at(-1)!).toBeGreaterThanOrEqual(d.optimum! * (1 - 1e-9));
    const f = descentFigure(d);
    expect(f.description).toContain(`L* = `);
    if (hasPython) {
      const x = readSvgs([f.svg])[0]!;
      expect(x.ok, x.error).toBe(true);
      expect(Object.keys(x.groups!).filter((k) => /^start \d$/.test(k))).toHaveLength(d.losses.length);
    }
  });
});
