/**
 * `derive SPEC --out FILE` writes the checked derivation of a network as a standalone HTML page
 * (KaTeX, offline), a .tex article or Markdown; `demo` is the main job of `npm start`.
 */
import { basename, dirname, extname, join } from 'node:path';
import {
  AnalysisError,
  type Derivation,
  type NetworkDerivation,
  NumericError,
  deriveNetwork,
  deriveSymbolicNetwork,
  displayCount,
  markdownFigures,
  readCsv,
  readSizedSpec,
  readSpec,
  renderHtmlPage,
  renderMarkdown,
  renderTex,
  VERSION,
  MAX_CHECK_POINTS,
  escapeControls,
  quote,
} from '../../node/index.js';
import { readInput, writeOutput } from '../files.js';
import { type Io, type Register, UsageError, json } from '../io.js';
import { integerOption, nameListOption } from '../options.js';
import { progress } from '../progress.js';
import { notationOption } from './sizes.js';

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
  if (RENDERERS[ext] === undefined) throw new UsageError(`--out ${quote(path)}: the file must end in .html, .tex or .md`);
  return ext;
}

/** A document at `path`; a Markdown page also gets its figures, as .svg files beside it. */
function writeDocument(path: string, text: string, d: Derivation): string[] {
  writeOutput(path, text);
  if (extname(path).toLowerCase() !== '.md') return [];
  return markdownFigures(d, figureStem(path)).map((f) => {
    const file = join(dirname(path), f.file);
    writeOutput(file, f.svg);
    return file;
  });
}

interface DeriveOpts {
  out: string;
  params?: string;
  data?: string;
  seed?: string;
  points?: string;
  notation?: string;
  json?: boolean;
}

/**
 * `derive p-M-1 --out FILE`: the page of a network of letter sizes (no numeric check: there are no
 * numbers; the options that need them are refused).
 */
function deriveSymbolic(specText: string, opts: DeriveOpts, io: Io): boolean {
  const sized = readSizedSpec(specText);
  if (sized.kind === 'concrete') {
    if (opts.notation !== undefined && notationOption(opts.notation) !== 'standard')
      throw new UsageError('--notation seed004 on derive is for letter widths (p-M-1); for a concrete network use formula --notation seed004');
    return false;
  }
  for (const [flag, v] of [['--data', opts.data], ['--params', opts.params], ['--seed', opts.seed], ['--points', opts.points]] as const)
    if (v !== undefined) throw new UsageError(`${flag} needs concrete widths: ${quote(specText)} has letter widths (give sizes, e.g. ${sized.spec.widths.map((w) => (typeof w === 'number' ? w : 3)).join('-')})`);
  const d = deriveSymbolicNetwork(sized.spec, notationOption(opts.notation));
  const text = RENDERERS[formatOf(opts.out)]!(d, opts.out);
  const figures = writeDocument(opts.out, text, d);
  const equations = displayCount(d);
  if (opts.json) io.out(json({ path: opts.out, figures, steps: d.steps.length, equations, symbolic: true, checkOk: null }));
  else io.out(`${escapeControls(opts.out)}: ${equations} displayed equations for every size (letter widths: no numeric check)\n`);
  return true;
}

/**
 * Derive one spec and render it in every format asked for, under one progress bar (derivation
 * 0–60 %, rendering the rest); numeric failures to sample become one-line errors.
 */
function deriveAndRender(specText: string, opts: Omit<DeriveOpts, 'out'>, io: Io, task: string, paths: readonly string[]): [NetworkDerivation, string[]] {
  const seed = integerOption('--seed', opts.seed, { min: 0, max: 2 ** 32 - 1 });
  const points = integerOption('--points', opts.points, { min: 1, max: MAX_CHECK_POINTS });
  const spec = readSpec(specText);
  const params = opts.params === undefined ? undefined : nameListOption('--params', opts.params);
  const data = opts.data === undefined ? undefined : readCsv(readInput(io, opts.data, 'data file', '--data'), spec);
  const bar = progress(io, task);
  try {
    const r = deriveNetwork(spec, {
      ...(params !== undefined ? { params } : {}),
      ...(data !== undefined ? { data } : {}),
      ...(seed !== undefined ? { checkSeed: seed } : {}),
      ...(points !== undefined ? { checkPoints: points } : {}),
      onProgress: (f, phase) => bar.update(0.6 * f, phase),
    });
    const texts = paths.map((path, i) => {
      const ext = formatOf(path);
      bar.update(0.6 + (0.4 * i) / paths.length, `rendering ${ext}`);
      return RENDERERS[ext]!(r.derivation, path);
    });
    return [r, texts];
  } catch (e) {
    if (e instanceof NumericError) throw new UsageError(`numeric check of ${quote(specText)}: ${e.message}`);
    if (e instanceof AnalysisError) throw new UsageError(`analysis of ${quote(specText)}: ${e.message}`);
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
    .option('--seed <n>', 'seed of the numeric check, 0 to 4294967295 (default 1)')
    .option('--points <n>', `random points of the numeric check, 1 to ${MAX_CHECK_POINTS} (default 8)`)
    .option('--notation <names>', "letter widths: standard or seed004 (β⁽ˡ⁾ⱼₘ, the exercise's names)")
    .option('--json', 'machine-readable summary')
    .addHelpText(
      'after',
      `
Examples:
  closedform derive 1-2-1:quadratic --out out/seed000.html
  closedform derive 2-2-1:sigmoid --params w1_1_1,b2_1 --out sigmoid.tex
  closedform derive 1-1:identity --data points.csv --out regression.md
  closedform derive p-M-1:identity:rows --notation seed004 --out seed004.html   # every size
`,
    )
    .action((specText: string, opts: DeriveOpts) => {
      formatOf(opts.out);
      if (deriveSymbolic(specText, opts, io)) return;
      const [r, [text]] = deriveAndRender(specText, opts, io, 'derive', [opts.out]);
      const figures = writeDocument(opts.out, text!, r.derivation);
      // paths are the user's text: printed with their control characters escaped (they never enter the document)
      if (opts.json)
        io.out(json({ path: opts.out, figures, steps: r.derivation.steps.length, equations: displayCount(r.derivation), parameters: r.parameters, checkOk: r.check.ok, maxRelError: maxError(r) }));
      else io.out(`${escapeControls(opts.out)}: ${summary(r)}\n${figures.map((f) => `  ${escapeControls(f)}\n`).join('')}`);
      if (!r.check.ok) throw new UsageError(`the numeric check of ${quote(specText)} failed; see ${quote(opts.out)}`);
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
      io.out(`closedform ${VERSION}: deriving ${DEMO_NETWORKS.length} networks into ${escapeControls(opts.outDir)}/\n`);
      for (const n of DEMO_NETWORKS) {
        const paths = Object.keys(RENDERERS).map((ext) => join(opts.outDir, `${n.file}${ext}`));
        const [r, texts] = deriveAndRender(n.spec, {}, io, n.spec, paths);
        io.out(`\n${n.spec}: ${summary(r)}\n`);
        paths.forEach((path, i) => {
          const figures = writeDocument(path, texts[i]!, r.derivation);
          io.out(`  ${escapeControls(path)}\n${figures.map((f) => `  ${escapeControls(f)}\n`).join('')}`);
        });
        if (!r.check.ok) throw new UsageError(`the numeric check of ${n.spec} failed`);
      }
      io.out(`\nOpen ${escapeControls(join(opts.outDir, `${DEMO_NETWORKS[0]!.file}.html`))} in a browser (it works offline).\n`);
    });
