/**
 * The public polynomial, Gröbner, root-finding and identity API with its arguments checked at
 * the door (see check.ts).
 */
import * as Mono from '../poly/monomial.js';
import * as Poly from '../poly/poly.js';
import * as Exp from '../poly/expand.js';
import * as Coef from '../poly/coefficients.js';
import * as Print from '../poly/print.js';
import * as Ver from '../poly/verify.js';
import * as VerR from '../poly/verify-regions.js';
import * as VerS from '../poly/verify-sample.js';
import * as Reg from '../poly/regions.js';
import * as Hedron from '../poly/polyhedron.js';
import * as Gb from '../poly/groebner.js';
import * as Quo from '../poly/groebner-quotient.js';
import * as Uni from '../poly/univariate.js';
import * as Roots from '../poly/roots.js';
import * as Rad from '../poly/radicals.js';
import * as Solve from '../poly/solve.js';
import * as Input from '../poly/solve-input.js';
import * as Forms from '../poly/solve-forms.js';
import * as Cert from '../poly/groebner-certify.js';
import * as Prime from '../groebner/prime.js';
import * as Modular from '../groebner/modular.js';
import * as Counts from '../groebner/counts.js';
import * as Rur from '../groebner/rur.js';
import * as Lift from '../groebner/lift.js';
import { type Arg, any, arg, arr, between, big, bigBetween, func, guard, int, MAX_LENGTH, name, node, oneOf, opt, options, q, recordOf, refine as refined, shape, str, typed } from './check.js';
import { layout, millis, poly, polyTerms, qpoly, realRoot, groebnerBasis, term } from './data.js';

export * from '../poly/index.js';
export * from '../groebner/index.js';

/** An exponent: a non-negative integer that fits a packed field. */
const exponent: Arg = int(0, Exp.MAX_EXPONENT);
const order: Arg = oneOf('grevlex', 'lex');
const vars: Arg = arr(name);
const system: Arg = arr(polyTerms);
const digits: Arg = int(0, Roots.MAX_DIGITS);
const positive: Arg = arg('a positive finite number', (x) => typeof x === 'number' && Number.isFinite(x) && x > 0);
const fraction: Arg = refined(shape('a fraction {n, d} of bigints, d ≠ 0', { n: big, d: big }), (x: { d: bigint }) => (x.d === 0n ? 'has the denominator 0' : undefined));
const affineForm: Arg = shape('an affine form {coeffs, constant} of rationals', { coeffs: arr(q), constant: q });
const budget: Arg = options({ maxPairs: opt(int(1, MAX_LENGTH)), maxBasis: opt(int(1, MAX_LENGTH)), maxTerms: opt(int(1, MAX_LENGTH)), maxDegree: opt(int(1, MAX_LENGTH)), maxMillis: opt(millis) });
const modularInput: Arg = shape('a modular input (from prepareInput)', {
  vars,
  order,
  table: shape('a monomial table', { n: int(0, MAX_LENGTH), exps: typed('Int32Array') }),
  supports: arr(typed('Int32Array')),
  coeffs: arr(arr(q)),
});

/** An index below the term count of the polynomial passed first. */
const termIndex = (a: readonly unknown[]): readonly [string, string] | undefined => {
  const p = a[0] as Poly.Poly;
  const i = a[1] as number;
  return i < p.n ? undefined : ['i', `is ${i}, but the polynomial has ${p.n} term${p.n === 1 ? '' : 's'}`];
};
/** Exponent vectors as long as the variable list passed first. */
const sameLength = (what: string) => (a: readonly unknown[]): readonly [string, string] | undefined => {
  const v = a[0] as readonly unknown[];
  const e = a[1] as readonly unknown[];
  return v.length === e.length ? undefined : [what, `has ${e.length} entries for ${v.length} variables`];
};
const termsFit = (a: readonly unknown[]): readonly [string, string] | undefined => {
  const v = a[0] as readonly string[];
  const t = a[1] as readonly { exps: readonly number[] }[];
  const bad = t.findIndex((x) => x.exps.length !== v.length);
  return bad < 0 ? undefined : [`terms[${bad}].exps`, `has ${t[bad]!.exps.length} entries for ${v.length} variables`];
};

// --- monomials and sparse polynomials --------------------------------------------------------
export const makeLayout = guard('makeLayout', Mono.makeLayout, { vars, maxExp: exponent });
export const packExps = guard('packExps', Mono.packExps, { L: layout, exps: arr(exponent) }, (a: readonly unknown[]) => {
  const L = a[0] as Mono.Layout;
  const e = a[1] as number[];
  if (e.length !== L.vars.length) return ['exps', `has ${e.length} entries for ${L.vars.length} variables`];
  return e.every((x) => x <= L.maxExp) ? undefined : ['exps', `has an exponent above the layout's ${L.maxExp}`];
});
export const unpackExps = guard('unpackExps', Mono.unpackExps, { L: layout, mono: typed('Int32Array'), at: int(0, MAX_LENGTH) }, (a: readonly unknown[]) => {
  const L = a[0] as Mono.Layout;
  return (a[2] as number) + L.words <= (a[1] as Int32Array).length ? undefined : ['at', 'is past the end of mono'];
});
export const grevlexDesc = guard('grevlexDesc', Mono.grevlexDesc, { a: arr(exponent), b: arr(exponent) }, sameLength('b'));
export const polyZero = guard('polyZero', Poly.polyZero, { layout: opt(layout) });
export const polyConst = guard('polyConst', Poly.polyConst, { q, layout: opt(layout) });
export const polyVar = guard('polyVar', Poly.polyVar, { name, layout: opt(layout) });
export const polyTermCount = guard('polyTermCount', Poly.polyTermCount, { p: poly });
export const polyIsZero = guard('polyIsZero', Poly.polyIsZero, { p: poly });
export const polyAdd = guard('polyAdd', Poly.polyAdd, { p: poly, q: poly });
export const polySub = guard('polySub', Poly.polySub, { p: poly, q: poly });
export const polyNeg = guard('polyNeg', Poly.polyNeg, { p: poly });
export const polyCombine = guard('polyCombine', Poly.polyCombine, {
  parts: arr(refined(arr(any, 2), (x: unknown[]) => (x.length === 2 && poly.check(x[0]) === undefined && typeof x[1] === 'bigint' ? undefined : 'must be a pair [polynomial, bigint]'))),
});
export const polyScale = guard('polyScale', Poly.polyScale, { p: poly, q });
export const polyMul = guard('polyMul', Poly.polyMul, { p: poly, q: poly });
export const polyPow = guard('polyPow', Poly.polyPow, { p: poly, k: int(0, Exp.MAX_EXPONENT) });
export const polyEqual = guard('polyEqual', Poly.polyEqual, { p: poly, q: poly });
export const polyDegree = guard('polyDegree', Poly.polyDegree, { p: poly, vars: opt(vars) });
export const polyVariables = guard('polyVariables', Poly.polyVariables, { p: poly });
export const polyToTerms = guard('polyToTerms', Poly.polyToTerms, { p: poly });
export const polyFromTerms = guard('polyFromTerms', Poly.polyFromTerms, { vars, terms: arr(term) }, termsFit);
export const sortedTerms = guard('sortedTerms', Poly.sortedTerms, { p: poly });
export const termCoeff = guard('termCoeff', Poly.termCoeff, { p: poly, i: int(0, MAX_LENGTH) }, termIndex);
export const termExps = guard('termExps', Poly.termExps, { p: poly, i: int(0, MAX_LENGTH) }, termIndex);

// --- expansion, coefficients, printing -------------------------------------------------------
export const expand = guard('expand', Exp.expand, { e: node, budget: opt(between(0, Number.MAX_VALUE)) });
export const expansionEstimate = guard('expansionEstimate', Exp.expansionEstimate, { e: node, budget: opt(arg('a number ≥ 0 (Infinity allowed)', (x) => typeof x === 'number' && x >= 0)) });
export const coefficients = guard('coefficients', Coef.coefficients, { p: poly, vars });
export const degreeIn = guard('degreeIn', Coef.degreeIn, { p: poly, vars });
export const polyToText = guard('polyToText', Print.polyToText, { p: poly });
export const polyTextChunks = guard('polyTextChunks', Print.polyTextChunks, { p: poly, termsPerChunk: opt(int(1, MAX_LENGTH)) });
export const polyToLatex = guard('polyToLatex', Print.polyToLatex, { p: poly });
export const polyToNode = guard('polyToNode', Print.polyToNode, { p: poly });
export const monomialText = guard('monomialText', Print.monomialText, { vars, exps: arr(exponent) }, sameLength('exps'));
export const monomialLatex = guard('monomialLatex', Print.monomialLatex, { vars, exps: arr(exponent) }, sameLength('exps'));
export const termsToText = guard('termsToText', Print.termsToText, { vars, terms: arr(term) }, termsFit);
export const termsToLatex = guard('termsToLatex', Print.termsToLatex, { vars, terms: arr(term) }, termsFit);

// --- identities, regions, feasibility --------------------------------------------------------
export const verifyIdentity = guard('verifyIdentity', Ver.verifyIdentity, { lhs: node, rhs: node });
export const piecewiseVerdict = guard('piecewiseVerdict', VerR.piecewiseVerdict, { lhs: node, rhs: node, scale: positive });
export const constantScale = guard('constantScale', VerS.constantScale, { '...roots': node });
export const sampleBoxes = guard('sampleBoxes', VerS.sampleBoxes, { scale: positive });
export const boxesText = guard('boxesText', VerS.boxesText, { boxes: arr(positive, 100), dim: int(0, MAX_LENGTH) });
export const rationalPoint = guard('rationalPoint', VerS.rationalPoint, { vars, radius: between(0, 1e15), next: func });
export const floatsDiffer = guard('floatsDiffer', VerS.floatsDiffer, { l: arg('a number', (x) => typeof x === 'number'), r: arg('a number', (x) => typeof x === 'number') });
export const hasPiecewise = guard('hasPiecewise', Reg.hasPiecewise, { '...roots': node });
export const signRegions = guard('signRegions', Reg.signRegions, { roots: arr(node), prune: func, maxRegions: opt(arg('a positive integer or Infinity', (x) => x === Infinity || (typeof x === 'number' && Number.isInteger(x) && x >= 1))) });
export const linearFeasibility = guard('linearFeasibility', Hedron.linearFeasibility, { vars, eq: arr(affineForm), gt: arr(affineForm) }, (a: readonly unknown[]) => {
  const n = (a[0] as unknown[]).length;
  for (const [k, forms] of [['eq', a[1]], ['gt', a[2]]] as const) {
    const bad = (forms as { coeffs: unknown[] }[]).findIndex((f) => f.coeffs.length !== n);
    if (bad >= 0) return [`${k}[${bad}].coeffs`, `has ${(forms as { coeffs: unknown[] }[])[bad]!.coeffs.length} entries for ${n} variables`];
  }
  return undefined;
});

// --- Gröbner bases and solving ---------------------------------------------------------------
export const groebner = guard('groebner', Gb.groebner, { polys: system, vars, opts: opt(options({ order: opt(order), budget: opt(budget), onProgress: opt(func) })) });
export const termsToString = guard('termsToString', Gb.termsToString, { p: polyTerms });
export const idealDimension = guard('idealDimension', Quo.idealDimension, { gb: groebnerBasis });
export const solutionCount = guard('solutionCount', Quo.solutionCount, { gb: groebnerBasis });
export const standardMonomials = guard('standardMonomials', Quo.standardMonomials, { gb: groebnerBasis });
export const certifyBasis = guard('certifyBasis', Cert.certifyBasis, { gb: groebnerBasis, input: system, modularVdim: opt(int(0, MAX_LENGTH)) });
export const solveSystem = guard('solveSystem', Solve.solveSystem, { polys: system, vars, opts: opt(options({ order: opt(order), digits: opt(digits), budget: opt(budget), onProgress: opt(func) })) });
const solveResult: Arg = shape('a solve result (from solveSystem)', {
  vars,
  realSolutions: opt(arr(shape('a real solution', { values: recordOf(str), exact: recordOf(opt(q)) }))),
  separating: opt(shape('a separating element', { form: arr(int(-MAX_LENGTH, MAX_LENGTH)), poly: qpoly, coordinates: recordOf(qpoly) })),
});
export const realSolutionForms = guard('realSolutionForms', Forms.realSolutionForms, { r: solveResult });
export const parseEquations = guard('parseEquations', Input.parseEquations, { text: str });
export const systemFromNodes = guard('systemFromNodes', Input.systemFromNodes, { eqs: arr(node), vars });
export const primesBelowBound = guard('primesBelowBound', Prime.primesBelowBound, { k: int(0, Modular.MAX_PRIMES + 64) });
export const prepareInput = guard('prepareInput', Modular.prepareInput, { polys: system, vars, order });
const modularOptions: Arg = options({ checks: opt(int(0, 64)), millis: opt(millis), maxPrimes: opt(int(1, Modular.MAX_PRIMES)), onPrime: opt(func), hook: opt(func) });
export const modularGroebner = guard('modularGroebner', Modular.modularGroebner, { polys: system, vars, order: opt(order), opts: opt(modularOptions) });
export const modularCounts = guard('modularCounts', Counts.modularCounts, { polys: system, vars, opts: opt(options({ millis: opt(millis), order: opt(order), onStep: opt(func) })) });
export const modularRur = guard(
  'modularRur',
  Rur.modularRur,
  { inp: modularInput, opts: opt(options({ millis: opt(millis), maxDim: opt(int(1, MAX_LENGTH)), forms: opt(arr(arr(int(-1_000_000, 1_000_000)))), onPrime: opt(func), onStep: opt(func) })) },
  (a: readonly unknown[]) => {
    // each separating form t = Σ cᵢxᵢ gives one coefficient per variable
    const n = (a[0] as { vars: readonly unknown[] }).vars.length;
    const forms = (a[1] as { forms?: readonly (readonly unknown[])[] } | undefined)?.forms ?? [];
    const bad = forms.findIndex((f) => f.length !== n);
    return bad < 0 ? undefined : [`opts.forms[${bad}]`, `has ${forms[bad]!.length} coefficients for ${n} variables`];
  },
);
export const reconstruct = guard('reconstruct', Lift.reconstruct, { a: big, M: bigBetween(2n, 2n ** 100_000n), bound: opt(bigBetween(1n, 2n ** 100_000n)) });

// --- univariate polynomials and real roots ---------------------------------------------------
export const evalQ = guard('evalQ', Uni.evalQ, { p: qpoly, x: q });
export const fromRoots = guard('fromRoots', Uni.fromRoots, { roots: arr(q, 10_000) });
export const qpolyGcd = guard('qpolyGcd', Uni.qpolyGcd, { a: qpoly, b: qpoly });
export const qpolyMul = guard('qpolyMul', Uni.qpolyMul, { a: qpoly, b: qpoly });
export const qpolyToText = guard('qpolyToText', Uni.qpolyToText, { p: qpoly, x: opt(name) });
export const squarefreeDecomposition = guard('squarefreeDecomposition', Uni.squarefreeDecomposition, { p: qpoly });
export const squarefreePart = guard('squarefreePart', Uni.squarefreePart, { p: qpoly });
export const realRoots = guard('realRoots', Roots.realRoots, { p: qpoly });
export const isolateSquarefree = guard('isolateSquarefree', Roots.isolateSquarefree, { p: qpoly });
export const countRealRoots = guard('countRealRoots', Roots.countRealRoots, { p: qpoly });
export const sturmSequence = guard('sturmSequence', Roots.sturmSequence, { p: qpoly });
export const refine = guard('refine', Roots.refine, {
  r: realRoot,
  eps: arg('a positive exact rational (from Q or qparse)', (x) => q.check(x) === undefined && (x as { n: bigint }).n > 0n),
});
export const rootDecimal = guard('rootDecimal', Roots.rootDecimal, { r: realRoot, digits });
export const decimal = guard('decimal', Roots.decimal, { x: fraction, digits });
export const intervalText = guard('intervalText', Roots.intervalText, { r: realRoot });
export const rootsByRadicals = guard('rootsByRadicals', Rad.rootsByRadicals, { p: qpoly });
export const sqrtQ = guard('sqrtQ', Rad.sqrtQ, { q });

