/**
 * The explorer without a browser: its files, its server, `closedform serve` and `serve --export`,
 * and the worker's computation run in Node. Oracles: the installed katex package's own font files
 * (byte for byte), the HTTP exchange as node's fetch sees it, the library's parsers for the error
 * lines, numpy for the claim about the default data set, the numeric engine for the formula text.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExplorerFile,
  type ExplorerServer,
  MAX_DOCUMENT_PARAMETERS,
  engineOutputs,
  engineParamNames,
  explorerFiles,
  exportExplorer,
  paramsFromPoint,
  parameterCount,
  parseSpec,
  readCsv,
  readSpec,
  startExplorer,
} from '../../src/node/index.js';
import { explore } from '../../src/explorer/compute.js';
import { defaultDataCsv } from '../../src/explorer/default-data.js';
import { EXAMPLES } from '../../src/explorer/examples.js';
import { SECTION_NAMES, type WorkerMessage } from '../../src/explorer/protocol.js';
import { cli } from '../helpers/cli.js';
import { mathjsValue } from '../helpers/oracles.js';

const KATEX = dirname(createRequire(import.meta.url).resolve('katex'));
const PYTHON = '/usr/bin/python3';
const hasNumpy = spawnSync(PYTHON, ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;

let files: readonly ExplorerFile[];
let server: ExplorerServer;
beforeAll(async () => {
  files = await explorerFiles();
  server = await startExplorer(0);
});
afterAll(async () => {
  await server?.close();
});

describe('the files of the page', () => {
  it('index.html first, with the spec input, the data box and every section; the scripts it names are among the files', () => {
    expect(files[0]!.path).toBe('index.html');
    const html = files[0]!.body.toString('utf8');
    expect(html).toContain('<input name="spec"');
    expect(html).toContain('<textarea name="data"');
    for (const s of [...SECTION_NAMES, 'error']) expect(html).toContain(`data-section="${s}"`);
    for (const e of EXAMPLES) expect(html).toContain(`data-spec="${e.spec}"`);
    const paths = new Set(files.map((f) => f.path));
    for (const m of html.matchAll(/(?:src|href)="([^"]+)"/g)) if (!m[1]!.startsWith('data:')) expect(paths).toContain(m[1]);
    // nothing the page names is on another host
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
  });

  it("KaTeX's stylesheet names only woff2 fonts beside it, each byte for byte the installed katex font", () => {
    const css = files.find((f) => f.path === 'katex/katex.min.css')!.body.toString('utf8');
    const named = [...css.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThanOrEqual(20);
    for (const u of named) {
      expect(u).toMatch(/^fonts\/KaTeX_[A-Za-z0-9_-]+\.woff2$/);
      const served = files.find((f) => f.path === `katex/${u}`);
      expect(served, u).toBeDefined();
      expect(served!.body.equals(readFileSync(join(KATEX, u)))).toBe(true);
    }
    // every woff2 KaTeX ships is there (no font the stylesheet might ask for is missing)
    const shipped = readdirSync(join(KATEX, 'fonts')).filter((f) => f.endsWith('.woff2'));
    expect(files.filter((f) => f.path.startsWith('katex/fonts/')).map((f) => f.path.slice('katex/fonts/'.length)).sort()).toEqual(shipped.sort());
  });

  it('the worker bundle holds the library, the page script does not', () => {
    const app = files.find((f) => f.path === 'app.js')!.body.toString('utf8');
    const worker = files.find((f) => f.path === 'worker.js')!.body.toString('utf8');
    expect(worker.length).toBeGreaterThan(500_000);
    expect(app.length).toBeLessThan(20_000);
    expect(worker).toMatch(/katex/i);
    expect(app).not.toMatch(/katex-display|mathjs/);
  });
});

describe('the server', () => {
  it('serves every file with its type; / is the page; unknown paths are 404, other methods 405', async () => {
    for (const f of files) {
      const r = await fetch(server.url + f.path);
      expect(r.status, f.path).toBe(200);
      expect(r.headers.get('content-type')).toBe(f.type);
      expect(Buffer.from(await r.arrayBuffer()).equals(f.body)).toBe(true);
    }
    const root = await fetch(server.url);
    expect(await root.text()).toBe(files[0]!.body.toString('utf8'));
    expect((await fetch(`${server.url}nothing.js`)).status).toBe(404);
    expect((await fetch(`${server.url}%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(server.url, { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it("the page's policy allows only its own origin and no eval; the worker's allows eval for compiled formulas", async () => {
    const page = (await fetch(server.url)).headers.get('content-security-policy')!;
    expect(page).toMatch(/default-src 'self'/);
    expect(page).not.toMatch(/unsafe-eval|https?:|\*/);
    const worker = (await fetch(`${server.url}worker.js`)).headers.get('content-security-policy')!;
    expect(worker).toMatch(/script-src 'self' 'unsafe-eval'/);
  });

  it('a port in use is one line', async () => {
    await expect(startExplorer(server.port)).rejects.toThrow(/^port \d+ is in use: choose another with --port, or --port 0 for a free one$/);
  });
});

describe('closedform serve', () => {
  it('--export DIR writes the same bytes the server serves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cf-export-'));
    try {
      const r = await cli('serve', '--export', join(dir, 'site'));
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`${files.length} files`));
      for (const f of files) expect(readFileSync(join(dir, 'site', f.path)).equals(f.body), f.path).toBe(true);
      expect((await exportExplorer(join(dir, 'again'))).length).toBe(files.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('bad options are one line, exit 2', async () => {
    for (const [args, message] of [
      [['--port', 'eighty'], /^closedform: bad --port 'eighty': an integer from 0 to 65535 \(0 picks a free port\)\n$/],
      [['--port', '70000'], /^closedform: bad --port '70000'/],
      [['--port', '0', '--export', 'x'], /^closedform: --port and --export are alternatives/],
    ] as const) {
      const r = await cli('serve', ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
    }
  });

  it('serve --port 0 prints http://127.0.0.1:PORT/ on its first line, serves the page, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const first = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (b: Buffer) => {
          out += b.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0]!);
        });
        child.once('exit', (c) => reject(new Error(`serve exited with ${c}`)));
      });
      expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await fetch(first);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<input name="spec"');
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});

/** Run the worker's computation in this process, collecting what it posts. */
function run(spec: string, data = ''): WorkerMessage[] {
  const got: WorkerMessage[] = [];
  explore(7, { spec, data, l2: 'none', budget: 5 }, (m) => got.push(m));
  return got;
}

describe("the worker's computation, in Node", () => {
  it('posts the formula first and the landscape last, then done; progress only rises', () => {
    const got = run('1-2-1:quadratic');
    const sections = got.flatMap((m) => (m.kind === 'section' ? [m.section] : []));
    expect(sections.map((s) => s.name)).toEqual(['formula', 'gradient', 'diagram', 'special', 'analysis', 'derivation', 'landscape']);
    expect(got.at(-1)!.kind).toBe('done');
    const fractions = got.flatMap((m) => (m.kind === 'progress' ? [m.fraction] : []));
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(got.every((m) => m.kind === 'ready' || m.id === 7)).toBe(true);
    const derivation = sections.find((s) => s.name === 'derivation')!;
    expect(derivation.downloads!.map((d) => d.file)).toEqual(['closedform-1-2-1-quadratic.tex', 'closedform-1-2-1-quadratic.md', 'closedform-1-2-1-quadratic-network.svg']);
    // the Markdown links the figure file offered beside it
    expect(derivation.downloads![1]!.text).toContain('](closedform-1-2-1-quadratic-network.svg)');
    expect(derivation.downloads![2]!.text).toMatch(/^<svg/);
    // the landscape names the data set it used when none was typed
    expect(sections.find((s) => s.name === 'landscape')!.defaultData).toBe(defaultDataCsv(parseSpec('1-2-1:quadratic')));
  });

  it('the text form of the formula is the network: mathjs on it equals the numeric engine', () => {
    const spec = readSpec('2-2-1:sigmoid,identity');
    const html = run('2-2-1:sigmoid,identity').flatMap((m) => (m.kind === 'section' && m.section.name === 'formula' ? [m.section.html.join('')] : []))[0]!;
    const text = /<pre data-name="f1">([^<]*)<\/pre>/.exec(html)![1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    const point = Object.fromEntries(engineParamNames(spec).map((n, i) => [n, Math.cos(i + 2)]));
    const x = [0.7, -1.3];
    const [v] = engineOutputs(spec, paramsFromPoint(spec, point), x);
    expect(mathjsValue(text, { ...point, x1: x[0]!, x2: x[1]! })).toBeCloseTo(v!, 12);
  });

  it.each([
    ['1-2-1:fooo', ''],
    ['1-1:identity', 'x1,y1\n1,two\n'],
    ['1-1:identity', 'x1,x2,y1\n1,2,3\n'],
    ['{"widths": [1, 1]', ''],
  ])('bad input %j (data %j) posts exactly the parser\'s one line and nothing more', (spec, data) => {
    let expected = '';
    try {
      readCsv(data === '' ? 'x1,y1\n0,0\n' : data, readSpec(spec));
    } catch (e) {
      expected = (e as Error).message.split('\n')[0]!;
    }
    expect(expected).not.toBe('');
    const got = run(spec, data).filter((m) => m.kind !== 'progress');
    expect(got).toEqual([{ kind: 'error', id: 7, message: expected }]);
  });

  it('an empty spec asks for one', () => {
    expect(run('  ').filter((m) => m.kind !== 'progress')).toEqual([{ kind: 'error', id: 7, message: 'type a network spec, e.g. 1-2-1:quadratic' }]);
  });

  it('a part past its budget is refused in its own section and the rest goes on', () => {
    const spec = '20-15-1:tanh,identity';
    expect(parameterCount(parseSpec(spec))).toBeGreaterThan(MAX_DOCUMENT_PARAMETERS);
    const sections = run(spec).flatMap((m) => (m.kind === 'section' ? [m.section] : []));
    const derivation = sections.find((s) => s.name === 'derivation')!;
    expect(derivation.status).toBe('refused');
    expect(derivation.html.join('')).toMatch(/has 331 parameters, past the 300 a derivation document lists/);
    for (const s of ['formula', 'gradient', 'special', 'analysis']) expect(sections.find((x) => x.name === s)!.status).toBe('done');
    // the gradient section typesets the first partials and says so; the text form has all 331
    const gradient = sections.find((s) => s.name === 'gradient')!.html.join('');
    expect(gradient).toMatch(/The first 50 of the 331 partial derivatives are typeset/);
    expect(gradient.match(/<pre data-name="dL\/d/g)!.length).toBe(331);
  });
});

describe('the default data set of the landscape', () => {
  it('is the documented one for one input, and reads as a data set for every seed network', () => {
    expect(defaultDataCsv(parseSpec('1-2-1:quadratic'))).toBe('x1,y1\n-2,3/2\n-1,0\n0,-1/2\n1,0\n2,3/2\n');
    for (const e of EXAMPLES) {
      const spec = readSpec(e.spec);
      const d = readCsv(defaultDataCsv(spec), spec);
      expect(d.inputs.length).toBe(5);
      expect(d.inputs[0]!.length).toBe(spec.widths[0]);
      expect(d.targets[0]!.length).toBe(spec.widths.at(-1));
    }
  });

  it.skipIf(!hasNumpy)('a linear model does not fit it exactly (numpy lstsq leaves a residual), for 1 to 3 inputs', () => {
    for (const n0 of [1, 2, 3]) {
      const csv = defaultDataCsv(parseSpec(`${n0}-1:identity`));
      const rows = csv.trim().split('\n').slice(1).map((l) => l.split(',').map((v) => (v.includes('/') ? Number(v.split('/')[0]) / Number(v.split('/')[1]) : Number(v))));
      const py = `import numpy as np, json\nd = np.array(json.loads('${JSON.stringify(rows)}'))\nA = np.c_[d[:, :-1], np.ones(len(d))]\nr = d[:, -1] - A @ np.linalg.lstsq(A, d[:, -1], rcond=None)[0]\nprint(repr(float(r @ r)))`;
      const residual = Number(spawnSync(PYTHON, ['-c', py], { encoding: 'utf8' }).stdout.trim());
      expect(residual, `${n0} inputs`).toBeGreaterThan(0.1);
    }
  });
});
