/**
 * The equations of a network as LaTeX strings built from its spec, for derivation documents:
 * per neuron (seed 002 eq. 1, seed 004 eq. 10.1), vectorised (seed 002 eq. 2 in the `layer`
 * convention, seed 004 eq. 10.13 in the `rows` convention), and the backprop recursion in
 * matrix form (seed 002 eqs. 22–24 with σ'(Z) in eq. 22, as its eq. 10 says; seed 003's Jacobian).
 *
 * Every activation is printed by its own registry LaTeX, so the equations name the actual σ.
 */
import type { Activation } from '../activations/activation.js';
import { ONE_NODE, sym } from '../expr/node.js';
import { toLatex } from '../print/latex.js';
import { layerActivation } from './build.js';
import type { NetworkSpec } from './spec.js';

// \mathbf does not bold Greek letters in KaTeX; \boldsymbol does.
const bold = (s: string): string => (s.startsWith('\\') ? `\\boldsymbol{${s}}` : `\\mathbf{${s}}`);
const sup = (l: number | string): string => `^{(${l})}`;

/** σ applied to LaTeX `arg`, with the layer's activation; identity prints the bare argument. */
const apply = (act: Activation, arg: string): string => act.latex(arg);

/**
 * An activation applied entry by entry to a vector or matrix. A power z^k written (Z)^k would
 * read as a matrix power, so z² is Z ⊙ Z and z^k the Hadamard power Z^{⊙k}.
 */
function applyEntrywise(act: Activation, arg: string): string {
  const st = act.structure;
  if (st.kind !== 'polynomial' || st.degree < 2) return apply(act, arg);
  const atomic = !/[ +]/.test(arg);
  if (st.degree === 2 && atomic) return `${arg} \\odot ${arg}`;
  return `${atomic ? `{${arg}}` : `\\left(${arg}\\right)`}^{\\odot ${st.degree}}`;
}

/**
 * σ'(arg) in LaTeX, or undefined when σ' ≡ 1 (identity: the ⊙ factor is dropped). The derivative
 * node is built at the placeholder symbol ζ and printed; ζ is then replaced by the argument.
 */
function derivativeLatex(act: Activation, arg: string): { readonly s: string; readonly call: boolean } | undefined {
  const d = act.derivative(sym('zeta'));
  if (d === ONE_NODE) return undefined;
  // call: a single function call (H(z), σ_arctan'(z)), which needs no brackets after ⊙ or inside diag
  return { s: toLatex(d).replaceAll('\\zeta', `{${arg}}`), call: d.kind === 'fn' };
}

/**
 * One equation per layer for every neuron: a⁽ˡ⁾ᵢ = σ(Σⱼ w⁽ˡ⁾ᵢⱼ a⁽ˡ⁻¹⁾ⱼ + b⁽ˡ⁾ᵢ), i = 1…n_l.
 * Rows convention: the bias first, as in seed 004's (10.1a).
 *
 * @example
 * ```ts
 * neuronLatex(parseSpec('3-2-1:relu,identity:nobias'))[0];
 * // 'a^{(1)}_{i} = \\operatorname{ReLU}\\left(\\sum_{j=1}^{3} w^{(1)}_{i,j} x_{j}\\right), \\quad i = 1, \\dots, 2'
 * ```
 */
export function neuronLatex(spec: NetworkSpec): string[] {
  const L = spec.widths.length - 1;
  const out: string[] = [];
  for (let l = 1; l <= L; l++) {
    const act = layerActivation(spec, l);
    const prev = l === 1 ? 'x_{j}' : `a${sup(l - 1)}_{j}`;
    const sum = `\\sum_{j=1}^{${spec.widths[l - 1]}} w${sup(l)}_{i,j} ${prev}`;
    const b = `b${sup(l)}_{i}`;
    const arg = !spec.bias[l - 1] ? sum : spec.convention === 'rows' ? `${b} + ${sum}` : `${sum} + ${b}`;
    const lhs = l === L ? 'f_{i}' : `a${sup(l)}_{i}`;
    out.push(`${lhs} = ${apply(act, arg)}, \\quad i = 1, \\dots, ${spec.widths[l]}`);
  }
  return out;
}

/**
 * The vectorised forward pass.
 * `layer` (seed 002 eq. 2): Z⁽ˡ⁾ = W⁽ˡ⁾A⁽ˡ⁻¹⁾ + B⁽ˡ⁾, A⁽ˡ⁾ = σ(Z⁽ˡ⁾), A⁽⁰⁾ = x, W⁽ˡ⁾ ∈ ℝ^{n_l×n_{l−1}}.
 * `rows` (seed 004 eq. 10.13): data points as rows of X; H = σ(XW⁽¹⁾ + b⁽¹⁾), Z = HW⁽²⁾ + b⁽²⁾,
 * W⁽ˡ⁾ ∈ ℝ^{n_{l−1}×n_l} with entries W⁽ˡ⁾_{j,i} = w⁽ˡ⁾_{i,j} (the transpose), b⁽ˡ⁾ a row
 * broadcast over the rows.
 *
 * @example
 * ```ts
 * vectorizedLatex(parseSpec('3-4-1:identity:rows'));
 * // ['\\mathbf{H} = \\mathbf{X} \\mathbf{W}^{(1)} + \\mathbf{b}^{(1)}', '\\mathbf{Z} = \\mathbf{H} \\mathbf{W}^{(2)} + \\mathbf{b}^{(2)}', …]
 * ```
 */
export function vectorizedLatex(spec: NetworkSpec): string[] {
  const L = spec.widths.length - 1;
  const out: string[] = [];
  if (spec.convention === 'rows') {
    // Hidden layers H (one) or H⁽ˡ⁾ (several); the output Z; the input X.
    const H = (l: number): string => (l === 0 ? bold('X') : l === L ? bold('Z') : L === 2 ? bold('H') : `${bold('H')}${sup(l)}`);
    for (let l = 1; l <= L; l++) {
      const lin = `${H(l - 1)} ${bold('W')}${sup(l)}${spec.bias[l - 1] ? ` + ${bold('b')}${sup(l)}` : ''}`;
      out.push(`${H(l)} = ${applyEntrywise(layerActivation(spec, l), lin)}`);
    }
    out.push(
      `${bold('X')} \\in \\mathbb{R}^{n \\times ${spec.widths[0]}}, \\quad ${bold('W')}${sup('\\ell')} \\in \\mathbb{R}^{n_{\\ell-1} \\times n_{\\ell}}, \\quad W${sup('\\ell')}_{j,i} = w${sup('\\ell')}_{i,j}`,
    );
    return out;
  }
  for (let l = 1; l <= L; l++) {
    // one data point: vectors in bold lower case (as in the backprop form), matrices in bold capitals
    const prev = l === 1 ? bold('x') : `${bold('a')}${sup(l - 1)}`;
    const zl = `${bold('z')}${sup(l)}`;
    out.push(`${zl} = ${bold('W')}${sup(l)} ${prev}${spec.bias[l - 1] ? ` + ${bold('b')}${sup(l)}` : ''}`);
    out.push(`${bold('a')}${sup(l)} = ${applyEntrywise(layerActivation(spec, l), zl)}`);
  }
  out.push(`${bold('W')}${sup('\\ell')} \\in \\mathbb{R}^{n_{\\ell} \\times n_{\\ell-1}}, \\quad W${sup('\\ell')}_{i,j} = w${sup('\\ell')}_{i,j}, \\quad \\mathbf{f} = ${bold('a')}${sup(L)}`);
  return out;
}

/**
 * The backprop recursion in matrix form, for one data point, with the layer's actual σ':
 *   δ⁽ᴸ⁾ = ∇_a L ⊙ σ'(z⁽ᴸ⁾),  δ⁽ˡ⁾ = ((W⁽ˡ⁺¹⁾)ᵀ δ⁽ˡ⁺¹⁾) ⊙ σ'(z⁽ˡ⁾),
 *   ∂L/∂b⁽ˡ⁾ = δ⁽ˡ⁾,  ∂L/∂W⁽ˡ⁾ = δ⁽ˡ⁾ ⊗ a⁽ˡ⁻¹⁾ (`rows`: a⁽ˡ⁻¹⁾ ⊗ δ⁽ˡ⁾, W⁽ˡ⁺¹⁾ δ⁽ˡ⁺¹⁾),
 * and for each non-linear layer the Jacobian ∂a⁽ˡ⁾/∂z⁽ˡ⁾ = diag(σ'(z⁽ˡ⁾)) (seed 003).
 *
 * @example
 * ```ts
 * backpropMatrixLatex(parseSpec('3-2-1:relu,identity:nobias'));
 * // δ^{(2)} = 2(a^{(2)} − y), δ^{(1)} = ((W^{(2)})^⊤ δ^{(2)}) ⊙ H(z^{(1)}), …
 * ```
 */
export function backpropMatrixLatex(spec: NetworkSpec): string[] {
  const L = spec.widths.length - 1;
  const rows = spec.convention === 'rows';
  const v = (s: string, l: number | string): string => `${bold(s)}${sup(l)}`;
  const out: string[] = [];
  const grad = spec.loss === 'half-squared' ? `${v('a', L)} - ${bold('y')}` : `2\\left(${v('a', L)} - ${bold('y')}\\right)`;
  for (let l = L; l >= 1; l--) {
    const act = layerActivation(spec, l);
    const d = derivativeLatex(act, v('z', l));
    const upstream = l === L ? grad : rows ? `${v('W', l + 1)} ${v('\\delta', l + 1)}` : `\\left(${v('W', l + 1)}\\right)^{\\top} ${v('\\delta', l + 1)}`;
    out.push(`${v('\\delta', l)} = ${d === undefined ? upstream : `\\left(${upstream}\\right) \\odot ${d.call ? d.s : `\\left(${d.s}\\right)`}`}`);
    if (d !== undefined) out.push(`\\frac{\\partial ${v('a', l)}}{\\partial ${v('z', l)}} = \\operatorname{diag}\\left(${d.s}\\right)`);
    const prev = l === 1 ? bold('x') : v('a', l - 1);
    out.push(`\\frac{\\partial L}{\\partial ${v('W', l)}} = ${rows ? `${prev} \\otimes ${v('\\delta', l)}` : `${v('\\delta', l)} \\otimes ${prev}`}`);
    if (spec.bias[l - 1]) out.push(`\\frac{\\partial L}{\\partial ${v('b', l)}} = ${v('\\delta', l)}`);
  }
  return out;
}
