#!/usr/bin/env node
/**
 * notebooks/src/NN-name.md → notebooks/NN-name.ipynb (nbformat 4.5, kernel tslab, no outputs).
 *
 * Source format: Markdown prose; every fenced block opened by a line "```ts" and closed by a line
 * "```" becomes one code cell, every stretch of prose between code cells one Markdown cell (a line
 * "<!-- cell -->" splits prose into two cells). Other fences (```text …) stay in the prose.
 * Output is deterministic (cell ids c00, c01, …), so regenerating an unchanged source is a no-op.
 *
 *   node scripts/notebooks-gen.mjs           write every notebook
 *   node scripts/notebooks-gen.mjs --check   exit 1 if a committed .ipynb differs from its source
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const NOTEBOOK_DIR = join(ROOT, 'notebooks');
const SRC_DIR = join(NOTEBOOK_DIR, 'src');

/** Names (without extension) of the notebook sources, in order. */
export const notebookNames = () =>
  readdirSync(SRC_DIR).filter((f) => /^\d\d-.*\.md$/.test(f)).sort().map((f) => f.slice(0, -3));

/** Split a source into cells. */
export function parseCells(text) {
  const cells = [];
  let kind = 'markdown';
  let buf = [];
  const flush = () => {
    const src = buf.join('\n').replace(/^\n+|\s+$/g, '');
    if (kind === 'code' || src !== '') cells.push({ kind, src });
    buf = [];
  };
  for (const line of text.split('\n')) {
    if (kind === 'markdown' && /^```ts\s*$/.test(line)) { flush(); kind = 'code'; continue; }
    if (kind === 'code' && /^```\s*$/.test(line)) { flush(); kind = 'markdown'; continue; }
    if (kind === 'markdown' && line.trim() === '<!-- cell -->') { flush(); continue; }
    buf.push(line);
  }
  if (kind === 'code') throw new Error('unclosed ```ts block');
  flush();
  return cells;
}

const sourceLines = (s) => s.split('\n').map((l, i, a) => (i < a.length - 1 ? `${l}\n` : l));

/** The .ipynb JSON text for a source. */
export function toIpynb(text) {
  const cells = parseCells(text).map((c, i) => {
    const id = `c${String(i).padStart(2, '0')}`;
    return c.kind === 'code'
      ? { cell_type: 'code', execution_count: null, id, metadata: {}, outputs: [], source: sourceLines(c.src) }
      : { cell_type: 'markdown', id, metadata: {}, source: sourceLines(c.src) };
  });
  const nb = {
    cells,
    metadata: {
      kernelspec: { display_name: 'TypeScript', language: 'typescript', name: 'tslab' },
      language_info: { codemirror_mode: { mode: 'typescript', name: 'javascript', typescript: true },
        file_extension: '.ts', mimetype: 'text/typescript', name: 'typescript' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(nb, null, 1)}\n`;
}

function main() {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const name of notebookNames()) {
    const want = toIpynb(readFileSync(join(SRC_DIR, `${name}.md`), 'utf8'));
    const file = join(NOTEBOOK_DIR, `${name}.ipynb`);
    const have = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (have === want) continue;
    if (check) { console.error(`notebooks/${name}.ipynb is out of date with notebooks/src/${name}.md`); stale++; }
    else { writeFileSync(file, want); console.error(`wrote notebooks/${name}.ipynb`); }
  }
  if (stale > 0) {
    console.error('run: node scripts/notebooks-gen.mjs');
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
