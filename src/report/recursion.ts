/**
 * Seed 001's closed-form δ-recursion as a section of the derivation of an identity network.
 *
 * With every activation the identity, σ′ = 1 and backprop δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾)ᵀ δ⁽ˡ⁺¹⁾ unrolls to
 *   δ⁽ⁿ⁾ = (W⁽ⁿ⁺¹⁾)ᵀ ⋯ (W⁽ᴸ⁾)ᵀ δ⁽ᴸ⁾                     (layer layout, W⁽ˡ⁾ᵢⱼ into unit i from j)
 *   δ⁽ⁿ⁾ = (Wᵀ)^{L−n} δ⁽ᴸ⁾ = (W^{L−n})ᵀ δ⁽ᴸ⁾            (tied: W⁽ˡ⁾ = W, all widths equal)
 *   δ⁽ⁿ⁾ = R D^{L−n} Rᵀ δ⁽ᴸ⁾   for symmetric W = R D Rᵀ (R orthogonal, D diagonal).
 * Seed 001 writes W = RᵀDR and δⁿ = RᵀD^{m−n}R: the same statement with R's rows the
 * eigenvectors, and it needs W symmetric (the spectral theorem: an orthogonal diagonalisation
 * exists exactly for symmetric W; a diagonalisable W = PDP⁻¹ gives (Wᵀ)ᵏ = P⁻ᵀDᵏPᵀ, no
 * orthogonal P); it also drops the factor δᵐ. The matrices shown are built here as nodes (the
 * same nodes the page prints), and the identity of the unrolled product with the reverse-mode δ
 * is proved by expansion in `analysis/recursion.ts`'s `linearDelta`.
 */
import { type Node, sym } from '../expr/node.js';
import { expand } from '../poly/expand.js';
import { polyIsZero, polySub } from '../poly/poly.js';
import { toLatex } from '../print/latex.js';
import type { Network } from '../network/index.js';
import type { NetworkSpec } from '../network/spec.js';
import { isLinearSpec } from '../analysis/linear.js';
import { type NodeMatrix, matMulNodes, transpose } from '../analysis/linalg.js';
import { weightMatrix } from '../analysis/names.js';
import { linearDelta } from '../analysis/recursion.js';
import { type Step, display, heading, m, note, prose } from './document.js';

/** Matrices of at most this side are written out entry by entry (larger ones only as products). */
const MAX_SIDE = 3;
/** Deepest tied power written out: (Wᵀ)^k's entries have 2^… terms; k ≤ 3 keeps them a line each. */
const MAX_POWER = 3;

/** The matrices of the closed-form recursion for δ⁽¹⁾, as nodes. */
export interface RecursionMatrices {
  /** (W⁽²⁾)ᵀ ⋯ (W⁽ᴸ⁾)ᵀ in the network's weight names: δ⁽¹⁾ = this · δ⁽ᴸ⁾ */
  readonly transfer: NodeMatrix;
  /** with tied weights (all widths equal): (Wᵀ)^{L−1} in the entries w_{i,j} of the one W, else undefined */
  readonly tiedPower?: NodeMatrix;
}

/** The tied weight matrix W = (w_{i,j}), n × n. */
export const tiedMatrix = (n: number): Node[][] => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => sym(`w_${i + 1}_${j + 1}`)));

/**
 * The transfer matrices of δ⁽¹⁾ for an identity network with L ≥ 2 (else undefined).
 *
 * @example
 * ```ts
 * const r = recursionMatrices(parseSpec('2-2-2-2:identity'))!;
 * String(r.tiedPower![0]![1]); // 'w_1_1*w_2_1 + w_2_1*w_2_2'
 * ```
 */
export function recursionMatrices(spec: NetworkSpec): RecursionMatrices | undefined {
  const w = spec.widths;
  const L = w.length - 1;
  if (!isLinearSpec(spec) || L < 2) return undefined;
  let transfer: NodeMatrix | undefined;
  for (let l = 2; l <= L; l++) {
    const t = transpose(weightMatrix(w, l));
    transfer = transfer === undefined ? t : matMulNodes(transfer, t);
  }
  if (!w.every((n) => n === w[0])) return { transfer: transfer! };
  const Wt = transpose(tiedMatrix(w[0]!));
  let tiedPower: NodeMatrix = Wt;
  for (let k = 2; k <= L - 1; k++) tiedPower = matMulNodes(tiedPower, Wt);
  return { transfer: transfer!, tiedPower };
}

const bmatrix = (a: NodeMatrix): string => `\\begin{bmatrix} ${a.map((r) => r.map(toLatex).join(' & ')).join(' \\\\ ')} \\end{bmatrix}`;
const small = (a: NodeMatrix): boolean => a.length <= MAX_SIDE && (a[0]?.length ?? 0) <= MAX_SIDE;

/** δ⁽ⁿ⁾ from reverse mode equals the unrolled product for every n, proved by expansion. */
function provedForAll(w: readonly number[], tied: boolean): boolean {
  for (let n = 0; n < w.length - 1; n++) {
    const d = linearDelta(w, n, tied);
    if (!d.fromGradient.every((g, i) => polyIsZero(polySub(expand(g), expand(d.closedForm[i]!))))) return false;
  }
  return true;
}

/** The section, for identity networks with a hidden layer; none otherwise. */
export function recursionSection(net: Network): Step[] {
  const spec = net.spec;
  const mats = recursionMatrices(spec);
  if (mats === undefined) return [];
  const w = spec.widths;
  const L = w.length - 1;
  const W = (l: number | string): string => `\\mathbf{W}^{(${l})}`;
  const T = (l: number | string): string => `\\left(${W(l)}\\right)^{\\top}`;
  const steps: Step[] = [
    heading('Backpropagation in closed form (seed 001)', 2),
    prose(
      'Every activation is the identity, so ',
      m("\\sigma' = 1"),
      ' and the recursion ',
      m(`\\boldsymbol{\\delta}^{(\\ell)} = ${T('\\ell+1')} \\boldsymbol{\\delta}^{(\\ell+1)}`),
      ` unrolls (layer layout: ${spec.convention === 'rows' ? 'the transposes of the row-layout matrices, ' : ''}`,
      m('W^{(\\ell)}_{i,j}'),
      ' into unit ',
      m('i'),
      ' from unit ',
      m('j'),
      '):',
    ),
    display(
      [{ lhs: '\\boldsymbol{\\delta}^{(n)}', rhs: [`${T('n+1')} \\cdots ${T(L)}\\, \\boldsymbol{\\delta}^{(${L})}, \\quad n = 1, \\dots, ${L - 1}`] }],
      'the δ-recursion unrolled',
    ),
  ];
  if (small(mats.transfer))
    steps.push(
      prose('For the first layer the product is:'),
      display([{ lhs: `${Array.from({ length: L - 1 }, (_, i) => T(i + 2)).join('')}`, rhs: [bmatrix(mats.transfer)] }], 'transfer matrix of δ⁽¹⁾'),
    );
  const tied = mats.tiedPower !== undefined;
  if (tied) {
    steps.push(
      prose('With tied weights (one matrix ', m('\\mathbf{W}'), ' in every layer, possible here because every width is ', `${w[0]}`, ') the product is a power, and for a symmetric ', m('\\mathbf{W}'), ' one diagonalisation gives every power:'),
      display(
        [
          { lhs: '\\boldsymbol{\\delta}^{(n)}', rhs: [`\\left(\\mathbf{W}^{\\top}\\right)^{${L}-n} \\boldsymbol{\\delta}^{(${L})} = \\left(\\mathbf{W}^{${L}-n}\\right)^{\\top} \\boldsymbol{\\delta}^{(${L})}`] },
          { lhs: '\\boldsymbol{\\delta}^{(n)}', rhs: [`\\mathbf{R} \\mathbf{D}^{${L}-n} \\mathbf{R}^{\\top} \\boldsymbol{\\delta}^{(${L})} \\quad \\text{for } \\mathbf{W} = \\mathbf{R} \\mathbf{D} \\mathbf{R}^{\\top},\\ \\mathbf{R}^{\\top}\\mathbf{R} = \\mathbf{I},\\ \\mathbf{D} \\text{ diagonal}`] },
        ],
        'tied weights',
      ),
    );
    if (small(mats.tiedPower!) && L - 1 <= MAX_POWER)
      steps.push(display([{ lhs: `\\left(\\mathbf{W}^{\\top}\\right)^{${L - 1}}`, rhs: [bmatrix(mats.tiedPower!)] }], ['δ⁽¹⁾ = this · δ⁽', `${L}`, '⁾, tied weights']));
    steps.push(
      note(
        'info',
        'Seed 001 writes ',
        m('W = R^{\\top} D R'),
        ' and ',
        m('\\delta^{n} = R^{\\top} D^{m-n} R'),
        ': the same statement with the rows of ',
        m('R'),
        ' (not its columns) the eigenvectors, and missing the factor ',
        m('\\delta^{m}'),
        '. It needs ',
        m('W'),
        ' symmetric: an orthogonal diagonalisation exists exactly for symmetric matrices (the spectral theorem); a diagonalisable ',
        m('W = P D P^{-1}'),
        ' in general gives ',
        m('(W^{\\top})^{k} = P^{-\\top} D^{k} P^{\\top}'),
        ', with no orthogonal ',
        m('P'),
        '.',
      ),
    );
  }
  const proved = provedForAll(w, false) && (!tied || provedForAll(w, true));
  steps.push(
    prose(
      proved
        ? 'Proved by expansion: for every layer n the unrolled product equals the δ that reverse-mode differentiation gives'
        : 'NOT confirmed: the unrolled product differs from reverse mode for some layer',
      tied ? ', with untied and with tied weights.' : '.',
    ),
  );
  return steps;
}
