// The explorer page in headless Chromium: time from Enter in the spec box to the formula shown
// (the page's own clock, from the submit event to the section in the DOM, and the wall clock seen
// from here), and to every section; the size of what the page loads. Uses the built package's
// server and bundles (dist/), as `closedform serve` does.
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { explorerFiles, startExplorer } from '../dist/node/index.js';

export const title = 'The explorer page: Enter to formula, and the bundle';

const CHROMIUM = '/usr/bin/chromium';
const SPECS = ['2-2-1', '3-2-3-4', '1-2-1:quadratic', '3-2-3-4:arctan_sigmoid:half'];
const REPEATS = 5;

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const kB = (n) => `${(n / 1024).toFixed(0)} kB`;

/** One computation: Enter, then the formula (page clock and wall clock), then everything (page clock). */
async function once(page, spec) {
  await page.fill('input[name=spec]', spec);
  const t0 = performance.now();
  await page.press('input[name=spec]', 'Enter');
  await page.waitForSelector('section[data-section=formula][data-state=done]', { state: 'attached' });
  const wall = performance.now() - t0;
  const formula = Number(await page.getAttribute('section[data-section=formula]', 'data-millis'));
  const arrived = Number(await page.getAttribute('section[data-section=formula]', 'data-arrived'));
  await page.waitForSelector('body[data-state=done]', { state: 'attached', timeout: 120_000 });
  const all = Math.max(...(await page.$$eval('section[data-millis]', (els) => els.map((e) => Number(e.getAttribute('data-millis'))))));
  return { formula, arrived, wall, all };
}

export async function run(log) {
  const files = await explorerFiles();
  const size = (p) => files.find((f) => f.path === p).body;
  const total = files.reduce((s, f) => s + f.body.length, 0);
  const sizes = [
    '| file | size | gzipped |',
    '|---|---:|---:|',
    ...['index.html', 'app.js', 'worker.js', 'katex/katex.min.css'].map((p) => `| ${p} | ${kB(size(p).length)} | ${kB(gzipSync(size(p)).length)} |`),
    `| katex/fonts/ (${files.filter((f) => f.path.startsWith('katex/fonts/')).length} woff2) | ${kB(files.filter((f) => f.path.startsWith('katex/fonts/')).reduce((s, f) => s + f.body.length, 0))} | — |`,
    `| everything | ${kB(total)} | — |`,
  ];
  if (!existsSync(CHROMIUM)) return `${sizes.join('\n')}\n\nChromium (${CHROMIUM}) is not installed: no timings.`;
  const server = await startExplorer(0);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const rows = [
    '| network | first (fresh page): answer / shown | repeated, median of 5: answer / shown | wall clock | Enter → every section |',
    '|---|---:|---:|---:|---:|',
  ];
  let ready = [];
  try {
    for (const spec of SPECS) {
      const page = await browser.newPage();
      const t = performance.now();
      await page.goto(server.url);
      await page.waitForSelector('body[data-worker=ready]', { state: 'attached' });
      ready.push(performance.now() - t);
      const first = await once(page, spec);
      const again = [];
      for (let i = 0; i < REPEATS; i++) again.push(await once(page, spec));
      log(`${spec}: first ${first.formula.toFixed(0)} ms, repeated ${median(again.map((r) => r.formula)).toFixed(0)} ms`);
      const ms = (key) => `${median(again.map((r) => r[key])).toFixed(0)} ms`;
      rows.push(`| \`${spec}\` | ${first.arrived.toFixed(0)} / ${first.formula.toFixed(0)} ms | ${ms('arrived')} / ${ms('formula')} | ${ms('wall')} | ${ms('all')} |`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return [
    'Time from Enter in `input[name=spec]` to the formula on the page, typeset (target: under 1 s). Page clock, from the submit event:',
    '"answer" when the worker\'s formula section arrives (`data-arrived`), "shown" when all of it is in the DOM (`data-millis`; the page',
    'inserts a section a slice at a time, painting in between). The wall clock runs from the key press sent by playwright to the selector',
    `seen. "First" is the first computation of a fresh page, once its worker has loaded (page load to worker ready: median ${median(ready).toFixed(0)} ms).`,
    '"Every section" ends with the landscape, which without a typed data set runs gradient descent on the default one.',
    '',
    rows.join('\n'),
    '',
    'What the page loads (served by `closedform serve`; the library is in worker.js, KaTeX fonts only as the formulas need them):',
    '',
    sizes.join('\n'),
  ].join('\n');
}
