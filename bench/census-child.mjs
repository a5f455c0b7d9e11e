// One census system in a fresh process (run by census.bench.mjs): the time of the first run
// with a cold JIT, which is what one `closedform solve` waits for, and the process's peak RSS.
// Usage: node bench/census-child.mjs INDEX → one JSON line on stdout.
import { readFileSync } from 'node:fs';
import { modularGroebner } from '../dist/node/index.js';
import { MAKERS } from './census-systems.mjs';

/** VmHWM of this process in MB: its own resident high-water mark. (getrusage's maxRSS is no good
 *  here: Linux carries the forking parent's maximum across exec into the child's.) */
const peakMB = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN) / 1024;

const s = MAKERS[Number(process.argv[2])]();
const rssBeforeMB = process.memoryUsage().rss / 2 ** 20;
const t = performance.now();
const b = modularGroebner(s.polys, s.vars);
const coldMs = performance.now() - t;
process.stdout.write(`${JSON.stringify({ coldMs, basisSize: b.polys.length, peakRssMB: peakMB(), rssBeforeMB })}\n`);
