/**
 * Compile expressions to straight-line JavaScript over a Float64Array, one statement per DAG
 * node (shared subexpressions computed once). Safety: the generated source contains only
 * generated temporaries (`t12`), indices into the input array (`v[3]`), numeric literals
 * produced by Number→string, and calls through a table of closures (`F[2](t7)`). No symbol name,
 * function name or any user text is ever spliced into the code.
 */
import { CONSTANTS } from '../expr/elementary.js';
import { lookupFn } from '../expr/fns.js';
import { type Node, ExprError, assertNever } from '../expr/node.js';
import { qtoNumber } from '../expr/rational.js';
import { topoOrder } from '../expr/walk.js';

/** A compiled expression: values of the variables, in the order given to {@link compile}, to its value. */
export type Compiled = (values: ArrayLike<number>) => number;
/** Several compiled expressions: fills and returns `out` (a new array when omitted). */
export type CompiledMany = (values: ArrayLike<number>, out?: Float64Array) => Float64Array;

function literal(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '(-Infinity)';
  const s = String(x);
  if (!/^-?[\d.]+(e[+-]?\d+)?$/.test(s)) throw new Error(`internal: unexpected number text ${s}`);
  return x < 0 ? `(${s})` : s;
}

/**
 * Compile several expressions of the same variables into one function returning all values.
 *
 * @example
 * ```ts
 * import { compileMany, parse } from 'closedform';
 * const f = compileMany([parse('x*y'), parse('x + y')], ['x', 'y']);
 * f(new Float64Array([2, 3])); // Float64Array [6, 5]
 * ```
 */
export function compileMany(roots: readonly Node[], vars: readonly string[]): CompiledMany {
  const index = new Map(vars.map((v, i) => [v, i]));
  const fns: ((x: number) => number)[] = [];
  const fnIndex = new Map<string, number>();
  const temp = new Map<Node, string>();
  const lines: string[] = [];
  for (const n of topoOrder(...roots)) {
    const t = `t${temp.size}`;
    temp.set(n, t);
    lines.push(`const ${t} = ${expression(n)};`);
  }
  function expression(n: Node): string {
    switch (n.kind) {
      case 'num':
        return literal(qtoNumber(n.value));
      case 'sym': {
        const i = index.get(n.name);
        if (i !== undefined) return `v[${i}]`;
        const c = CONSTANTS.get(n.name);
        if (c !== undefined) return literal(c);
        throw new ExprError(`compile: symbol '${n.name}' is not among the variables`);
      }
      case 'add':
        return n.args.map((a) => temp.get(a)!).join(' + ');
      case 'mul':
        return n.args.map((a) => temp.get(a)!).join(' * ');
      case 'pow': {
        const b = temp.get(n.base)!;
        if (n.exp.d === 1n && n.exp.n === 2n) return `${b} * ${b}`;
        if (n.exp.d === 1n && n.exp.n === -1n) return `1 / ${b}`;
        return `Math.pow(${b}, ${literal(qtoNumber(n.exp))})`;
      }
      case 'fn': {
        let k = fnIndex.get(n.name);
        if (k === undefined) {
          k = fns.length;
          fns.push(lookupFn(n.name)!.numeric);
          fnIndex.set(n.name, k);
        }
        return `F[${k}](${temp.get(n.arg)!})`;
      }
      default:
        return assertNever(n);
    }
  }
  const results = roots.map((r, i) => `out[${i}] = ${temp.get(r)!};`);
  const body = `${lines.join('\n')}\n${results.join('\n')}\nreturn out;`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated from node kinds only, see the header
  const inner = new Function('v', 'F', 'out', body) as (v: ArrayLike<number>, F: unknown, out: Float64Array) => Float64Array;
  const m = roots.length;
  const n = vars.length;
  // The one check on the hot path, O(1): an array-like of the right length, and room for the results.
  return (values, out = new Float64Array(m)) => {
    if (values === null || typeof values !== 'object' || typeof values.length !== 'number' || values.length < n)
      throw new ExprError(`compiled function: expected the values of ${n} variable${n === 1 ? '' : 's'} (${vars.slice(0, 5).join(', ')}${n > 5 ? ', …' : ''}) as an array`);
    if (!(out instanceof Float64Array) || out.length < m) throw new ExprError(`compiled function: out must be a Float64Array of at least ${m} entries`);
    return inner(values, fns, out);
  };
}

/**
 * Compile one expression to a numeric function of the listed variables (in that order).
 *
 * @example
 * ```ts
 * import { compile, parse } from 'closedform';
 * compile(parse('sigmoid(w*x)'), ['w', 'x'])([0, 5]); // 0.5
 * ```
 */
export function compile(e: Node, vars: readonly string[]): Compiled {
  const f = compileMany([e], vars);
  const out = new Float64Array(1);
  return (values) => f(values, out)[0]!;
}
