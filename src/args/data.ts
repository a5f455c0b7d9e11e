/**
 * Checks of the library's own data as arguments: specs (validated exactly as the spec parsers
 * validate text, budgets included), networks, data sets, polynomials and their interchange
 * forms, matrices. Results the library returned and are passed back in are checked by shape —
 * the fields the function reads, with their types — not traced to where they came from.
 */
import { describeValue } from '../expr/errors.js';
import { SpecError, parameterCount, sizedSpecFromJson, specFromJson } from '../network/parse.js';
import type { NetworkSpec } from '../network/spec.js';
import { MAX_TEX_NESTING, texNesting } from '../report/html.js';
import { type Arg, any, arr, big, bool, either, finite, func, int, isPlainObject, lazy, MAX_LENGTH, name, node, oneOf, opt, q, refine, shape, str, typed, union } from './check.js';

/** Most entries of one dimension of a dense matrix argument (a million entries in all). */
export const MAX_MATRIX_SIDE = 1_000;

/**
 * A network spec: all five fields, and everything `specFromJson` checks (positive integer widths,
 * known activations, one bias flag per layer, the layer and parameter budgets). A spec object is
 * held to the same budgets as a spec given as text.
 */
export const spec: Arg = {
  expected: 'a network spec {widths, activations, bias, loss, convention} (from parseSpec or readSpec)',
  check: (x) => {
    if (!isPlainObject(x)) return { at: '', says: `must be a network spec object (from parseSpec or readSpec), got ${describeValue(x)}` };
    const o = x as Record<string, unknown>;
    for (const f of ['widths', 'activations', 'bias', 'loss', 'convention'])
      if (o[f] === undefined) return { at: `.${f}`, says: 'is missing (a complete spec has widths, activations, bias, loss and convention; parseSpec fills them in)' };
    try {
      specFromJson(x);
    } catch (e) {
      if (e instanceof SpecError) return { at: '', says: `is not a valid spec: ${e.message}` };
      throw e;
    }
    return undefined;
  },
};

/** A spec whose widths may be letters (from parseSizedSpec or readSizedSpec), checked as sizedSpecFromJson checks it. */
export const sizedSpec: Arg = {
  expected: 'a network spec {widths, activations, bias, loss, convention}, widths numbers or letters (from parseSizedSpec)',
  check: (x) => {
    if (!isPlainObject(x)) return { at: '', says: `must be a network spec object (from parseSizedSpec or readSizedSpec), got ${describeValue(x)}` };
    const o = x as Record<string, unknown>;
    for (const f of ['widths', 'activations', 'bias', 'loss', 'convention'])
      if (o[f] === undefined) return { at: `.${f}`, says: 'is missing (a complete spec has widths, activations, bias, loss and convention; parseSizedSpec fills them in)' };
    try {
      sizedSpecFromJson(x);
    } catch (e) {
      if (e instanceof SpecError) return { at: '', says: `is not a valid spec: ${e.message}` };
      throw e;
    }
    return undefined;
  },
};

/** A built network (from buildNetwork): its spec checked as above and its names and nodes consistent with it. */
const networkFields: Arg = refine(
  shape('a network (from buildNetwork)', {
    spec,
    params: arr(name),
    inputs: arr(name),
    targets: arr(name),
    z: arr(arr(node)),
    a: arr(arr(node)),
    outputs: arr(node),
    loss: node,
  }),
  (n: { spec: NetworkSpec; params: string[]; inputs: string[]; targets: string[]; outputs: unknown[] }) => {
    const w = n.spec.widths;
    if (n.params.length !== parameterCount(n.spec)) return `has ${n.params.length} params, its spec ${parameterCount(n.spec)}`;
    if (n.inputs.length !== w[0] || n.targets.length !== w.at(-1) || n.outputs.length !== w.at(-1)) return `has inputs, targets or outputs that do not match its spec ${w.join('-')}`;
    return undefined;
  },
);
export const network: Arg = {
  expected: 'a network (from buildNetwork)',
  check: (x) => {
    const o = x as Record<string, unknown> | null;
    if (typeof o === 'object' && o !== null && !Array.isArray(o) && o.outputs === undefined && o.params === undefined)
      return { at: '', says: `must be a network (from buildNetwork), got ${o.widths !== undefined ? 'a spec: build it first with buildNetwork(spec)' : describeValue(x)}` };
    return networkFields.check(x);
  },
};

/** Exact data points, each a list of rationals (their number and lengths are the network module's to check: DatasetError). */
export const dataset: Arg = shape('a data set {inputs, targets} of exact rationals (from readCsv)', { inputs: arr(arr(q)), targets: arr(arr(q)) });

/** Engine samples: numbers. */
export const sample: Arg = shape('a sample {x, y} of numbers', { x: arr(finite), y: arr(finite) });

/** A monomial layout (from makeLayout). */
export const layout: Arg = shape('a monomial layout (from makeLayout)', {
  vars: arr(name),
  bits: int(1, 32),
  perWord: int(1, 32),
  words: int(1, MAX_LENGTH),
  maxExp: int(1, 2 ** 31),
});

/** A sparse polynomial (from expand, polyVar, polyFromTerms, …): layout, term count and packed arrays that agree. */
export const poly: Arg = refine(
  shape('a polynomial (from expand, polyVar, polyFromTerms, …)', {
    layout,
    n: int(0, MAX_LENGTH),
    mono: typed('Int32Array'),
    coef: either(typed('Float64Array'), arr(big)),
    den: big,
    expBound: arr(int(0, 2 ** 31)),
  }),
  (p: { layout: { vars: string[]; words: number }; n: number; mono: Int32Array; coef: { length: number }; den: bigint; expBound: number[] }) => {
    if (p.den <= 0n) return 'has a denominator that is not positive';
    if (p.mono.length < p.n * p.layout.words || p.coef.length < p.n) return `has fewer packed monomials or coefficients than its ${p.n} terms`;
    if (p.expBound.length !== p.layout.vars.length) return 'has exponent bounds that do not match its variables';
    return undefined;
  },
);

/** A term over named variables. */
export const term: Arg = shape('a term {exps, coeff}', { exps: arr(int(0, 2 ** 30 - 1)), coeff: q });

/** The interchange form: exponent vectors over named variables, exact coefficients. */
export const polyTerms: Arg = refine(shape('a polynomial as {vars, terms} (PolyTerms)', { vars: arr(name), terms: arr(term) }), (p: { vars: string[]; terms: { exps: number[] }[] }) => {
  const bad = p.terms.findIndex((t) => t.exps.length !== p.vars.length);
  return bad < 0 ? undefined : `.terms[${bad}] has ${p.terms[bad]!.exps.length} exponents for ${p.vars.length} variables`;
});

/** A univariate polynomial over Q: coefficients, lowest degree first. */
export const qpoly: Arg = arr(q, 100_000);

/** A univariate polynomial over Z: bigint coefficients, lowest degree first. */
export const zpoly: Arg = arr(big, 100_000);

/** A real algebraic number (from realRoots). */
export const realRoot: Arg = shape('a real root (from realRoots)', { poly: zpoly, lo: q, hi: q, exact: opt(q), multiplicity: int(1, MAX_LENGTH) });

/** A rectangular matrix of at most MAX_MATRIX_SIDE × MAX_MATRIX_SIDE entries. */
const matrix = (entry: Arg, what: string): Arg =>
  refine(arr(arr(entry, MAX_MATRIX_SIDE), MAX_MATRIX_SIDE), (m: unknown[][]) =>
    m.every((r) => r.length === m[0]!.length) ? undefined : `is not rectangular (${what} rows of different lengths)`,
  );
export const qmatrix: Arg = matrix(q, 'rational');
export const nodeMatrix: Arg = matrix(node, 'node');
export const numberMatrix: Arg = matrix(finite, 'number');

/** A Gröbner basis (from groebner). */
export const groebnerBasis: Arg = shape('a Gröbner basis (from groebner or solveSystem)', {
  vars: arr(name),
  order: oneOf('grevlex', 'lex'),
  polys: arr(polyTerms),
  internal: arr(any),
});

/** The regularisation of the critical-point system. */
export const regularisation: Arg = union("a regularisation {kind: 'none' | 'uniform' | 'normalise' | 'generic', …}", 'kind', {
  none: shape('{kind: none}', {}),
  normalise: shape('{kind: normalise}', {}),
  uniform: refine(shape('{kind: uniform, lambda}', { lambda: q }), (r: { lambda: { n: bigint } }) => (r.lambda.n > 0n ? undefined : 'has a lambda that is not positive')),
  generic: shape('{kind: generic, seed}', { seed: int(0, 2 ** 32 - 1) }),
});

/** A source of uniform doubles in [0, 1). */
export const rng: Arg = func;

/** A seed of the random generators: a safe integer of either sign (mulberry32 takes it modulo 2³²). */
export const seed: Arg = int(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);

/** Milliseconds of a time budget: positive, at most a day. */
export const millis: Arg = int(1, 86_400_000);

/** A Boolean option. */
export const flag: Arg = opt(bool);

// --- documents -------------------------------------------------------------------------------
/** LaTeX source that KaTeX can typeset: its groups nest within MAX_TEX_NESTING (less 2 for the display around a row). */
export const tex: Arg = refine(str, (s: string) => {
  const n = texNesting(s);
  return n <= MAX_TEX_NESTING - 2 ? undefined : `is LaTeX nested ${n} groups deep, past what can be typeset (MAX_TEX_NESTING = ${MAX_TEX_NESTING})`;
});
export const inline: Arg = either(str, shape('inline math {math}', { math: tex }));
export const inlines: Arg = arr(inline);
export const displayRow: Arg = shape('a display row {lhs, rel?, rhs}', { lhs: tex, rel: opt(tex), rhs: arr(tex) });
/** The rows of one display: at least one. */
export const displayRows: Arg = refine(arr(displayRow), (r: unknown[]) => (r.length > 0 ? undefined : 'is empty: a display has at least one row'));
export const step: Arg = union('a document step {kind: heading | prose | display | table | note, …}', 'kind', {
  heading: shape('a heading step', { level: oneOf(1, 2, 3), text: str }),
  prose: shape('a prose step', { parts: inlines }),
  display: shape('a display step', { rows: displayRows, label: opt(inlines) }),
  table: shape('a table step', { header: arr(inlines), rows: arr(arr(inlines)) }),
  note: shape('a note step', { tone: oneOf('info', 'warning'), parts: inlines }),
  figure: shape('a figure step', { figure: lazy('a figure', () => figure), caption: inlines }),
});
export const derivation: Arg = shape('a derivation {title, subtitle?, steps} (from deriveNetwork)', { title: str, subtitle: opt(str), steps: arr(step) });

/** A figure (from src/figures): its SVG is inserted as markup, so only SVG text is accepted. */
export const figure: Arg = shape('a figure {kind, svg, title, description} (from networkFigure, sliceFigure, …)', {
  kind: oneOf('network', 'loss-slice', 'loss-line', 'fit', 'descent', 'relu-regions'),
  svg: refine(str, (s: string) => (/^<svg[\s>]/.test(s) && /<\/svg>\s*$/.test(s) ? undefined : 'is not one SVG element (<svg …>…</svg>)')),
  title: str,
  description: str,
});
