/**
 * The figures in a browser (headless Chromium, playwright-core): the browser bundle of
 * src/index.ts draws the same bytes in a page and in a Web Worker (which has no `document`) as
 * this Node process does (the page on a screen of device pixel ratio 2: on a low-resolution
 * screen, Observable Plot shifts strokes by half a pixel for crisp edges, a choice it makes once
 * when it loads, from `window.devicePixelRatio`); and a derive page with every figure of a data set shows each inline
 * `<svg>` inside its `<figure data-figure>` with a caption, laid out inside the column, with no
 * console error and no request leaving the page. Screenshots of the page and of each figure go
 * to test-artifacts/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveNetwork, lossSliceFigure, networkFigure, parseSpec, readCsv, renderHtmlPage } from '../../src/node/index.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = resolve('test-artifacts');
const present = existsSync(CHROMIUM);
if (!present) console.warn(`figure browser tests skipped: ${CHROMIUM} is not installed (apt-get install chromium; .ci/run does it)`);

const DATA = 'x1,y1\n-1,3\n0,1\n1,1\n2,4\n';
/** What the page and the worker draw: the same calls as the Node side below. */
const DRAW = `
  const spec = lib.parseSpec('1-2-1:quadratic,identity');
  const data = lib.readCsv(${JSON.stringify(DATA)}, spec);
  const out = JSON.stringify({
    rows: lib.networkFigure(lib.parseSpec('3-4-1:identity:rows')).svg,
    layer: lib.networkFigure(lib.parseSpec('3-2-3-4:arctan_sigmoid:half')).svg,
    slice: lib.lossSliceFigure(spec, data, { seed: 3 }).svg,
  });`;
const PAGE = `<!doctype html><title>figures</title><script type="module">
try { const lib = await import('./closedform.js'); ${DRAW} window.result = out; } catch (e) { window.failure = String(e && e.stack || e); }
</script>`;
const WORKER = `import * as lib from './closedform.js';
try { ${DRAW} postMessage({ out }); } catch (e) { postMessage({ failure: String(e && e.stack || e) }); }`;
const WORKER_PAGE = `<!doctype html><title>worker</title><script type="module">
const w = new Worker('./worker.js', { type: 'module' });
w.onmessage = (m) => { if (m.data.failure) window.failure = m.data.failure; else window.result = m.data.out; };
w.onerror = (e) => { window.failure = 'worker error: ' + e.message; };
</script>`;

describe.skipIf(!present)('figures in Chromium', () => {
  let browser: Browser;
  let bundle: string;
  beforeAll(async () => {
    bundle = (await build({ entryPoints: ['src/index.ts'], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' })).outputFiles[0]!.text;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  const node = (): Record<string, string> => {
    const spec = parseSpec('1-2-1:quadratic,identity');
    return {
      rows: networkFigure(parseSpec('3-4-1:identity:rows')).svg,
      layer: networkFigure(parseSpec('3-2-3-4:arctan_sigmoid:half')).svg,
      slice: lossSliceFigure(spec, readCsv(DATA, spec), { seed: 3 }).svg,
    };
  };

  it.each([
    ['a page', PAGE],
    ['a Web Worker', WORKER_PAGE],
  ])('the bundle draws in %s the same bytes as Node', async (_where, html) => {
    const page = await browser.newPage({ deviceScaleFactor: 2 });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === 'http://figures.test/') return route.fulfill({ contentType: 'text/html', body: html });
      if (url === 'http://figures.test/closedform.js') return route.fulfill({ contentType: 'text/javascript', body: bundle });
      if (url === 'http://figures.test/worker.js') return route.fulfill({ contentType: 'text/javascript', body: WORKER });
      problems.push(`request off the page: ${url}`);
      return route.abort();
    });
    await page.goto('http://figures.test/');
    await page.waitForFunction('window.result !== undefined || window.failure !== undefined', undefined, { timeout: 120_000 });
    expect(await page.evaluate('window.failure')).toBeUndefined();
    const got = JSON.parse((await page.evaluate('window.result')) as string) as Record<string, string>;
    await page.close();
    expect(got).toEqual(node());
    expect(problems).toEqual([]);
  }, 180_000);

  it('a derive page with a data set shows the network, the loss slice and the fit, each an inline svg with a caption, inside the column', async () => {
    const spec = parseSpec('1-2-1:quadratic,identity');
    const { derivation } = deriveNetwork(spec, { data: readCsv(readFileSync('examples/quadratic.csv', 'utf8'), spec) });
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, 'figures-quadratic-1-2-1.html');
    writeFileSync(file, renderHtmlPage(derivation));
    const page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('request', (r) => {
      if (!r.url().startsWith('file://') && !r.url().startsWith('data:')) problems.push(`request off the page: ${r.url()}`);
    });
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    const facts = (await page.evaluate(`[...document.querySelectorAll('figure[data-figure]')].map((f) => {
      const svg = f.querySelector(':scope > svg');
      const box = svg.getBoundingClientRect();
      const main = document.querySelector('main').getBoundingClientRect();
      return {
        kind: f.getAttribute('data-figure'),
        svgKind: svg.getAttribute('data-figure'),
        title: svg.querySelector(':scope > title').textContent,
        desc: svg.querySelector(':scope > desc').textContent.length,
        caption: f.querySelector('figcaption').textContent.length,
        width: box.width, height: box.height, inside: box.left >= main.left - 1 && box.right <= main.right + 1,
        labelled: document.getElementById(svg.getAttribute('aria-labelledby')) === svg.querySelector(':scope > title'),
      };
    })`)) as { kind: string; svgKind: string; title: string; desc: number; caption: number; width: number; height: number; inside: boolean; labelled: boolean }[];
    await page.screenshot({ path: join(ARTIFACTS, 'figures-quadratic-1-2-1.png'), fullPage: true });
    for (const f of ['network', 'loss-slice', 'fit']) await (await page.$(`figure[data-figure="${f}"]`))!.screenshot({ path: join(ARTIFACTS, `figure-${f}.png`) });
    await page.close();
    expect(facts.map((f) => f.kind)).toEqual(['network', 'loss-slice', 'fit']);
    for (const f of facts) {
      expect(f.svgKind).toBe(f.kind);
      expect(f.title.length).toBeGreaterThan(10);
      expect(f.desc).toBeGreaterThan(50);
      expect(f.caption).toBeGreaterThan(20);
      expect(f.width).toBeGreaterThan(300);
      expect(f.height).toBeGreaterThan(150);
      expect(f.inside).toBe(true);
      expect(f.labelled).toBe(true);
    }
    expect(problems).toEqual([]);
  }, 180_000);
});
