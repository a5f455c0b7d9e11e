/** `closedform check`: the verdict table, JSON, exit codes 0 (pass) and 2 (bad input). */
import { describe, expect, it } from 'vitest';
import { cli, cliWith } from '../../helpers/cli.js';

describe('closedform check', () => {
  it('passes on a correct network: exit 0, one row per result, the verdict line', async () => {
    const r = await cli('check', '2-3-1', '--points', '3');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^check 2-3-1:sigmoid,identity: seed 1, 3 random points/);
    expect(r.out).toMatch(/^dloss\/dw1_3_2\s+\S+\s+1\.0e-9\s+ok$/m);
    expect(r.out).toMatch(/^engine backprop vs finite differences\s+\S+\s+\S+\s+ok$/m);
    // its tolerance is derived per coordinate, and the output says from what
    expect(r.out).toMatch(/^tolerance of engine backprop vs finite differences: per coordinate, 2\(\|D\(2h\) − D\(h\)\|\/3 \+ 5R\/3\)/m);
    expect(r.out.trim().split('\n').at(-1)).toBe('all 17 checks pass'); // f1, loss, 13 partials, δ-recursion, FD
  });

  it('--json gives the report as data, seeded', async () => {
    const r = await cli('check', '3-2-3-4:arctan_sigmoid:half', '--seed', '7', '--points', '2', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { seed: number; points: number; ok: boolean; rows: { what: string; maxRelError: number; tolerance: number; ok: boolean }[] };
    expect(report).toMatchObject({ seed: 7, points: 2, ok: true });
    expect(report.rows.map((x) => x.what)).toContain('dloss/dw3_4_3');
    for (const row of report.rows) expect(row.maxRelError).toBeLessThanOrEqual(row.tolerance);
  });

  it('on a terminal, a progress line on stderr, cleared at the end; none otherwise', async () => {
    const { code, err } = await cliWith({ isTTY: true }, 'check', '1-1:identity', '--points', '2');
    expect(code).toBe(0);
    expect(err).toBe('\rcheck: point 1/2\rcheck: point 2/2\r\x1b[K');
    expect((await cli('check', '1-1:identity', '--points', '2')).err).toBe('');
  });

  it.each([
    [['check', '2-3-1', '--points', '0'], /bad --points '0'/],
    [['check', '2-3-1', '--points', 'many'], /bad --points 'many'/],
    [['check', '2-3-1', '--points', '100000'], /bad --points '100000': a whole number from 1 to 1,000/],
    [['check', '2-3-1', '--seed', '1.5'], /bad --seed '1.5'/],
    [['check', '2-x-1'], /bad width 'x'/],
    [['check', '2-3-1:nope'], /unknown activation 'nope'/],
    [['check'], /missing required argument/],
  ])('%j → one line on stderr, exit 2', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
