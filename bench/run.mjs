#!/usr/bin/env node
// Runs every bench/*.bench.mjs in one process, one after the other, and writes bench/RESULTS.md.
// Each bench module exports `title` (string) and `run(log)` → Promise<string> (a Markdown section).
// Benches import the built library (dist/), so `npm run bench` builds first. Run with names
// (`npm run bench -- census`), the sections it ran replace their namesakes in RESULTS.md, each
// with a line saying when; the other sections stay as the last full run left them.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import os from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const sections = [];
const spliced = [];
for (const f of files) {
  const mod = await import(pathToFileURL(join(here, f)).href);
  process.stderr.write(`bench: ${mod.title}\n`);
  const body = await mod.run((s) => process.stderr.write(`  ${s}\n`));
  sections.push(`## ${mod.title}\n\n${body}`);
  spliced.push({ title: mod.title, body });
}
const header = [
  '# Benchmark results',
  '',
  `Produced by \`npm run bench${only.length ? ` -- ${only.join(' ')}` : ''}\` on ${new Date().toISOString().slice(0, 10)},`,
  `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}. Every ratio compares systems timed side by side in this one run.`,
  '',
].join('\n');
const text = `${header}\n${sections.join('\n\n')}\n`;
const results = join(here, 'RESULTS.md');
if (only.length === 0) writeFileSync(results, text);
else if (existsSync(results)) {
  // Replace each section run here (from its heading to the next "## " heading) in RESULTS.md.
  let md = readFileSync(results, 'utf8');
  const day = new Date().toISOString().slice(0, 10);
  for (const { title, body } of spliced) {
    const head = `## ${title}\n`;
    const at = md.indexOf(head);
    const note = `(Run alone with \`npm run bench -- ${only.join(' ')}\` on ${day}, Node ${process.version}, and spliced in here; the other sections are from the last full run.)`;
    const section = `${head}\n${note}\n\n${body}\n`;
    if (at < 0) md = `${md.trimEnd()}\n\n${section}`;
    else {
      const end = md.indexOf('\n## ', at + head.length);
      md = `${md.slice(0, at)}${section}${end < 0 ? '' : md.slice(end)}`;
    }
  }
  writeFileSync(results, md);
}
process.stdout.write(text);
