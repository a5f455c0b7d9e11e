/**
 * `plot SPEC --kind network|slice|line|fit|descent`: one figure as SVG, on stdout or `--out
 * FILE.svg`. The landscape kinds need `--data`; they run the analysis first (its critical points
 * and descent are what the figures mark), under a progress bar.
 */
import { extname } from 'node:path';
import {
  type Analysis,
  type Figure,
  analyze,
  descentFigure,
  regionsFigure,
  qtoNumber,
  descentData,
  fitData,
  fitFigure,
  landscapeContext,
  lineData,
  lineFigure,
  networkFigure,
  readCsv,
  readSpec,
  sliceData,
  sliceFigure,
  escapeControls,
  quote,
  IDENTIFIER_PATTERN,
} from '../../node/index.js';
import { readInput, writeOutput } from '../files.js';
import { type Io, type Register, UsageError, json } from '../io.js';
import { choiceOption, integerOr, nameListOption, numberListOption } from '../options.js';
import { progress } from '../progress.js';
import { SEED_RANGE } from './analyze.js';

const KINDS = ['network', 'slice', 'line', 'fit', 'descent', 'regions'] as const;
type Kind = (typeof KINDS)[number];

interface PlotOpts {
  kind: string;
  data?: string;
  params?: string;
  seed?: string;
  from?: string;
  to?: string;
  at?: string;
  out?: string;
  json?: boolean;
}

const decimalOrNaN = (option: string, text: string): number => {
  try {
    return numberListOption(option, text)[0]!;
  } catch {
    return Number.NaN;
  }
};

/** `w1_1_1=0.5,b1_1=-1` → a partial point (names are checked by the figure against the network). */
export function parsePoint(text: string, option: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const m = new RegExp(String.raw`^(${IDENTIFIER_PATTERN})\s*=\s*(.+)$`).exec(part);
    // the value: one strict decimal, as every number option (no hex, no Infinity)
    const v = m === null || m[2]!.includes(',') ? Number.NaN : decimalOrNaN(option, m[2]!);
    if (m === null || Number.isNaN(v)) throw new UsageError(`bad ${option} ${quote(part)}: write name=number pairs separated by commas, e.g. w1_1_1=0.5,b1_1=-1`);
    if (Object.hasOwn(out, m[1]!)) throw new UsageError(`${option} gives ${m[1]} twice`);
    out[m[1]!] = v;
  }
  if (Object.keys(out).length === 0) throw new UsageError(`${option} names no parameter: write name=number pairs, e.g. w1_1_1=0.5`);
  return out;
}

function figureOf(specText: string, o: PlotOpts, io: Io): Figure {
  const kind: Kind = choiceOption('--kind', o.kind, KINDS);
  const seed = integerOr('--seed', o.seed, SEED_RANGE, 1);
  const spec = readSpec(specText);
  if (o.params !== undefined && kind !== 'slice') throw new UsageError('--params chooses the two parameters of --kind slice');
  if (o.at !== undefined && kind !== 'slice') throw new UsageError('--at holds the other parameters of --kind slice');
  if ((o.from !== undefined || o.to !== undefined) && kind !== 'line') throw new UsageError('--from and --to give the ends of --kind line');
  if (kind === 'network') {
    if (o.data !== undefined) throw new UsageError('--kind network draws the architecture: it takes no --data');
    return networkFigure(spec);
  }
  if (kind === 'regions' && spec.widths[0] !== 2) throw new UsageError(`--kind regions draws two-input networks; ${spec.widths.join('-')} has ${spec.widths[0]} inputs`);
  if (kind === 'fit' && spec.widths[0] !== 1) throw new UsageError(`--kind fit draws one-input networks; ${spec.widths.join('-')} has ${spec.widths[0]} inputs`);
  if (o.data === undefined) throw new UsageError(`--kind ${kind} plots the loss on a data set: give --data FILE.csv (header x1,…,y1,…)`);
  const data = readCsv(readInput(io, o.data, 'data file', '--data'), spec);
  const params = o.params === undefined ? undefined : nameListOption('--params', o.params);
  const bar = progress(io, `plot ${kind}`);
  try {
    const analysis: Analysis = analyze(spec, { data, seed, onProgress: (f, stage) => bar.update(0.8 * f, stage) });
    bar.update(0.85, 'figure');
    switch (kind) {
      case 'descent':
        return descentFigure(descentData(spec, data, { seed, analysis }));
      case 'regions': {
        const g = analysis.relu?.exact?.regions;
        if (g === undefined) {
          const o = analysis.relu?.exact?.optimum;
          const why = o === undefined ? 'the exact ReLU analysis does not apply to this network' : o.kind === 'refused' ? o.message : o.kind === 'unsupported' ? o.reason : 'no exact point';
          throw new UsageError(`--kind regions draws the linear regions at the exact optimum of a two-input relu network: ${why} (closedform regions SPEC --at POINT.json draws any point)`);
        }
        return regionsFigure(spec, g, { points: data.inputs.map((x) => [qtoNumber(x[0]!), qtoNumber(x[1]!)] as const) });
      }
      case 'slice':
      case 'line':
      case 'fit': {
        const context = landscapeContext(spec, data, { analysis, seed });
        if (kind === 'slice') return sliceFigure(sliceData(spec, data, { context, ...(params !== undefined ? { params } : {}), ...(o.at !== undefined ? { base: parsePoint(o.at, '--at') } : {}) }));
        if (kind === 'fit') return fitFigure(fitData(spec, data, { context, analysis }));
        return lineFigure(
          lineData(spec, data, { context, ...(o.from !== undefined ? { from: parsePoint(o.from, '--from') } : {}), ...(o.to !== undefined ? { to: parsePoint(o.to, '--to') } : {}) }),
        );
      }
      default:
        return kind satisfies never;
    }
  } finally {
    bar.done();
  }
}

export const registerPlot: Register = (program, io) =>
  program
    .command('plot')
    .description('draw a figure as SVG: the network, the loss over two parameters, along a segment, the fit, gradient descent, a ReLU network\'s linear regions')
    .argument('<spec>', 'network spec, e.g. 1-2-1:quadratic or 3-4-1:identity:rows')
    .requiredOption('--kind <kind>', `the figure: ${KINDS.join(', ')}`)
    .option('--data <file.csv>', 'data set (header x1,…,y1,…): needed by every kind but network')
    .option('--params <a,b>', 'slice: the two parameters (default the first weight of the first and of the last layer)')
    .option('--at <point>', 'slice: hold the other parameters here, name=value pairs (default the best critical point found, else the descent result)')
    .option('--from <point>', 'line: one end, name=value pairs (default the lowest critical point found)')
    .option('--to <point>', 'line: the other end (default the next minimum found)')
    .option('--seed <n>', 'seed of the analysis and the descent starts, 0 to 4294967295 (default 1)')
    .option('--out <file.svg>', 'write the SVG to a file (default: standard output)')
    .option('--json', 'print the title, description and size instead of the SVG (with --out: besides writing it)')
    .addHelpText(
      'after',
      `
Examples:
  closedform plot 3-4-1:identity:rows --kind network --out seed004.svg
  closedform plot 1-2-1:quadratic,identity --kind slice --data examples/quadratic.csv --params w1_1_1,w2_1_1 --out slice.svg
  closedform plot 1-1-1:identity --kind line --data examples/line.csv --out line.svg
  closedform plot 1-2-1:tanh,identity --kind fit --data examples/quadratic.csv --seed 2 --out fit.svg
  closedform plot 1-2-1:quadratic,identity --kind descent --data examples/quadratic.csv --out descent.svg
  closedform plot 2-2-1:relu,identity --kind regions --data examples/relu-plane.csv --out regions.svg
`,
    )
    .action((specText: string, o: PlotOpts) => {
      if (o.out !== undefined && extname(o.out).toLowerCase() !== '.svg') throw new UsageError(`--out ${quote(o.out)}: the file must end in .svg`);
      const f = figureOf(specText, o, io);
      if (o.out !== undefined) writeOutput(o.out, f.svg);
      if (o.json) io.out(json({ kind: f.kind, title: f.title, description: f.description, bytes: f.svg.length, ...(o.out !== undefined ? { path: o.out } : {}) }));
      else if (o.out !== undefined) io.out(`${escapeControls(o.out)}: ${f.title}\n`);
      else io.out(`${f.svg}\n`);
    });
