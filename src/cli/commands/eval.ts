/**
 * `eval SPEC --params FILE.json --input 1,2,3 [--target 1]`: the network's outputs (and, with a
 * target, the loss and its gradient) as numbers, by the symbolic route (the formulas compiled)
 * and by the independent mathjs engine, side by side.
 */
import {
  NumericError,
  buildNetwork,
  compileMany,
  engineBackprop,
  engineDatasetLoss,
  engineOutputs,
  flattenParams,
  gradientEquations,
  outputName,
  paramsFromPoint,
  readSpec,
  columnEntries,
  describeValue,
  quote,
} from '../../node/index.js';
import { readJsonInput } from '../files.js';
import { type Io, type Register, UsageError, json } from '../io.js';
import { numberListOption } from '../options.js';

/** The params file: a JSON object from names to numbers (read strictly: a repeated name is refused). */
function readParams(io: Io, file: string): Record<string, number> {
  const value = readJsonInput(io, file, 'params file', '--params');
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UsageError(`params file ${quote(file)} must hold a JSON object from parameter names to numbers, not ${describeValue(value)}`);
  for (const [k, v] of Object.entries(value)) if (typeof v !== 'number') throw new UsageError(`parameter ${quote(k)} in ${quote(file)} is not a number: ${describeValue(v)}`);
  return value as Record<string, number>;
}

interface Pair {
  readonly symbolic: number;
  readonly engine: number;
}

export const registerEval: Register = (program, io) =>
  program
    .command('eval')
    .description('outputs, loss and gradient at a point: compiled formulas beside the numeric engine')
    .argument('<spec>', 'network spec WIDTHS[:ACTIVATIONS][:OPTIONS] or a JSON object')
    .requiredOption('--params <file>', 'JSON file mapping every parameter name (w1_1_1, b1_1, …) to a number')
    .requiredOption('--input <values>', 'comma-separated inputs x1,…,x{n0}')
    .option('--target <values>', 'comma-separated targets y1,…,y{nL} (adds the loss and its gradient)')
    .option('--json', 'machine-readable output')
    .addHelpText('after', '\nExample:\n  closedform eval 2-3-1 --params p.json --input 0.5,-1 --target 1\n')
    .action((specText: string, opts: { params: string; input: string; target?: string; json?: boolean }) => {
      const net = buildNetwork(readSpec(specText));
      const [n0, nL] = [net.inputs.length, net.targets.length];
      const point = readParams(io, opts.params);
      const x = numberListOption('--input', opts.input);
      if (x.length !== n0) throw new UsageError(`--input has ${x.length} value${x.length === 1 ? '' : 's'}, the network takes ${n0}`);
      const y = opts.target === undefined ? undefined : numberListOption('--target', opts.target);
      if (y !== undefined && y.length !== nL) throw new UsageError(`--target has ${y.length} value${y.length === 1 ? '' : 's'}, the network gives ${nL}`);
      let params;
      try {
        params = paramsFromPoint(net.spec, point);
      } catch (e) {
        if (e instanceof NumericError) throw new UsageError(`${e.message} in ${quote(opts.params)}`);
        throw e;
      }
      const theta = [...flattenParams(net.spec, params)];
      const outputs: Record<string, Pair> = {};
      if (y === undefined) {
        const sym = compileMany(net.outputs, [...net.params, ...net.inputs])([...theta, ...x]);
        const eng = engineOutputs(net.spec, params, x);
        net.outputs.forEach((_, k) => (outputs[outputName(k + 1)] = { symbolic: sym[k]!, engine: eng[k]! }));
        io.out(opts.json ? json({ outputs }) : lines(outputs));
        return;
      }
      const g = gradientEquations(net);
      const roots = [...net.outputs, net.loss, ...net.params.map((p) => g.get(p)!)];
      const sym = compileMany(roots, [...net.params, ...net.inputs, ...net.targets])([...theta, ...x, ...y]);
      const bp = engineBackprop(net.spec, params, { x, y });
      const eng = [...columnEntries(bp.pass.A.at(-1)!), engineDatasetLoss(net.spec, params, [{ x, y }]), ...flattenParams(net.spec, { W: bp.W, b: bp.b })];
      net.outputs.forEach((_, k) => (outputs[outputName(k + 1)] = { symbolic: sym[k]!, engine: eng[k]! }));
      const loss = { symbolic: sym[nL]!, engine: eng[nL]! };
      const gradient: Record<string, Pair> = {};
      net.params.forEach((p, k) => (gradient[p] = { symbolic: sym[nL + 1 + k]!, engine: eng[nL + 1 + k]! }));
      if (opts.json) io.out(json({ outputs, loss, gradient }));
      else {
        const named: Record<string, Pair> = { ...outputs, loss };
        for (const [p, v] of Object.entries(gradient)) named[`dloss/d${p}`] = v;
        io.out(lines(named));
      }
    });

function lines(values: Record<string, Pair>): string {
  const width = Math.max(...Object.keys(values).map((k) => k.length));
  const rows = Object.entries(values).map(([k, v]) => `${k.padEnd(width)} = ${String(v.symbolic).padEnd(24)} engine ${v.engine}`);
  return `${rows.join('\n')}\n`;
}
