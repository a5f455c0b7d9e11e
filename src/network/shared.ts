/**
 * The names a network's structure gives to the nodes of its formulas, for the shared form
 * (`print/shared.ts`): z⁽ˡ⁾ᵢ and a⁽ˡ⁾ᵢ of the forward pass, δ⁽ˡ⁾ᵢ = ∂L/∂z⁽ˡ⁾ᵢ of the
 * backprop recursion (each closed by substitution, so it is the node the closed gradient holds
 * where the two coincide), and the residual r = f − y of each output (`r` for one output, `r1`,
 * `r2`, … for several). A node with two names keeps the first: for an identity layer a⁽ˡ⁾ = z⁽ˡ⁾
 * is the one node and is called z.
 */
import { type Node, sub, sym } from '../expr/node.js';
import { type LetForm, letForm } from '../print/shared.js';
import { type Network, targetName } from './build.js';
import { backpropEquations, recursionSubstitution } from './gradient.js';

/** Name of the residual of output k (of `outputs` outputs): `r`, or `r{k}` for several. */
export const residualName = (k: number, outputs: number): string => (outputs === 1 ? 'r' : `r${k}`);

/**
 * Node → structural name for a network: residuals, z, a, δ.
 *
 * @example
 * ```ts
 * const net = buildNetwork(parseSpec('1-1-1:sigmoid,identity'));
 * networkNames(net).get(net.z[0]![0]!); // 'z1_1'
 * ```
 */
export function networkNames(net: Network): Map<Node, string> {
  const names = new Map<Node, string>();
  const put = (n: Node, name: string): void => {
    if (n.kind !== 'num' && n.kind !== 'sym' && !names.has(n)) names.set(n, name);
  };
  const K = net.outputs.length;
  net.outputs.forEach((f, k) => put(sub(f, sym(targetName(k + 1))), residualName(k + 1, K)));
  // z, a, δ in the order of the recursion (forward, then δ from the output layer down).
  for (const [name, node] of recursionSubstitution(backpropEquations(net))) put(node, name);
  return names;
}

/**
 * The shared form of some of a network's formulas (outputs, loss, gradient), named by its
 * structure.
 *
 * @example
 * ```ts
 * const net = buildNetwork(parseSpec('1-2-1:sigmoid,identity'));
 * networkLetForm(net, [net.loss]).bindings.some((b) => b.name === 'r'); // false: r is reached once
 * ```
 */
export function networkLetForm(net: Network, roots: readonly Node[], always = false): LetForm {
  return letForm(roots, networkNames(net), always);
}
