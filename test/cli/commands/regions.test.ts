/**
 * `closedform regions`: the linear regions of two-input ReLU networks, against hand counts:
 * |x1| + |x2| (four units, lines x1 = 0 and x2 = 0) cuts [−1, 1]² into its four quadrants of area
 * 1; three lines in general position (x1 = 0, x2 = 0, x1 + x2 = 1/2) whose three crossings lie in
 * the box make 1 + 3 + 3 = 7 regions, Zaslavsky's bound, met. The areas (shoelace, exact) sum to
 * the box's. Bad input is one line, exit 2.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'closedform-regions-'));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const abs = file('abs.json', JSON.stringify({ w1_1_1: 1, w1_1_2: 0, w1_2_1: -1, w1_2_2: 0, w1_3_1: 0, w1_3_2: 1, w1_4_1: 0, w1_4_2: -1, w2_1_1: 1, w2_1_2: 1, w2_1_3: 1, w2_1_4: 1 }));
const three = file(
  'three.json',
  JSON.stringify({ w1_1_1: 1, w1_1_2: 0, b1_1: 0, w1_2_1: 0, w1_2_2: 1, b1_2: 0, w1_3_1: 1, w1_3_2: 1, b1_3: '-1/2', w2_1_1: 1, w2_1_2: 1, w2_1_3: 1, b2_1: 0 }),
);

interface Out {
  count: number;
  bound: string;
  areaTotal: string;
  boxArea: string;
  regions: { pattern: number[][]; polygon: string[][]; area: string; affine: { x1: string; x2: string; constant: string }[] }[];
}

describe('closedform regions', () => {
  it('|x1| + |x2|: four quadrant regions of area 1, f = ±x1 ± x2 on each, areas summing to the box', async () => {
    const r = await cli('regions', '2-4-1:relu,identity:nobias', '--at', abs, '--json');
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out) as Out;
    expect(o.count).toBe(4);
    expect(o.regions.map((g) => g.area)).toEqual(['1', '1', '1', '1']);
    expect([o.areaTotal, o.boxArea]).toEqual(['4', '4']);
    // on each quadrant the network is |x1| + |x2| = s1·x1 + s2·x2
    const fs = o.regions.map((g) => `${g.affine[0]!.x1},${g.affine[0]!.x2},${g.affine[0]!.constant}`).sort();
    expect(fs).toEqual(['-1,-1,0', '-1,1,0', '1,-1,0', '1,1,0']);
  });

  it('--latex: |x1| + |x2| as ±x1 ± x2 on the four quadrants, the same functions as the JSON', async () => {
    const r = await cli('regions', '2-4-1:relu,identity:nobias', '--at', abs, '--latex');
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(4);
    const rhs = lines.map((l) => l.split(' = ')[1]!.replace(/\s+/g, '')).sort();
    expect(rhs).toEqual(['-x_{1}-x_{2}', 'x_{2}-x_{1}', 'x_{1}-x_{2}', 'x_{1}+x_{2}'].sort());
  });

  it('three lines in general position: 7 regions = Zaslavsky’s bound; exact rational vertices; text form', async () => {
    const r = await cli('regions', '2-3-1:relu,identity', '--at', three, '--box', '-2,2,-2,2', '--json');
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out) as Out;
    expect(o.count).toBe(7);
    expect(o.bound).toBe('7');
    expect([o.areaTotal, o.boxArea]).toEqual(['16', '16']);
    // the small triangle 0 < x1, 0 < x2, x1 + x2 < 1/2 is a region: vertices (0,0), (1/2,0), (0,1/2), area 1/8
    const tri = o.regions.find((g) => g.area === '1/8')!;
    expect(tri.polygon.map((v) => v.join(',')).sort()).toEqual(['0,0', '0,1/2', '1/2,0']);
    expect(tri.pattern).toEqual([[1, 2]]);
    const t = await cli('regions', '2-3-1:relu,identity', '--at', three, '--box', '-2,2,-2,2');
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/^7 activation regions of 2-3-1 over \[-2, 2\] × \[-2, 2\]/);
    expect(t.out).toMatch(/bound over the whole plane 7 \(Zaslavsky/);
    expect(t.out).toMatch(/areas sum to 16 \(the box: 16\)/);
  });

  it('--data: the regions of the exact optimum around the data', async () => {
    const r = await cli('regions', '2-2-1:relu,identity', '--data', 'examples/relu-plane.csv', '--json');
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out) as Out & { source: string };
    expect(o.source).toBe('the exact optimum on the data');
    expect(o.areaTotal).toBe(o.boxArea);
    expect(o.count).toBeLessThanOrEqual(Number(o.bound));
  });

  it.each([
    [['2-4-1:relu,identity:nobias'], /give the parameters with --at POINT\.json, or --data/],
    [['2-4-1:relu,identity:nobias', '--at', abs, '--data', 'examples/relu-plane.csv'], /one of the two/],
    [['2-4-1:relu,identity:nobias', '--at', abs, '--box', '0,1,0'], /bad --box '0,1,0': four numbers/],
    [['2-4-1:relu,identity:nobias', '--at', abs, '--box', '1,0,0,1'], /each lo must be below its hi/],
    [['2-4-1:relu,identity:nobias', '--at', abs, '--box', '0,1,0,x'], /bad --box 'x'/],
    [['2-4-1:relu,identity:nobias', '--at', file('miss.json', '{"w1_1_1": 1}')], /missing parameters 'w1_1_2'/],
    [['2-4-1:relu,identity:nobias', '--at', file('extra.json', '{"w9": 1}')], /unknown parameter 'w9'/],
    [['2-4-1:relu,identity:nobias', '--at', file('str.json', '{"w1_1_1": "one"}')], /is not a number or a rational/],
    [['3-2-1:relu,identity', '--at', file('x3.json', '{}')], /linear regions are drawn for two-input networks; 3-2-1 has 3 inputs/],
    [['2-2-1:tanh,identity', '--at', file('t.json', JSON.stringify({ w1_1_1: 1, w1_1_2: 0, b1_1: 0, w1_2_1: 0, w1_2_2: 1, b1_2: 0, w2_1_1: 1, w2_1_2: 1, b2_1: 0 }))], /need relu or leaky_relu hidden layers/],
  ])('refuses %j in one line', async (args, message) => {
    const r = await cli('regions', ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
