/**
 * Where a seed document's formula is wrong, the derived page of its network says so beside the
 * correct one (as the notebooks do), each correction checked here:
 *
 * Seed 000 (the quadratic network 1-2-1, slides' θ's: θ₀ = b⁽²⁾₁, θ₁ = w⁽²⁾₁,₁, θ₂ = w⁽²⁾₁,₂,
 * θ₁₀ = b⁽¹⁾₁, θ₁₁ = w⁽¹⁾₁,₁, θ₂₀ = b⁽¹⁾₂, θ₂₁ = w⁽¹⁾₂,₁):
 *   - the expansion of the inner quadratic has θ₂θ₂² for θ₂θ₂₀² (constant term) and θ₂θ₂₁ for
 *     θ₂θ₂₁² (x²-coefficient); the corrections are proved equal to `expand`'s coefficients;
 *   - ∂L/∂w_{j,k} = 2a′(f)a(zⱼ) − 2y for the chain rule's 2(f − y)a′(z_out)a(zⱼ);
 *   - ∂L/∂w_{i,j} = 2a′(f(z_out))a′(Σxᵢ) − 2y for 2(f − y)a′(z_out)w_{jk}a′(zⱼ)xᵢ;
 *   the corrected partials are proved equal to the reverse-mode gradient by expansion.
 * Seed 002 (arctan-sigmoid networks with the ½Σ loss): eq. 22 prints ∇_B^ℓ = A^{ℓ−1} ⊙ ∇_A^ℓ
 * for σ′(Z^ℓ) ⊙ ∇_A^ℓ (its numpy code has the correct one); the printed one is not even defined
 * when n_{ℓ−1} ≠ n_ℓ. The correction is checked against the gradient (`verifyIdentity`).
 */
import { getActivation } from '../activations/registry.js';
import { type Node, add, mul, num, pow, sub, sym } from '../expr/node.js';
import { coefficients } from '../poly/coefficients.js';
import { expand } from '../poly/expand.js';
import { polyToNode } from '../poly/print.js';
import { verifyIdentity } from '../poly/verify.js';
import { treeSize } from '../expr/walk.js';
import { toLatex } from '../print/latex.js';
import { type Network, gradientEquations } from '../network/index.js';
import { type Step, heading, m, note, prose } from './document.js';

/** What a corrected formula is: a partial derivative of the loss, or a coefficient of z_out in x₁. */
export type ErratumTarget = { readonly kind: 'partial'; readonly param: string } | { readonly kind: 'coefficient'; readonly power: number };

/** One wrong formula of a seed and its correction, both as nodes in the network's names. */
export interface Erratum {
  readonly seed: '000' | '002';
  /** where in the seed, in words */
  readonly where: string;
  /** the seed's formula as the seed writes it (LaTeX, its own notation) */
  readonly seedLatex: string;
  /** the correct formula (LaTeX, the seed's notation) */
  readonly correctLatex: string;
  /** the seed's formula in this network's names; undefined where it is not even defined */
  readonly seedNode?: Node;
  /** the correct formula in this network's names */
  readonly correctNode: Node;
  readonly target: ErratumTarget;
  /** the check of the correction: proved or sampled equal to the library's result */
  readonly check: { readonly holds: boolean; readonly confidence: string };
}

const s = (n: string): Node => sym(n);
/** The correct formula is also written in the network's names when its tree is this small (a line or two). */
const SHOWN_TREE = 60n;
const isSeed000 = (net: Network): boolean =>
  net.spec.widths.join('-') === '1-2-1' && net.spec.activations.every((a) => a === 'quadratic') && net.spec.bias.every(Boolean) && net.spec.loss === 'squared';
const isSeed002 = (net: Network): boolean => net.spec.activations.every((a) => a === 'arctan_sigmoid') && net.spec.loss === 'half-squared';

function seed000(net: Network): Erratum[] {
  const a = getActivation('quadratic')!;
  const G = gradientEquations(net, ['w2_1_1', 'w1_1_1']);
  const zOut = net.z[1]![0]!;
  const z1 = net.z[0]![0]!;
  const f = net.outputs[0]!;
  const y = s('y1');
  const byX = new Map(coefficients(expand(zOut), ['x1']).map((c) => [c.exps[0]!, polyToNode(c.coeff)]));
  const coefficient = (power: number, where: string, seedLatex: string, correctLatex: string, seedNode: Node, correctNode: Node): Erratum => ({
    seed: '000',
    where,
    seedLatex,
    correctLatex,
    seedNode,
    correctNode,
    target: { kind: 'coefficient', power },
    check: verifyIdentity(correctNode, byX.get(power)!),
  });
  const partial = (param: string, where: string, seedLatex: string, correctLatex: string, seedNode: Node, correctNode: Node): Erratum => ({
    seed: '000',
    where,
    seedLatex,
    correctLatex,
    seedNode,
    correctNode,
    target: { kind: 'partial', param },
    check: verifyIdentity(correctNode, G.get(param)!),
  });
  return [
    coefficient(
      0,
      'the expansion of the inner quadratic, constant term',
      '\\theta_0 + \\theta_1\\theta_{10}^2 + \\theta_2\\theta_2^2',
      '\\theta_0 + \\theta_1\\theta_{10}^2 + \\theta_2\\theta_{20}^2',
      add(s('b2_1'), mul(s('w2_1_1'), pow(s('b1_1'), 2)), mul(s('w2_1_2'), pow(s('w2_1_2'), 2))),
      add(s('b2_1'), mul(s('w2_1_1'), pow(s('b1_1'), 2)), mul(s('w2_1_2'), pow(s('b1_2'), 2))),
    ),
    coefficient(
      2,
      'the expansion of the inner quadratic, coefficient of x²',
      '\\theta_1\\theta_{11}^2 + \\theta_2\\theta_{21}',
      '\\theta_1\\theta_{11}^2 + \\theta_2\\theta_{21}^2',
      add(mul(s('w2_1_1'), pow(s('w1_1_1'), 2)), mul(s('w2_1_2'), s('w1_2_1'))),
      add(mul(s('w2_1_1'), pow(s('w1_1_1'), 2)), mul(s('w2_1_2'), pow(s('w1_2_1'), 2))),
    ),
    partial(
      'w2_1_1',
      'the gradient of an output-layer weight',
      "\\frac{\\partial L}{\\partial w_{j,k}} = 2a'\\big(f(\\vec x)\\big)\\,a\\Big(\\sum_i w_{ij}x_i + b_j\\Big) - 2y_k",
      "\\frac{\\partial L}{\\partial w_{j,k}} = 2\\,(f - y_k)\\,a'(z_{\\text{out}})\\,a(z_j)",
      sub(mul(num(2), a.derivative(f), a.apply(z1)), mul(num(2), y)),
      mul(num(2), sub(f, y), a.derivative(zOut), a.apply(z1)),
    ),
    partial(
      'w1_1_1',
      'the gradient of a hidden-layer weight',
      "2a'\\Big(f\\big(\\sum_j w_{jk}a(\\dots) + b_k\\big)\\Big)\\,a'\\Big(\\sum_i x_i\\Big) - 2y_k",
      "\\frac{\\partial L}{\\partial w_{i,j}} = 2\\,(f - y_k)\\,a'(z_{\\text{out}})\\,w_{jk}\\,a'(z_j)\\,x_i",
      sub(mul(num(2), a.derivative(a.apply(zOut)), a.derivative(s('x1'))), mul(num(2), y)),
      mul(num(2), sub(f, y), a.derivative(zOut), s('w2_1_1'), a.derivative(z1), s('x1')),
    ),
  ];
}

function seed002(net: Network): Erratum[] {
  const w = net.spec.widths;
  const L = w.length - 1;
  const act = getActivation('arctan_sigmoid')!;
  const param = `b${L}_1`;
  if (!net.params.includes(param)) return [];
  const G = gradientEquations(net, [param]);
  // ∇_A^L = A^L − A* (eq. 25, ½Σ loss); eq. 22 for ∂L/∂B^L, first entry
  const nablaA = sub(net.a[L - 1]![0]!, s('y1'));
  const defined = L >= 2 && w[L - 1] === w[L];
  return [
    {
      seed: '002',
      where: 'eq. 22 (the boxed recursion)',
      seedLatex: '\\nabla_{B}^{\\ell}\\mathcal{L} = A^{\\ell-1} \\odot \\nabla_{A}^{\\ell}\\mathcal{L}',
      correctLatex: "\\nabla_{B}^{\\ell}\\mathcal{L} = \\sigma'(Z^{\\ell}) \\odot \\nabla_{A}^{\\ell}\\mathcal{L}",
      ...(defined ? { seedNode: mul(net.a[L - 2]![0]!, nablaA) } : {}),
      correctNode: mul(act.derivative(net.z[L - 1]![0]!), nablaA),
      target: { kind: 'partial', param },
      check: verifyIdentity(mul(act.derivative(net.z[L - 1]![0]!), nablaA), G.get(param)!),
    },
  ];
}

/**
 * The seeds' wrong formulas that concern this network, with their corrections checked.
 *
 * @example
 * ```ts
 * seedErrata(buildNetwork(parseSpec('1-2-1:quadratic'))).length; // 4
 * seedErrata(buildNetwork(parseSpec('2-2-1:tanh,identity'))).length; // 0
 * ```
 */
export function seedErrata(net: Network): Erratum[] {
  if (isSeed000(net)) return seed000(net);
  if (isSeed002(net)) return seed002(net);
  return [];
}

/** The page's section: each wrong formula beside the correct one, with how the correction is checked. */
export function errataSection(net: Network): Step[] {
  const errata = seedErrata(net);
  if (errata.length === 0) return [];
  const steps: Step[] = [
    heading(`Where seed ${errata[0]!.seed} is wrong`, 2),
    prose(`This network is the one of seed ${errata[0]!.seed}. Where the seed's formula is wrong, it is shown beside the correct one, and the correct one is checked against the library's result.`),
  ];
  for (const e of errata) {
    const target = e.target.kind === 'partial' ? `the gradient ∂L/∂${e.target.param}` : `the coefficient of x₁${e.target.power === 2 ? '²' : '⁰'} in the expansion`;
    steps.push(
      note(
        e.check.holds ? 'info' : 'warning',
        `Seed ${e.seed}, ${e.where}: the seed writes `,
        m(e.seedLatex),
        e.seedNode === undefined ? ' (not even defined here: a Hadamard product of vectors of different lengths)' : '',
        '; correct: ',
        m(e.correctLatex),
        ...(treeSize(e.correctNode) <= SHOWN_TREE ? [', here ', m(toLatex(e.correctNode))] : []),
        `. Checked against ${target}: ${e.check.holds ? '' : 'NOT confirmed — '}${e.check.confidence}.`,
      ),
    );
  }
  return steps;
}
