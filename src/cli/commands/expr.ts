/** `diff` and `grad` of an expression given as text. */
import { ArithmeticError, CONSTANTS, ExprError, IDENTIFIER_RULE, isIdentifier, dagSize, diff, freeSymbols, grad, parse, quote, symbolLatex, toLatex, toText, type Node } from '../../node/index.js';
import { type Register, UsageError, json } from '../io.js';
import { nameListOption } from '../options.js';

/** Parse user text, turning core errors into one-line usage errors. */
export function expression(text: string): Node {
  try {
    return parse(text);
  } catch (e) {
    if (e instanceof ExprError || e instanceof ArithmeticError) throw new UsageError(`bad expression ${quote(text)}: ${e.message}`);
    throw e;
  }
}

/** A variable that does not occur in the expression is almost surely a typo: say so. */
function checkVariables(e: Node, text: string, vars: readonly string[]): void {
  const free = freeSymbols(e);
  for (const v of vars) {
    if (free.includes(v)) continue;
    if (CONSTANTS.has(v)) throw new UsageError(`${quote(v)} is a named constant, not a variable`);
    const known = free.length > 0 ? `its variables are ${free.slice(0, 20).join(', ')}${free.length > 20 ? ', …' : ''}` : 'it has no variables';
    throw new UsageError(`unknown variable ${quote(v)}: it does not occur in ${quote(text)} (${known})`);
  }
}

export const registerDiff: Register = (program, io) =>
  program
    .command('diff')
    .description('differentiate an expression with respect to one variable')
    .argument('<expr>', 'expression in the text syntax, e.g. "sigmoid(w*x + b)^2"')
    .argument('<var>', 'the variable')
    .option('--json', 'machine-readable output')
    .option('--latex', 'LaTeX output')
    .addHelpText('after', '\nExample:\n  closedform diff "sigmoid(w*x + b)^2" w --json\n')
    .action((text: string, v: string, opts: { json?: boolean; latex?: boolean }) => {
      const e = expression(text);
      if (!isIdentifier(v)) throw new UsageError(`bad variable name ${quote(v)}: ${IDENTIFIER_RULE}`);
      checkVariables(e, text, [v]);
      const d = diff(e, v);
      io.out(
        opts.json
          ? json({ text: toText(d), latex: toLatex(d) })
          : opts.latex
            ? `\\frac{\\partial f}{\\partial ${symbolLatex(v)}} = ${toLatex(d)}\n`
            : `${toText(d)}\n`,
      );
    });

/** `grad "<expr>"`; `grad SPEC` (a network) is handled by the network command when present. */
export function exprGrad(text: string, opts: { vars?: string; json?: boolean; latex?: boolean }, io: Parameters<Register>[1]): void {
  const e = expression(text);
  const vars = opts.vars !== undefined ? nameListOption('--vars', opts.vars) : freeSymbols(e);
  if (vars.length === 0) throw new UsageError(`${quote(text)} has no variables to differentiate by`);
  checkVariables(e, text, vars);
  const g = grad(e, vars);
  if (opts.json) {
    const gradient: Record<string, { text: string; latex: string }> = {};
    for (const [v, d] of g) gradient[v] = { text: toText(d), latex: toLatex(d) };
    io.out(json({ gradient, dagSize: dagSize(e), gradientDagSize: dagSize(e, ...g.values()) }));
  } else if (opts.latex) for (const [v, d] of g) io.out(`\\frac{\\partial f}{\\partial ${symbolLatex(v)}} = ${toLatex(d)}\n`);
  else for (const [v, d] of g) io.out(`d/d${v} = ${toText(d)}\n`);
}

export const registerGrad: Register = (program, io) =>
  program
    .command('grad')
    .description('gradient with respect to several variables, by one reverse sweep')
    .argument('<expr>', 'expression in the text syntax')
    .option('--vars <names>', 'comma-separated variables (default: all free symbols)')
    .option('--json', 'machine-readable output')
    .addHelpText('after', '\nExample:\n  closedform grad "(w*x + b - y)^2" --vars w,b --json\n')
    .action((text: string, opts: { vars?: string; json?: boolean }) => exprGrad(text, opts, io));
