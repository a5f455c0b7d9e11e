/**
 * `verify "<lhs> = <rhs>"`: exact for polynomial and piecewise-polynomial identities (region by
 * region), numeric otherwise, with a counterexample when it fails. Exit 0 when the identity holds
 * (proved, or as far as sampled: the first line says which), 1 when it does not, 2 for bad input.
 */
import { parse, quote, toLatex, verifyIdentity } from '../../node/index.js';
import { ExitStatus, type Register, UsageError, json, latexText } from '../io.js';
import { expression } from './expr.js';

/** Split `lhs = rhs` at its one `=`. */
export function splitEquation(text: string): [string, string] {
  const parts = text.split('=');
  if (parts.length !== 2 || parts[0]!.trim() === '' || parts[1]!.trim() === '') throw new UsageError(`expected one equation "<lhs> = <rhs>", got ${quote(text)}`);
  return [parts[0]!, parts[1]!];
}

export const registerVerify: Register = (program, io) =>
  program
    .command('verify')
    .description('decide whether "<lhs> = <rhs>" is an identity (exact for polynomials and relu/heaviside/leaky_relu, else numeric)')
    .argument('<equation>', 'e.g. "(a + b)^2 = a^2 + 2*a*b + b^2"')
    .option('--json', 'machine-readable output')
    .option('--latex', 'LaTeX: the identity with = or ≠, and lhs − rhs when it does not hold')
    .addHelpText(
      'after',
      '\nExit status: 0 the identity holds, 1 it does not, 2 bad input.\n' +
        'Examples:\n  closedform verify "(a + b)^2 = a^2 + 2*a*b + b^2"\n  closedform verify "relu(x) - relu(-x) = x"\n  closedform verify "tanh(x) = 2*sigmoid(2*x) - 1" --json\n',
    )
    .action((text: string, opts: { json?: boolean; latex?: boolean }) => {
      const [l, r] = splitEquation(text);
      const lhs = expression(l);
      const rhs = expression(r);
      const res = verifyIdentity(lhs, rhs);
      if (opts.json) io.out(json(res));
      else if (opts.latex) {
        io.out(`${toLatex(lhs)} ${res.holds ? '=' : '\\neq'} ${toLatex(rhs)} \\quad ${latexText(`(${res.method})`)}\n`);
        if (res.difference !== undefined && !res.holds) io.out(`${latexText('lhs − rhs')} = ${toLatex(parse(res.difference))}\n`);
      }
      else {
        const lines = [`${res.holds ? 'holds' : 'does not hold'} (${res.method}): ${res.confidence}`];
        if (res.reason !== undefined) lines.push(`  not a polynomial identity because ${res.reason}`);
        if (res.difference !== undefined && !res.holds) lines.push(`  lhs - rhs = ${res.difference}`);
        const c = res.counterexample;
        if (c !== undefined) {
          const at = Object.entries(c.point).map(([k, v]) => `${k} = ${v}`).join(', ');
          lines.push(`  counterexample${res.exact ? ' (exact)' : ''}: ${at || '(no variables)'}: lhs = ${c.lhs}, rhs = ${c.rhs}`);
        }
        io.out(`${lines.join('\n')}\n`);
      }
      if (!res.holds) throw new ExitStatus(1, 'the identity does not hold');
    });
