/** `verify "<lhs> = <rhs>"`: exact polynomial identity, or a numeric check with a counterexample. */
import { verifyIdentity } from '../../node/index.js';
import { type Register, UsageError, json } from '../io.js';
import { expression } from './expr.js';

/** Split `lhs = rhs` at its one `=`. */
export function splitEquation(text: string): [string, string] {
  const parts = text.split('=');
  if (parts.length !== 2 || parts[0]!.trim() === '' || parts[1]!.trim() === '') throw new UsageError(`expected one equation "<lhs> = <rhs>", got "${text}"`);
  return [parts[0]!, parts[1]!];
}

export const registerVerify: Register = (program, io) =>
  program
    .command('verify')
    .description('decide whether "<lhs> = <rhs>" is an identity (exact for polynomials, else numeric)')
    .argument('<equation>', 'e.g. "(a + b)^2 = a^2 + 2*a*b + b^2"')
    .option('--json', 'machine-readable output')
    .addHelpText('after', '\nExamples:\n  closedform verify "(a + b)^2 = a^2 + 2*a*b + b^2"\n  closedform verify "tanh(x) = 2*sigmoid(2*x) - 1" --json\n')
    .action((text: string, opts: { json?: boolean }) => {
      const [l, r] = splitEquation(text);
      const res = verifyIdentity(expression(l), expression(r));
      if (opts.json) {
        io.out(json(res));
        return;
      }
      const lines = [`${res.holds ? 'holds' : 'does not hold'} (${res.method}): ${res.confidence}`];
      if (res.reason !== undefined) lines.push(`  numeric because ${res.reason}`);
      if (res.difference !== undefined && !res.holds) lines.push(`  lhs - rhs = ${res.difference}`);
      const c = res.counterexample;
      if (c !== undefined) {
        const at = Object.entries(c.point).map(([k, v]) => `${k} = ${v}`).join(', ');
        lines.push(`  counterexample: ${at || '(no variables)'}: lhs = ${c.lhs}, rhs = ${c.rhs}`);
      }
      io.out(`${lines.join('\n')}\n`);
    });
