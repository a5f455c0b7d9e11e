/**
 * The explorer's "special" and "analysis" sections as document steps, made from the analysis's
 * results (data, never text parsed back): the special cases — identity networks collapse to
 * linear regression with β = W⁽¹⁾W⁽²⁾⋯ (seed 004) and δ as a product of transposed weight
 * matrices (seed 001), polynomial activations give a polynomial such as seed 000's quartic — and
 * the verdict with the critical points it found. The other sections reuse the derivation's own
 * section builders (src/report/sections.ts).
 */
import {
  type Analysis,
  type CriticalPoints,
  type Inline,
  type Network,
  type Row,
  type Step,
  analysisSummary,
  display,
  linearCollapse,
  m,
  minimaStatus,
  note,
  polynomialSteps,
  prose,
  qtoNumber,
  qtoString,
  row,
  symbolLatex,
  table,
} from '../index.js';

/** Rows listed in a table of critical points (the count of the rest is stated). */
export const LISTED_POINTS = 20;

/**
 * A coordinate or value in LaTeX: `3/4` → `\tfrac{3}{4}`; a decimal (the analysis gives irrational
 * coordinates to 12 places) to 8 significant digits, as the losses beside it.
 */
const valueLatex = (v: string): string =>
  /^-?\d+\.\d+$/.test(v) ? String(Number(Number(v).toPrecision(8))).replace(/e([-+]?\d+)$/, ' \\times 10^{$1}') : v.replace(/^(-?)(\d+)\/(\d+)$/, '$1\\tfrac{$2}{$3}');

const coordinates = (point: Readonly<Record<string, string>>): Inline[] =>
  Object.entries(point).flatMap(([k, v], i) => [...(i > 0 ? [', '] : []), m(`${symbolLatex(k)} = ${valueLatex(v)}`)]);

const more = (n: number): Step[] => (n > LISTED_POINTS ? [prose(`… and ${n - LISTED_POINTS} more (the CLI's analyze --json lists them all).`)] : []);

/** β and β₀ of an identity network as formulas in the weights, the matrix identity and seed 001's δ. */
function linearSteps(net: Network, a: Analysis): Step[] {
  const lin = a.linear!;
  const c = linearCollapse(net.spec);
  const many = c.beta.length > 1;
  const rows: Row[] = [];
  c.beta.forEach((r, k) => r.forEach((b, j) => rows.push(row(`\\beta_{${many ? `${k + 1},` : ''}${j + 1}}`, b))));
  c.beta0.forEach((b, k) => rows.push(row(`\\beta_{${many ? `${k + 1},` : ''}0}`, b)));
  return [
    prose('Every activation is the identity, so the network is a linear regression model ', m(`f = \\beta_0 + \\sum_j \\beta_j ${symbolLatex('x1').replace('1', 'j')}`), ' whose coefficients are products of the weights:'),
    display(rows, ['the coefficients of the single linear regression model']),
    display([{ lhs: '', rel: '', rhs: [lin.matrixForm] }], ['in matrix form']),
    lin.proved ? note('info', 'Proved: for every output, f minus the affine model expands to the zero polynomial.') : note('warning', 'The expansion did NOT confirm the linear form.'),
    prose('Backpropagation in closed form (the question of seed 001): with identity activations the recursion unrolls into a product of transposed weight matrices,'),
    display([{ lhs: '', rel: '', rhs: [lin.backpropLatex] }], ['the δ-recursion, closed']),
  ];
}

/**
 * The special cases that apply to the network: linear collapse (identity), the polynomial form and
 * its collapse Σ cₖ(θ)φₖ(x) (polynomial activations), activation patterns (ReLU family), or the
 * plain statement that none applies (transcendental).
 */
export function specialSteps(net: Network, a: Analysis): Step[] {
  const summary = analysisSummary(a);
  const steps: Step[] = [prose('Model class — ', ...summary.modelClass)];
  switch (a.class.kind) {
    case 'polynomial':
      // An identity network's expansion is its β and β₀ again: shown once.
      steps.push(...(a.linear !== undefined ? linearSteps(net, a) : polynomialSteps(net)));
      if (summary.collapse !== undefined) steps.push(prose('Collapsed form — ', ...summary.collapse));
      return steps;
    case 'piecewise':
      steps.push(
        prose('On each region where every unit keeps its sign (an activation pattern) the network is a polynomial; the special cases apply pattern by pattern.'),
        a.relu !== undefined ? prose(a.relu.summary) : note('info', 'Give a data set to enumerate the activation patterns it allows and solve each one exactly.'),
      );
      return steps;
    case 'transcendental':
      steps.push(note('info', 'No special case applies: no activation is the identity or a polynomial, so the network neither collapses to linear regression nor to a polynomial.'));
      return steps;
    default:
      return a.class satisfies never;
  }
}

function systemTable(cp: CriticalPoints): Step {
  const cells: [string, string][] = [
    ['equations', `${cp.equations}`],
    ['unknowns', `${cp.unknowns}`],
    ['degrees', [...new Set(cp.degrees)].join(', ')],
    ['Bézout bound', cp.bezout.toString()],
    ['regularisation', cp.regularisation],
    ['status', cp.status + (cp.message !== undefined ? `: ${cp.message}` : '')],
  ];
  if (cp.dimension !== undefined) cells.push(['dimension of the critical set', `${cp.dimension}`]);
  if (cp.complexSolutions !== undefined) cells.push(['complex solutions (with multiplicity)', `${cp.complexSolutions}`]);
  if (cp.eliminantDegree !== undefined) cells.push(['degree of the eliminant', `${cp.eliminantDegree}`]);
  if (cp.realSolutions !== undefined) cells.push(['real critical points', `${cp.realSolutions.length}`]);
  return table([['the system ', m('\\nabla L = 0')], ['']], cells.map(([k, v]) => [[k], [v]]));
}

function criticalSteps(a: Analysis): Step[] {
  const cp = a.criticalPoints;
  if (cp === undefined) return [];
  const steps: Step[] = [systemTable(cp)];
  const real = cp.realSolutions ?? [];
  if (real.length > 0) {
    const st = minimaStatus(cp, a.leastSquares);
    const word = st.regularised ? 'regularised loss' : 'loss';
    steps.push(
      table(
        [['#'], ['type'], [word], ['global'], ['point']],
        real.slice(0, LISTED_POINTS).map((r, i) => [[`${i + 1}`], [r.type], [r.loss.toPrecision(8)], [r.type !== 'minimum' || st.globalLoss === undefined ? '' : st.notGlobal.includes(i) ? 'no' : 'yes'], coordinates(r.point)]),
      ),
      ...more(real.length),
    );
  }
  const ls = a.landscape;
  if (ls !== undefined && ls.points.length > 0)
    steps.push(
      prose('Critical points on the rank-deficient strata (switched-off hidden units), where spurious minima live:'),
      table(
        [['#'], ['stratum'], ['type'], ['loss'], ['point']],
        ls.points.slice(0, LISTED_POINTS).map((p, i) => [[`${i + 1}`], [p.stratum], [p.type + (p.aboveKnown ? (p.type === 'minimum' ? ' (spurious)' : ' (not global)') : '')], [p.lossExact ?? p.loss.toPrecision(8)], coordinates(p.point)]),
      ),
      ...more(ls.points.length),
    );
  return steps;
}

/** The verdict, the exact least-squares optimum, the critical points, and what is exact or numeric. */
export function analysisSteps(a: Analysis): Step[] {
  const summary = analysisSummary(a);
  const steps: Step[] = [
    note('info', 'Verdict — ', ...summary.verdict),
    prose('The verdict names the options of ', m('\\texttt{closedform analyze}'), '; on this page --data is the data box, --l2 generic the regularisation choice and --timeout the time budget.'),
  ];
  if (summary.degree !== undefined) steps.push(prose('Degree — ', ...summary.degree));
  const ls = a.leastSquares;
  if (ls !== undefined)
    steps.push(
      prose(
        'Least squares over the span of the features, exactly (normal equations over ',
        m('\\mathbb{Q}'),
        '): the optimal loss is ',
        m(valueLatex(qtoString(ls.loss))),
        ` ≈ ${qtoNumber(ls.loss).toPrecision(8)}`,
        ls.attained.kind === 'point' ? ', attained by the network.' : `; no parameter point attaining it was found: ${ls.attained.reason}.`,
      ),
    );
  if (a.descent !== undefined) steps.push(prose(`Gradient descent (numeric, ${a.descent.starts} random starts × ${a.descent.steps} steps) reached the loss ${a.descent.best.toPrecision(8)}.`));
  steps.push(...criticalSteps(a));
  // what each finding rests on, from the verdict's data (analysis/verdict.ts)
  steps.push(table([['finding'], ['established by'], ['how']], (summary.facts ?? []).map((f) => [f.fact, [f.stage], [f.basis]])));
  if ((summary.gaps ?? []).length > 0) steps.push(table([['not established'], ['stage'], ['status']], summary.gaps!.map((f) => [f.fact, [f.stage], [f.basis]])));
  return steps;
}
