/**
 * `derive SPEC --out FILE` writes the checked derivation of a network as a standalone HTML page
 * (KaTeX, offline), a .tex article or Markdown; `demo` is the main job of `npm start`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import {
  AnalysisError,
  type Derivation,
  type NetworkDerivation,
  NumericError,
  deriveNetwork,
  displayCount,
  markdownFigures,
  readCsv,
  readSpec,
  renderHtmlPage,
  renderMarkdown,
  renderTex,
  VERSION,
} from '../../node/index.js';
import { type Io, type Register, UsageError, json, readInput } from '../io.js';
import { progress } from '../progress.js';

/** The stem of a Markdown page's figure files: `out/relu.md` links `relu-network.svg` beside it. */
const figureStem = (path: string): string => basename(path, extname(path));

const RENDERERS: Readonly<Record<string, (d: Derivation, path: string) => string>> = {
  '.html': (d) => renderHtmlPage(d, `closedform ${VERSION}`),
  '.tex': (d) => renderTex(d),
  '.md': (d, path) => renderMarkdown(d, { figureStem: figureStem(path) }),
};

/** The format of an output path, by its extension. */
function formatOf(path: string): string {
  const ext = extname(path).toLowerCase();
  if (RENDERERS[ext] === undefined) throw new UsageError(`--out ${path}: the file must end in .html, .tex or .md`);
  return ext;
}

function write(path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (e) {
    throw new UsageError(`cannot write ${path}: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** A document at `path`; a Markdown page also gets its figures, as .svg files beside it. */
function writeDocument(path: string, text: string, d: Derivation): string[] {
  write(path, text);
  if (extname(path).toLowerCase() !== '.md') return [];
  return markdownFigures(d, figureStem(path)).map((f) => {
    const file = join(dirname(path), f.file);
    write(file, f.svg);
    return file;
  });
}

const positiveInt = (name: string) => (v: string): number => {
  const n = Number(v);
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`${name} must be a positive integer, got '${v}'`);
  return n;
};

interface DeriveOpts {
  out: string;
  params?: string;
  data?: string;
  seed?: number;
  points?: number;
  json?: boolean;
}

/**
 * Derive one spec and render it in every format asked for, under one progress bar (derivation
 * 0–60 %, rendering the rest); numeric failures to sample become one-line errors.
 */
function deriveAndRender(specText: string, opts: Omit<DeriveOpts, 'out'>, io: Io, task: string, paths: readonly string[]): [NetworkDerivation, string[]] {
  const spec = readSpec(specText);
  const params = opts.params?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const data = opts.data === undefined ? undefined : readCsv(readInput(io, opts.data, 'data file', '--data'), spec);
  const bar = progress(io, task);
  try {
    const r = deriveNetwork(spec, {
      ...(params !== undefined ? { params } : {}),
      ...(data !== undefined ? { data } : {}),
      ...(opts.seed !== undefined ? { checkSeed: opts.seed } : {}),
      ...(opts.points !== undefined ? { checkPoints: opts.points } : {}),
      onProgress: (f, phase) => bar.update(0.6 * f, phase),
    });
    const texts = paths.map((path, i) => {
      const ext = formatOf(path);
      bar.update(0.6 + (0.4 * i) / paths.length, `rendering ${ext}`);
      return RENDERERS[ext]!(r.derivation, path);
    });
    return [r, texts];
  } catch (e) {
    if (e instanceof NumericError) throw new UsageError(`numeric check of ${specText}: ${e.message}`);
    if (e instanceof AnalysisError) throw new UsageError(`analysis of ${specText}: ${e.message}`);
    throw e;
  } finally {
    bar.done();
  }
}

const maxError = (r: NetworkDerivation): number => Math.max(...r.check.rows.map((x) => x.maxRelError));

/** `21 displayed equations, 7 parameters; numeric check passed (largest relative error 5.8e-10)` */
function summary(r: NetworkDerivation): string {
  const verdict = r.check.ok ? `numeric check passed (largest relative error ${maxError(r).toExponential(1)})` : 'NUMERIC CHECK FAILED';
  return `${displayCount(r.derivation)} displayed equations, ${r.parameters} parameters; ${verdict}`;
}

export const registerDerive: Register = (program, io) =>
  program
    .command('derive')
    .description('write the checked derivation of a network as HTML (KaTeX, works offline), .tex or Markdown')
    .argument('<spec>', 'network spec, e.g. 1-2-1:quadratic or 2-3-1:tanh,identity:half')
    .requiredOption('--out <file>', 'output file: .html, .tex or .md')
    .option('--params <names>', 'comma-separated parameters whose partial derivatives are shown (default all)')
    .option('--data <file.csv>', 'data set (header x1,…,y1,…): loss and partials summed over it, exactly')
    .option('--seed <n>', 'seed of the numeric check', positiveInt('--seed'))
    .option('--points <n>', 'random points of the numeric check (default 8)', positiveInt('--points'))
    .option('--json', 'machine-readable summary')
    .addHelpText(
      'after',
      `
Examples:
  closedform derive 1-2-1:quadratic --out out/seed000.html
  closedform derive 2-2-1:sigmoid --params w1_1_1,b2_1 --out sigmoid.tex
  closedform derive 1-1:identity --data points.csv --out regression.md
`,
    )
    .action((specText: string, opts: DeriveOpts) => {
      formatOf(opts.out);
      const [r, [text]] = deriveAndRender(specText, opts, io, 'derive', [opts.out]);
      const figures = writeDocument(opts.out, text!, r.derivation);
      if (opts.json)
        io.out(json({ path: opts.out, figures, steps: r.derivation.steps.length, equations: displayCount(r.derivation), parameters: r.parameters, checkOk: r.check.ok, maxRelError: maxError(r) }));
      else io.out(`${opts.out}: ${summary(r)}\n${figures.map((f) => `  ${f}\n`).join('')}`);
      if (!r.check.ok) throw new UsageError(`the numeric check of ${specText} failed; see ${opts.out}`);
    });

/** The networks of the main job: seed 000's quadratic network and a sigmoid network. */
export const DEMO_NETWORKS: readonly { readonly spec: string; readonly file: string }[] = [
  { spec: '1-2-1:quadratic', file: 'seed000-quadratic-1-2-1' },
  { spec: '2-2-1:sigmoid,identity', file: 'sigmoid-2-2-1' },
];

export const registerDemo: Register = (program, io) =>
  program
    .command('demo')
    .description('the main job: derive the seed-000 quadratic network and a sigmoid network into a folder')
    .option('--out-dir <dir>', 'folder for the documents', 'out')
    .addHelpText('after', '\nExample:\n  closedform demo --out-dir out   # what `npm start` runs\n')
    .action((opts: { outDir: string }) => {
      io.out(`closedform ${VERSION}: deriving ${DEMO_NETWORKS.length} networks into ${opts.outDir}/\n`);
      for (const n of DEMO_NETWORKS) {
        const paths = Object.keys(RENDERERS).map((ext) => join(opts.outDir, `${n.file}${ext}`));
        const [r, texts] = deriveAndRender(n.spec, {}, io, n.spec, paths);
        io.out(`\n${n.spec}: ${summary(r)}\n`);
        paths.forEach((path, i) => {
          const figures = writeDocument(path, texts[i]!, r.derivation);
          io.out(`  ${path}\n${figures.map((f) => `  ${f}\n`).join('')}`);
        });
        if (!r.check.ok) throw new UsageError(`the numeric check of ${n.spec} failed`);
      }
      io.out(`\nOpen ${join(opts.outDir, `${DEMO_NETWORKS[0]!.file}.html`)} in a browser (it works offline).\n`);
    });
