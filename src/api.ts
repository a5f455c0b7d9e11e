/**
 * closedform — the public API, shared by the two entry points: `closedform` (src/index.ts, runs
 * in a browser) and `closedform/node` (src/node/index.ts, adds what needs Node). Everything here is
 * browser-clean: no `node:` import is reachable from this module (test/packaging/browser.test.ts).
 *
 * @example
 * ```ts
 * import { parse, grad, toLatex } from 'closedform';
 * const loss = parse('(w2*sigmoid(w1*x) - y)^2');
 * const g = grad(loss, ['w1', 'w2']);
 * toLatex(g.get('w2')!);
 * ```
 */
import './expr/elementary.js';
import './activations/registry.js';

export { ClosedformError } from './expr/errors.js';
export * from './expr/rational.js';
export * from './expr/node.js';
export { type FnRule, type FnRuleBase, type Pieces, defineFn, lookupFn, fnNames } from './expr/fns.js';
export { PI, CONSTANTS, exp, log, atan, sqrt } from './expr/elementary.js';
export * from './expr/walk.js';
export { diff, diffMany } from './diff/forward.js';
export { grad } from './diff/reverse.js';
export { type SymbolicHessian, symbolicHessian, upperEntries, hessianSizes } from './diff/hessian.js';
export { toText, mathjsReadable } from './print/text.js';
export { TEXT_FORM_TREE_BUDGET, textForm } from './print/inspect.js';
export { parse, ParseError, MAX_NESTING } from './print/parse.js';
export { toLatex, symbolLatex } from './print/latex.js';
export { compile, compileMany, type Compiled, type CompiledMany } from './print/compile.js';
export type { Activation, Structure } from './activations/activation.js';
export { ACTIVATIONS, getActivation, activationNames } from './activations/registry.js';
export { HEAVISIDE_AT_ZERO } from './activations/heaviside.js';
export { LEAKY_SLOPE } from './activations/leaky_relu.js';

/** The package version (test/packaging/version.test.ts holds it equal to package.json's). */
export const VERSION = '0.1.0';

export type { NetworkSpec, Loss, Convention } from './network/spec.js';
export * from './network/index.js';
export * from './numeric/index.js';
export * from './poly/index.js';
export * from './groebner/index.js';
export * from './analysis/index.js';
export * from './figures/index.js';
export * from './report/index.js';
export { type MimeBundle, mimeBundle } from './report/mime.js';
