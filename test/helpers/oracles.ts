/**
 * Independent engines for the property tests: a mathjs instance in which every registered
 * function is defined from its `mathjs` facet (so mathjs computes from its own primitives), and
 * nerdamer-prime behind a renaming table (it misreads names with two underscores).
 */
import { all, create } from 'mathjs';
import nerdamer from 'nerdamer-prime';
import '../../src/index.js';
import { fnNames, lookupFn } from '../../src/expr/fns.js';

export const math = create(all!);

/** The scope holding the function definitions: `sigmoid(z) = 1 / (1 + exp(-z))`, … */
const definitions: Record<string, unknown> = {};
for (const name of fnNames()) {
  const rule = lookupFn(name)!;
  // exp, log, atan, tanh are mathjs built-ins and their facet is the built-in itself.
  if (rule.mathjs === `${name}(z)`) continue;
  math.evaluate(`${name}(z) = ${rule.mathjs}`, definitions);
}

/** mathjs's value of expression text at a point (NaN when mathjs answers non-real). */
export function mathjsValue(text: string, point: Record<string, number>): number {
  const v: unknown = math.evaluate(text, { ...definitions, ...point });
  if (typeof v === 'number') return v;
  if (math.isComplex(v)) return Math.abs(v.im) < 1e-12 * Math.max(1, Math.abs(v.re)) ? v.re : NaN;
  return NaN;
}

/** Rename symbols for nerdamer: `w1_2_3 → s0`, … (a table, never by rewriting text). */
export function nerdamerNames(names: readonly string[]): Map<string, string> {
  return new Map(names.map((n, i) => [n, `s${i}`]));
}

/** nerdamer's d/dx of text written over the renamed symbols, as nerdamer text. */
export function nerdamerDiff(text: string, x: string): string {
  return nerdamer.diff(nerdamer(text), x).toString();
}

/** nerdamer's numeric value of its own text at a point. */
export function nerdamerValue(text: string, point: Record<string, number>): number {
  const subs: Record<string, string> = {};
  for (const [k, v] of Object.entries(point)) subs[k] = v.toString();
  return Number(nerdamer(text).evaluate(subs).text('decimals'));
}
