/** `closedform eval`: compiled formulas beside the engine at a given point; bad input is one line, exit 2. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'closedform-eval-'));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
// 1-1:identity, f = w x + b; at w = 2, b = −1, x = 3, y = 4: f = 5, loss (5 − 4)² = 1,
// ∂/∂w = 2(f − y)x = 6, ∂/∂b = 2(f − y) = 2.
const linear = file('linear.json', '{"w1_1_1": 2, "b1_1": -1}');

describe('closedform eval', () => {
  it('outputs, loss and gradient by both routes (hand-computed linear case)', async () => {
    const r = await cli('eval', '1-1:identity', '--params', linear, '--input', '3', '--target', '4', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      outputs: { f1: { symbolic: 5, engine: 5 } },
      loss: { symbolic: 1, engine: 1 },
      gradient: { w1_1_1: { symbolic: 6, engine: 6 }, b1_1: { symbolic: 2, engine: 2 } },
    });
  });

  it('text form: one line per value, engine beside it', async () => {
    const r = await cli('eval', '1-1:identity:half', '--params', linear, '--input', '3', '--target', '4');
    expect(r.code).toBe(0);
    expect(r.out.split('\n').filter((l) => l !== '')).toEqual([
      expect.stringMatching(/^f1\s+= 5\s+engine 5$/),
      expect.stringMatching(/^loss\s+= 0\.5\s+engine 0\.5$/),
      expect.stringMatching(/^dloss\/dw1_1_1 = 3\s+engine 3$/),
      expect.stringMatching(/^dloss\/db1_1\s+= 1\s+engine 1$/),
    ]);
  });

  it('without --target: outputs only; a sigmoid network agrees across routes', async () => {
    const p = file('sig.json', JSON.stringify({ w1_1_1: 0.3, w1_1_2: -0.7, b1_1: 0.1, w1_2_1: 1.1, w1_2_2: 0.4, b1_2: -0.2, w2_1_1: 0.9, w2_1_2: -1.3, b2_1: 0.05 }));
    const r = await cli('eval', '2-2-1', '--params', p, '--input', '0.5,-2', '--json');
    expect(r.code).toBe(0);
    const { outputs } = JSON.parse(r.out) as { outputs: { f1: { symbolic: number; engine: number } } };
    const s = (z: number): number => 1 / (1 + Math.exp(-z));
    const f = 0.9 * s(0.3 * 0.5 + 0.7 * 2 + 0.1) - 1.3 * s(1.1 * 0.5 - 0.4 * 2 - 0.2) + 0.05;
    expect(outputs.f1.symbolic).toBeCloseTo(f, 14);
    expect(outputs.f1.engine).toBeCloseTo(f, 14);
  });

  it.each([
    [['--params', join(dir, 'absent.json'), '--input', '3'], /cannot read params file '.*absent\.json': ENOENT/],
    [['--params', file('bad.json', '{"w1_1_1": 2,'), '--input', '3'], /bad params file '.*bad\.json' at 1:14: expected a key in double quotes, found end of text/],
    [['--params', file('arr.json', '[1, 2]'), '--input', '3'], /must hold a JSON object/],
    [['--params', file('str.json', '{"w1_1_1": "2", "b1_1": 0}'), '--input', '3'], /parameter 'w1_1_1' .* is not a number: the string '2'/],
    [['--params', file('miss.json', '{"w1_1_1": 2}'), '--input', '3'], /missing parameter 'b1_1'/],
    [['--params', file('extra.json', '{"w1_1_1": 2, "b1_1": 0, "w7": 1}'), '--input', '3'], /unknown parameter 'w7'/],
    [['--params', linear, '--input', '3,4'], /--input has 2 values, the network takes 1/],
    [['--params', linear, '--input', '3,'], /bad --input '3,': '' is not a decimal number/],
    [['--params', linear, '--input', 'abc'], /bad --input 'abc'/],
    [['--params', linear, '--input', '3', '--target', '1,2'], /--target has 2 values, the network gives 1/],
    [['--input', '3'], /required option '--params/],
  ])('%j → one line on stderr, exit 2', async (args, message) => {
    const r = await cli('eval', '1-1:identity', ...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
