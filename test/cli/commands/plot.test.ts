/**
 * `closedform plot` and the figure files of `derive --out FILE.md`: bad kinds, parameters and data
 * are one line on stderr with exit code 2; --out writes the SVG; two separate processes write the
 * same bytes; a Markdown page links exactly the .svg files written beside it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { networkFigure, parseSpec } from '../../../src/index.js';
import { cli } from '../../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cf-plot-'));

describe('closedform plot', () => {
  it.each([
    [['plot', '1-2-1', '--kind', 'pie'], /^closedform: unknown --kind 'pie': use network or slice or line or fit or descent or regions\n$/],
    [['plot', '1-2-1'], /required option '--kind <kind>'/],
    [['plot', '1-1', '--kind', 'slice'], /--kind slice plots the loss on a data set: give --data FILE\.csv/],
    [['plot', '1-1', '--kind', 'network', '--data', 'examples/line.csv'], /takes no --data/],
    [['plot', '1-1:identity', '--kind', 'slice', '--data', 'examples/line.csv', '--params', 'w1_1_1,w7_1_1'], /unknown parameter 'w7_1_1' in --params/],
    [['plot', '1-1:identity', '--kind', 'slice', '--data', 'examples/line.csv', '--params', 'w1_1_1'], /exactly two parameters/],
    [['plot', '1-1:identity', '--kind', 'network', '--params', 'w1_1_1,b1_1'], /--params chooses the two parameters of --kind slice/],
    [['plot', '1-1:identity', '--kind', 'line', '--data', 'examples/line.csv', '--from', 'w1_1_1:2'], /bad --from 'w1_1_1:2'/],
    [['plot', '2-1:identity', '--kind', 'fit', '--data', 'examples/line.csv'], /one-input networks; 2-1 has 2 inputs/],
    [['plot', '1-1:identity', '--kind', 'slice', '--data', 'examples/quadratic.csv', '--out', 'x.png'], /must end in \.svg/],
    [['plot', '1-1:identity:nobias', '--kind', 'slice', '--data', 'examples/line.csv'], /a loss slice needs two parameters; the network 1-1 has 1/],
    [['plot', '1-1', '--kind', 'slice', '--data', '/nonexistent.csv'], /cannot read data file/],
    [['plot', '1-2-1:relu,identity', '--kind', 'regions', '--data', 'examples/line.csv'], /--kind regions draws two-input networks; 1-2-1 has 1 inputs/],
    [['plot', '2-1:identity', '--kind', 'regions', '--data', 'examples/relu-plane.csv'], /--kind regions draws the linear regions at the exact optimum of a two-input relu network/],
  ])('%j: one line, exit 2', async (argv, message) => {
    const r = await cli(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.out).toBe('');
  }, 60_000);

  it('network: SVG on stdout, the library’s bytes', async () => {
    const r = await cli('plot', '3-4-1:identity:rows', '--kind', 'network');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${networkFigure(parseSpec('3-4-1:identity:rows')).svg}\n`);
  });

  it('two processes write the same slice, byte for byte (--seed fixes the analysis and the descent)', () => {
    const files = ['a.svg', 'b.svg'].map((f) => join(dir, f));
    for (const f of files) {
      const p = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'plot', '1-1-1:identity', '--kind', 'slice', '--data', 'examples/line.csv', '--seed', '4', '--out', f], { encoding: 'utf8', timeout: 120_000 });
      expect(p.status, p.stderr).toBe(0);
      expect(p.stdout).toMatch(/^.*a\.svg: Loss over|^.*b\.svg: Loss over/);
    }
    const [a, b] = files.map((f) => readFileSync(f, 'utf8'));
    expect(a!.length).toBeGreaterThan(10_000);
    expect(a).toBe(b);
  }, 240_000);

  it.each(['line', 'fit', 'descent'])('%s --json: the title, description and size, with the file written', async (kind) => {
    const out = join(dir, `${kind}.svg`);
    const r = await cli('plot', '1-1-1:identity', '--kind', kind, '--data', 'examples/line.csv', '--out', out, '--json');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as { kind: string; bytes: number; path: string; description: string };
    expect(j.kind).toBe(kind === 'line' ? 'loss-line' : kind);
    expect(readFileSync(out, 'utf8').length).toBe(j.bytes);
    expect(j.description.length).toBeGreaterThan(50);
  }, 60_000);
});

describe('derive --out FILE.md', () => {
  it('writes the figures beside the page, and the page links exactly those', async () => {
    const md = join(dir, 'regression.md');
    const r = await cli('derive', '1-1:identity', '--data', 'examples/line.csv', '--out', md);
    expect(r.code, r.err).toBe(0);
    const links = [...readFileSync(md, 'utf8').matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(links).toEqual(['regression-network.svg', 'regression-loss-slice.svg', 'regression-fit.svg']);
    for (const l of links) {
      expect(existsSync(join(dir, l))).toBe(true);
      expect(r.out).toContain(join(dir, l));
      expect(readFileSync(join(dir, l), 'utf8')).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    }
  }, 60_000);
});
