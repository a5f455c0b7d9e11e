/**
 * The HTML page in a real browser (headless Chromium via playwright-core): every equation
 * renders (no KaTeX error element), the page shows exactly the document's displays, KaTeX's
 * fonts are loaded from the page itself, no request leaves file:// (the page works offline), no
 * equation runs off the column; a screenshot is saved to test-artifacts/.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveNetwork, displayCount, parseSpec, renderHtmlPage } from '../../src/node/index.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = resolve('test-artifacts');
const present = existsSync(CHROMIUM);
if (!present) console.warn(`browser test skipped: ${CHROMIUM} is not installed (apt-get install chromium; .ci/run does it)`);

const PAGES: readonly [string, string][] = [
  ['seed000-quadratic', '1-2-1:quadratic'],
  ['sigmoid-2-2-1', '2-2-1:sigmoid,identity'],
  ['seed002-arctan', '3-2-3-4:arctan_sigmoid:half'], // recursive forms and notes
  ['seed004-identity-rows', '3-4-1:identity:rows'], // row layout, β = W1 W2
  ['quadratic-2-2-1', '2-2-1:quadratic'], // a polynomial in two inputs: a long grouped form
];

describe.skipIf(!present)('the HTML page in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(PAGES)('%s (%s) renders completely, offline', async (name, spec) => {
    const { derivation } = deriveNetwork(parseSpec(spec));
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, `${name}.html`);
    writeFileSync(file, renderHtmlPage(derivation));

    const page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
    const outside: string[] = [];
    // Fail every request that is not the page itself (fonts are data: URLs inside it).
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file://') || url.startsWith('data:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith('file://') && !url.startsWith('data:')) outside.push(url);
    });
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    // Runs in the page (a string, so the project's types need no DOM library).
    const facts = (await page.evaluate(`document.fonts.ready.then(() => {
      const displays = [...document.querySelectorAll('.katex-display')];
      return {
        displays: displays.length,
        errors: document.querySelectorAll('.katex-error').length,
        loadedFamilies: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')),
        mainFont: document.fonts.check('1em KaTeX_Main'),
        mathFont: getComputedStyle(document.querySelector('.katex .mathnormal')).fontFamily,
        overflowing: displays.filter((d) => d.scrollWidth > d.clientWidth + 1).map((d) => d.querySelector('annotation').textContent.slice(0, 200)),
      };
    })`)) as { displays: number; errors: number; loadedFamilies: string[]; mainFont: boolean; mathFont: string; overflowing: string[] };
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    await page.close();

    expect(facts.errors).toBe(0);
    expect(facts.displays).toBe(displayCount(derivation));
    expect(facts.loadedFamilies).toContain('KaTeX_Main');
    expect(facts.loadedFamilies).toContain('KaTeX_Math');
    expect(facts.mainFont).toBe(true);
    expect(facts.mathFont).toMatch(/^KaTeX_Math/);
    expect(facts.overflowing).toEqual([]);
    expect(outside).toEqual([]);
  });
});
