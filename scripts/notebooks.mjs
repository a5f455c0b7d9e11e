#!/usr/bin/env node
/**
 * Execute the notebooks headless and fail if any cell fails.
 *
 *   node scripts/notebooks.mjs [--no-gen] [name…]      (npm run notebooks)
 *
 * 1. builds the library when dist/ is missing or older than src/ (the notebooks import dist/);
 * 2. regenerates notebooks/*.ipynb from notebooks/src/*.md (a no-op when they are in sync; skipped
 *    with --no-gen, which runs the committed .ipynb files as they are — the tests do that);
 * 3. writes the tslab kernel spec into notebooks/.jupyter/kernels/tslab (project-local, found
 *    through JUPYTER_PATH: nothing is installed system-wide);
 * 4. runs `python3 -m jupyter nbconvert --to notebook --execute` on each notebook, writing the
 *    executed copy (with outputs) to notebooks/.executed/;
 * 5. on a failure, names the notebook and the cell, and prints the cell's error output;
 * 6. when every notebook ran and passed, renders the executed copies as Markdown into
 *    notebooks/rendered/ (scripts/notebooks-render.mjs), the copy a code host shows.
 * Exit code: 0 all passed, 1 a notebook failed, 3 Jupyter or the tslab kernel is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NOTEBOOK_DIR, notebookNames } from './notebooks-gen.mjs';
import { RENDERED_DIR, renderAll } from './notebooks-render.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PYTHON = process.env.CLOSEDFORM_PYTHON ?? '/usr/bin/python3';
const JUPYTER_DIR = join(NOTEBOOK_DIR, '.jupyter');
const EXECUTED_DIR = join(NOTEBOOK_DIR, '.executed');
/** Seconds one cell may run. The slowest cell (a Gröbner basis in 01) takes a few seconds. */
const CELL_TIMEOUT_S = 300;

/** Newest modification time under a directory. */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Is Jupyter (nbconvert + nbclient) importable from PYTHON, and tslab present? */
export function prerequisites() {
  const py = spawnSync(PYTHON, ['-c', 'import nbconvert, nbclient, jupyter_client'], { encoding: 'utf8' });
  if (py.error || py.status !== 0) return `Jupyter is not installed for ${PYTHON} (apt: jupyter-nbconvert jupyter-client)`;
  if (!existsSync(join(ROOT, 'node_modules', '.bin', 'tslab'))) return 'tslab is not installed (npm install)';
  return undefined;
}

/** Build dist/ when it is missing or older than src/; throws if the build fails. */
export function buildIfNeeded() {
  const dist = join(ROOT, 'dist', 'index.js');
  if (existsSync(dist) && statSync(dist).mtimeMs >= newest(join(ROOT, 'src'))) return;
  console.error('building the library (dist/ is missing or older than src/)…');
  const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

function writeKernelSpec() {
  const dir = join(JUPYTER_DIR, 'kernels', 'tslab');
  mkdirSync(dir, { recursive: true });
  const spec = {
    argv: [join(ROOT, 'node_modules', '.bin', 'tslab'), 'kernel', '--config-path', '{connection_file}'],
    display_name: 'TypeScript (closedform)',
    language: 'typescript',
  };
  writeFileSync(join(dir, 'kernel.json'), `${JSON.stringify(spec, null, 1)}\n`);
}

const jupyterEnv = () => ({ ...process.env, JUPYTER_PATH: JUPYTER_DIR, PYDEVD_DISABLE_FILE_VALIDATION: '1' });

function nbconvert(name, outDir, allowErrors) {
  const args = ['-m', 'jupyter', 'nbconvert', '--to', 'notebook', '--execute',
    `--ExecutePreprocessor.timeout=${CELL_TIMEOUT_S}`, '--ExecutePreprocessor.kernel_name=tslab',
    '--output-dir', outDir, join(NOTEBOOK_DIR, `${name}.ipynb`)];
  if (allowErrors) args.push('--allow-errors');
  return spawnSync(PYTHON, args, { cwd: NOTEBOOK_DIR, env: jupyterEnv(), encoding: 'utf8', maxBuffer: 1 << 28 });
}

const text = (src) => (Array.isArray(src) ? src.join('') : src ?? '');

/**
 * tslab reports an exception as a stderr stream output and an error reply without a name, so
 * nbconvert's own message lacks the reason. Re-run with --allow-errors and print what the
 * failing cell wrote to stderr.
 */
function explainFailure(name, failedSource) {
  const tmp = mkdtempSync(join(tmpdir(), 'closedform-nb-'));
  try {
    nbconvert(name, tmp, true);
    const file = join(tmp, `${name}.ipynb`);
    if (!existsSync(file)) return;
    const nb = JSON.parse(readFileSync(file, 'utf8'));
    const code = nb.cells.filter((c) => c.cell_type === 'code');
    const i = code.findIndex((c) => text(c.source).trim() === failedSource.trim());
    if (i < 0) return;
    const err = code[i].outputs.filter((o) => o.name === 'stderr' || o.output_type === 'error')
      .map((o) => text(o.text) || `${o.ename}: ${o.evalue}`).join('');
    const firstLines = err.split('\n').filter((l) => !/^\s+at /.test(l)).slice(0, 12).join('\n');
    console.error(`  in code cell ${i + 1} of ${code.length} (cell id ${code[i].id}):\n${firstLines.replace(/^/gm, '    ')}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function runOne(name) {
  const t0 = Date.now();
  const r = nbconvert(name, EXECUTED_DIR, false);
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status === 0) {
    console.error(`ok    ${name} (${secs} s)`);
    return true;
  }
  console.error(`FAIL  ${name} (${secs} s)`);
  const out = `${r.stderr ?? ''}`;
  const m = out.match(/An error occurred while executing the following cell:\n-+\n([\s\S]*?)\n-+\n/);
  if (m) {
    console.error(`  failing cell source:\n${m[1].split('\n').slice(0, 15).map((l) => `    | ${l}`).join('\n')}`);
    explainFailure(name, m[1]);
  } else {
    console.error(out.split('\n').slice(-15).join('\n'));
  }
  return false;
}

function main() {
  const missing = prerequisites();
  if (missing) {
    console.error(`notebooks: ${missing}`);
    process.exit(3);
  }
  const all = notebookNames();
  const args = process.argv.slice(2);
  const generate = !args.includes('--no-gen');
  const wanted = args.filter((a) => a !== '--no-gen');
  for (const w of wanted) {
    if (!all.includes(w)) {
      console.error(`notebooks: no notebook named ${w} (have: ${all.join(', ')})`);
      process.exit(2);
    }
  }
  try {
    buildIfNeeded();
  } catch (e) {
    console.error(`notebooks: ${e.message}`);
    process.exit(1);
  }
  if (generate) {
    const gen = spawnSync(process.execPath, [join(ROOT, 'scripts', 'notebooks-gen.mjs')], { stdio: 'inherit' });
    if (gen.status !== 0) process.exit(1);
  }
  writeKernelSpec();
  mkdirSync(EXECUTED_DIR, { recursive: true });
  const failed = (wanted.length > 0 ? wanted : all).filter((n) => !runOne(n));
  if (failed.length > 0) {
    console.error(`${failed.length} notebook(s) failed: ${failed.join(', ')}`);
    process.exit(1);
  }
  if (generate) {
    renderAll(wanted.length > 0 ? wanted : all);
    console.error(`rendered into ${RENDERED_DIR}/ (commit it: it is what a code host shows)`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
