/**
 * `closedform` (src/index.ts, the package's main entry) runs in a browser: esbuild bundles it for
 * `--platform=browser` with no error and no node-only module in the bundle; no file outside
 * src/node/ and src/cli/ imports a Node built-in or touches Node's globals; and the bundle, loaded
 * into headless Chromium, computes what the same library computes in Node (the oracle: this Node
 * process), from the formula to the numeric engine's check and the HTML page. The bundle's size
 * is printed for the README.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as cf from '../../src/index.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`bundle-in-Chromium test skipped: ${CHROMIUM} is not installed (apt-get install chromium; .ci/run does it)`);

/** Every .ts file under src/, as a path relative to the project. */
function sources(dir = 'src'): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const NODE_ONLY_DIRS = [join('src', 'node') + sep, join('src', 'cli') + sep];
const BUILTINS = new Set(builtinModules);

/** Source without comments, so that prose ("in this process.") is not taken for code. */
const code = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

/** The module specifiers a file imports, re-exports, imports dynamically or requires. */
function specifiers(text: string): string[] {
  const out: string[] = [];
  for (const m of code(text).matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g)) out.push(m[1]!);
  return out;
}

describe('the main entry is browser-clean', () => {
  it('no file outside src/node/ and src/cli/ imports a Node built-in or uses Node globals', () => {
    const offenders: string[] = [];
    const files = sources().filter((f) => !NODE_ONLY_DIRS.some((d) => f.startsWith(d)));
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const s of specifiers(text)) if (s.startsWith('node:') || BUILTINS.has(s) || BUILTINS.has(s.split('/')[0]!)) offenders.push(`${f} imports ${s}`);
      for (const g of code(text).matchAll(/\b(process|Buffer|__dirname|__filename|require)\s*[.([]/g)) offenders.push(`${f} uses ${g[1]}`);
      if (/\bimport\.meta\b/.test(code(text))) offenders.push(`${f} uses import.meta`);
    }
    expect(offenders).toEqual([]);
  });

  it('the checker sees what it must: the node-only folders do import Node built-ins', () => {
    const flagged = sources().filter((f) => specifiers(readFileSync(f, 'utf8')).some((s) => s.startsWith('node:')));
    expect(flagged.map((f) => relative('src', f).split(sep)[0])).toEqual(expect.arrayContaining(['node', 'cli']));
    expect(new Set(flagged.map((f) => relative('src', f).split(sep)[0]))).toEqual(new Set(['node', 'cli']));
  });

  it('esbuild bundles src/index.ts for the browser, without warnings, reaching nothing of src/node/ or src/cli/', async () => {
    const r = await build({ entryPoints: ['src/index.ts'], bundle: true, platform: 'browser', format: 'esm', minify: true, write: false, metafile: true, logLevel: 'silent' });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    const inputs = Object.keys(r.metafile.inputs);
    expect(inputs.filter((i) => i.startsWith('node:') || i.startsWith('src/node/') || i.startsWith('src/cli/'))).toEqual([]);
    expect(inputs).toContain('src/numeric/engine.ts');
    const bytes = r.outputFiles[0]!.contents;
    console.log(`browser bundle of src/index.ts (esbuild --bundle --minify --platform=browser): ${(bytes.length / 1024).toFixed(0)} kB, ${(gzipSync(bytes).length / 1024).toFixed(0)} kB gzipped`);
  });
});

/** The page: a module script that imports the bundle, computes, and leaves the answers as JSON. */
const PAGE = `<!doctype html><title>closedform</title><script type="module">
try {
  const lib = await import('./closedform.js');
  const loss = lib.parse('(w2*sigmoid(w1*x + b1) + b2 - y)^2');
  const g = lib.grad(loss, ['w1', 'b1', 'w2', 'b2']);
  const net = lib.buildNetwork(lib.parseSpec('2-2-1:tanh,identity'));
  const check = lib.checkNetwork(net, { seed: 5, points: 3 });
  const html = lib.renderHtml(lib.deriveNetwork(lib.parseSpec('1-2-1:quadratic')).derivation, { katexCss: '' });
  const point = Object.fromEntries(net.params.map((p, i) => [p, (i + 1) / 10]));
  window.result = JSON.stringify({
    text: String(g.get('w1')),
    latex: lib.toLatex(g.get('w1')),
    bundle: lib.mimeBundle(loss),
    engine: lib.engineOutputs(net.spec, lib.paramsFromPoint(net.spec, point), [0.5, -1]),
    check: { ok: check.ok, rows: check.rows.map((x) => [x.what, x.ok]) },
    pageEquations: (html.match(/class="katex-display"/g) ?? []).length,
    katexErrors: html.includes('katex-error'),
    version: lib.VERSION,
  });
} catch (e) {
  window.failure = String(e && e.stack || e);
}
</script>`;

describe.skipIf(!hasChromium)('the browser bundle in Chromium', () => {
  it('computes what Node computes: gradient, LaTeX, display, the numeric check and the HTML page', async () => {
    const r = await build({ entryPoints: ['src/index.ts'], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
    const bundle = r.outputFiles[0]!.text;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
      const outside: string[] = [];
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url === 'http://closedform.test/') return route.fulfill({ contentType: 'text/html', body: PAGE });
        if (url === 'http://closedform.test/closedform.js') return route.fulfill({ contentType: 'text/javascript', body: bundle });
        outside.push(url);
        return route.abort();
      });
      await page.goto('http://closedform.test/');
      await page.waitForFunction('window.result !== undefined || window.failure !== undefined');
      expect(await page.evaluate('window.failure')).toBeUndefined();
      const got = JSON.parse((await page.evaluate('window.result')) as string);
      // The oracle: the same calls in this Node process.
      const loss = cf.parse('(w2*sigmoid(w1*x + b1) + b2 - y)^2');
      const g = cf.grad(loss, ['w1', 'b1', 'w2', 'b2']);
      const net = cf.buildNetwork(cf.parseSpec('2-2-1:tanh,identity'));
      const check = cf.checkNetwork(net, { seed: 5, points: 3 });
      const point = Object.fromEntries(net.params.map((p, i) => [p, (i + 1) / 10]));
      const derivation = cf.deriveNetwork(cf.parseSpec('1-2-1:quadratic')).derivation;
      expect(got.text).toBe(cf.toText(g.get('w1')!));
      expect(got.latex).toBe(cf.toLatex(g.get('w1')!));
      expect(got.bundle).toEqual(cf.mimeBundle(loss));
      const engine = cf.engineOutputs(net.spec, cf.paramsFromPoint(net.spec, point), [0.5, -1]);
      got.engine.forEach((v: number, k: number) => expect(v).toBeCloseTo(engine[k]!, 12));
      expect(got.check).toEqual({ ok: true, rows: check.rows.map((x) => [x.what, x.ok]) });
      expect(got.pageEquations).toBe(cf.displayCount(derivation));
      expect(got.katexErrors).toBe(false);
      expect(got.version).toBe(cf.VERSION);
      expect(problems).toEqual([]);
      expect(outside).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
