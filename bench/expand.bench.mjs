// Expansion of quadratic-network formulas to their full polynomial, side by side with
// nerdamer-prime, mathjs (rationalize), SymPy (expand) and Singular, all symbolic (weights,
// biases, inputs x and target y). Every system gets the same unexpanded formula text; each
// times only its own expansion (parsing outside the clock where the system allows it).
// Slow systems run in a child process under a time cap and are skipped on larger cases once
// they pass it. Our time is the best of several runs in this process (the machine is shared).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { add, expand, freeSymbols, mul, pow, sub, sym, toText } from '../dist/index.js';

export const title = 'Expanding network formulas (closedform vs nerdamer-prime, mathjs, SymPy, Singular)';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CAP_MS = { nerdamer: 30_000, mathjs: 20_000, sympy: 180_000, singular: 60_000 };

/** Outputs of a dense network in the layer convention; acts[ℓ−1] ∈ {quadratic, identity}, the last repeats. */
function outputs(widths, acts) {
  let a = Array.from({ length: widths[0] }, (_, j) => sym(`x${j + 1}`));
  for (let l = 1; l < widths.length; l++) {
    const act = acts[Math.min(l - 1, acts.length - 1)];
    a = Array.from({ length: widths[l] }, (_, i) => {
      const z = add(...a.map((aj, j) => mul(sym(`w${l}_${i + 1}_${j + 1}`), aj)), sym(`b${l}_${i + 1}`));
      return act === 'quadratic' ? pow(z, 2) : z;
    });
  }
  return a;
}

const CASES = process.env.BENCH_SMALL ? [{ name: 'output of 1-2-1:quadratic', widths: [1, 2, 1], acts: ['quadratic'] }] : [
  { name: 'output of 1-2-1:quadratic', widths: [1, 2, 1], acts: ['quadratic'] },
  { name: 'output of 2-2-1:quadratic', widths: [2, 2, 1], acts: ['quadratic'] },
  { name: 'output of 2-3-1:quadratic', widths: [2, 3, 1], acts: ['quadratic'] },
  { name: 'output of 3-3-1:quadratic', widths: [3, 3, 1], acts: ['quadratic'] },
  { name: 'output of 3-4-1:quadratic', widths: [3, 4, 1], acts: ['quadratic'] },
  { name: 'loss (f − y)² of 2-2-2-1:quadratic,identity', widths: [2, 2, 2, 1], acts: ['quadratic', 'quadratic', 'identity'], loss: true, expect: 4779 },
  { name: 'loss (f − y)² of 2-2-2-1:quadratic', widths: [2, 2, 2, 1], acts: ['quadratic'], loss: true, expect: 392834 },
];

function formula(c) {
  const f = outputs(c.widths, c.acts)[0];
  return c.loss ? pow(sub(f, sym('y1')), 2) : f;
}

/** Run a child; its stdout's last line is JSON {ms, terms}. */
function child(cmd, args, input, cap) {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', timeout: cap, maxBuffer: 1 << 26, cwd: ROOT });
  if (r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM') return { over: true };
  if (r.status !== 0) {
    // The first line that names an error, else the last line.
    const lines = (r.stderr || r.stdout || '').trim().split('\n');
    return { error: lines.find((l) => /Error|error:/.test(l)) ?? lines.slice(-1)[0] };
  }
  const line = r.stdout.trim().split('\n').slice(-1)[0];
  try {
    return JSON.parse(line);
  } catch {
    return { error: `unreadable output: ${line.slice(0, 80)}` };
  }
}

// The child scripts read the formula from stdin: no formula text is spliced into code.
const NERDAMER = `
import nerdamer from 'nerdamer-prime';
let s = ''; for await (const c of process.stdin) s += c;
const { text } = JSON.parse(s);
const t0 = performance.now();
const r = nerdamer('expand(' + text + ')');
const ms = performance.now() - t0;
const out = r.toString();
// Count top-level summands: a + or − at parenthesis depth 0 that is not a leading sign.
let terms = 1, depth = 0;
for (let i = 0; i < out.length; i++) {
  const ch = out[i];
  if (ch === '(') depth++;
  else if (ch === ')') depth--;
  else if (depth === 0 && i > 0 && (ch === '+' || (ch === '-' && !'*^/('.includes(out[i - 1])))) terms++;
}
console.log(JSON.stringify({ ms, terms }));`;

const MATHJS = `
import { rationalize, parse } from 'mathjs';
let s = ''; for await (const c of process.stdin) s += c;
const { text } = JSON.parse(s);
const node = parse(text);
const t0 = performance.now();
const r = rationalize(node);
const ms = performance.now() - t0;
let terms = 0; r.traverse((n, path, parent) => { if (!(n.type === 'OperatorNode' && n.op === '+') && (parent === null || (parent.type === 'OperatorNode' && parent.op === '+'))) terms++; });
console.log(JSON.stringify({ ms, terms }));`;

const SYMPY = `
import sys, json, time, sympy
d = json.load(sys.stdin)
syms = {v: sympy.Symbol(v) for v in d['vars']}
e = sympy.parse_expr(d['text'].replace('^', '**'), local_dict=syms, evaluate=True)
t0 = time.perf_counter()
r = sympy.expand(e)
ms = (time.perf_counter() - t0) * 1000
print(json.dumps({'ms': ms, 'terms': len(r.args) if r.is_Add else 1}))`;

function singularScript(vars, text, reps) {
  return [
    `ring r = 0, (${vars.join(',')}), dp;`,
    'system("--ticks-per-sec", 1000);',
    'poly p; int i;',
    'int t0 = rtimer;',
    `for (i = 1; i <= ${reps}; i++) { p = ${text}; }`,
    'int t1 = rtimer;',
    `print("{\\"ms\\": " + string(t1 - t0) + ", \\"reps\\": ${reps}, \\"terms\\": " + string(size(p)) + "}");`,
    'quit;',
    '',
  ].join('\n');
}

const ms = (x) => (x < 10 ? x.toFixed(2) : x < 1000 ? x.toFixed(1) : x.toFixed(0));
const ratio = (them, us) => (them === undefined ? '' : `${(them / us).toFixed(them / us < 10 ? 1 : 0)}×`);

export async function run(log) {
  const haveSingular = existsSync('/usr/bin/Singular');
  const havePython = existsSync('/usr/bin/python3') && spawnSync('/usr/bin/python3', ['-c', 'import sympy'], { encoding: 'utf8' }).status === 0;
  const skip = new Set();
  const rows = [];
  for (const c of CASES) {
    const e = formula(c);
    const vars = freeSymbols(e);
    const text = toText(e);
    // nerdamer misreads names with two underscores: rename through a table.
    const renamed = vars.reduce((t, v, i) => t.replace(new RegExp(`\\b${v}\\b`, 'g'), `v${i}`), text);

    // closedform: best of several runs after one warm-up.
    let p = expand(e);
    const runs = p.n > 100_000 ? 5 : 20;
    let best = Infinity;
    for (let k = 0; k < runs; k++) {
      const t0 = performance.now();
      p = expand(e);
      best = Math.min(best, performance.now() - t0);
    }
    if (c.expect !== undefined && p.n !== c.expect) throw new Error(`${c.name}: ${p.n} terms, expected ${c.expect}`);
    log(`${c.name}: ${p.n} terms in ${ms(best)} ms`);
    const row = { name: c.name, terms: p.n, ours: best };

    if (haveSingular) {
      const reps = p.n > 100_000 ? 3 : p.n > 1000 ? 20 : 200;
      const s = child('/usr/bin/Singular', ['-q'], singularScript(vars, text, reps), CAP_MS.singular);
      row.singular = s.over ? { over: true } : s.error ? s : { ms: s.ms / s.reps, terms: s.terms };
      log(`  Singular: ${JSON.stringify(row.singular)}`);
    }
    for (const [sys, run] of [
      ['nerdamer', () => child(process.execPath, ['--input-type=module', '-e', NERDAMER], JSON.stringify({ text: renamed }), CAP_MS.nerdamer)],
      ['mathjs', () => child(process.execPath, ['--input-type=module', '-e', MATHJS], JSON.stringify({ text }), CAP_MS.mathjs)],
      ['sympy', () => (havePython ? child('/usr/bin/python3', ['-c', SYMPY], JSON.stringify({ text, vars }), CAP_MS.sympy) : { error: 'not installed' })],
    ]) {
      if (skip.has(sys)) {
        row[sys] = { skipped: true };
        continue;
      }
      row[sys] = run();
      if (row[sys].over) skip.add(sys);
      log(`  ${sys}: ${JSON.stringify(row[sys])}`);
    }
    rows.push(row);
  }

  const cell = (r, sys) => {
    const v = r[sys];
    if (v === undefined) return 'not installed';
    if (v.over) return `over cap (${CAP_MS[sys] / 1000} s)`;
    if (v.skipped) return 'skipped (over cap on a smaller case)';
    if (v.error) return `error: ${v.error}`;
    const note = v.terms !== r.terms ? ` (${v.terms} terms${sys === 'mathjs' ? ', like terms not collected' : ''})` : '';
    return `${ms(v.ms)} ms = ${ratio(v.ms, r.ours)}${note}`;
  };
  const lines = [
    `Load average at the end: ${os.loadavg().map((x) => x.toFixed(1)).join(', ')} (shared machine: ratios from one run, side by side).`,
    `closedform: best of 5–20 runs in-process; Singular: mean of repeated runs timed with \`rtimer\`; nerdamer-prime and mathjs: one run in a child process (caps ${CAP_MS.nerdamer / 1000} s, ${CAP_MS.mathjs / 1000} s); SymPy: \`expand\` timed inside Python (cap ${CAP_MS.sympy / 1000} s). A ratio is the other system's time over closedform's.`,
    '',
    '| formula | terms | closedform | Singular | SymPy | nerdamer-prime | mathjs rationalize |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.name} | ${r.terms} | ${ms(r.ours)} ms | ${cell(r, 'singular')} | ${cell(r, 'sympy')} | ${cell(r, 'nerdamer')} | ${cell(r, 'mathjs')} |`),
  ];
  return lines.join('\n');
}
