/** `expand`: the fully expanded polynomial of a network's outputs (or loss), or of an expression. */
import {
  type Node,
  ExpansionTooLargeError,
  buildNetwork,
  outputName,
  readSpec,
  NotPolynomialError,
  coefficients,
  degreeIn,
  expand,
  freeSymbols,
  polyDegree,
  polyToText,
} from '../../node/index.js';
import { type Register, UsageError, json } from '../io.js';
import { expression } from './expr.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A network spec such as `1-2-1:quadratic` (widths, then activations/options), or a JSON object (as `formula` and `grad` read them). */
export const SPEC = /^\s*(\d+(\s*-\s*\d+)+(:.*)?|\{.*)\s*$/s;

export interface ExpandedOutput {
  name: string;
  text: string;
  terms: number;
  degree: number;
  inputDegree: number;
  coefficients: { monomial: string; text: string }[];
}

/** Expand one named formula and group it by monomials in `inputs`. */
export function expandOutput(name: string, e: Node, inputs: readonly string[]): ExpandedOutput {
  let p;
  try {
    p = expand(e);
  } catch (err) {
    if (err instanceof NotPolynomialError || err instanceof ExpansionTooLargeError) throw new UsageError(`${name}: ${err.message}`);
    throw err;
  }
  const deg = (d: number): number => (Number.isFinite(d) ? d : -1); // −1 for the zero polynomial
  return {
    name,
    text: polyToText(p),
    terms: p.n,
    degree: deg(polyDegree(p)),
    inputDegree: deg(degreeIn(p, inputs)),
    coefficients: coefficients(p, inputs).map((c) => ({ monomial: c.monomial, text: polyToText(c.coeff) })),
  };
}

/** The `--in` list, or the inputs x1, x2, … that occur. */
export function inputList(opt: string | undefined, roots: readonly Node[]): string[] {
  if (opt === undefined) return freeSymbols(...roots).filter((v) => /^x\d+$/.test(v));
  const vars = opt.split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const v of vars) if (!NAME.test(v)) throw new UsageError(`bad variable name '${v}' in --in`);
  return vars;
}

/** Print outputs as text lines. */
function show(outs: readonly ExpandedOutput[], inputs: readonly string[]): string {
  return outs
    .map((o) => {
      const lines = [`${o.name} = ${o.text}`, `  ${o.terms} terms, degree ${o.degree}, degree ${o.inputDegree} in ${inputs.join(', ') || '(no variables)'}`];
      for (const c of o.coefficients) lines.push(`  [${c.monomial}] ${c.text}`);
      return lines.join('\n');
    })
    .join('\n\n');
}

/** The formulas to expand and the default grouping variables. */
function targets(text: string, loss: boolean): { targets: { name: string; node: Node }[]; inputs?: readonly string[] } {
  if (SPEC.test(text)) {
    const net = buildNetwork(readSpec(text));
    const outs = net.outputs.map((f, k) => ({ name: outputName(k + 1), node: f }));
    return { targets: loss ? [...outs, { name: 'L', node: net.loss }] : outs, inputs: net.inputs };
  }
  if (loss) throw new UsageError('--loss needs a network spec, not an expression');
  return { targets: [{ name: 'f', node: expression(text) }] };
}

export const registerExpand: Register = (program, io) =>
  program
    .command('expand')
    .description('expand into an exact polynomial, grouped by monomials in the inputs')
    .argument('<spec-or-expr>', 'a network spec (e.g. 1-2-1:quadratic) or a quoted expression, e.g. "(w*x + b)^2"')
    .option('--in <names>', 'comma-separated variables to group by (default: the inputs x1, x2, …)')
    .option('--loss', 'network: also expand the loss of one data point (output L)')
    .option('--json', 'machine-readable output')
    .addHelpText('after', '\nExamples:\n  closedform expand 1-2-1:quadratic --json\n  closedform expand 2-2-1:quadratic,identity --loss\n  closedform expand "(a*x + b*y)^3" --in x,y\n')
    .action((text: string, opts: { in?: string; loss?: boolean; json?: boolean }) => {
      const t = targets(text, opts.loss === true);
      const inputs = opts.in === undefined && t.inputs !== undefined ? [...t.inputs] : inputList(opts.in, t.targets.map((x) => x.node));
      const outputs = t.targets.map((x) => expandOutput(x.name, x.node, inputs));
      io.out(opts.json ? json({ outputs }) : `${show(outputs, inputs)}\n`);
    });
