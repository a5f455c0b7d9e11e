/**
 * The public expression API with its arguments checked at the door (see check.ts): rationals,
 * nodes, DAG walks, the function registry, differentiation, the text and LaTeX printers, the
 * parser, compilation and the activation registry. Everything else these modules export is
 * re-exported unchanged.
 */
import * as E from '../expr/elementary.js';
import * as F from '../expr/fns.js';
import * as N from '../expr/node.js';
import * as R from '../expr/rational.js';
import * as W from '../expr/walk.js';
import * as D from '../diff/forward.js';
import * as G from '../diff/reverse.js';
import * as H from '../diff/hessian.js';
import * as T from '../print/text.js';
import * as I from '../print/inspect.js';
import * as P from '../print/parse.js';
import * as X from '../print/latex.js';
import * as C from '../print/compile.js';
import * as S from '../print/shared.js';
import * as A from '../activations/registry.js';
import { type Arg, any, arg, arr, big, bigBetween, either, func, guard, int, integer, mapOf, name, node, oneOf, opt, q, shape, str } from './check.js';

import * as Err from '../expr/errors.js';
export { ClosedformError, QUOTE_LENGTH } from '../expr/errors.js';
export * from '../expr/rational.js';
export * from '../expr/node.js';
export { type FnRule, type FnRuleBase, type Pieces } from '../expr/fns.js';
export { PI, CONSTANTS } from '../expr/elementary.js';
export * from '../expr/walk.js';
export { TEXT_FORM_TREE_BUDGET } from '../print/inspect.js';
export { ParseError, MAX_NESTING } from '../print/parse.js';
export { type Compiled, type CompiledMany } from '../print/compile.js';
export { type LetBinding, type LetForm, GENERIC_MIN_SIZE } from '../print/shared.js';
export { type SymbolicHessian } from '../diff/hessian.js';
export type { Activation, Structure } from '../activations/activation.js';
export { ACTIVATIONS } from '../activations/registry.js';

const number: Arg = arg('a number', (x) => typeof x === 'number');

// --- messages ---------------------------------------------------------------------------------
export const describeValue = guard('describeValue', Err.describeValue, { x: any });
export const escapeControls = guard('escapeControls', Err.escapeControls, { text: str });
export const quote = guard('quote', Err.quote, { text: str, max: opt(int(1, 1_000_000)) });

// --- exact rationals -------------------------------------------------------------------------
export const Q = guard('Q', R.Q, { n: integer, d: opt(integer) });
export const gcd = guard('gcd', R.gcd, { a: big, b: big });
export const qadd = guard('qadd', R.qadd, { a: q, b: q });
export const qsub = guard('qsub', R.qsub, { a: q, b: q });
export const qmul = guard('qmul', R.qmul, { a: q, b: q });
export const qdiv = guard('qdiv', R.qdiv, { a: q, b: q });
export const qneg = guard('qneg', R.qneg, { a: q });
export const qinv = guard('qinv', R.qinv, { a: q });
export const qeq = guard('qeq', R.qeq, { a: q, b: q });
export const qcmp = guard('qcmp', R.qcmp, { a: q, b: q });
export const qsign = guard('qsign', R.qsign, { a: q });
export const qabs = guard('qabs', R.qabs, { a: q });
export const qisZero = guard('qisZero', R.qisZero, { a: q });
export const qisOne = guard('qisOne', R.qisOne, { a: q });
export const qisInt = guard('qisInt', R.qisInt, { a: q });
// |k| is bounded by the exact-power budget inside qpowInt; a bigint beyond 2^64 is never useful
export const qpowInt = guard('qpowInt', R.qpowInt, { a: q, k: bigBetween(-(2n ** 64n), 2n ** 64n) });
export const intRoot = guard('intRoot', R.intRoot, { a: big, k: bigBetween(1n, 2n ** 64n) });
export const qpow = guard('qpow', R.qpow, { a: q, e: q });
export const qfloor = guard('qfloor', R.qfloor, { a: q });
export const qtoNumber = guard('qtoNumber', R.qtoNumber, { a: q });
export const qtoString = guard('qtoString', R.qtoString, { a: q });
export const qparse = guard('qparse', R.qparse, { text: str });
export const qfromNumber = guard('qfromNumber', R.qfromNumber, { x: arg('a finite number', (x) => typeof x === 'number' && Number.isFinite(x)) });

// --- nodes -----------------------------------------------------------------------------------
export const isNode = guard('isNode', N.isNode, { x: any });
export const assertNever = guard('assertNever', N.assertNever, { x: any });
export const internedCount = guard('internedCount', N.internedCount, {});
export const num = guard('num', N.num, { v: either(integer, q) });
export const isIdentifier = guard('isIdentifier', N.isIdentifier, { name: str });
export const sym = guard('sym', N.sym, { name });
export const splitCoefficient = guard('splitCoefficient', N.splitCoefficient, { t: node });
export const add = guard('add', N.add, { '...xs': node });
export const mul = guard('mul', N.mul, { '...xs': node });
export const sub = guard('sub', N.sub, { a: node, b: node });
export const div = guard('div', N.div, { a: node, b: node });
export const neg = guard('neg', N.neg, { a: node });
export const pow = guard('pow', N.pow, { base: node, e: either(either(arg('an integer', (x) => typeof x === 'number' && Number.isInteger(x)), q), node) });
export const fn = guard('fn', N.fn, { name: oneOfFunctions(), arg: node });
export const children = guard('children', N.children, { e: node });
export const rebuild = guard('rebuild', N.rebuild, { e: node, args: arr(node) });
export const compare = guard('compare', N.compare, { a: node, b: node });
export const compareNames = guard('compareNames', N.compareNames, { a: str, b: str });

/** A registered function name, checked when called (the registry can grow). */
function oneOfFunctions(): Arg {
  return arg('the name of a registered function (fnNames())', (x) => typeof x === 'string' && F.lookupFn(x) !== undefined);
}

// --- elementary functions and the registry ---------------------------------------------------
export const exp = guard('exp', E.exp, { u: node });
export const log = guard('log', E.log, { u: node });
export const atan = guard('atan', E.atan, { u: node });
export const sqrt = guard('sqrt', E.sqrt, { u: node });
const fnRule: Arg = shape('a function rule {name, kind, derivative, numeric, exact, latex, mathjs}', {
  name,
  kind: oneOf('transcendental', 'piecewise'),
  derivative: func,
  numeric: func,
  exact: func,
  latex: func,
  mathjs: str,
});
export const defineFn = guard('defineFn', F.defineFn, { rule: fnRule });
export const lookupFn = guard('lookupFn', F.lookupFn, { name: str });
export const fnNames = guard('fnNames', F.fnNames, {});

// --- whole-DAG queries -----------------------------------------------------------------------
export const topoOrder = guard('topoOrder', W.topoOrder, { '...roots': node });
export const dagSize = guard('dagSize', W.dagSize, { '...roots': node });
export const treeSize = guard('treeSize', W.treeSize, { e: node });
export const freeSymbols = guard('freeSymbols', W.freeSymbols, { '...roots': node });
export const substitute = guard('substitute', W.substitute, { e: node, map: mapOf(node) });
export const evaluateExact = guard('evaluateExact', W.evaluateExact, { e: node, point: mapOf(q) });
export const evaluateExactMany = guard('evaluateExactMany', W.evaluateExactMany, { roots: arr(node), point: mapOf(q) });
export const evaluate = guard('evaluate', W.evaluate, { e: node, point: mapOf(number) });

// --- differentiation -------------------------------------------------------------------------
export const diff = guard('diff', D.diff, { e: node, x: name });
export const grad = guard('grad', G.grad, { e: node, vars: arr(name) });
export const diffMany = guard('diffMany', D.diffMany, { roots: arr(node), x: name });
/**
 * Most variables of a symbolic Hessian through the API: P(P + 1)/2 entries, one forward sweep per
 * variable over the gradient (the CLI's `hessian` also bounds the work by P × the gradient's DAG).
 */
export const MAX_HESSIAN_VARIABLES = 2_000;
const symbolicHessianShape: Arg = shape('a symbolic Hessian (from symbolicHessian)', { vars: arr(name), gradient: arr(node), entries: arr(arr(node)) });
export const symbolicHessian = guard('symbolicHessian', H.symbolicHessian, { e: node, vars: arr(name, MAX_HESSIAN_VARIABLES) });
export const upperEntries = guard('upperEntries', H.upperEntries, { H: symbolicHessianShape });
export const hessianSizes = guard('hessianSizes', H.hessianSizes, { e: node, H: symbolicHessianShape });

// --- printing, parsing, compiling ------------------------------------------------------------
export const toText = guard('toText', T.toText, { e: node });
export const mathjsReadable = guard('mathjsReadable', T.mathjsReadable, { name: str });
export const textForm = guard('textForm', I.textForm, { e: node });
export const parse = guard('parse', P.parse, { src: str });
export const toLatex = guard('toLatex', X.toLatex, { e: node });
export const symbolLatex = guard('symbolLatex', X.symbolLatex, { name: str });
const nodeNames: Arg = arg(
  'a Map from expression nodes to names',
  (x) => x instanceof Map && [...x].every(([k, v]) => node.check(k) === undefined && name.check(v) === undefined),
);
const letFormShape: Arg = shape('a shared form (from letForm)', {
  bindings: arr(shape('a let binding', { name: name, rhs: node, value: node })),
  results: arr(node),
});
export const letForm = guard('letForm', S.letForm, { roots: arr(node), names: nodeNames, always: opt(arg('true or false', (x) => typeof x === 'boolean')) });
export const closeLetForm = guard('closeLetForm', S.closeLetForm, { form: letFormShape });
export const letLinesText = guard('letLinesText', S.letLinesText, { form: letFormShape });
export const letFormLatex = guard('letFormLatex', S.letFormLatex, { form: letFormShape, labels: arr(str) });
export const letJson = guard('letJson', S.letJson, { form: letFormShape });
export const compile = guard('compile', C.compile, { e: node, vars: arr(name) });
export const compileMany = guard('compileMany', C.compileMany, { roots: arr(node), vars: arr(name) });

// --- activations -----------------------------------------------------------------------------
export const getActivation = guard('getActivation', A.getActivation, { name: str });
export const activationNames = guard('activationNames', A.activationNames, {});
