/**
 * The network figure: one link per parameter and one circle per neuron and bias node, counted in
 * the SVG as Python's strict XML parser reads it, against counts from the widths alone (seed
 * 004: (p + 1)M + 1 + M links for p-M-1); every link names its parameter, the set of names is the
 * network module's; the notation follows the convention; the SVG is accessible and deterministic.
 */
import { describe, expect, it } from 'vitest';
import { FigureError, MAX_NETWORK_LINKS, buildNetwork, networkFigure, networkLayout, paramLabel, parseSpec, readSpec } from '../../src/index.js';
import { hasPython, readSvgs } from '../helpers/svg-xml.js';

const SPECS = ['1-1:identity', '1-2-1:quadratic', '3-4-1:identity:rows', '3-2-1:relu,identity:nobias', '3-2-3-4:arctan_sigmoid:half', '2-3-1:tanh', '10-8-8-1:tanh', '4-1:sigmoid:nobias', '{"widths":[2,3,1],"bias":[true,false]}'];

/** Counts from the widths alone: Σ n_l·n_{l−1} weights, Σ_{biased l} n_l biases, Σ n_l neurons, one 1-node per biased layer. */
function expected(widths: readonly number[], bias: readonly boolean[]): { weights: number; biases: number; nodes: number } {
  let weights = 0;
  let biases = 0;
  for (let l = 1; l < widths.length; l++) {
    weights += widths[l]! * widths[l - 1]!;
    if (bias[l - 1]) biases += widths[l]!;
  }
  return { weights, biases, nodes: widths.reduce((s, n) => s + n, 0) + bias.filter(Boolean).length };
}

/** A compact or JSON spec. */
const read = (s: string) => readSpec(s);

describe.skipIf(!hasPython)('the network figure, read by a strict XML parser', () => {
  const figures = SPECS.map((s) => networkFigure(read(s)));
  const svgs = readSvgs(figures.map((f) => f.svg));

  it.each(SPECS.map((s, i) => [s, i] as const))('%s: well-formed, <title> and <desc> first, role img, labelled by them', (_s, i) => {
    const x = svgs[i]!;
    expect(x.ok, x.error).toBe(true);
    expect(x.root).toBe('svg');
    expect(x.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(x.role).toBe('img');
    expect(x.first!.map((e) => e.tag)).toEqual(['title', 'desc']);
    expect(x.labelledby).toBe(x.first![0]!.id);
    expect(x.describedby).toBe(x.first![1]!.id);
    expect(x.first![0]!.text).toBe(figures[i]!.title);
    expect(x.first![1]!.text).toBe(figures[i]!.description);
  });

  it.each(SPECS.map((s, i) => [s, i] as const))('%s: one link per parameter, one circle per neuron and per constant-1 node', (s, i) => {
    const spec = read(s);
    const want = expected(spec.widths, spec.bias);
    const g = svgs[i]!.groups!;
    expect((g['weights'] ?? []).filter((e) => e.tag === 'path')).toHaveLength(want.weights);
    expect((g['biases'] ?? []).filter((e) => e.tag === 'path')).toHaveLength(want.biases);
    expect(g['neurons']!.filter((e) => e.tag === 'circle')).toHaveLength(want.nodes);
    // every link's tooltip starts with its parameter's name; together they are the network's parameters
    const names = [...(g['weights'] ?? []), ...(g['biases'] ?? [])].map((e) => e.title.split(' ')[0]);
    expect(names.sort()).toEqual([...buildNetwork(spec).params].sort());
  });

  it("seed 004's p-M-1 count: (p + 1)M + 1 + M links for 3-4-1", () => {
    const g = svgs[SPECS.indexOf('3-4-1:identity:rows')]!.groups!;
    expect(g['weights']!.length + g['biases']!.length).toBe((3 + 1) * 4 + 1 + 4);
  });

  it('small networks have a label on every link; large ones none', () => {
    const small = svgs[SPECS.indexOf('3-4-1:identity:rows')]!.groups!;
    expect(small['link labels']).toHaveLength(21);
    expect(svgs[SPECS.indexOf('10-8-8-1:tanh')]!.groups!['link labels']).toBeUndefined();
  });
});

describe('notation', () => {
  it("rows convention (seed 004): W⁽ˡ⁾ row j, column m is w{l}_{m}_{j}; hidden units h, output z", () => {
    const spec = parseSpec('3-4-1:identity:rows');
    expect(paramLabel(spec, 'w1_2_3')).toBe('W⁽¹⁾₃₂');
    expect(paramLabel(spec, 'b2_1')).toBe('b⁽²⁾₁');
    const g = networkLayout(spec);
    expect(g.nodes.filter((n) => n.kind === 'hidden').map((n) => n.label)).toEqual(['h₁', 'h₂', 'h₃', 'h₄']);
    expect(g.nodes.find((n) => n.kind === 'output')!.label).toBe('z');
    // the link labelled W⁽¹⁾₃₂ goes from x₃ to h₂
    const l = g.links.find((e) => e.label === 'W⁽¹⁾₃₂')!;
    expect([l.from, l.to]).toEqual(['x3', 'n1_2']);
  });

  it('layer convention: w⁽ˡ⁾ᵢⱼ into neuron i from neuron j; commas once an index has two digits', () => {
    expect(paramLabel(parseSpec('3-4-1'), 'w1_2_3')).toBe('w⁽¹⁾₂₃');
    expect(paramLabel(parseSpec('12-2-1'), 'w1_2_12')).toBe('w⁽¹⁾₂,₁₂');
    const l = networkLayout(parseSpec('3-4-1')).links.find((e) => e.param === 'w1_2_3')!;
    expect([l.from, l.to]).toEqual(['x3', 'n1_2']);
  });

  it('every layer shows its activation', () => {
    const f = networkFigure(parseSpec('3-2-1:relu,identity:nobias'));
    expect(f.svg).toContain('σ⁽¹⁾ = relu');
    expect(f.svg).toContain('σ⁽²⁾ = identity');
    expect(f.description).toContain('activation relu');
  });
});

describe('determinism and refusals', () => {
  it('the same spec gives the same bytes; different specs different ids', () => {
    const a = networkFigure(parseSpec('2-3-1:tanh')).svg;
    networkFigure(parseSpec('1-2-1:quadratic'));
    expect(networkFigure(parseSpec('2-3-1:tanh')).svg).toBe(a);
    const id = (s: string): string => /aria-labelledby="([^"]+)"/.exec(s)![1]!;
    expect(id(a)).not.toBe(id(networkFigure(parseSpec('2-3-1:sigmoid')).svg));
  });

  it(`refuses past ${MAX_NETWORK_LINKS} links with a FigureError naming the count`, () => {
    expect(() => networkFigure(parseSpec('100-50-1'))).toThrow(FigureError);
    expect(() => networkFigure(parseSpec('100-50-1'))).toThrow(/5101 parameters, past the 4000 links/);
  });
});
