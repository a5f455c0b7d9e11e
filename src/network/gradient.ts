/**
 * The gradient equations of a network in two forms.
 *
 * Closed form: every ∂L/∂θ from one reverse sweep of the core's `grad` over the loss DAG, so
 * the partials share their subexpressions with the forward formula and with each other.
 *
 * Backprop form (seed 002, eqs. 10, 15, 19; seed 003's Jacobian form): named intermediates
 *   z⁽ˡ⁾ᵢ = Σⱼ w⁽ˡ⁾ᵢⱼ a⁽ˡ⁻¹⁾ⱼ + b⁽ˡ⁾ᵢ,   a⁽ˡ⁾ᵢ = σ_l(z⁽ˡ⁾ᵢ)                     (forward)
 *   δ⁽ᴸ⁾ₖ = ∂L/∂a⁽ᴸ⁾ₖ · σ_L'(z⁽ᴸ⁾ₖ),   ∂L/∂a⁽ᴸ⁾ₖ = 2(a⁽ᴸ⁾ₖ − yₖ)  (or a − y for ½Σ)
 *   δ⁽ˡ⁾ᵢ = (Σₖ w⁽ˡ⁺¹⁾ₖᵢ δ⁽ˡ⁺¹⁾ₖ) · σ_l'(z⁽ˡ⁾ᵢ)     i.e. δˡ = ((Wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ σ'(zˡ)
 *   ∂L/∂b⁽ˡ⁾ᵢ = δ⁽ˡ⁾ᵢ,   ∂L/∂w⁽ˡ⁾ᵢⱼ = δ⁽ˡ⁾ᵢ · a⁽ˡ⁻¹⁾ⱼ     i.e. ∇_W = δˡ ⊗ aˡ⁻¹
 * with a⁽⁰⁾ = x. For ReLU, σ' is the Heaviside step H (H(0) = 0), which is seed 003's Jacobian
 * diag(H(z⁽¹⁾)). The equations are data: substituting each right-hand side into the later ones
 * ({@link closeEquations}) turns the recursion into the closed form.
 */
import { type Node, add, mul, num, sub, sym } from '../expr/node.js';
import { qmul, Q } from '../expr/rational.js';
import { grad } from '../diff/reverse.js';
import { substitute } from '../expr/walk.js';
import { symbolLatex, toLatex } from '../print/latex.js';
import { toText } from '../print/text.js';
import { type Dataset, type Network, biasName, datasetLoss, inputName, layerActivation, lossFactor, targetName, weightName } from './build.js';
import { SpecError } from './parse.js';

/**
 * ∂L/∂θ for the named parameters (default all), from one reverse sweep over the loss.
 *
 * @example
 * ```ts
 * const g = gradientEquations(buildNetwork(parseSpec('1-1:identity')));
 * toText(g.get('b1_1')!); // '2*(b1_1 - y1 + w1_1_1*x1)'
 * ```
 */
export function gradientEquations(net: Network, params: readonly string[] = net.params): Map<string, Node> {
  checkParams(net, params);
  return grad(net.loss, params);
}

/**
 * ∂/∂θ of the loss summed over a data set (inputs and targets substituted exactly), from one
 * reverse sweep: the gradient whose zeros are the critical points of training on that data.
 *
 * @example
 * ```ts
 * const net = buildNetwork(parseSpec('1-1:identity'));
 * const g = datasetGradient(net, { inputs: [[Q(1)], [Q(2)]], targets: [[Q(3)], [Q(5)]] });
 * toText(g.get('b1_1')!); // '2*(b1_1 + 2*w1_1_1 - 5) + 2*(b1_1 + w1_1_1 - 3)'
 * ```
 */
export function datasetGradient(net: Network, data: Dataset, params: readonly string[] = net.params): Map<string, Node> {
  checkParams(net, params);
  return grad(datasetLoss(net, data), params);
}

function checkParams(net: Network, params: readonly string[]): void {
  const known = new Set(net.params);
  for (const p of params) if (!known.has(p)) throw new SpecError(`unknown parameter '${p}' (this network has ${describeParams(net)})`);
}

const describeParams = (net: Network): string =>
  net.params.length <= 12 ? net.params.join(', ') : `${net.params.slice(0, 6).join(', ')}, …, ${net.params.at(-1)}`;

/** One equation of the backprop recursion. */
export interface BackpropEquation {
  /** `z`, `a` (forward intermediates), `delta` (δ = ∂L/∂z), `grad` (∂L/∂θ). */
  readonly kind: 'z' | 'a' | 'delta' | 'grad';
  /** The name defined: `z2_1`, `a2_1`, `delta2_1`, or for `grad` the parameter `w2_1_1`. */
  readonly lhs: string;
  /** The right-hand side, in the symbols z{l}_{i}, a{l}_{i}, delta{l}_{i}, params, inputs, targets. */
  readonly rhs: Node;
  /** Layer l (1-based). */
  readonly layer: number;
}

/**
 * Name of the pre-activation z⁽ˡ⁾ᵢ in the recursion (LaTeX z^{(l)}_{i}).
 *
 * @example
 * ```ts
 * zName(2, 1); // 'z2_1'
 * ```
 */
export const zName = (l: number, i: number): string => `z${l}_${i}`;
/**
 * Name of the activation a⁽ˡ⁾ᵢ; layer 0 is the input, so `aName(0, j)` is `x{j}`.
 *
 * @example
 * ```ts
 * aName(2, 1); // 'a2_1'
 * aName(0, 3); // 'x3'
 * ```
 */
export const aName = (l: number, i: number): string => (l === 0 ? inputName(i) : `a${l}_${i}`);
/**
 * Name of δ⁽ˡ⁾ᵢ = ∂L/∂z⁽ˡ⁾ᵢ. Spelled `delta` (not `d`) so that LaTeX prints it as \delta^{(l)}_{i}.
 *
 * @example
 * ```ts
 * deltaName(1, 2); // 'delta1_2'
 * ```
 */
export const deltaName = (l: number, i: number): string => `delta${l}_${i}`;

/**
 * The backprop equations, in evaluation order: forward z, a for each layer, then δ from the
 * output layer down, each followed by its layer's ∂L/∂b and ∂L/∂w.
 *
 * @example
 * ```ts
 * const eqs = backpropEquations(buildNetwork(parseSpec('3-2-1:relu,identity:nobias')));
 * eqs.filter((e) => e.kind === 'delta').map(equationText);
 * // ['delta2_1 = 2*(a2_1 - y1)', 'delta1_1 = delta2_1*w2_1_1*heaviside(z1_1)', …]
 * ```
 */
export function backpropEquations(net: Network): BackpropEquation[] {
  const { spec } = net;
  const w = spec.widths;
  const L = w.length - 1;
  const eqs: BackpropEquation[] = [];
  for (let l = 1; l <= L; l++) {
    const act = layerActivation(spec, l);
    for (let i = 1; i <= w[l]!; i++) {
      const terms: Node[] = [];
      for (let j = 1; j <= w[l - 1]!; j++) terms.push(mul(sym(weightName(l, i, j)), sym(aName(l - 1, j))));
      if (spec.bias[l - 1]) terms.push(sym(biasName(l, i)));
      eqs.push({ kind: 'z', lhs: zName(l, i), rhs: add(...terms), layer: l });
    }
    for (let i = 1; i <= w[l]!; i++) eqs.push({ kind: 'a', lhs: aName(l, i), rhs: act.apply(sym(zName(l, i))), layer: l });
  }
  // ∂L/∂a⁽ᴸ⁾ₖ = 2c(a⁽ᴸ⁾ₖ − yₖ) for loss c·Σₖ(aₖ − yₖ)².
  const twoC = num(qmul(Q(2n), lossFactor(spec)));
  for (let l = L; l >= 1; l--) {
    const act = layerActivation(spec, l);
    for (let i = 1; i <= w[l]!; i++) {
      const upstream =
        l === L
          ? mul(twoC, sub(sym(aName(L, i)), sym(targetName(i))))
          : add(...Array.from({ length: w[l + 1]! }, (_, k) => mul(sym(weightName(l + 1, k + 1, i)), sym(deltaName(l + 1, k + 1)))));
      eqs.push({ kind: 'delta', lhs: deltaName(l, i), rhs: mul(upstream, act.derivative(sym(zName(l, i)))), layer: l });
    }
    for (let i = 1; i <= w[l]!; i++)
      for (let j = 1; j <= w[l - 1]!; j++)
        eqs.push({ kind: 'grad', lhs: weightName(l, i, j), rhs: mul(sym(deltaName(l, i)), sym(aName(l - 1, j))), layer: l });
    if (spec.bias[l - 1]) for (let i = 1; i <= w[l]!; i++) eqs.push({ kind: 'grad', lhs: biasName(l, i), rhs: sym(deltaName(l, i)), layer: l });
  }
  return eqs;
}

/**
 * Close a recursion: substitute every intermediate's right-hand side into the later equations,
 * in order. Returns ∂L/∂θ for each `grad` equation as a node in params, inputs and targets
 * (the same function as {@link gradientEquations}; the DAG stays shared because each substitution
 * is one memoised visit and nodes are interned). Works on any equation list of this shape, so a
 * variant recursion can be tested against the true gradient.
 *
 * @example
 * ```ts
 * const net = buildNetwork(parseSpec('1-1:identity'));
 * toText(closeEquations(backpropEquations(net)).get('w1_1_1')!); // '2*x1*(b1_1 - y1 + w1_1_1*x1)'
 * ```
 */
export function closeEquations(eqs: readonly BackpropEquation[]): Map<string, Node> {
  const env = recursionSubstitution(eqs);
  const out = new Map<string, Node>();
  for (const e of eqs) if (e.kind === 'grad') out.set(e.lhs, substitute(e.rhs, env));
  return out;
}

/**
 * The substitution that closes the recursion: each intermediate name (z, a, delta) mapped to its
 * closed node in params, inputs and targets. `substitute(rhs, it)` closes any equation.
 *
 * @example
 * ```ts
 * const s = recursionSubstitution(backpropEquations(buildNetwork(parseSpec('1-1:relu:nobias'))));
 * toText(s.get('delta1_1')!); // '2*heaviside(w1_1_1*x1)*(relu(w1_1_1*x1) - y1)'
 * ```
 */
export function recursionSubstitution(eqs: readonly BackpropEquation[]): Map<string, Node> {
  const env = new Map<string, Node>();
  for (const e of eqs) if (e.kind !== 'grad') env.set(e.lhs, substitute(e.rhs, env));
  return env;
}

/** The equation as text: `delta2_1 = 2*(a2_1 - y1)`, `dL/dw2_1_1 = delta2_1*a1_1`. */
export function equationText(e: BackpropEquation): string {
  return `${e.kind === 'grad' ? `dL/d${e.lhs}` : e.lhs} = ${toText(e.rhs)}`;
}

/** The equation as LaTeX: `\delta^{(2)}_{1} = …`, `\frac{\partial L}{\partial w^{(2)}_{1,1}} = …`. */
export function equationLatex(e: BackpropEquation): string {
  const lhs = e.kind === 'grad' ? `\\frac{\\partial L}{\\partial ${symbolLatex(e.lhs)}}` : symbolLatex(e.lhs);
  return `${lhs} = ${toLatex(e.rhs)}`;
}
