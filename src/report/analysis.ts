/**
 * The analysis module's answer (`analyze`) as the derivation shows it: the class and its reason,
 * the degrees, the collapsed form Σ cₖ(θ) φₖ(x) with its dimension count, β = W₁W₂⋯ for identity
 * networks, the critical points found, and the verdict — its headline and its findings as a list,
 * each with the stage that established it and whether it is exact or numeric. Everything is
 * rendered from the verdict's data (analysis/verdict.ts) and the results' nodes, never from text
 * parsed back.
 */
import { symbolLatex, toLatex } from '../print/latex.js';
import { type Rational, qtoNumber, qtoString } from '../expr/rational.js';
import { type Analysis, type Finding, countsText, minimaStatus, verdict } from '../analysis/index.js';
import { type Inline, type Row, type Step, display, m, prose, table } from './document.js';
import type { AnalysisSummary, SummaryFact } from './summary.js';
import { row } from './rows.js';

const CLASS_WORDS = { polynomial: 'polynomial', piecewise: 'piecewise polynomial', transcendental: 'transcendental' } as const;

/** Critical points listed in a page's table (the count of the rest is stated). */
export const LISTED_POINTS = 20;

/** A rational in LaTeX: `-3/4` → `-\tfrac{3}{4}`. */
const qLatex = (q: Rational): string => qtoString(q).replace(/^(-?)(\d+)\/(\d+)$/, '$1\\tfrac{$2}{$3}');

/** A coordinate as the analysis gives it (`p/q` exact, or a decimal correctly rounded to --digits). */
const valueLatex = (v: string): string => v.replace(/^(-?)(\d+)\/(\d+)$/, '$1\\tfrac{$2}{$3}');

/** One finding as text and inline math, from its data. */
function factInline(f: Finding): Inline[] {
  switch (f.kind) {
    case 'class':
      return [`${CLASS_WORDS[f.class.kind]}: ${f.class.reason}.`];
    case 'linear':
      return [
        'linear regression, ',
        m(f.beta.flatMap((r, k) => r.map((b, j) => `\\beta_{${f.beta.length > 1 ? `${k + 1},` : ''}${j + 1}} = ${toLatex(b)}`)).join(',\\; ')),
        ', ',
        m(f.beta0.map((b, k) => `\\beta_{${f.beta0.length > 1 ? `${k + 1},` : ''}0} = ${toLatex(b)}`).join(',\\; ')),
        ', proved by expanding both sides.',
      ];
    case 'collapse':
      return [m('f = \\sum_{k=1}^{K} c_k(\\theta)\\, \\varphi_k(x)'), ' over ', m(`K = ${f.K}`), ' monomial features with ', m(`P = ${f.P}`), ' parameters.'];
    case 'rank':
      return [
        'generic rank of ',
        m('\\partial c / \\partial \\theta'),
        ': ',
        m(`${f.rank}`),
        f.filling ? ` = K, so the network fills the span; ` : ' < K, so the network does not fill the span; ',
        m(`P - ${f.rank} = ${f.P - f.rank}`),
        ' redundant parameter directions.',
      ];
    case 'optimum':
      return [
        'least-squares optimum of the loss (not regularised): ',
        m(`L^{*} = ${qLatex(f.loss)} \\approx ${qtoNumber(f.loss).toPrecision(8)}`),
        f.attained ? `, attained by the network (solved for ${f.solvedFor.length} parameters, checked exactly).` : ', a lower bound for the network (no parameter point attaining it was found).',
      ];
    case 'descent':
      return [`gradient descent (${f.starts} random starts × ${f.steps} steps) reached the loss (not regularised) `, m(`L \\approx ${f.best.toPrecision(8)}`), '.'];
    case 'system': {
      const lam = Object.entries(f.lambda);
      return [
        m('\\nabla L = 0'),
        `: ${f.equations} polynomial equations of degrees ${[...new Set(f.degrees)].join(', ')} in ${f.unknowns} unknowns, Bézout bound `,
        m(f.bezout.toString()),
        `; regularisation: ${f.regularisation}`,
        ...(lam.length > 0
          ? ['; ', m('L = L_{\\text{data}} + \\sum_j \\lambda_j \\theta_j^2'), ' with ', m(lam.map(([p, l]) => `\\lambda_{${symbolLatex(p)}} = ${valueLatex(l)}`).join(',\\; ')), '.']
          : ['.']),
      ];
    }
    case 'critical set':
      return f.dimension === -1
        ? ['no complex critical point.']
        : f.dimension > 0
          ? [`a critical set of dimension ${f.dimension} (continuous families from the network's symmetries).`]
          : [m(`${f.complexSolutions ?? 0}`), ` complex critical points with multiplicity${f.distinctSolutions !== undefined ? ` (${f.distinctSolutions} distinct)` : ''}${f.eliminantDegree !== undefined ? `, eliminant degree ${f.eliminantDegree}` : ''}.`];
    case 'critical points':
      return [m(`${f.points.length}`), ` real critical points of the ${f.regularised ? 'regularised ' : ''}loss, types certified from the Hessian: ${countsText(f.counts)}${f.unproved > 0 ? ` (${f.unproved} not proved)` : ''}.`];
    case 'engine check':
    case 'global minimum':
    case 'strata':
    case 'strata types':
    case 'relu':
    case 'surrogate':
      return [f.text];
    default:
      return f satisfies never;
  }
}

/** The listed critical points: type, loss (labelled regularised or not), global or not, coordinates to --digits. */
function pointSteps(a: Analysis): Step[] {
  const cp = a.criticalPoints;
  const real = cp?.realSolutions ?? [];
  if (cp === undefined || real.length === 0) return [];
  const st = minimaStatus(cp, a.leastSquares);
  const type = (r: (typeof real)[number]): string => (r.type === 'saddle' && r.index !== undefined ? `saddle of index ${r.index}` : r.type === 'degenerate' && r.certainty === 'unproved' ? 'degenerate (not proved)' : r.type);
  const rows = real.slice(0, LISTED_POINTS).map((r, i): Inline[][] => [
    [`${i + 1}`],
    [type(r)],
    [m(`\\approx ${r.loss.toPrecision(8)}`)],
    [r.type !== 'minimum' || st.globalLoss === undefined ? '' : st.notGlobal.includes(i) ? 'no' : 'yes'],
    Object.entries(r.point).flatMap(([k, v], j) => [...(j > 0 ? [', '] : []), m(`${symbolLatex(k)} ${v.includes('.') ? '\\approx' : '='} ${valueLatex(v)}`)]),
  ]);
  return [
    prose(`The real critical points of the ${st.regularised ? 'regularised loss (its L2 coefficients are in the verdict)' : 'loss (not regularised)'}, by loss; losses by the numeric engine, coordinates correctly rounded where shown with `, m('\\approx'), ':'),
    table([['#'], ['type'], [st.regularised ? 'regularised loss' : 'loss'], ['global'], ['point']], rows),
    ...(real.length > LISTED_POINTS ? [prose(`… and ${real.length - LISTED_POINTS} more (analyze --json lists them all).`)] : []),
  ];
}

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
  steps.push(...pointSteps(a));
  const v = verdict(a);
  const facts: SummaryFact[] = v.findings.map((f) => ({ fact: factInline(f), stage: f.stage, basis: f.basis }));
  const gaps: SummaryFact[] = v.gaps.map((g) => ({ fact: [g.text], stage: g.stage, basis: g.status }));
  const next: Inline[] = v.next.length > 0 ? [` Next: ${v.next.join('; ')}.`] : [];
  return {
    modelClass,
    ...(collapse !== undefined ? { collapse } : {}),
    ...(degree !== undefined ? { degree } : {}),
    verdict: [`${v.headline}.`, ...next],
    facts,
    gaps,
    steps,
  };
}

/** Identity networks: β and β₀ as formulas in the weights (proved by expansion in the analysis). */
function linearSteps(a: Analysis): Step[] {
  const l = a.linear!;
  const rows: Row[] = [];
  l.beta.forEach((r, k) => r.forEach((t, j) => rows.push(row(`\\beta_{${l.beta.length > 1 ? `${k + 1},` : ''}${j + 1}}`, t))));
  l.beta0.forEach((t, k) => rows.push(row(`\\beta_{${l.beta0.length > 1 ? `${k + 1},` : ''}0}`, t)));
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
