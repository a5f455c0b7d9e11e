/**
 * `closedform derive` and `closedform demo` through the CLI function: files written in each
 * format, the summary, --help with examples, and every bad input as one line with exit code 2.
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'closedform-derive-'));

describe('derive', () => {
  it.each([
    ['seed000.html', /^<!doctype html>/],
    ['seed000.tex', /^\\documentclass/],
    ['seed000.md', /^# Derivation of the network 1-2-1:quadratic/],
  ])('writes %s', async (file, head) => {
    const path = join(dir, 'sub', file);
    const r = await cli('derive', '1-2-1:quadratic', '--out', path);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/displayed equations, 7 parameters; numeric check passed/);
    expect(readFileSync(path, 'utf8')).toMatch(head);
  });

  it('--params, --data and --json', async () => {
    const csv = join(dir, 'points.csv');
    writeFileSync(csv, 'x1,y1\n1,3\n2,5\n');
    const path = join(dir, 'reg.md');
    const r = await cli('derive', '1-1:identity', '--params', 'w1_1_1', '--data', csv, '--out', path, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ path, parameters: 2, checkOk: true });
    const md = readFileSync(path, 'utf8');
    expect(md).toContain('## Over the data set');
    expect(md).toContain('\\frac{\\partial L_{\\text{data}}}{\\partial w^{(1)}_{1,1}}');
    expect(md).not.toContain('\\frac{\\partial L_{\\text{data}}}{\\partial b^{(1)}_{1}}');
  });

  it.each([
    ['1-1-1:identity', 'x1,y1\n0,1\n1,3\n2,4\n'], // positive-dimensional critical set: the advice to regularise
    ['1-2-1:quadratic', 'x1,y1\n-1,1\n0,4\n1,1\n'], // refused critical system: the advice to try a smaller variant
    ['1-2-1:sigmoid,identity', 'x1,y1\n0,1\n1,2\n'], // transcendental: the advice to use a Taylor surrogate
  ])('derive %s --data: the document advises no option derive lacks (options of analyze come as an analyze command)', async (spec, data) => {
    const csv = join(dir, `advice-${spec.replace(/\W/g, '')}.csv`);
    writeFileSync(csv, data);
    const path = join(dir, `advice-${spec.replace(/\W/g, '')}.md`);
    const r = await cli('derive', spec, '--data', csv, '--out', path);
    expect(r.code).toBe(0);
    // derive's own options, read from its --help (the independent list)
    const help = (await cli('derive', '--help')).out;
    const own = new Set([...help.matchAll(/^\s+(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]!));
    expect(own).toContain('--data');
    const md = readFileSync(path, 'utf8');
    // every option mentioned outside a quoted `closedform analyze …` command is one of derive's
    const outside = md.replace(/`closedform analyze [^`]*`/g, '');
    const mentioned = [...outside.matchAll(/(?<![\w-])--[a-z][a-z0-9-]*/g)].map((m) => m[0]);
    expect(mentioned.filter((o) => !own.has(o))).toEqual([]);
    expect(md).toMatch(/`closedform analyze [^`]*--(l2|taylor)/);
  }, 60_000);

  it('--help shows examples', async () => {
    const r = await cli('derive', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Examples:');
    expect(r.out).toContain('closedform derive 1-2-1:quadratic --out');
  });

  it.each([
    [['derive', '1-2-1', '--out', 'x.pdf'], /file must end in \.html, \.tex or \.md/],
    [['derive', '1-2-1'], /required option '--out <file>'/],
    [['derive', '1-2-1', '--params', 'w9_9_9', '--out', 'x.md'], /unknown parameter 'w9_9_9'/],
    [['derive', '1-x-1', '--out', 'x.md'], /bad width 'x'/],
    [['derive', '1-2-1', '--data', '/nonexistent/d.csv', '--out', 'x.md'], /cannot read data file/],
    [['derive', '1-2-1', '--points', '0', '--out', 'x.md'], /bad --points '0': a whole number from 1 to/],
    [['derive', '1-2-1:nope', '--out', 'x.md'], /nope/],
    [['derive', '20-20-1', '--out', 'x.md'], /441 parameters, past the 300 a derivation document lists/],
  ])('%j is one line on stderr, exit code 2', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('a bad data file names the problem', async () => {
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, 'x1,y1\n1\n');
    const r = await cli('derive', '1-1:identity', '--data', csv, '--out', join(dir, 'bad.md'));
    expect(r.code).toBe(2);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('demo (the main job of npm start)', () => {
  it('derives seed 000 and a sigmoid network into the folder and lists the paths', async () => {
    const out = join(dir, 'demo');
    const r = await cli('demo', '--out-dir', out);
    expect(r.code).toBe(0);
    for (const base of ['seed000-quadratic-1-2-1', 'sigmoid-2-2-1'])
      for (const ext of ['.html', '.tex', '.md']) {
        expect(existsSync(join(out, base + ext))).toBe(true);
        expect(r.out).toContain(join(out, base + ext));
      }
    expect(r.out.match(/numeric check passed/g)).toHaveLength(2);
  });
});
