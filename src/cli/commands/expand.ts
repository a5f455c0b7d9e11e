/** `expand`: the fully expanded polynomial of an expression (or of a network's outputs). */
import {
  type Node,
  ExpansionTooLargeError,
  NotPolynomialError,
  coefficients,
  degreeIn,
  expand,
  freeSymbols,
  polyDegree,
  polyToText,
} from '../../index.js';
import { type Register, UsageError, json } from '../io.js';
import { expression } from './expr.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A network spec such as `1-2-1:quadratic` (widths, then optional activations/options). */
export const SPEC = /^\d+(-\d+)+(:.*)?$/;

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

/** The formulas to expand: one expression, or (with a network builder) a network's outputs. */
export type Targets = (text: string) => { name: string; node: Node }[];

const exprTargets: Targets = (text) => {
  if (SPEC.test(text.trim())) throw new UsageError(`network specs such as '${text}' need the network builder, which this build lacks; give a quoted expression`);
  return [{ name: 'f', node: expression(text) }];
};

export const registerExpand: Register = (program, io) =>
  program
    .command('expand')
    .description('expand into an exact polynomial, grouped by monomials in the inputs')
    .argument('<spec-or-expr>', 'a quoted expression, e.g. "(w*x + b)^2"')
    .option('--in <names>', 'comma-separated input variables to group by (default: x1, x2, … present)')
    .option('--json', 'machine-readable output')
    .addHelpText('after', '\nExamples:\n  closedform expand "(w1*x1 + b1)^2" --json\n  closedform expand "(a*x + b*y)^3" --in x,y\n')
    .action((text: string, opts: { in?: string; json?: boolean }) => {
      const targets = exprTargets(text);
      const inputs = inputList(opts.in, targets.map((t) => t.node));
      const outputs = targets.map((t) => expandOutput(t.name, t.node, inputs));
      io.out(opts.json ? json({ outputs }) : `${show(outputs, inputs)}\n`);
    });
