import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildNetwork, evaluate, parse, parseSpec, treeSize } from '../../../src/index.js';
import { MAX_PRINTED_TREE } from '../../../src/cli/commands/network.js';

import { cli } from '../../helpers/cli.js';

/** A random point for every symbol of a network (params, inputs, targets). */
function pointFor(text: string): Record<string, number> {
  const net = buildNetwork(parseSpec(text));
  return Object.fromEntries([...net.params, ...net.inputs, ...net.targets].map((n, i) => [n, Math.sin(i + 1) * 1.3]));
}

describe('closedform formula', () => {
  it('--json: params, inputs, outputs with text that parses back to the same function', async () => {
    const r = await cli('formula', '1-2-1:quadratic', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.params).toEqual(['w1_1_1', 'w1_2_1', 'b1_1', 'b1_2', 'w2_1_1', 'w2_1_2', 'b2_1']);
    expect(j.inputs).toEqual(['x1']);
    expect(j.outputs).toHaveLength(1);
    const o = j.outputs[0];
    expect(o.name).toBe('f1');
    expect(o.text).toBe('(b2_1 + w2_1_1*(b1_1 + w1_1_1*x1)^2 + w2_1_2*(b1_2 + w1_2_1*x1)^2)^2');
    expect(typeof o.treeSize).toBe('string');
    expect(BigInt(o.treeSize)).toBe(treeSize(buildNetwork(parseSpec('1-2-1:quadratic')).outputs[0]!));
    expect(o.dagSize).toBeGreaterThan(0);
    expect(o.latex).toContain('w^{(2)}_{1,1}');
  });

  it.each(['3-2-3-4:arctan_sigmoid', '3-4-1:identity:rows', '2-2-2:tanh,softplus'])('%s: each printed output evaluates like the builder', async (text) => {
    const j = JSON.parse((await cli('formula', text, '--json')).out);
    const net = buildNetwork(parseSpec(text));
    const point = pointFor(text);
    j.outputs.forEach((o: { text: string }, k: number) => expect(evaluate(parse(o.text), point)).toBeCloseTo(evaluate(net.outputs[k]!, point), 12));
  });

  it('a JSON spec works as the argument', async () => {
    const r = await cli('formula', '{"widths": [1, 1], "activations": ["relu"], "bias": false}');
    expect(r.out).toBe('f1 = relu(w1_1_1*x1)\n');
  });

  it('a formula too big to print is shown in its shared form, with a note', async () => {
    const text = '8-8-8-8-8-8-8-1:tanh,identity';
    expect(treeSize(buildNetwork(parseSpec(text)).outputs[0]!)).toBeGreaterThan(MAX_PRINTED_TREE);
    const j = JSON.parse((await cli('formula', text, '--json')).out);
    expect(j.form).toBe('shared');
    expect(j.let[0].name).toBe('a1_1');
    expect(j.let[0].text).toBe('tanh(b1_1 + w1_1_1*x1 + w1_1_2*x2 + w1_1_3*x3 + w1_1_4*x4 + w1_1_5*x5 + w1_1_6*x6 + w1_1_7*x7 + w1_1_8*x8)');
    const t = (await cli('formula', text)).out;
    expect(t.split('\n')[0]).toMatch(/^# written out, f1 has \d+ nodes, past the print budget of 100000: shared form/);
  });
});

describe('closedform grad SPEC', () => {
  it('seed 003: each ∂L/∂w with its Heaviside factor, readable', async () => {
    const r = await cli('grad', '3-2-1:relu,identity:nobias');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/^L = /);
    expect(lines).toHaveLength(1 + 8);
    for (const l of lines.filter((s) => s.startsWith('dL/dw1_'))) expect(l).toContain('heaviside(');
    expect(lines).toContain(
      'dL/dw1_1_1 = 2*w2_1_1*x1*heaviside(w1_1_1*x1 + w1_1_2*x2 + w1_1_3*x3)*(w2_1_1*relu(w1_1_1*x1 + w1_1_2*x2 + w1_1_3*x3) - y1 + w2_1_2*relu(w1_2_1*x1 + w1_2_2*x2 + w1_2_3*x3))',
    );
  });

  it('--json: the printed gradient is the gradient of the printed loss (central differences)', async () => {
    const text = '2-2-1:tanh,identity';
    const j = JSON.parse((await cli('grad', text, '--json')).out);
    expect(Object.keys(j.gradient)).toEqual(j.params);
    expect(j.gradientDagSize).toBeGreaterThanOrEqual(j.forwardDagSize);
    const loss = parse(j.loss.text);
    const point = pointFor(text);
    const h = 1e-6;
    for (const p of j.params) {
      const fd = (evaluate(loss, { ...point, [p]: point[p]! + h }) - evaluate(loss, { ...point, [p]: point[p]! - h })) / (2 * h);
      expect(evaluate(parse(j.gradient[p].text), point)).toBeCloseTo(fd, 6);
    }
  });

  it('--params selects; --form backprop prints the δ-equations', async () => {
    const j = JSON.parse((await cli('grad', '3-2-3-4:arctan_sigmoid:half', '--form', 'backprop', '--params', 'w1_1_1,b3_4', '--json')).out);
    expect(j.form).toBe('backprop');
    expect(Object.keys(j.gradient)).toEqual(['w1_1_1', 'b3_4']);
    expect(j.gradient.w1_1_1.text).toBe('delta1_1*x1');
    expect(j.equations.filter((e: { kind: string }) => e.kind === 'delta').map((e: { lhs: string }) => e.lhs)).toEqual([
      'delta3_1', 'delta3_2', 'delta3_3', 'delta3_4', 'delta2_1', 'delta2_2', 'delta2_3', 'delta1_1', 'delta1_2',
    ]);
    const t = (await cli('grad', '3-2-1:relu,identity:nobias', '--form', 'backprop')).out;
    expect(t).toContain('delta1_1 = delta2_1*w2_1_1*heaviside(z1_1)\n');
    expect(t).toContain('dL/dw1_2_3 = delta1_2*x3\n');
  });

  it('--data: the gradient of the loss summed over a CSV data set, exactly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'closedform-'));
    const file = join(dir, 'points.csv');
    writeFileSync(file, 'x1,y1\n1,3\n2,5\n');
    const j = JSON.parse((await cli('grad', '1-1:identity', '--data', file, '--json')).out);
    // L = (w + b − 3)² + (2w + b − 5)²: ∂L/∂b = 2(w + b − 3) + 2(2w + b − 5); zero at the least-squares line y = 2x + 1.
    expect(evaluate(parse(j.gradient.b1_1.text), { w1_1_1: 2, b1_1: 1 })).toBe(0);
    expect(evaluate(parse(j.gradient.w1_1_1.text), { w1_1_1: 2, b1_1: 1 })).toBe(0);
    expect(evaluate(parse(j.gradient.b1_1.text), { w1_1_1: 0, b1_1: 0 })).toBe(-16);
    writeFileSync(file, 'x1,y1\n1,3\n2,oops\n');
    const bad = await cli('grad', '1-1:identity', '--data', file);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe("closedform: line 3: bad number 'oops' in column y1\n");
    expect((await cli('grad', '1-1:identity', '--data', join(dir, 'missing.csv'))).err).toContain('cannot read data file');
    expect((await cli('grad', '1-1:identity', '--data', file, '--form', 'backprop')).err).toContain('--data needs --form closed');
  });

  it('expressions still go to the expression gradient', async () => {
    const r = await cli('grad', '(w*x + b - y)^2', '--vars', 'w,b');
    expect(r.code).toBe(0);
    expect(r.out).toBe('d/dw = 2*x*(b - y + w*x)\nd/db = 2*(b - y + w*x)\n');
  });

  it.each([
    [['grad', '3-0-1'], "bad width '0'"],
    [['grad', '3-2-1:softmax'], "unknown activation 'softmax'"],
    [['grad', '3-2-1:relu:nobias,dropout'], "unknown option 'dropout'"],
    [['grad', '3-2-1', '--params', 'w9_9_9'], "unknown parameter 'w9_9_9'"],
    [['grad', '3-2-1', '--form', 'forward'], "unknown --form 'forward': use closed or backprop"],
    [['grad', '3-2-1', '--vars', 'x'], '--vars is for expressions'],
    [['grad', 'x^2', '--form', 'backprop'], 'need a network spec'],
    [['formula', '300-300-1'], 'past the budget'],
    [['formula', '{"widths": [1, 1], "bias": "yes"}'], 'bad "bias"'],
    [['grad', '2-1', '--form', 'backprop', '--shared'], '--shared is for --form closed'],
  ])('%j: one line on stderr, exit 2', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
