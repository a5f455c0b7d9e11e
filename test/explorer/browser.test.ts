/**
 * The explorer in headless Chromium (playwright-core), served by `startExplorer` (the server of
 * `closedform serve`). Every page records every request and every console message: no request
 * may leave the local server and no console error or page error may appear. Checked:
 * - every seed's network, typed and entered: each section arrives; the formulas and gradients the
 *   page shows as text, evaluated by mathjs at a random point, equal the independent numeric
 *   engine's forward pass and backpropagation (src/numeric/engine.ts, which uses no node);
 *   KaTeX renders every formula (no `.katex-error`, KaTeX's fonts loaded from the server);
 * - with a data set, the exact least-squares optimum the page reports equals numpy's lstsq;
 * - a bad spec and a bad CSV show one error line, and the page then computes the next spec;
 * - cancel stops long work (seed 000's network on its data): the worker is replaced, nothing
 *   arrives afterwards, and the next computation runs;
 * - the URL reproduces the view in a fresh page; the .tex download compiles with pdflatex;
 * - `exportExplorer`'s static files, served by Python's http.server, run the same page.
 * Screenshots go to test-artifacts/explorer-*.png.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExplorerServer, engineGradient, engineOutputs, engineParamNames, exportExplorer, paramsFromPoint, parseSpec, readSpec, seededRng, startExplorer } from '../../src/node/index.js';
import { defaultDataCsv } from '../../src/explorer/default-data.js';
import { SECTION_NAMES } from '../../src/explorer/protocol.js';
import { mathjsValue } from '../helpers/oracles.js';

const CHROMIUM = '/usr/bin/chromium';
const PYTHON = '/usr/bin/python3';
const ARTIFACTS = resolve('test-artifacts');
const present = existsSync(CHROMIUM);
if (!present) console.warn(`explorer browser test skipped: ${CHROMIUM} is not installed (apt-get install chromium; .ci/run does it)`);
const hasNumpy = spawnSync(PYTHON, ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;
const hasPdflatex = spawnSync('pdflatex', ['--version'], { stdio: 'ignore' }).status === 0;

/** The seeds' networks (../shared/seeds/), typed as a reader would. */
const SEEDS: readonly [string, string][] = [
  ['seed000', '1-2-1:quadratic'],
  ['seed001', '2-2-2-2:identity'],
  ['seed002', '3-2-3-4:arctan_sigmoid:half'],
  ['seed003', '3-2-1:relu,identity:nobias'],
  ['seed004', '3-4-1:identity:rows'],
];

/** What a page did that it must not: requests off the server, console errors, page errors. */
interface Watch {
  readonly page: Page;
  readonly requests: string[];
  readonly outside: string[];
  readonly problems: string[];
}

let server: ExplorerServer;
let browser: Browser;

async function open(base: string, path = ''): Promise<Watch> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1400 }, acceptDownloads: true });
  const w: Watch = { page, requests: [], outside: [], problems: [] };
  const local = (url: string): boolean => url.startsWith(base) || url.startsWith('blob:') || url.startsWith('data:');
  page.on('request', (r) => {
    w.requests.push(r.url());
    if (!local(r.url())) w.outside.push(r.url());
  });
  // Block anything off the server outright, so a stray request fails instead of reaching the internet.
  await page.route('**/*', (route) => (local(route.request().url()) ? route.continue() : route.abort()));
  page.on('console', (m) => m.type() === 'error' && w.problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => w.problems.push(`page error: ${e.message}`));
  await page.goto(base + path);
  await page.waitForSelector('body[data-worker=ready]', { state: 'attached' });
  return w;
}

async function finish(w: Watch, shot?: string): Promise<void> {
  if (shot !== undefined) {
    mkdirSync(ARTIFACTS, { recursive: true });
    await w.page.screenshot({ path: join(ARTIFACTS, `explorer-${shot}.png`), fullPage: true });
  }
  await w.page.close();
  expect(w.problems).toEqual([]);
  expect(w.outside).toEqual([]);
}

/**
 * Wait until the page is not computing. (Selectors, not waitForFunction: the page's policy forbids
 * the eval that a predicate string needs.)
 */
const settled = (p: Page): Promise<unknown> => p.waitForSelector('body[data-state]:not([data-state=running])', { state: 'attached', timeout: 120_000 });

/** Type into the form and press Enter in the spec box; wait until the page is no longer running. */
async function enter(w: Watch, spec: string, data = ''): Promise<string> {
  const p = w.page;
  if ((await p.getAttribute('#data-box', 'open')) === null) await p.click('#data-box summary');
  await p.fill('textarea[name=data]', data);
  await p.fill('input[name=spec]', spec);
  await p.press('input[name=spec]', 'Enter');
  await settled(p);
  return (await p.evaluate('document.body.dataset.state')) as string;
}

const state = (w: Watch, s: string): Promise<string | null> => w.page.getAttribute(`section[data-section=${s}]`, 'data-state');
const texts = async (w: Watch, section: string): Promise<Record<string, string>> =>
  Object.fromEntries((await w.page.$$eval(`section[data-section=${section}] pre[data-name]`, (els) => els.map((e) => [e.getAttribute('data-name'), e.textContent]))) as [string, string][]);

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

beforeAll(async () => {
  if (!present) return;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
});
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!present)('the explorer in Chromium', () => {
  beforeAll(async () => {
    server = await startExplorer(0);
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each(SEEDS)('%s: %s typed and entered — every section, formulas equal to the numeric engine, KaTeX everywhere', async (name, specText) => {
    const w = await open(server.url);
    expect(await enter(w, specText)).toBe('done');
    for (const s of ['formula', 'gradient', 'special', 'analysis', 'derivation']) expect(await state(w, s)).toBe('done');
    // The pictures: the network's graph, and the loss slice on the default data set (none typed), shown for editing.
    for (const s of ['diagram', 'landscape']) expect(await state(w, s)).toBe('done');
    expect(await w.page.locator('section[data-section=diagram] figure[data-figure=network] > svg > title').count()).toBe(1);
    expect(await w.page.locator('section[data-section=landscape] figure[data-figure=loss-slice] > svg > title').count()).toBe(1);
    expect(await w.page.inputValue('section[data-section=landscape] textarea[name=default-data]')).toBe(defaultDataCsv(readSpec(specText)));
    expect(await w.page.locator('section[data-section=error]').isHidden()).toBe(true);
    expect(new URL(w.page.url()).searchParams.get('spec')).toBe(specText);

    // The formulas as the page prints them, evaluated by mathjs, against the engine at a random point.
    const spec = readSpec(specText);
    const rng = seededRng(11);
    const names = engineParamNames(spec);
    const point = Object.fromEntries(names.map((n) => [n, 2 * rng() - 1]));
    const x = Array.from({ length: spec.widths[0]! }, () => 2 * rng() - 1);
    const y = Array.from({ length: spec.widths.at(-1)! }, () => 2 * rng() - 1);
    const scope = { ...point, ...Object.fromEntries(x.map((v, j) => [`x${j + 1}`, v])), ...Object.fromEntries(y.map((v, k) => [`y${k + 1}`, v])) };
    const params = paramsFromPoint(spec, point);
    const formula = await texts(w, 'formula');
    const outputs = engineOutputs(spec, params, x);
    outputs.forEach((v, k) => expect(close(mathjsValue(formula[`f${k + 1}`]!, scope), v), `f${k + 1}`).toBe(true));
    const gradient = await texts(w, 'gradient');
    const g = engineGradient(spec, params, [{ x, y }]);
    names.forEach((p, i) => expect(close(mathjsValue(gradient[`dL/d${p}`]!, scope), g[i]!), `dL/d${p}`).toBe(true));

    // KaTeX: every formula rendered (the folded derivation too), its fonts from this server.
    await w.page.click('section[data-section=derivation] details summary');
    await w.page.waitForSelector('section[data-section=derivation] details .katex');
    const facts = (await w.page.evaluate(`document.fonts.ready.then(() => ({
      katex: document.querySelectorAll('.katex').length,
      errors: document.querySelectorAll('.katex-error').length,
      families: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')),
    }))`)) as { katex: number; errors: number; families: string[] };
    expect(facts.errors).toBe(0);
    expect(facts.katex).toBeGreaterThan(10);
    expect(facts.families).toEqual(expect.arrayContaining(['KaTeX_Main', 'KaTeX_Math']));
    expect(w.requests.some((u) => /katex\/fonts\/KaTeX_Main-Regular\.woff2$/.test(u))).toBe(true);
    await finish(w, name);
  });

  it('the default data set of the landscape, used: the page computes again with it typed in', async () => {
    const w = await open(server.url);
    await enter(w, '1-1:identity');
    await w.page.click('section[data-section=landscape] .default-data button');
    await settled(w.page);
    const csv = defaultDataCsv(readSpec('1-1:identity'));
    expect(await w.page.inputValue('textarea[name=data]')).toBe(csv);
    expect(new URL(w.page.url()).searchParams.get('data')).toBe(csv);
    // with data, the analysis solves least squares and the landscape marks its critical points
    expect(await w.page.textContent('section[data-section=analysis]')).toMatch(/Least squares over the span of the features/);
    expect(await w.page.locator('section[data-section=landscape] figure[data-figure=fit] svg').count()).toBe(1);
    expect(await w.page.locator('section[data-section=landscape] textarea[name=default-data]').count()).toBe(0);
    await finish(w, 'default-data');
  });

  it('seed 000 is a quartic in x; seed 004 collapses to linear regression, proved; seed 001 has δ in closed form', async () => {
    const w = await open(server.url);
    await enter(w, '1-2-1:quadratic');
    // (b + w(b + wx)²)² has degree 2·2 = 4 in x and 2·(1 + 2·1)… = 6 in the parameters (w₂·w₁² squared)
    expect(await w.page.textContent('section[data-section=special]')).toMatch(/polynomial of degree 4 in the input and 6 in the parameters/);
    await enter(w, '3-4-1:identity:rows');
    const special = (await w.page.textContent('section[data-section=special]'))!;
    expect(special).toMatch(/linear regression/);
    expect(special).toMatch(/Proved: for every output/);
    await enter(w, '2-2-2-2:identity');
    expect(await w.page.textContent('section[data-section=special]')).toMatch(/the δ-recursion, closed/);
    await finish(w);
  });

  it.skipIf(!hasNumpy)('with a data set: the exact least-squares loss the page reports equals numpy lstsq', async () => {
    const csv = readFileSync('examples/line.csv', 'utf8');
    const w = await open(server.url);
    expect(await enter(w, '1-1:identity', csv)).toBe('done');
    const text = (await w.page.textContent('section[data-section=analysis]'))!;
    const reported = Number(/the optimal loss is .*? ≈ ([-0-9.e+]+)/.exec(text)?.[1]);
    const rows = csv.split('\n').filter((l) => /^-?\d/.test(l)).map((l) => l.split(',').map(Number));
    const py = `import numpy as np, json\nd = np.array(json.loads('${JSON.stringify(rows)}'))\nA = np.c_[d[:, 0], np.ones(len(d))]\nr = d[:, 1] - A @ np.linalg.lstsq(A, d[:, 1], rcond=None)[0]\nprint(repr(float(r @ r)))`;
    const numpy = Number(execFileSync(PYTHON, ['-c', py], { encoding: 'utf8' }).trim());
    expect(reported).toBeCloseTo(numpy, 6);
    // the typed data goes into the URL, so the link reproduces the view
    expect(new URL(w.page.url()).searchParams.get('data')).toBe(csv);
    await finish(w, 'line-data');
  });

  it('a bad spec and a bad CSV show one error line; the page keeps working', async () => {
    const w = await open(server.url);
    expect(await enter(w, '1-2-1:fooo')).toBe('error');
    const message = (await w.page.textContent('section[data-section=error] .message'))!;
    // the library's own message for that spec, as one line
    let expected = '';
    try {
      readSpec('1-2-1:fooo');
    } catch (e) {
      expected = (e as Error).message.split('\n')[0]!;
    }
    expect(message).toBe(expected);
    expect(message).not.toMatch(/\n|at .*:\d+:\d+/);
    for (const s of SECTION_NAMES) expect(await w.page.locator(`section[data-section=${s}]`).isHidden()).toBe(true);
    await w.page.screenshot({ path: join(ARTIFACTS, 'explorer-bad-spec.png') });
    expect(await enter(w, '1-1:identity', 'x1,y1\n1,two\n')).toBe('error');
    expect(await w.page.textContent('section[data-section=error] .message')).toMatch(/two/);
    expect(await enter(w, '1-1:identity', '')).toBe('done');
    expect(await w.page.locator('section[data-section=error]').isHidden()).toBe(true);
    expect(await state(w, 'formula')).toBe('done');
    await finish(w);
  });

  it('cancel stops long work (seed 000 on its data): nothing arrives afterwards, the next computation runs', async () => {
    const w = await open(server.url);
    const p = w.page;
    await p.click('#data-box summary');
    await p.fill('textarea[name=data]', readFileSync('examples/quartic.csv', 'utf8'));
    await p.selectOption('select[name=budget]', '60');
    await p.fill('input[name=spec]', '1-2-1:quadratic');
    await p.press('input[name=spec]', 'Enter');
    // the analysis of this network on this data runs for tens of seconds (critical points, strata)
    await p.locator('.status .stage', { hasText: /^analysis/ }).waitFor({ timeout: 60_000 });
    expect(await state(w, 'formula')).toBe('done');
    expect(Number(await p.getAttribute('.status progress', 'value'))).toBeGreaterThan(0);
    expect(await p.isEnabled('button[name=cancel]')).toBe(true);
    await p.click('button[name=cancel]');
    expect(await p.evaluate('document.body.dataset.state')).toBe('cancelled');
    expect(await state(w, 'analysis')).toBe('cancelled');
    expect(await p.textContent('.status .stage')).toMatch(/^cancelled after/);
    await p.screenshot({ path: join(ARTIFACTS, 'explorer-cancelled.png') });
    // the old worker is gone: nothing more arrives, however long we wait
    await p.waitForTimeout(2000);
    expect(await state(w, 'analysis')).toBe('cancelled');
    expect(await p.isDisabled('button[name=cancel]')).toBe(true);
    expect(await enter(w, '1-1:identity', '')).toBe('done');
    await finish(w);
  });

  it('a link reproduces the view; the .tex download compiles', async () => {
    const w = await open(server.url);
    await enter(w, '3-2-1:relu,identity:nobias', 'x1,x2,x3,y1\n1,0,2,1\n0,1,1,2\n2,1,0,0\n');
    const url = w.page.url();
    const before = await texts(w, 'gradient');
    const download = w.page.waitForEvent('download');
    await w.page.click('section[data-section=derivation] .downloads a[download$=".tex"]');
    const tex = readFileSync((await (await download).path())!, 'utf8');
    await finish(w);

    const again = await open(url.slice(0, url.indexOf('?')), url.slice(url.indexOf('?')));
    await again.page.waitForSelector('body[data-state=done]', { state: 'attached', timeout: 60_000 });
    expect(await again.page.inputValue('input[name=spec]')).toBe('3-2-1:relu,identity:nobias');
    expect(await again.page.inputValue('textarea[name=data]')).toBe('x1,x2,x3,y1\n1,0,2,1\n0,1,1,2\n2,1,0,0\n');
    expect(await texts(again, 'gradient')).toEqual(before);
    expect(Object.keys(before)).toContain('L_data');
    await finish(again);

    expect(tex).toMatch(/^\\documentclass/);
    if (hasPdflatex) {
      const dir = mkdtempSync(join(tmpdir(), 'cf-explorer-tex-'));
      try {
        writeFileSync(join(dir, 'd.tex'), tex);
        const r = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'd.tex'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
        expect(r.status, r.stdout.slice(-2000)).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('the seed-000-with-data example button: exact least squares and the critical points with a generic L2 term', async () => {
    const w = await open(server.url);
    await w.page.click('.examples button:has-text("seed 000 with data")');
    await settled(w.page);
    expect(await w.page.inputValue('input[name=spec]')).toBe('1-2-1:quadratic,identity:nobias');
    expect(await w.page.inputValue('select[name=l2]')).toBe('generic');
    const text = (await w.page.textContent('section[data-section=analysis]'))!;
    expect(text).toMatch(/real critical points\s*\d+/);
    expect(await w.page.locator('section[data-section=analysis] table').count()).toBeGreaterThan(1);
    await finish(w, 'seed000-data');
  });
});

describe.skipIf(!present || spawnSync(PYTHON, ['--version'], { stdio: 'ignore' }).status !== 0)('serve --export, on a plain static server', () => {
  let dir: string;
  let python: ChildProcess;
  let base: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cf-explorer-export-'));
    await exportExplorer(join(dir, 'site'));
    // Python's http.server: a static host that knows nothing of closedform (no CSP headers either).
    python = spawn(PYTHON, ['-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', join(dir, 'site')], { stdio: ['ignore', 'pipe', 'pipe'] });
    base = await new Promise<string>((resolve, reject) => {
      const seen = (b: Buffer): void => {
        const m = /port (\d+)/.exec(b.toString());
        if (m) resolve(`http://127.0.0.1:${m[1]}/`);
      };
      python.stdout!.on('data', seen);
      python.stderr!.on('data', seen);
      python.once('exit', (c) => reject(new Error(`http.server exited with ${c}`)));
    });
  });
  afterAll(() => {
    python?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the exported page computes seed 002 from the static files', async () => {
    const w = await open(base);
    expect(await enter(w, '3-2-3-4:arctan_sigmoid:half')).toBe('done');
    const formula = await texts(w, 'formula');
    const spec = parseSpec('3-2-3-4:arctan_sigmoid:half');
    const names = engineParamNames(spec);
    const point = Object.fromEntries(names.map((n, i) => [n, Math.sin(i + 1)]));
    const x = [0.3, -0.2, 0.5];
    const outputs = engineOutputs(spec, paramsFromPoint(spec, point), x);
    outputs.forEach((v, k) => expect(close(mathjsValue(formula[`f${k + 1}`]!, { ...point, x1: x[0]!, x2: x[1]!, x3: x[2]! }), v)).toBe(true));
    await finish(w, 'export');
  });

  it('opened from a file (no web server, so no worker), the page says what to do in one line', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`file://${join(dir, 'site', 'index.html')}`);
      await page.waitForSelector('section[data-section=error]:not([hidden])', { timeout: 30_000 });
      expect(await page.textContent('section[data-section=error] .message')).toMatch(/^this page computes in a Web Worker, which the browser did not start from a file:\/\/ page: open it through a web server/);
      // and typing a spec says the same, instead of waiting for ever
      await page.fill('input[name=spec]', '1-1');
      await page.press('input[name=spec]', 'Enter');
      expect(await page.getAttribute('body', 'data-state')).toBe('error');
    } finally {
      await page.close();
    }
  });
});
