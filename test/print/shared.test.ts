/**
 * The shared form (print/shared.ts, network/shared.ts): named intermediates in place of repeated
 * subexpressions. Oracles: node identity after substituting the bindings back (the interned DAG is
 * the fully substituted result, exactly), the parser reading the printed text back, and the
 * independent mathjs engine's forward pass for a network far past the print budget.
 */
import { describe, expect, it } from 'vitest';
import katex from 'katex';
import {
  buildNetwork,
  closeLetForm,
  engineOutputs,
  evaluate,
  gradientEquations,
  letForm,
  networkLetForm,
  networkNames,
  parse,
  paramsFromPoint,
  parseSpec,
  substitute,
  toText,
  treeSize,
} from '../../src/index.js';
import { cli } from '../helpers/cli.js';
import { MAX_PRINTED_TREE } from '../../src/cli/commands/network.js';

const SPECS = ['1-2-1:sigmoid,identity', '2-2-1:tanh,identity', '3-2-3-4:arctan_sigmoid:half', '2-3-2:quadratic', '2-2-1:relu,identity:nobias'];

/** Re-close the printed text: parse every binding and result, substitute in order. */
function closeText(lets: readonly { name: string; text: string }[], results: readonly string[]): ReturnType<typeof parse>[] {
  const env = new Map<string, ReturnType<typeof parse>>();
  for (const b of lets) env.set(b.name, substitute(parse(b.text), env));
  return results.map((r) => substitute(parse(r), env));
}

describe('letForm', () => {
  it('names a repeated subexpression once, and substituting back gives the same node', () => {
    const e = parse('sigmoid(w*x + b)^2 + sigmoid(w*x + b)*(x + 1)^3 + (x + 1)^3');
    const f = letForm([e], new Map());
    expect(f.bindings.map((b) => b.name)).toEqual(['t1']);
    expect(toText(f.bindings[0]!.rhs)).toBe('sigmoid(b + w*x)');
    expect(closeLetForm(f)[0]).toBe(e);
  });

  it('skips names the formula already uses', () => {
    const e = parse('exp(t1 + t2 + x)^2 + exp(t1 + t2 + x)');
    const f = letForm([e], new Map());
    expect(f.bindings.map((b) => b.name)).toEqual(['t3']);
    expect(closeLetForm(f)[0]).toBe(e);
  });

  it.each(SPECS)('%s: the gradient\'s shared form closes to the very nodes of the closed gradient', (text) => {
    const net = buildNetwork(parseSpec(text));
    const g = gradientEquations(net);
    const roots = [net.loss, ...g.values()];
    const form = networkLetForm(net, roots);
    const closed = closeLetForm(form);
    closed.forEach((n, i) => expect(n).toBe(roots[i]));
    // each binding stands for its value, exactly
    for (const [i, b] of form.bindings.entries()) expect(closeLetForm({ bindings: form.bindings.slice(0, i), results: [b.rhs] })[0]).toBe(b.value);
  });

  it('names come from the network: z, a, δ, r where a shared node is one of them', () => {
    const net = buildNetwork(parseSpec('2-2-1:tanh,identity'));
    const form = networkLetForm(net, [net.loss, ...gradientEquations(net).values()]);
    const names = form.bindings.map((b) => b.name);
    expect(names).toContain('r');
    expect(names).toContain('a1_1');
    // r is f − y, exactly the network's output minus the target
    expect(form.bindings.find((b) => b.name === 'r')!.value).toBe(parse(`${toText(net.outputs[0]!)} - y1`));
    const structural = new Set(networkNames(net).values());
    for (const b of form.bindings) if (!/^t\d+$/.test(b.name)) expect(structural.has(b.name)).toBe(true);
    // a⁽¹⁾₁ = tanh(z⁽¹⁾₁): the node named a1_1 is tanh of the network's z
    expect(form.bindings.find((b) => b.name === 'a1_1')!.value).toBe(net.a[0]![0]);
    expect(networkNames(net).get(net.z[0]![0]!)).toBe('z1_1');
  });
});

describe('the CLI prints the shared form', () => {
  it.each(SPECS)('grad %s --shared --json: the let bindings parse back and close to the closed gradient', async (text) => {
    const j = JSON.parse((await cli('grad', text, '--shared', '--json')).out);
    expect(j.form).toBe('shared');
    const net = buildNetwork(parseSpec(text));
    const g = gradientEquations(net);
    const results = [j.result.loss.text, ...j.params.map((p: string) => j.result.gradient[p].text)];
    const closed = closeText(j.let, results);
    expect(closed[0]).toBe(net.loss);
    j.params.forEach((p: string, i: number) => expect(closed[i + 1]).toBe(g.get(p)));
  });

  it('a network whose formula is past the print budget prints in shared form (no refusal), with the engine\'s value', async () => {
    const text = '8-8-8-8-8-8-8-1:tanh,identity';
    const net = buildNetwork(parseSpec(text));
    expect(treeSize(net.outputs[0]!)).toBeGreaterThan(MAX_PRINTED_TREE);
    const r = await cli('formula', text, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.form).toBe('shared');
    expect(r.out.length).toBeLessThan(200_000);
    const [f] = closeText(j.let, [j.result[0].text]);
    expect(f).toBe(net.outputs[0]);
    // the value at a random point, against the independent mathjs forward pass
    const point: Record<string, number> = {};
    let s = 7;
    const rand = (): number => ((s = (s * 16807) % 2147483647) / 2147483647) * 1.6 - 0.8;
    for (const p of net.params) point[p] = rand();
    const x = net.inputs.map(() => rand());
    const env = new Map<string, number>([...Object.entries(point), ...net.inputs.map((n, i): [string, number] => [n, x[i]!])]);
    for (const b of j.let) env.set(b.name, evaluate(parse(b.text), env));
    const value = evaluate(parse(j.result[0].text), env);
    expect(value).toBeCloseTo(engineOutputs(net.spec, paramsFromPoint(net.spec, point), x)[0]!, 10);
    const t = (await cli('formula', text)).out;
    expect(t.split('\n')[0]).toMatch(/^# written out, f1 has \d+ nodes, past the print budget of 100000: shared form/);
  });

  it('a gradient past the print budget prints in shared form too, and in LaTeX as one aligned block KaTeX typesets', async () => {
    const text = '8-8-8-8-8-8-8-1:tanh,identity';
    const r = await cli('grad', text, '--params', 'w1_1_1,b7_1');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\ndL\/dw1_1_1 = /);
    const l = await cli('grad', text, '--params', 'w1_1_1', '--latex');
    expect(l.out.startsWith('\\begin{aligned}')).toBe(true);
    expect(() => katex.renderToString(l.out.trim(), { displayMode: true, throwOnError: true })).not.toThrow();
  });
});
