#!/usr/bin/env node
// Memory held by the intern table after many throwaway parses (issue 17): parse 200 000
// expressions with fresh names, keep none of them, collect garbage, and print the heap still in
// use. Run with `node --expose-gc bench/intern-memory.mjs [count]` after `npm run build`.
import { parse, internedCount } from '../dist/index.js';

if (typeof globalThis.gc !== 'function') {
  process.stderr.write('run with: node --expose-gc bench/intern-memory.mjs\n');
  process.exit(2);
}
const count = Number(process.argv[2] ?? 200_000);
const heap = () => {
  globalThis.gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
// Let finalisation and any deferred clean-up run between the phases.
const settle = () => new Promise((r) => setTimeout(r, 50));
const kept = parse('(w*x + b - y)^2'); // one live formula, which must survive as the same object
await settle();
const before = heap();
const t0 = performance.now();
for (let i = 0; i < count; i++) parse(`(w${i}*x + b${i} - y)^2 + sigmoid(w${i})`);
const ms = performance.now() - t0;
await settle();
heap();
await settle();
const after = heap();
const same = parse('(w*x + b - y)^2') === kept;
console.log(
  `${count} throwaway parses in ${ms.toFixed(0)} ms; heap ${before.toFixed(1)} MB before, ${after.toFixed(1)} MB after ` +
    `(+${(after - before).toFixed(1)} MB); intern table entries ${internedCount()}; live formula still ===: ${same}`,
);
