/**
 * The package as a user gets it: `npm pack` (which builds through `prepack`), the tarball
 * installed into a fresh project, both entries imported by a consumer script, and the
 * `closedform` bin run. Checked: what the tarball holds (dist/, examples/, LICENSE; no source maps
 * pointing at unshipped sources, no tests), that installing it on this Node raises no engine
 * warning and brings katex's commander in a version for Node 20, that `closedform/node` loads
 * mathjs only when a numeric computation needs it, that the bin answers `--version` with the
 * package version, runs the README's examples from the installed copy and reads `-` from stdin.
 * The answers are checked against this checkout's library in this process.
 *
 * Slow (a build and an install): one file. The pack runs on a copy of the project, so the
 * build never rewrites the dist/ that other test files read. Skipped, with a message, only when
 * npm is not available.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cf from '../../src/index.js';

const ROOT = resolve('.');
const npm = spawnSync('npm', ['--version'], { encoding: 'utf8' });
const hasNpm = npm.status === 0;
if (!hasNpm) console.warn('npm pack/install test skipped: npm is not available on PATH');

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

let work: string;
let project: string;
let files: string[] = [];
let install: SpawnSyncReturns<string>;

const run = (cmd: string, args: readonly string[], cwd: string, input?: string): SpawnSyncReturns<string> =>
  spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 240_000, ...(input !== undefined ? { input } : {}), env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });

beforeAll(() => {
  if (!hasNpm) return;
  work = mkdtempSync(join(tmpdir(), 'cf-pack-'));
  // A copy of what the package is built from; node_modules linked, not copied.
  const copy = join(work, 'closedform');
  for (const f of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'LICENSE', 'src', 'examples', 'scripts'])
    cpSync(join(ROOT, f), join(copy, f), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  const packed = run('npm', ['pack', '--json', '--pack-destination', work], copy);
  if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  const info = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  files = info[0]!.files.map((f) => f.path);
  project = join(work, 'consumer');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }, null, 2));
  install = run('npm', ['install', join(work, info[0]!.filename)], project);
  if (install.status !== 0) throw new Error(`npm install of the tarball failed: ${install.stderr}`);
}, 600_000);

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!hasNpm)('npm pack, installed into a fresh project', () => {
  it('the tarball holds the build, the examples and the license, and no maps, sources or tests', () => {
    for (const f of ['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts', 'dist/node/index.js', 'dist/node/notebook.js', 'dist/cli/main.js', 'dist/explorer/bundle/app.js', 'dist/explorer/bundle/worker.js', 'examples/quartic.csv'])
      expect(files).toContain(f);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /^(src|test|bench|notebooks)\//.test(f))).toEqual([]);
  });

  it('installs on this Node without an engine warning; katex’s commander runs on Node 20', () => {
    expect(install.stderr).not.toMatch(/EBADENGINE|Unsupported engine/);
    const katexPkg = JSON.parse(readFileSync(join(project, 'node_modules', 'katex', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const commanderFor = (dir: string): { version: string; engines?: { node?: string } } => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const nested = join(project, 'node_modules', 'katex', 'node_modules', 'commander');
    let katexCommander;
    try {
      katexCommander = commanderFor(nested);
    } catch {
      katexCommander = commanderFor(join(project, 'node_modules', 'commander'));
    }
    expect(katexPkg.dependencies['commander']).toBeDefined();
    const min = /^>=\s*(\d+)/.exec(katexCommander.engines?.node ?? '>=0')![1]!;
    expect(Number(min)).toBeLessThanOrEqual(20);
  });

  it('both entries import, and compute what this checkout computes', () => {
    const script = `
      import { createRequire } from 'node:module';
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((f) => f.includes('/node_modules/mathjs/'));
      const node = await import('closedform/node');
      const out = { mathjsOnImport: loaded() };
      const loss = node.parse('(w2*sigmoid(w1*x + b1) + b2 - y)^2');
      out.grad = String(node.grad(loss, ['w1']).get('w1'));
      out.mathjsAfterSymbolic = loaded();
      const net = node.buildNetwork(node.parseSpec('1-2-1:quadratic'));
      out.check = node.checkNetwork(net, { seed: 2, points: 2 }).ok;
      out.mathjsAfterNumeric = loaded();
      out.page = node.renderHtmlPage({ title: 't', steps: [node.prose('x')] }).includes('data:font/woff2;base64,');
      const main = await import('closedform');
      out.sameCore = main.parse('x + y') === node.parse('y + x');
      out.version = main.VERSION;
      out.latex = main.toLatex(main.parse('x^2/2'));
      const nb = await import('closedform/notebook');
      try { nb.show(loss); } catch (e) { out.showOutsideKernel = e.name + ': ' + e.message; }
      console.log(JSON.stringify(out));
    `;
    writeFileSync(join(project, 'consumer.mjs'), script);
    const r = run(process.execPath, ['consumer.mjs'], project);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out).toEqual({
      mathjsOnImport: false,
      grad: cf.toText(cf.grad(cf.parse('(w2*sigmoid(w1*x + b1) + b2 - y)^2'), ['w1']).get('w1')!),
      mathjsAfterSymbolic: false,
      check: true,
      mathjsAfterNumeric: true,
      page: true,
      sameCore: true,
      version: pkg.version,
      latex: cf.toLatex(cf.parse('x^2/2')),
      showOutsideKernel: 'NotebookError: show() needs a running tslab kernel (Jupyter); elsewhere print nodes with console.log or String(e)',
    });
  });

  it('the bin: --version, the README examples from the installed copy, stdin', () => {
    const bin = join(project, 'node_modules', '.bin', 'closedform');
    const version = run(bin, ['--version'], project);
    expect(version.stdout.trim()).toBe(pkg.version);
    const analyze = run(bin, ['analyze', '1-2-1:quadratic', '--data', 'node_modules/closedform/examples/quartic.csv', '--json'], project);
    expect(analyze.stderr).toBe('');
    expect(analyze.status).toBe(0);
    expect(JSON.parse(analyze.stdout).class).toBeDefined();
    const diff = run(bin, ['diff', '-', 'x'], project, 'x^3*sigmoid(x)\n');
    expect(diff.stdout).toBe(`${cf.toText(cf.diff(cf.parse('x^3*sigmoid(x)'), 'x'))}\n`);
    const bad = run(bin, ['diff', 'x^', 'x'], project);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('serve --export writes the explorer from the bundles built into the package (no esbuild in the install)', () => {
    expect(() => createRequire(join(project, 'x.js')).resolve('esbuild')).toThrow();
    const r = run(join(project, 'node_modules', '.bin', 'closedform'), ['serve', '--export', 'site'], project);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const built = join(project, 'node_modules', 'closedform', 'dist', 'explorer', 'bundle', 'worker.js');
    expect(readFileSync(join(project, 'site', 'worker.js')).equals(readFileSync(built))).toBe(true);
    expect(readFileSync(join(project, 'site', 'index.html'), 'utf8')).toContain('<input name="spec"');
  });
});
