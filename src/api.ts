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

// Every exported function checks its arguments at the door (src/args/): a wrong one is an
// ArgumentError naming it, never a TypeError from deep inside.
export * from './args/expr.js';
export { ArgumentError } from './args/check.js';
export { HEAVISIDE_AT_ZERO } from './activations/heaviside.js';
export { LEAKY_SLOPE } from './activations/leaky_relu.js';

/** The package version (test/packaging/version.test.ts holds it equal to package.json's). */
export const VERSION = '0.1.0';

export type { NetworkSpec, Loss, Convention, SymbolicSpec, SizedSpec } from './network/spec.js';
export * from './args/network.js';
export * from './args/poly.js';
export * from './args/analysis.js';
export * from './args/figures.js';
