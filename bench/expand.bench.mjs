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
import { buildNetwork, expand, freeSymbols, readSpec, toText, topoOrder } from '../dist/index.js';

export const title = 'Expanding network formulas (closedform vs nerdamer-prime, mathjs, SymPy, Singular)';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CAP_MS = { nerdamer: 30_000, mathjs: 20_000, sympy: 300_000, singular: 60_000 };

// Formulas from the network builder (layer convention; `quadratic` squares every layer, the
// output included; `quadratic,identity` keeps the output linear). The expected term counts are
// Singular's, and check that the formulas are the intended ones.
const CASES = [
  { spec: '1-2-1:quadratic', expect: 26 },
  { spec: '2-2-1:quadratic', expect: 79 },
  { spec: '2-3-1:quadratic', expect: 172 },
  { spec: '3-3-1:quadratic', expect: 436 },
  { spec: '3-4-1:quadratic', expect: 781 },
  { spec: '2-2-2-1:quadratic,identity', loss: true, expect: 4779 },
  { spec: '2-2-2-1:quadratic', loss: true, expect: 392834 },
].map((c) => ({ ...c, name: `${c.loss ? 'loss (f − y)²' : 'output'} of ${c.spec}` }));
const SELECTED = process.env.BENCH_SMALL ? CASES.slice(0, 1) : CASES;

function formula(c) {
  const net = buildNetwork(readSpec(c.spec));
  return c.loss ? net.loss : net.outputs[0];
}

/** Run a child; its stdout's last line is JSON {ms, terms}. */
function child(cmd, args, input, cap) {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', timeout: cap, maxBuffer: 1 << 26, cwd: ROOT });
  if (r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM') return { over: true };
  if (r.status !== 0) {
    // The first line that names an error, else the last line.
    const lines = (r.stderr || r.stdout || '').trim().split('\n');
    const named = lines.find((l) => /^\s*\w*Error\b/.test(l)) ?? lines.slice(-1)[0];
    return { error: named.trim().slice(0, 160) };
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
const { text, cap } = JSON.parse(s);
nerdamer.set('TIMEOUT', cap); // nerdamer gives up after its own TIMEOUT (800 ms by default)
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const t0 = cpu();
const r = nerdamer('expand(' + text + ')');
const ms = cpu() - t0;
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
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const t0 = cpu();
const r = rationalize(node);
const ms = cpu() - t0;
let terms = 0; r.traverse((n, path, parent) => { if (!(n.type === 'OperatorNode' && n.op === '+') && (parent === null || (parent.type === 'OperatorNode' && parent.op === '+'))) terms++; });
console.log(JSON.stringify({ ms, terms }));`;

const SYMPY = `
import sys, json, time, sympy
d = json.load(sys.stdin)
syms = {v: sympy.Symbol(v) for v in d['vars']}
e = sympy.parse_expr(d['text'].replace('^', '**'), local_dict=syms, evaluate=True)
t0 = time.process_time()
r = sympy.expand(e)
ms = (time.process_time() - t0) * 1000
print(json.dumps({'ms': ms, 'terms': len(r.args) if r.is_Add else 1}))`;

/**
 * The formula as Singular statements, one per distinct node of the DAG (`poly tmp5 = tmp3^2;`), so
 * that Singular too computes a shared subexpression once, as closedform's expand does.
 */
function singularShared(e) {
  const name = new Map();
  const lines = [];
  const ref = (n) => name.get(n) ?? toText(n);
  for (const n of topoOrder(e)) {
    if (n.kind === 'num' || n.kind === 'sym') continue;
    const t = `tmp${lines.length}`;
    const body = n.kind === 'add' ? n.args.map(ref).join(' + ') : n.kind === 'mul' ? n.args.map(ref).join('*') : `(${ref(n.base)})^${n.exp.n}`;
    lines.push(`poly ${t} = ${body};`);
    name.set(n, t);
  }
  return { decl: lines.map((l) => l.replace(/ = .*/, ';')).join(' '), body: lines.map((l) => l.replace(/^poly /, '')).join(' '), result: name.get(e) };
}

function singularScript(vars, text, reps, shared) {
  const loop = shared === undefined ? `p = ${text};` : `${shared.body} p = ${shared.result};`;
  return [
    `ring r = 0, (${vars.join(',')}), dp;`,
    'system("--ticks-per-sec", 1000);',
    'poly p; int i;',
    shared === undefined ? '' : shared.decl,
    'int tstart = timer;',
    `for (i = 1; i <= ${reps}; i++) { ${loop} }`,
    'int tstop = timer;',
    `print("{\\"ms\\": " + string(tstop - tstart) + ", \\"reps\\": ${reps}, \\"terms\\": " + string(size(p)) + "}");`,
    'quit;',
    '',
  ].join('\n');
}

/** CPU time of this process in ms (the machine is shared: wall time measures the neighbours). */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const ms = (x) => (x < 0.1 ? x.toPrecision(2) : x < 10 ? x.toFixed(2) : x < 1000 ? x.toFixed(1) : x.toFixed(0));
const ratio = (them, us) => {
  const r = them / us;
  return `${r < 1 ? r.toFixed(2) : r < 10 ? r.toFixed(1) : r.toFixed(0)}×`;
};

export async function run(log) {
  const haveSingular = existsSync('/usr/bin/Singular');
  const havePython = existsSync('/usr/bin/python3') && spawnSync('/usr/bin/python3', ['-c', 'import sympy'], { encoding: 'utf8' }).status === 0;
  const skip = new Set();
  const rows = [];
  for (const c of SELECTED) {
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
      const t0 = cpuMs();
      p = expand(e);
      best = Math.min(best, cpuMs() - t0);
    }
    if (p.n !== c.expect) throw new Error(`${c.name}: ${p.n} terms, expected ${c.expect}`);
    log(`${c.name}: ${p.n} terms in ${ms(best)} ms`);
    const row = { name: c.name, terms: p.n, ours: best };

    if (haveSingular) {
      const reps = p.n > 100_000 ? 3 : p.n > 1000 ? 50 : p.n > 100 ? 2000 : 20000; // ≥ ~10 ms in total: timer ticks are 1 ms
      for (const [key, shared] of [
        ['singular', singularShared(e)],
        ['singularFlat', undefined],
      ]) {
        const s = child('/usr/bin/Singular', ['-q'], singularScript(vars, text, reps, shared), CAP_MS.singular);
        row[key] = s.over ? { over: true } : s.error ? s : { ms: s.ms / s.reps, terms: s.terms };
        log(`  ${key}: ${JSON.stringify(row[key])}`);
      }
    }
    for (const [sys, run] of [
      ['nerdamer', () => child(process.execPath, ['--input-type=module', '-e', NERDAMER], JSON.stringify({ text: renamed, cap: CAP_MS.nerdamer }), CAP_MS.nerdamer)],
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
    if (v.over) return `over cap (${CAP_MS[sys.replace('Flat', '')] / 1000} s) = > ${ratio(CAP_MS[sys.replace('Flat', '')], r.ours)}`;
    if (v.skipped) return 'skipped (over cap on a smaller case)';
    if (v.error) return `error: ${v.error}`;
    const note = v.terms !== r.terms ? ` (${v.terms} terms${sys === 'mathjs' ? ', like terms not collected' : ''})` : '';
    return `${ms(v.ms)} ms = ${ratio(v.ms, r.ours)}${note}`;
  };
  const lines = [
    `Load average at the end: ${os.loadavg().map((x) => x.toFixed(1)).join(', ')} (shared machine: ratios from one run, side by side).`,
    `All times are CPU time of the expansion alone (the machine is shared, so wall time would measure the neighbours). closedform: best of 5–20 runs in-process (\`process.cpuUsage\`); Singular: mean of repeated runs timed with \`timer\` inside Singular; nerdamer-prime and mathjs: one run in a child process (caps ${CAP_MS.nerdamer / 1000} s, ${CAP_MS.mathjs / 1000} s, wall clock); SymPy: \`expand\` timed with \`time.process_time\` inside Python (cap ${CAP_MS.sympy / 1000} s). A ratio is the other system's time over closedform's; "over cap" means more than the cap.`,
    '',
    'Singular gets the formula twice: as one statement per distinct subexpression (shared, as closedform expands the DAG) and as the flat text the other systems get.',
    '',
    '| formula | terms | closedform | Singular (shared) | Singular (flat text) | SymPy | nerdamer-prime | mathjs rationalize |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.name} | ${r.terms} | ${ms(r.ours)} ms | ${cell(r, 'singular')} | ${cell(r, 'singularFlat')} | ${cell(r, 'sympy')} | ${cell(r, 'nerdamer')} | ${cell(r, 'mathjs')} |`),
  ];
  return lines.join('\n');
}
