/**
 * The numeric engine's own mathjs instance and its activations. Each activation is evaluated by
 * compiling the registry's `mathjs` and `mathjsDerivative` strings (mathjs syntax in `z`) with
 * mathjs, never through the activation's `numeric` closures or the core's nodes: that is what
 * makes this a second, independent route to every number the symbolic side produces.
 */
import type { EvalFunction, MathJsInstance, Matrix } from 'mathjs';
import { getActivation, activationNames } from '../activations/registry.js';
import { ClosedformError } from '../expr/errors.js';

/**
 * How the engine gets mathjs. Importing mathjs costs about a second (it builds its default
 * instance of ~1,500 functions), and an ES module cannot be loaded lazily without `await`; so this
 * module does not import it. Each entry point provides it: `closedform` (src/index.ts, for
 * browsers and bundlers) imports mathjs statically; `closedform/node` (src/node/mathjs.ts)
 * requires it on the first numeric computation, so commands that never compute numerically start
 * in a tenth of the time. The first provider wins: one process, one engine instance.
 */
let provider: (() => MathJsInstance) | undefined;
let instance: MathJsInstance | undefined;

/**
 * Give the engine its mathjs (called once by each entry point; later calls are ignored).
 *
 * @example
 * ```ts
 * import { all, create } from 'mathjs';
 * provideMathjs(() => create(all, {}));
 * ```
 */
export function provideMathjs(make: () => MathJsInstance): void {
  provider ??= make;
}

/**
 * The engine's private mathjs instance, so that configuration elsewhere (or ours) never leaks
 * across modules; created on first use, so importing the library does not pay for it.
 *
 * @example
 * ```ts
 * import { engineMath } from './mathjs.js';
 * engineMath().evaluate('2 + 3'); // 5
 * ```
 */
export function engineMath(): MathJsInstance {
  if (instance === undefined) {
    if (provider === undefined) throw new NumericError("the numeric engine has no mathjs: import 'closedform' or 'closedform/node', not a module inside it");
    instance = provider();
  }
  return instance;
}

/**
 * The engine's typed error: bad spec, bad point, bad data. One line naming what is wrong.
 *
 * @example
 * ```ts
 * import { NumericError, paramsFromPoint, parseSpec } from 'closedform';
 * try { paramsFromPoint(parseSpec('1-1:identity'), { w1_1_1: 1 }); } catch (e) { e instanceof NumericError; } // true: missing parameter 'b1_1'
 * ```
 */
export class NumericError extends ClosedformError {
  override readonly name = 'NumericError';
}

/** σ and σ′ of one activation, compiled by mathjs from the registry's mathjs facets. */
export interface CompiledActivation {
  readonly name: string;
  /** σ(z) */
  readonly f: (z: number) => number;
  /** σ′(z) */
  readonly df: (z: number) => number;
}

const cache = new Map<string, CompiledActivation>();

function scalar(code: EvalFunction, what: string): (z: number) => number {
  return (z) => {
    const v: unknown = code.evaluate({ z });
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    throw new NumericError(`${what} did not evaluate to a number at z = ${z}`);
  };
}

/**
 * The activation of a registry name, compiled by mathjs (memoised per name).
 *
 * @example
 * ```ts
 * import { mathjsActivation } from 'closedform';
 * mathjsActivation('arctan_sigmoid').f(0); // 0.5
 * mathjsActivation('arctan_sigmoid').df(0); // 1/π
 * ```
 */
export function mathjsActivation(name: string): CompiledActivation {
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const a = getActivation(name);
  if (a === undefined) throw new NumericError(`unknown activation '${name}' (known: ${activationNames().join(', ')})`);
  const c: CompiledActivation = Object.freeze({
    name,
    f: scalar(engineMath().compile(a.mathjs), `${name} (mathjs '${a.mathjs}')`),
    df: scalar(engineMath().compile(a.mathjsDerivative), `${name}' (mathjs '${a.mathjsDerivative}')`),
  });
  cache.set(name, c);
  return c;
}

/** Apply a scalar function to every entry of a matrix (mathjs `map`). */
export const mapEntries = (m: Matrix, f: (x: number) => number): Matrix => engineMath().map(m, (x: number) => f(x)) as Matrix;
