/**
 * The analysis module's answer (`analyze`) as the derivation shows it: the class and its reason,
 * the degrees, the collapsed form Σ cₖ(θ) φₖ(x) with its dimension count, β = W₁W₂⋯ for identity
 * networks, which parts are exact and which numeric, and the verdict.
 */
import { parse } from '../print/parse.js';
import { symbolLatex } from '../print/latex.js';
import type { Analysis } from '../analysis/index.js';
import { type Inline, type Row, type Step, display, m, prose, table } from './document.js';
import type { AnalysisSummary } from './summary.js';
import { row } from './rows.js';

const CLASS_WORDS = { polynomial: 'polynomial', piecewise: 'piecewise polynomial', transcendental: 'transcendental' } as const;

/**
 * Summarise an analysis for a derivation document.
 *
 * @example
 * ```ts
 * import { analyze, analysisSummary, parseSpec } from 'closedform';
 * analysisSummary(analyze(parseSpec('1-2-1:quadratic'))).modelClass; // ['polynomial: every activation is a polynomial …']
 * ```
 */
export function analysisSummary(a: Analysis): AnalysisSummary {
  const c = a.class;
  const modelClass: Inline[] = [`${CLASS_WORDS[c.kind]}: ${c.reason}.`];
  const deg = a.collapse?.degree ?? (c.kind === 'transcendental' ? undefined : c.degree);
  const degree: Inline[] | undefined =
    deg === undefined ? undefined : [`${deg.inputs} in the inputs and ${deg.params} in the parameters`, a.collapse ? ' (of the exact expansion).' : ' (bounds from the activations).'];
  const steps: Step[] = [];
  let collapse: Inline[] | undefined;
  if (a.collapse !== undefined) {
    const k = a.collapse;
    collapse = [
      m('f = \\sum_{k=1}^{K} c_k(\\theta)\\, \\varphi_k(x)'),
      ` with K = ${k.K} monomial features over P = ${k.P} parameters; the Jacobian `,
      m('\\partial c / \\partial \\theta'),
      ` has generic rank ${k.rank}, so the network reaches a ${k.rank}-dimensional set of the ${k.K}-dimensional span of the features`,
      k.filling ? ' (it fills it: every polynomial of that form is reached locally).' : ' (it does not fill it).',
    ];
  } else if (a.collapseRefused !== undefined) collapse = [`not computed: ${a.collapseRefused}.`];
  if (a.linear !== undefined) steps.push(...linearSteps(a));
  if (a.numeric.length === 0) steps.push(prose(`Exact (no floating point): ${a.exact.join('; ')}.`));
  else
    steps.push(
      table(
        [['exact'], ['numeric']],
        Array.from({ length: Math.max(a.exact.length, a.numeric.length) }, (_, i) => [[a.exact[i] ?? ''], [a.numeric[i] ?? '']]),
      ),
    );
  return {
    modelClass,
    ...(collapse !== undefined ? { collapse } : {}),
    ...(degree !== undefined ? { degree } : {}),
    verdict: [a.verdict],
    steps,
  };
}

/** Identity networks: β and β₀ as formulas in the weights (proved by expansion in the analysis). */
function linearSteps(a: Analysis): Step[] {
  const l = a.linear!;
  const rows: Row[] = [];
  l.beta.forEach((r, k) => r.forEach((t, j) => rows.push(row(`\\beta_{${l.beta.length > 1 ? `${k + 1},` : ''}${j + 1}}`, parse(t)))));
  l.beta0.forEach((t, k) => rows.push(row(`\\beta_{${l.beta0.length > 1 ? `${k + 1},` : ''}0}`, parse(t))));
  return [
    display(
      rows,
      [
        'identity activations: the network is linear regression ',
        m(`f = \\beta_0 + \\sum_j \\beta_j ${symbolLatex('x1').replace('1', 'j')}`),
        l.proved ? ', proved by expanding both sides' : ' (the expansion did NOT confirm it)',
      ],
    ),
  ];
}
