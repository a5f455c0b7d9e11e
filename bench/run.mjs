#!/usr/bin/env node
// Runs every bench/*.bench.mjs in one process, one after the other, and writes bench/RESULTS.md.
// Each bench module exports `title` (string) and `run(log)` → Promise<string> (a Markdown section).
// Benches import the built library (dist/), so `npm run bench` builds first.
import { readdirSync, writeFileSync } from 'node:fs';
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
for (const f of files) {
  const mod = await import(pathToFileURL(join(here, f)).href);
  process.stderr.write(`bench: ${mod.title}\n`);
  sections.push(`## ${mod.title}\n\n${await mod.run((s) => process.stderr.write(`  ${s}\n`))}`);
}
const header = [
  '# Benchmark results',
  '',
  `Produced by \`npm run bench${only.length ? ` -- ${only.join(' ')}` : ''}\` on ${new Date().toISOString().slice(0, 10)},`,
  `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}. Every ratio compares systems timed side by side in this one run.`,
  '',
].join('\n');
const text = `${header}\n${sections.join('\n\n')}\n`;
if (only.length === 0) writeFileSync(join(here, 'RESULTS.md'), text);
process.stdout.write(text);
