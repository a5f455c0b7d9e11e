/**
 * `closedform`, the package's main entry: the whole public API (src/api.ts), for Node, browsers
 * and bundlers alike. It reaches no `node:` module; what needs Node (the Singular bridge, KaTeX's
 * stylesheet read from disk, files and standard input) is in `closedform/node`.
 *
 * The numeric engine's mathjs is imported here, statically: a browser bundle must contain it, and
 * an ES module cannot load it later without `await` (see src/numeric/mathjs.ts). `closedform/node`
 * loads it on first use instead.
 *
 * @example
 * ```ts
 * import { parse, grad, toLatex } from 'closedform';
 * const g = grad(parse('(w*x + b - y)^2'), ['w', 'b']);
 * toLatex(g.get('w')!); // '2 x \\left(b - y + w x\\right)'
 * ```
 */
import { all, create } from 'mathjs';
import { provideMathjs } from './numeric/mathjs.js';

provideMathjs(() => create(all!, {}));

export * from './api.js';
