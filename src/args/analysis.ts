/**
 * The public analysis and report API with its arguments checked at the door (see check.ts).
 * Options objects are checked key by key (an unknown option is refused, `seed: NaN` and
 * `l2: 'xyz'` are wrong arguments as they are on the command line); results passed back in
 * (a collapse, an analysis, critical points) are checked by shape; documents are checked whole,
 * since every renderer walks them whole.
 */
import * as Lin from '../analysis/linalg.js';
import * as Rand from '../analysis/random.js';
import * as Cls from '../analysis/classify.js';
import * as Names from '../analysis/names.js';
import * as Linear from '../analysis/linear.js';
import * as Rec from '../analysis/recursion.js';
import * as Col from '../analysis/collapse.js';
import * as Lsq from '../analysis/leastsq.js';
import * as Num from '../analysis/numeric.js';
import * as Crit from '../analysis/critical.js';
import * as Relu from '../analysis/relu.js';
import * as Tay from '../analysis/taylor.js';
import * as Ana from '../analysis/analyze.js';
import * as Land from '../analysis/landscape.js';
import * as Json from '../analysis/json.js';
import * as Ver from '../analysis/verdict.js';
import * as Doc from '../report/document.js';
import * as Brk from '../report/linebreak.js';
import * as Html from '../report/html.js';
import * as Tex from '../report/tex.js';
import * as Md from '../report/markdown.js';
import * as Der from '../report/derive.js';
import * as SizesDoc from '../report/sizes.js';
import * as Rows from '../report/rows.js';
import * as PolySteps from '../report/polynomial.js';
import * as Sum from '../report/analysis.js';
import * as Mime from '../report/mime.js';
import * as Tikz from '../report/tikz.js';
import * as Sec from '../report/sections.js';
import * as RecSec from '../report/recursion.js';
import * as Errata from '../report/errata.js';
import * as Fig from '../report/figures.js';
import * as Arr from '../analysis/relu-arrangement.js';
import * as Lp from '../analysis/relu-lp.js';
import * as Qp from '../analysis/relu-qp.js';
import * as Ro from '../analysis/relu-optimum.js';
import * as Rd from '../analysis/relu-deep.js';
import * as Rout from '../analysis/relu-outputs.js';
import * as Rreg from '../analysis/relu-regions.js';
import * as Rrep from '../analysis/relu-report.js';
import * as Hes from '../analysis/hessian.js';
import { MAX_CHECK_POINTS } from '../numeric/check.js';
import { MAX_DIGITS } from '../poly/roots.js';
import { type Arg, any, arg, arr, bool, either, finite, func, guard, int, mapOnly, MAX_LENGTH, name, node, oneOf, opt, options, q, recordOf, refine, shape, str, union } from './check.js';
import { analysisResult, collapseResult, criticalPointsResult, feature, landscapeResult, leastSquaresResult } from './results.js';
import { MAX_MATRIX_SIDE, figure, tex, dataset, derivation, displayRow, displayRows, inlines, inline, step, millis, network, nodeMatrix, poly, qmatrix, regularisation, rng, seed, sizedSpec, spec } from './data.js';

export * from '../analysis/index.js';
export * from '../report/index.js';
export { type MimeBundle } from '../report/mime.js';

const vars: Arg = arr(name);
const number: Arg = arg('a number', (x) => typeof x === 'number');
const square = (m: Arg): Arg => refine(m, (x: unknown[][]) => (x.length === 0 || x[0]!.length === x.length ? undefined : `is ${x.length}×${x[0]!.length}, not square`));
const count: Arg = int(0, MAX_LENGTH);
/** Layer indices and widths of the helpers that build matrices of names. */
const widths: Arg = arr(int(1, MAX_MATRIX_SIDE), 64);

const analyzeOptions: Arg = options({
  data: opt(dataset),
  l2: opt(regularisation),
  seed: opt(seed),
  millis: opt(millis),
  digits: opt(int(1, MAX_DIGITS)),
  taylor: opt(int(1, Tay.MAX_TAYLOR_ORDER)),
  taylorAt: opt(q),
  descent: opt(bool),
  landscape: opt(bool),
  onProgress: opt(func),
});

// --- exact linear algebra and names ----------------------------------------------------------
export const rankQ = guard('rankQ', Lin.rankQ, { m: qmatrix });
export const solveQ = guard('solveQ', Lin.solveQ, { A: qmatrix, b: arr(q, MAX_MATRIX_SIDE) }, (a: readonly unknown[]) =>
  (a[0] as unknown[]).length === (a[1] as unknown[]).length ? undefined : ['b', `has ${(a[1] as unknown[]).length} entries for ${(a[0] as unknown[]).length} rows of A`],
);
export const transpose = guard('transpose', Lin.transpose, { a: refine(arr(arr(any, MAX_MATRIX_SIDE), MAX_MATRIX_SIDE), (x: unknown[][]) => (x.every((r) => r.length === x[0]!.length) ? undefined : 'is not rectangular')) });
const product = (a: readonly unknown[]): readonly [string, string] | undefined => {
  const A = a[0] as unknown[][];
  const B = a[1] as unknown[][];
  return A.length === 0 || A[0]!.length === B.length ? undefined : ['b', `has ${B.length} rows, but a has ${A[0]!.length} columns`];
};
export const matMulQ = guard('matMulQ', Lin.matMulQ, { a: qmatrix, b: qmatrix }, product);
export const matPowQ = guard('matPowQ', Lin.matPowQ, { a: square(qmatrix), k: int(0, 1_000_000) });
export const inverseQ = guard('inverseQ', Lin.inverseQ, { a: square(qmatrix) });
export const identityQ = guard('identityQ', Lin.identityQ, { n: int(0, MAX_MATRIX_SIDE) });
export const eqQ = guard('eqQ', Lin.eqQ, { a: qmatrix, b: qmatrix });
export const matMulNodes = guard('matMulNodes', Lin.matMulNodes, { a: nodeMatrix, b: nodeMatrix }, product);
export const cayleyOrthogonal = guard('cayleyOrthogonal', Lin.cayleyOrthogonal, { s: square(qmatrix) });
export const analysisRng = guard('analysisRng', Rand.rng, { seed });
export const randomRational = guard('randomRational', Rand.randomRational, { r: rng, maxNum: opt(int(1, 2 ** 31)), maxDen: opt(int(1, 2 ** 31)) });
export const randomPoint = guard('randomPoint', Rand.randomPoint, { names: vars, seed });
export const classify = guard('classify', Cls.classify, { spec });
export const outputDegrees = guard('outputDegrees', Cls.outputDegrees, { degrees: arr(arg('a degree (an integer ≥ 0, or Infinity)', (x) => x === Infinity || (typeof x === 'number' && Number.isInteger(x) && x >= 0)), 64) });
export const layerStructures = guard('layerStructures', Cls.layerStructures, { spec });
const layerOf = (a: readonly unknown[]): readonly [string, string] | undefined => {
  const L = (a[0] as unknown[]).length - 1;
  return (a[1] as number) <= L ? undefined : ['l', `is ${a[1]}, but the widths have ${L} layer${L === 1 ? '' : 's'}`];
};
export const weightMatrix = guard('weightMatrix', Names.weightMatrix, { widths, l: int(1, 64) }, layerOf);
export const biasColumn = guard('biasColumn', Names.biasColumn, { widths, l: int(1, 64) }, layerOf);
export const inputColumn = guard('inputColumn', Names.inputColumn, { n0: int(1, MAX_MATRIX_SIDE) });
export const linearCollapse = guard('linearCollapse', Linear.linearCollapse, { spec });
export const isLinearSpec = guard('isLinearSpec', Linear.isLinearSpec, { spec });
export const linearDelta = guard('linearDelta', Rec.linearDelta, { w: widths, n: int(0, 64), tied: bool });
export const symmetricPowerCheck = guard('symmetricPowerCheck', Rec.symmetricPowerCheck, { R: square(qmatrix), d: arr(q, MAX_MATRIX_SIDE), k: int(0, 64) }, (a: readonly unknown[]) => {
  const n = (a[0] as unknown[]).length;
  if (n === 0) return ['R', 'is empty'];
  return (a[1] as unknown[]).length === n ? undefined : ['d', `has ${(a[1] as unknown[]).length} entries for the ${n}×${n} matrix R`];
});

// --- the stages of the analysis --------------------------------------------------------------
export const collapse = guard('collapse', Col.collapse, { net: network, seed: opt(seed) });
export const jacobianAt = guard('jacobianAt', Col.jacobianAt, { coeffs: arr(poly), params: vars, point: mapOnly(q) });
export const jacobianByGradient = guard('jacobianByGradient', Col.jacobianByGradient, { net: network, features: arr(feature), point: mapOnly(q) });
export const polyAt = guard('polyAt', Col.polyAt, { p: poly, point: mapOnly(q) });
export const leastSquares = guard('leastSquares', Lsq.leastSquares, { net: network, col: collapseResult, data: dataset, seed: opt(seed) });
export const affineParams = guard('affineParams', Lsq.affineParams, { col: collapseResult });
export const descend = guard('descend', Num.descend, {
  spec,
  data: dataset,
  opts: opt(options({ seed: opt(seed), starts: opt(int(1, 10_000)), steps: opt(int(0, 1_000_000)), lambda: opt(arr(finite)), onStep: opt(func) })),
});
export const checkPoint = guard('checkPoint', Num.checkPoint, { spec, data: dataset, point: recordOf(finite), lambda: opt(arr(finite)), free: opt(vars) });
export const probeDescent = guard('probeDescent', Num.probeDescent, { spec, data: dataset, point: recordOf(finite), seed: opt(seed) });
export const l2Coefficients = guard('l2Coefficients', Crit.l2Coefficients, { params: vars, reg: regularisation });
export const regularisedLoss = guard('regularisedLoss', Crit.regularisedLoss, { net: network, data: dataset, lambda: mapOnly(q) });
export const classifyEigenvalues = guard('classifyEigenvalues', Crit.classifyEigenvalues, { ev: arr(number) });
export const criticalPoints = guard('criticalPoints', Crit.criticalPoints, { net: network, data: dataset, reg: regularisation, opts: opt(options({ millis: opt(millis), digits: opt(int(1, MAX_DIGITS)), onProgress: opt(func) })) });
export const thresholdOnSets = guard('thresholdOnSets', Relu.thresholdOnSets, { x: arr(q) });
export const reluPatterns = guard('reluPatterns', Relu.reluPatterns, { net: network, data: dataset, _opts: opt(options({ seed: opt(seed) })) });
export const taylorPolynomial = guard('taylorPolynomial', Tay.taylorPolynomial, { name: str, order: int(0, Tay.MAX_TAYLOR_ORDER), at: q });
export const taylorSurrogate = guard('taylorSurrogate', Tay.taylorSurrogate, { net: network, order: int(1, Tay.MAX_TAYLOR_ORDER), at: opt(q) });
export const analyze = guard('analyze', Ana.analyze, { spec, opts: opt(analyzeOptions) });
export const linearReport = guard('linearReport', Ana.linearReport, { net: network });
export const minimaStatus = guard('minimaStatus', Ver.minimaStatus, { cp: criticalPointsResult, ls: opt(leastSquaresResult) });
export const verdict = guard('verdict', Ver.verdict, { a: analysisResult });
export const verdictText = guard('verdictText', Ver.verdictText, { v: shape('a verdict (from verdict)', { spec: str, headline: str, findings: arr(any), gaps: arr(any), next: arr(str) }) });
export const countsText = guard('countsText', Ver.countsText, { c: shape('type counts (from typeCounts)', { minimum: count, saddle: arr(any), maximum: count, degenerate: count }) });
export const typeCounts = guard('typeCounts', Ver.typeCounts, { points: arr(shape('a critical point {type, index?}', { type: oneOf('minimum', 'saddle', 'maximum', 'degenerate'), index: opt(int(0, 100_000)) })) });
export const hiddenUnits = guard('hiddenUnits', Land.hiddenUnits, { net: network });
export const landscape = guard('landscape', Land.landscape, {
  net: network,
  data: dataset,
  known: opt(shape('a known loss {loss, exact?, source}', { loss: finite, exact: opt(str), source: str })),
  opts: opt(options({ millis: opt(millis) })),
});
export const landscapeVerdict = guard('landscapeVerdict', Land.landscapeVerdict, { ls: landscapeResult, col: shape('{K, rank, filling}', { K: count, rank: count, filling: bool }) });
export const bestKnownLoss = guard('bestKnownLoss', Land.bestKnownLoss, { net: network, data: dataset, attained: opt(shape('{loss}', { loss: q })), descentBest: opt(recordOf(finite)) });
export const analysisJson = guard('analysisJson', Json.analysisJson, { a: analysisResult });

// --- documents -------------------------------------------------------------------------------
const summaryFact: Arg = shape('a fact of the verdict {fact, stage, basis}', { fact: inlines, stage: str, basis: str });
const summary: Arg = shape('an analysis summary (from analysisSummary)', { modelClass: inlines, verdict: inlines, degree: opt(inlines), facts: opt(arr(summaryFact)), gaps: opt(arr(summaryFact)), steps: opt(arr(step)) });

export const m = guard('m', Doc.m, { math: str });
export const heading = guard('heading', Doc.heading, { text: str, level: opt(oneOf(1, 2, 3)) });
export const prose = guard('prose', Doc.prose, { '...parts': inline });
export const note = guard('note', Doc.note, { tone: oneOf('info', 'warning'), '...parts': inline });
export const display = guard('display', Doc.display, { rows: displayRows, label: opt(either(str, inlines)) });
export const table = guard('table', Doc.table, { header: arr(inlines), rows: arr(arr(inlines)) });
export const displayCount = guard('displayCount', Doc.displayCount, { d: derivation });
export const displayLatex = guard('displayLatex', Doc.displayLatex, { rows: displayRows });
export const alignedRows = guard('alignedRows', Doc.alignedRows, { rows: displayRows });
export const plainText = guard('plainText', Doc.plainText, { parts: inlines });
// latexWidth reads groups recursively: LaTeX nested past what can be typeset is refused
export const latexWidth = guard('latexWidth', Brk.latexWidth, { s: tex });
export const breakLines = guard('breakLines', Brk.breakLines, { e: node, budget: opt(int(1, MAX_LENGTH)) });
export const splitFraction = guard('splitFraction', Brk.splitFraction, { e: node });
export const fillTerms = guard('fillTerms', Brk.fillTerms, { terms: arr(str), budget: opt(int(1, MAX_LENGTH)) });
export const renderHtml = guard('renderHtml', Html.renderHtml, { d: derivation, opts: options({ katexCss: str, generator: opt(str) }) });
export const escapeHtml = guard('escapeHtml', Html.escapeHtml, { s: str });
export const texNesting = guard('texNesting', Html.texNesting, { tex: str });
export const renderTex = guard('renderTex', Tex.renderTex, { d: derivation });
export const escapeTex = guard('escapeTex', Tex.escapeTex, { s: str });
/** A stem for figure file names beside a Markdown page: a file name without folders. */
const fileStem: Arg = arg('a file name stem (no / or \\, not empty)', (x) => typeof x === 'string' && x !== '' && !/[/\\\u0000]/.test(x) && x !== '.' && x !== '..');
export const renderMarkdown = guard('renderMarkdown', Md.renderMarkdown, { d: derivation, opts: opt(options({ figureStem: opt(fileStem) })) });
export const deriveSymbolicNetwork = guard('deriveSymbolicNetwork', SizesDoc.deriveSymbolicNetwork, { spec: sizedSpec, notation: opt(oneOf('standard', 'seed004')) });
export const deriveNetwork = guard('deriveNetwork', Der.deriveNetwork, {
  spec,
  options: opt(
    options({
      params: opt(vars),
      data: opt(dataset),
      analysis: opt(summary),
      analysisResult: opt(analysisResult),
      runAnalysis: opt(bool),
      checkSeed: opt(seed),
      checkPoints: opt(int(1, MAX_CHECK_POINTS)),
      onProgress: opt(func),
    }),
  ),
});
export const row = guard('row', Rows.row, { lhs: str, rhs: node, rel: opt(str) });
export const rowFits = guard('rowFits', Rows.rowFits, { r: displayRow });
export const equationRow = guard('equationRow', Rows.equationRow, { e: str });
export const isEquation = guard('isEquation', Rows.isEquation, { e: str });
export const polynomialSteps = guard('polynomialSteps', PolySteps.polynomialSteps, { net: network });
export const analysisSummary = guard('analysisSummary', Sum.analysisSummary, { a: analysisResult });
export const mimeBundle = guard('mimeBundle', Mime.mimeBundle, { e: node });

// --- ReLU networks: exact optima, arrangements, regions --------------------------------------
const qrows: Arg = arr(arr(q, MAX_MATRIX_SIDE), 100_000);
/** Every row of the matrix argument `at` has the width given by argument `widthAt` (or its first row's). */
const rowsOf = (at: number, widthAt: number, what: string) => (a: readonly unknown[]): readonly [string, string] | undefined => {
  const rows = a[at] as readonly (readonly unknown[])[];
  const n = (a[widthAt] as number | undefined) ?? rows[0]?.length ?? 0;
  const bad = rows.findIndex((r) => r.length !== n);
  return bad < 0 ? undefined : [`${what}[${bad}]`, `has ${rows[bad]!.length} entries, the others ${n}`];
};
const reluOpts = opt(options({ maxQps: opt(int(1, 10 * Ro.MAX_RELU_QPS)) }));
const pair: Arg = refine(arr(q, 2), (x: unknown[]) => (x.length === 2 ? undefined : 'must be a pair [x1, x2] of rationals'));
const box: Arg = shape('a box {lo, hi} of rational pairs', { lo: pair, hi: pair });
const reluOptimumResult: Arg = union('a ReLU optimum (from reluOptimum)', 'kind', {
  solved: shape('a solved optimum', { loss: q, point: recordOf(q) }),
  bounds: shape('bounds on the optimum', { lower: q, upper: q, point: recordOf(q) }),
  refused: shape('a refused optimum', { message: str }),
  unsupported: shape('an unsupported network', { reason: str }),
});
const regionsResult: Arg = shape('linear regions (from linearRegions)', { box, regions: arr(shape('a region', { pattern: arr(arr(int(1, MAX_LENGTH))), polygon: arr(pair), area: q })), pieces: count, bound: arg('a bigint', (x) => typeof x === 'bigint'), boundName: str });

export const chambers = guard(
  'chambers',
  Arr.chambers,
  { vectors: qrows, d: opt(int(0, MAX_MATRIX_SIDE)), base: opt(qrows), limit: opt(int(1, 10 * Arr.MAX_CHAMBERS)) },
  (a: readonly unknown[]) => {
    const v = a[0] as readonly (readonly unknown[])[];
    const d = (a[1] as number | undefined) ?? v[0]?.length ?? 0;
    for (const [k, rows] of [['vectors', v], ['base', (a[2] as readonly (readonly unknown[])[] | undefined) ?? []]] as const) {
      const bad = rows.findIndex((r) => r.length !== d);
      if (bad >= 0) return [`${k}[${bad}]`, `has ${rows[bad]!.length} entries for d = ${d}`];
    }
    return undefined;
  },
);
export const coverBound = guard('coverBound', Arr.coverBound, { N: int(0, 100_000), d: int(0, 10_000) });
export const feasiblePoint = guard('feasiblePoint', Lp.feasiblePoint, { G: qrows, h: arr(q, 100_000), n: opt(int(0, MAX_MATRIX_SIDE)) }, (a: readonly unknown[]) => {
  const G = a[0] as readonly (readonly unknown[])[];
  if ((a[1] as unknown[]).length !== G.length) return ['h', `has ${(a[1] as unknown[]).length} entries for ${G.length} rows of G`];
  return rowsOf(0, 2, 'G')(a);
});
export const coneLeastSquares = guard('coneLeastSquares', Qp.coneLeastSquares, { A: qrows, y: arr(q, 100_000), C: qrows, start: arr(q, MAX_MATRIX_SIDE) }, (a: readonly unknown[]) => {
  const A = a[0] as readonly (readonly unknown[])[];
  const C = a[2] as readonly (readonly unknown[])[];
  const n = (a[3] as unknown[]).length;
  if ((a[1] as unknown[]).length !== A.length) return ['y', `has ${(a[1] as unknown[]).length} entries for ${A.length} rows of A`];
  const badA = A.findIndex((r) => r.length !== n);
  if (badA >= 0) return [`A[${badA}]`, `has ${A[badA]!.length} entries for ${n} unknowns (the length of start)`];
  const badC = C.findIndex((r) => r.length !== n);
  return badC < 0 ? undefined : [`C[${badC}]`, `has ${C[badC]!.length} entries for ${n} unknowns`];
});
export const reluOptimum = guard('reluOptimum', Ro.reluOptimum, { net: network, data: dataset, opts: reluOpts });
export const reluOptimumSupported = guard('reluOptimumSupported', Ro.reluOptimumSupported, { net: network });
export const reluOptimumDeep = guard('reluOptimumDeep', Rd.reluOptimumDeep, { net: network, data: dataset, opts: reluOpts });
export const reluDeepSupported = guard('reluDeepSupported', Rd.reluDeepSupported, { net: network });
export const reluUpperBoundWide = guard('reluUpperBoundWide', Rd.reluUpperBoundWide, { net: network, data: dataset, opts: reluOpts });
export const lossFloor = guard('lossFloor', Rd.lossFloor, { spec, data: dataset });
export const reluOptimumOutputs = guard('reluOptimumOutputs', Rout.reluOptimumOutputs, { net: network, data: dataset, opts: reluOpts });
export const reluOutputsSupported = guard('reluOutputsSupported', Rout.reluOutputsSupported, { net: network });
export const simplest = guard('simplest', Rout.simplest, { q, D: arg('a positive bigint', (x) => typeof x === 'bigint' && x > 0n) });
export const linearRegions = guard('linearRegions', Rreg.linearRegions, { spec, point: recordOf(q), box });
export const regionBound = guard('regionBound', Rreg.regionBound, { n0: int(0, 1_000), hidden: arr(int(0, 1_000), 64) });
export const dataBox = guard('dataBox', Rreg.dataBox, { inputs: refine(arr(pair, 100_000), (x: unknown[]) => (x.length > 0 ? undefined : 'is empty: a box needs at least one point')) });
export const polygonText = guard('polygonText', Rreg.polygonText, { poly: arr(pair) });
export const reluExact = guard('reluExact', Rrep.reluExact, { net: network, data: dataset });
export const descentReached = guard('descentReached', Rrep.descentReached, { finalLosses: arr(number), optimum: number });
export const reluExactJson = guard('reluExactJson', Rrep.reluExactJson, {
  r: shape('an exact ReLU analysis (from reluExact)', { optimum: reluOptimumResult, regions: opt(regionsResult) }),
  descent: opt(shape('{finalLosses}', { finalLosses: arr(number) })),
});
export const regionsJson = guard('regionsJson', Rrep.regionsJson, { g: regionsResult });

// --- the exact Hessian at a point -----------------------------------------------------------
const hessianShape: Arg = refine(
  shape('a symbolic Hessian (from symbolicHessian)', { vars: arr(name), gradient: arr(node), entries: arr(arr(node)) }),
  (h: { vars: unknown[]; gradient: unknown[]; entries: unknown[][] }) =>
    h.gradient.length === h.vars.length && h.entries.length === h.vars.length && h.entries.every((r) => r.length === h.vars.length) ? undefined : 'has a gradient or entries that do not match its variables',
);
export const hessianAt = guard('hessianAt', Hes.hessianAt, { H: hessianShape, point: mapOnly(q), known: opt(arr(node)) });
export const definiteness = guard('definiteness', Hes.definiteness, { I: shape('an inertia {positive, negative, zero}', { positive: count, negative: count, zero: count }) });

// --- document pieces of the derivation -------------------------------------------------------
const partials: Arg = mapOnly(node);
export const figureStep = guard('figureStep', Doc.figureStep, { figure, '...caption': inline });
export const renderStepsHtml = guard('renderStepsHtml', Html.renderStepsHtml, { steps: arr(step) });
export const markdownFigures = guard('markdownFigures', Md.markdownFigures, { d: derivation, figureStem: opt(fileStem) });
export const svgToTikz = guard('svgToTikz', Tikz.svgToTikz, { svg: str });
export const tikzText = guard('tikzText', Tikz.tikzText, { s: str });
export const recursionMatrices = guard('recursionMatrices', RecSec.recursionMatrices, { spec });
export const tiedMatrix = guard('tiedMatrix', RecSec.tiedMatrix, { n: int(1, 64) });
export const seedErrata = guard('seedErrata', Errata.seedErrata, { net: network });
export const errataSection = guard('errataSection', Errata.errataSection, { net: network });
export type { Erratum, ErratumTarget } from '../report/errata.js';
export const recursionSection = guard('recursionSection', RecSec.recursionSection, { net: network });
export type { RecursionMatrices } from '../report/recursion.js';
export const outputsSection = guard('outputsSection', Sec.outputsSection, { net: network });
export const lossSection = guard('lossSection', Sec.lossSection, { net: network });
export const backpropSection = guard('backpropSection', Sec.backpropSection, { net: network });
export const partialsSection = guard('partialsSection', Sec.partialsSection, { net: network, partials, all: bool });
export const dataSection = guard('dataSection', Sec.dataSection, { net: network, data: dataset, total: node, g: partials });
export const networkFigureStep = guard('networkFigureStep', Fig.networkFigureStep, { spec });
export const dataFigureSteps = guard('dataFigureSteps', Fig.dataFigureSteps, { spec, data: dataset, analysis: opt(analysisResult), seed: number });
