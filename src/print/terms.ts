import { type Add, type Node, splitCoefficient } from '../expr/node.js';

/**
 * The order in which the printers write the terms of a sum: canonical order with the constant
 * last, then the first positive term moved to the front so that a sum starts with a plus
 * (`1 - sigmoid(x)` rather than `-sigmoid(x) + 1`). Printing only; the node is unchanged.
 */
export function displayTerms(n: Add): readonly Node[] {
  const args = n.args[0]!.kind === 'num' ? [...n.args.slice(1), n.args[0]!] : [...n.args];
  if (splitCoefficient(args[0]!)[0].n < 0n) {
    const i = args.findIndex((t) => splitCoefficient(t)[0].n > 0n);
    if (i > 0) args.unshift(...args.splice(i, 1));
  }
  return args;
}
