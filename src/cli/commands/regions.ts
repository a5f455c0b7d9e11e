/**
 * `regions SPEC (--at POINT.json | --data F.csv) [--box x1lo,x1hi,x2lo,x2hi] [--json]`: the linear
 * regions of a two-input ReLU network over a box (analysis/relu-regions.ts), each an exact
 * polygon with the activation pattern and the affine function on it, their count against the
 * upper bound (Zaslavsky for one hidden layer, Serra–Tjandraatmadja–Ramalingam deeper) and the
 * areas, which sum to the box's. The parameters come from `--at` (exact: a JSON object from every
 * parameter name to a number or a rational string such as "-3/2"), or from `--data`, where the
 * network is the exact optimum on that data set (when a solver applies) and the box defaults to
 * the data's, widened by a tenth.
 */
import {
  type Rational,
  type RegionBox,
  Q,
  add,
  buildNetwork,
  dataBox,
  describeValue,
  linearRegions,
  mul,
  num,
  polygonText,
  qadd,
  qmul,
  qparse,
  qsub,
  qtoString,
  quote,
  readCsv,
  readSpec,
  regionsJson,
  reluExact,
  sym,
  toLatex,
} from '../../node/index.js';
import { readInput, readJsonInput } from '../files.js';
import { type Io, type Register, UsageError, json } from '../io.js';
import { rationalOption } from '../options.js';

interface RegionsOpts {
  at?: string;
  data?: string;
  box?: string;
  json?: boolean;
  latex?: boolean;
}

/** The point file: every parameter by name, each a JSON number (read as written: 0.1 is 1/10) or a rational string. */
export function readExactPoint(io: Io, file: string, params: readonly string[]): Record<string, Rational> {
  const value = readJsonInput(io, file, 'point file', '--at');
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UsageError(`point file ${quote(file)} must hold a JSON object from parameter names to numbers or rational strings, not ${describeValue(value)}`);
  const known = new Set(params);
  const out: Record<string, Rational> = {};
  for (const [k, v] of Object.entries(value)) {
    if (!known.has(k)) throw new UsageError(`unknown parameter ${quote(k)} in ${quote(file)} (the network's are ${params.join(', ')})`);
    // a JSON number prints back as the shortest text that reads as the same double: that text, exactly
    const q = typeof v === 'number' && Number.isFinite(v) ? qparse(String(v)) : typeof v === 'string' && /^[0-9+\-./eE ]+$/.test(v) ? qparse(v) : undefined;
    if (q === undefined) throw new UsageError(`parameter ${quote(k)} in ${quote(file)} is not a number or a rational such as "-3/2": ${describeValue(v)}`);
    out[k] = q;
  }
  const missing = params.filter((p) => out[p] === undefined);
  if (missing.length > 0) throw new UsageError(`missing parameter${missing.length === 1 ? '' : 's'} ${missing.map((m) => quote(m)).join(', ')} in ${quote(file)}`);
  return Object.fromEntries(params.map((p) => [p, out[p]!]));
}

/** `--box x1lo,x1hi,x2lo,x2hi`, exact, lo < hi in both. */
function parseBox(text: string): RegionBox {
  const parts = text.split(',');
  if (parts.length !== 4) throw new UsageError(`bad --box ${quote(text)}: four numbers x1lo,x1hi,x2lo,x2hi, e.g. -1,1,-1,1`);
  const [a, b, c, d] = parts.map((p) => rationalOption('--box', p.trim(), 'four exact numbers x1lo,x1hi,x2lo,x2hi (integers, fractions or decimals)'));
  if (a!.n * b!.d >= b!.n * a!.d || c!.n * d!.d >= d!.n * c!.d) throw new UsageError(`bad --box ${quote(text)}: each lo must be below its hi`);
  return { lo: [a!, c!], hi: [b!, d!] };
}

export const registerRegions: Register = (program, io) =>
  program
    .command('regions')
    .description('the linear regions of a two-input ReLU network over a box: exact polygons, patterns, affine pieces, count against the bound')
    .argument('<spec>', 'a two-input network with relu or leaky_relu hidden layers and an identity output, e.g. 2-3-1:relu,identity')
    .option('--at <point.json>', 'the parameters: a JSON object from every name to a number or a rational string ("-3/2")')
    .option('--data <file.csv>', 'instead of --at: the exact optimum on this data set (header x1,x2,y1), box around the data')
    .option('--box <x1lo,x1hi,x2lo,x2hi>', 'the box of inputs, exact (default [-1, 1]² with --at, the data box widened by a tenth with --data)')
    .option('--json', 'machine-readable output: every polygon with rational vertices')
    .option('--latex', 'LaTeX output: the affine function of each output on each region')
    .addHelpText('after', '\nExamples:\n  closedform regions 2-4-1:relu,identity:nobias --at point.json --box -1,1,-1,1\n  closedform regions 2-2-1:relu,identity --data examples/relu-plane.csv --json\n')
    .action((specText: string, o: RegionsOpts) => {
      const spec = readSpec(specText);
      if ((o.at === undefined) === (o.data === undefined)) throw new UsageError('give the parameters with --at POINT.json, or --data FILE.csv for the exact optimum on that data (one of the two)');
      if (spec.widths[0] !== 2) throw new UsageError(`linear regions are drawn for two-input networks; ${spec.widths.join('-')} has ${spec.widths[0]} inputs`);
      const net = buildNetwork(spec);
      let point: Record<string, Rational>;
      let box: RegionBox | undefined = o.box === undefined ? undefined : parseBox(o.box);
      let source: string;
      if (o.at !== undefined) {
        point = readExactPoint(io, o.at, net.params);
        box ??= { lo: [Q(-1), Q(-1)], hi: [Q(1), Q(1)] };
        source = `the parameters of ${o.at}`;
      } else {
        const data = readCsv(readInput(io, o.data!, 'data file', '--data'), spec);
        const rx = reluExact(net, data);
        const found = rx.optimum.kind === 'solved' || rx.optimum.kind === 'bounds' ? rx.optimum.point : rx.upperBound?.point;
        if (found === undefined) {
          const why = rx.optimum.kind === 'refused' ? rx.optimum.message : rx.optimum.kind === 'unsupported' ? rx.optimum.reason : 'no exact point';
          throw new UsageError(`no exact parameter point for --data: ${why}; give one with --at POINT.json`);
        }
        point = { ...found };
        box ??= dataBox(data.inputs);
        source = rx.optimum.kind === 'solved' ? 'the exact optimum on the data' : 'the best exact point found on the data (an upper bound, not certified optimal)';
      }
      const g = linearRegions(spec, point, box);
      const total = g.regions.reduce((s, r) => qadd(s, r.area), Q(0));
      const boxArea = qmul(qsub(box.hi[0], box.lo[0]), qsub(box.hi[1], box.lo[1]));
      if (o.json) return void io.out(json({ spec: specText, source, ...regionsJson(g), areaTotal: qtoString(total), boxArea: qtoString(boxArea), point: Object.fromEntries(Object.entries(point).map(([k, v]) => [k, qtoString(v)])) }));
      if (o.latex) {
        // f_k on region i as a formula: a·x1 + b·x2 + c with the exact coefficients
        const affine = (f: readonly Rational[]) => add(mul(num(f[0]!), sym('x1')), mul(num(f[1]!), sym('x2')), num(f[2]!));
        for (const [i, r] of g.regions.entries()) for (const [k, f] of r.affine.entries()) io.out(`f_{${k + 1}}^{(R_{${i + 1}})} = ${toLatex(affine(f))}\n`);
        return;
      }
      const b = g.box;
      const lines = [
        `${g.regions.length} activation region${g.regions.length === 1 ? '' : 's'} of ${spec.widths.join('-')} over [${qtoString(b.lo[0])}, ${qtoString(b.hi[0])}] × [${qtoString(b.lo[1])}, ${qtoString(b.hi[1])}] at ${source}`,
        `${g.pieces} linear piece${g.pieces === 1 ? '' : 's'} once neighbours with the same affine function are merged; bound over the whole plane ${g.bound} (${g.boundName})`,
        `areas sum to ${qtoString(total)} (the box: ${qtoString(boxArea)})`,
        ...g.regions.map((r, i) => `region ${i + 1}: on ${r.pattern.map((s) => `{${s.join(',')}}`).join(' ')}, area ${qtoString(r.area)}, f = ${r.affine.map((f) => `${qtoString(f[0])}·x1 + ${qtoString(f[1])}·x2 + ${qtoString(f[2])}`).join('; ')}, polygon ${polygonText(r.polygon)}`),
      ];
      io.out(`${lines.join('\n')}\n`);
    });
