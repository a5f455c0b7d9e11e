/**
 * Seed 001: the backprop recursion in closed form for linear networks.
 *
 * With δˡ = ∂L/∂zˡ (layer convention, zˡ = Wˡaˡ⁻¹ + bˡ, aˡ = f(zˡ)) backprop is
 *   δⁿ = f′(zⁿ) ⊙ (Wⁿ⁺¹)ᵀ δⁿ⁺¹.
 * For f the identity, f′ = 1 and the recursion unrolls to
 *   δⁿ = (Wⁿ⁺¹)ᵀ (Wⁿ⁺²)ᵀ ⋯ (Wᵐ)ᵀ δᵐ                              (untied)
 *   δⁿ = (Wᵀ)^{m−n} δᵐ = (W^{m−n})ᵀ δᵐ                             (tied: Wˡ = W for all l)
 *   δⁿ = R D^{m−n} Rᵀ δᵐ   when W = R D Rᵀ, R orthogonal, D diagonal  (symmetric W)
 * What the seed's comment writes, δⁿ = (W^{m−n})ᵀ, drops the factor δᵐ it multiplies; its
 * W = RᵀDR, δⁿ = RᵀD^{m−n}R is the same statement with R's rows (not columns) the eigenvectors,
 * and it needs W symmetric: a diagonalizable W in general is W = P D P⁻¹, with
 * (Wᵀ)^k = P⁻ᵀ D^k Pᵀ, and no orthogonal P. For a non-linear f the factors f′(zˡ) stay:
 * δⁿ = diag f′(zⁿ) (Wⁿ⁺¹)ᵀ diag f′(zⁿ⁺¹) ⋯ (Wᵐ)ᵀ δᵐ, which has no power form.
 */
import { type Node, ZERO_NODE, add, mul, num, sub, sym } from '../expr/node.js';
import { type Rational, Q } from '../expr/rational.js';
import { grad } from '../diff/reverse.js';
import { type NodeMatrix, type QMatrix, eqQ, matMulNodes, matMulQ, matPowQ, transpose } from './linalg.js';
import { weightMatrix } from './names.js';
import { AnalysisError } from './errors.js';

/** The δ-recursion unrolled: δⁿ from the symbolic gradient and from the closed form. */
export interface LinearDelta {
  /** δⁿ = ∂L/∂zⁿ from the library's reverse-mode gradient, L = ½‖zᵐ − y‖² */
  readonly fromGradient: readonly Node[];
  /** (Wⁿ⁺¹)ᵀ ⋯ (Wᵐ)ᵀ δᵐ built as a matrix product, δᵐ = zᵐ − y */
  readonly closedForm: readonly Node[];
  /** the product (Wⁿ⁺¹)ᵀ ⋯ (Wᵐ)ᵀ itself */
  readonly transfer: NodeMatrix;
}

/**
 * δⁿ of a linear network with widths w (layers 1…m = w.length − 1), twice: by reverse-mode
 * differentiation of L = ½Σₖ(zᵐₖ − yₖ)² with respect to symbols u = zⁿ, and by the closed form.
 * With `tied`, every layer uses the one square matrix W = W¹ (all widths equal).
 *
 * @example
 * ```ts
 * const d = linearDelta([2, 2, 2, 2], 1, false);
 * // d.fromGradient[i] and d.closedForm[i] are equal polynomials (verify by expansion)
 * ```
 */
export function linearDelta(w: readonly number[], n: number, tied: boolean): LinearDelta {
  const m = w.length - 1;
  if (n < 0 || n >= m) throw new AnalysisError(`layer n = ${n} must be in 0…${m - 1}`);
  if (tied && w.some((x) => x !== w[0])) throw new AnalysisError('tied weights need all widths equal');
  const Wl = (l: number): Node[][] => weightMatrix(w, tied ? 1 : l);
  // zᵐ as a function of u = zⁿ (biases do not affect δ and are omitted)
  let z: NodeMatrix = Array.from({ length: w[n]! }, (_, i) => [sym(`u${i + 1}`)]);
  for (let l = n + 1; l <= m; l++) z = matMulNodes(Wl(l), z);
  const dm = z.map((r, k) => sub(r[0]!, sym(`y${k + 1}`)));
  const loss = mul(num(Q(1, 2)), add(...dm.map((d) => mul(d, d))));
  const uNames = Array.from({ length: w[n]! }, (_, i) => `u${i + 1}`);
  const g = grad(loss, uNames);
  const fromGradient = uNames.map((u) => g.get(u) ?? ZERO_NODE);
  let transfer: NodeMatrix | undefined;
  for (let l = n + 1; l <= m; l++) {
    const t = transpose(Wl(l));
    transfer = transfer === undefined ? t : matMulNodes(transfer, t);
  }
  const closedForm = matMulNodes(transfer!, dm.map((d) => [d])).map((r) => r[0]!);
  return { fromGradient, closedForm, transfer: transfer! };
}

/** The symmetric case checked exactly on rational matrices. */
export interface SymmetricPowerCheck {
  /** W = R D Rᵀ */
  readonly W: Rational[][];
  /** (Wᵀ)^k computed by repeated multiplication equals R D^k Rᵀ, exactly */
  readonly columnsForm: boolean;
  /** the seed's orientation with S = Rᵀ (rows of S the eigenvectors): W = SᵀDS and (Wᵀ)^k = SᵀD^kS */
  readonly seedForm: boolean;
}

/**
 * Check (Wᵀ)^k = R D^k Rᵀ for W = R D Rᵀ with an orthogonal rational R and diagonal D, exactly.
 *
 * @example
 * ```ts
 * const R = cayleyOrthogonal([[Q(0), Q(1, 2)], [Q(-1, 2), Q(0)]]);
 * symmetricPowerCheck(R, [Q(2), Q(-1)], 3).columnsForm; // true
 * ```
 */
export function symmetricPowerCheck(R: QMatrix, d: readonly Rational[], k: number): SymmetricPowerCheck {
  const D = d.map((v, i) => d.map((_, j) => (i === j ? v : { n: 0n, d: 1n })));
  const Rt = transpose(R);
  const W = matMulQ(matMulQ(R, D), Rt);
  const lhs = matPowQ(transpose(W), k);
  const Dk = matPowQ(D, k);
  const columnsForm = eqQ(lhs, matMulQ(matMulQ(R, Dk), Rt));
  const S = Rt; // seed: W = SᵀDS
  const seedForm = eqQ(W, matMulQ(matMulQ(transpose(S), D), S)) && eqQ(lhs, matMulQ(matMulQ(transpose(S), Dk), S));
  return { W, columnsForm, seedForm };
}
