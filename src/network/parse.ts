/**
 * Network specs from text: the compact string `WIDTHS[:ACTIVATIONS][:OPTIONS]` and JSON objects,
 * validated into a {@link NetworkSpec}; `formatSpec` writes the compact string back.
 *
 * Compact grammar (spaces around tokens are ignored; line breaks and other control characters, and
 * a trailing ':' with nothing after it, are refused):
 * - `WIDTHS` = `n0-n1-…-nL`, positive integers, L ≥ 1 (n0 inputs, nL outputs); a width may be a
 *   letter (`p-M-1`, `n0-n1-n2-1`: a general size, read by `readSizedSpec` only — the concrete
 *   readers refuse it in one line that suggests sizes);
 * - `ACTIVATIONS` = registry names separated by commas: one name (every layer), two names (the
 *   hidden layers, then the output layer) or L names (one per layer); default `sigmoid,identity`;
 * - `OPTIONS` = comma-separated `nobias` (no bias in any layer), `half` (loss ½Σ(f−y)²),
 *   `rows` (the H = σ(XW₁ + b₁) layout of seed 004).
 */
import { activationNames, getActivation } from '../activations/registry.js';
import { ClosedformError, describeValue, quote } from '../expr/errors.js';
import { JsonError, readJson } from './json.js';
import type { Convention, Loss, NetworkSpec, SizedSpec, SymbolicSpec } from './spec.js';

/** A network spec that cannot be accepted; the message names the bad token in one line. */
export class SpecError extends ClosedformError {
  override readonly name = 'SpecError';
}

/**
 * Most parameters a spec may have. Building, the gradient by one reverse sweep and the closed
 * backprop recursion cost a few nodes per parameter: at 19 561 parameters (40-120-120-1) the
 * forward + gradient DAG has 74 209 nodes and `grad` takes ~0.5 s, closing the recursion ~0.7 s
 * (bench `network`, 2-core EPYC); every later step (printing, exact checks, analysis) is slower
 * still. Past this, refuse up front and point to the numeric engine.
 */
export const MAX_PARAMETERS = 20_000;
/** Most layers: depth multiplies the printed tree size, 32 is far past any readable formula. */
export const MAX_LAYERS = 32;

/** Defaults filled in when a spec leaves a field out. */
export const DEFAULT_ACTIVATIONS: readonly [string, string] = ['sigmoid', 'identity'];

const OPTIONS = ['nobias', 'half', 'rows'] as const;

/**
 * Number of weights and biases: Σ_ℓ n_ℓ·n_{ℓ−1} + Σ_{ℓ with bias} n_ℓ. For p-M-1 with biases this
 * is seed 004's (p+1)M + 1 + M.
 *
 * @example
 * ```ts
 * parameterCount(parseSpec('3-4-1')); // (3+1)·4 + 1 + 4 = 21
 * ```
 */
export function parameterCount(spec: NetworkSpec): number {
  let p = 0;
  for (let l = 1; l < spec.widths.length; l++) p += spec.widths[l]! * (spec.widths[l - 1]! + (spec.bias[l - 1] ? 1 : 0));
  return p;
}

/**
 * Parse the compact string `WIDTHS[:ACTIVATIONS][:OPTIONS]`.
 *
 * @example
 * ```ts
 * parseSpec('3-2-1:relu,identity:nobias');
 * // { widths: [3, 2, 1], activations: ['relu', 'identity'], bias: [false, false], loss: 'squared', convention: 'layer' }
 * ```
 */
export function parseSpec(text: string): NetworkSpec {
  return concrete(parseAny(text));
}

/**
 * Parse the compact string, letter widths allowed: `p-M-1` is symbolic, `3-4-1` concrete.
 *
 * @example
 * ```ts
 * parseSizedSpec('p-M-1:identity:rows').kind; // 'symbolic'
 * parseSizedSpec('3-4-1').kind; // 'concrete'
 * ```
 */
export function parseSizedSpec(text: string): SizedSpec {
  return sized(parseAny(text));
}

function parseAny(text: string): NetworkSpec | SymbolicSpec {
  if (typeof text !== 'string') throw new SpecError('a network spec must be a string like 3-2-1:relu,identity');
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u001f\u007f]/.test(text)) throw new SpecError(`bad network spec ${quote(text)}: it contains a line break or another control character`);
  const parts = text.trim().split(':');
  if (parts.length > 3) throw new SpecError(`bad network spec ${quote(text)}: expected WIDTHS[:ACTIVATIONS][:OPTIONS], found ${parts.length} ':'-separated parts`);
  if (parts.length > 1 && parts.at(-1)!.trim() === '')
    throw new SpecError(`bad network spec ${quote(text)}: nothing after the last ':' (give ${parts.length === 2 ? 'activations' : 'options'} there, or leave the ':' out)`);
  const widths = parseWidths(parts[0]!);
  const L = widths.length - 1;
  const actText = parts[1]?.trim() ?? '';
  const activations = actText === '' ? defaultActivations(L) : expandActivations(actText.split(',').map((s) => s.trim()), L);
  const seen = new Set<string>();
  for (const raw of (parts[2] ?? '').split(',')) {
    const o = raw.trim();
    if (o === '') {
      if (parts[2] !== undefined && parts[2].trim() !== '') throw new SpecError(`bad option list ${quote(parts[2])}: empty option`);
      continue;
    }
    if (!(OPTIONS as readonly string[]).includes(o)) throw new SpecError(`unknown option ${quote(o)} (options: ${OPTIONS.join(', ')})`);
    if (seen.has(o)) throw new SpecError(`option ${quote(o)} given twice`);
    seen.add(o);
  }
  return {
    widths,
    activations,
    bias: widths.slice(1).map(() => !seen.has('nobias')),
    loss: seen.has('half') ? 'half-squared' : 'squared',
    convention: seen.has('rows') ? 'rows' : 'layer',
  };
}

/**
 * Names a letter width may not take: the index letters of the indexed sums (i, j, k, m, r…v), the
 * data-point count n and the names the equations print (x, y, z, a, b, w, h, f, q, δ, β, σ, e, π),
 * so that Σⱼ₌₁ᵖ never reads as a sum up to its own index.
 */
export const RESERVED_SIZE_NAMES: readonly string[] = ['i', 'j', 'k', 'm', 'n', 'r', 's', 't', 'u', 'v', 'x', 'y', 'z', 'a', 'b', 'w', 'h', 'f', 'q', 'e', 'd', 'pi', 'delta', 'beta', 'sigma'];
/** A letter width: a letter, then up to 7 letters or digits (`p`, `M`, `n0`). */
const LETTER_WIDTH = /^[A-Za-z][A-Za-z0-9]{0,7}$/;

/** Why a width token is not a width, or undefined when it is one (a positive integer or a free letter name). */
function widthProblem(w: string): string | undefined {
  if (/^\d+$/.test(w)) return Number(w) === 0 ? 'a layer needs at least one neuron' : undefined;
  if (!LETTER_WIDTH.test(w)) return "widths are positive integers or letters (p, M, n0) separated by '-'";
  if (RESERVED_SIZE_NAMES.includes(w)) return `${quote(w)} is an index or a name the equations use (reserved: ${RESERVED_SIZE_NAMES.join(' ')}); use another letter such as p, M, K, n0`;
  return undefined;
}

function parseWidths(text: string): (number | string)[] {
  const t = text.trim();
  if (t === '') throw new SpecError('missing widths: a network spec starts with n0-n1-…-nL, e.g. 3-2-1');
  const tokens = t.split('-').map((s) => s.trim());
  for (const w of tokens) {
    const why = widthProblem(w);
    if (why !== undefined) throw new SpecError(`bad width ${quote(w)} in ${quote(t)}: ${why}`);
  }
  if (tokens.length < 2) throw new SpecError(`bad widths ${quote(t)}: need at least an input and an output width (n0-n1)`);
  if (tokens.length - 1 > MAX_LAYERS) throw new SpecError(`${tokens.length - 1} layers is past the budget of ${MAX_LAYERS} layers`);
  return tokens.map((w) => (/^\d+$/.test(w) ? Number(w) : w));
}

/** `sigmoid` hidden layers and an `identity` output layer; a single layer is the output layer. */
const defaultActivations = (L: number): string[] => expandActivations(L === 1 ? [DEFAULT_ACTIVATIONS[1]] : DEFAULT_ACTIVATIONS, L);

/** One name → every layer; two → hidden layers, output layer; L → one per layer. */
function expandActivations(names: readonly string[], L: number): string[] {
  for (const n of names) {
    if (n === '') throw new SpecError(`empty activation name in ${quote(names.join(','))}`);
    if (getActivation(n) === undefined) throw new SpecError(`unknown activation ${quote(n)} (known: ${activationNames().join(', ')})`);
  }
  if (names.length === 1) return Array.from({ length: L }, () => names[0]!);
  if (names.length === L) return [...names];
  if (names.length === 2 && L >= 2) return Array.from({ length: L }, (_, i) => (i === L - 1 ? names[1]! : names[0]!));
  throw new SpecError(
    `wrong number of activations in ${quote(names.join(','))}: ${names.length} given for ${L} layer${L === 1 ? '' : 's'} (give ${L === 1 ? '1' : L === 2 ? '1 or 2' : `1, 2 (hidden, output) or ${L}`})`,
  );
}

/** A concrete spec, or the one-line refusal of a letter width with concrete sizes suggested. */
function concrete(spec: NetworkSpec | SymbolicSpec): NetworkSpec {
  const s = sized(spec);
  if (s.kind === 'concrete') return s.spec;
  const letters = [...new Set(s.spec.widths.filter((w): w is string => typeof w === 'string'))];
  // each letter replaced by a small size of its own (2, 3, 4, …), so the suggestion keeps equal letters equal
  const suggested = s.spec.widths.map((w) => (typeof w === 'number' ? w : letters.indexOf(w) + 2)).join('-');
  throw new SpecError(
    `width ${quote(letters[0]!)} of ${s.spec.widths.join('-')} is a letter (a general size): this needs concrete sizes, e.g. ${suggested}; letter widths are for the symbolic model (formula, grad --form backprop, derive)`,
  );
}

/** Validate a spec whose widths may be letters: concrete when every width is a number. */
function sized(spec: NetworkSpec | SymbolicSpec): SizedSpec {
  if (spec.widths.every((w) => typeof w === 'number')) return { kind: 'concrete', spec: checked(spec as NetworkSpec) };
  const L = spec.widths.length - 1;
  if (L > MAX_LAYERS) throw new SpecError(`${L} layers is past the budget of ${MAX_LAYERS} layers`);
  for (const w of spec.widths) {
    const why = typeof w === 'number' ? (Number.isSafeInteger(w) && w >= 1 ? undefined : 'widths are positive integers or letters') : widthProblem(w);
    if (why !== undefined) throw new SpecError(`bad width ${quote(String(w))}: ${why}`);
  }
  return {
    kind: 'symbolic',
    spec: Object.freeze({
      widths: Object.freeze([...spec.widths]),
      activations: Object.freeze([...spec.activations]),
      bias: Object.freeze([...spec.bias]),
      loss: spec.loss,
      convention: spec.convention,
    }),
  };
}

/** Validate a complete spec (types, sizes, budgets) and freeze it. */
function checked(spec: NetworkSpec): NetworkSpec {
  const L = spec.widths.length - 1;
  if (L > MAX_LAYERS) throw new SpecError(`${L} layers is past the budget of ${MAX_LAYERS} layers`);
  for (const w of spec.widths)
    if (!Number.isSafeInteger(w) || w < 1) throw new SpecError(`bad width ${String(w)}: widths are positive integers`);
  const p = parameterCount(spec);
  if (p > MAX_PARAMETERS)
    throw new SpecError(`network ${spec.widths.join('-')} has ${p} parameters, past the budget of ${MAX_PARAMETERS}: use the numeric engine for networks this size`);
  return Object.freeze({
    widths: Object.freeze([...spec.widths]),
    activations: Object.freeze([...spec.activations]),
    bias: Object.freeze([...spec.bias]),
    loss: spec.loss,
    convention: spec.convention,
  });
}

const FIELDS = new Set(['widths', 'activations', 'bias', 'loss', 'convention']);

/** A value in a message: JSON-like for the small values specs hold, else described (never serialised whole). */
function shown(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (Array.isArray(v) && v.length <= 8 && v.every((x) => typeof x === 'number' || typeof x === 'boolean' || (typeof x === 'string' && x.length <= 20)))
    return `[${v.map((x) => (typeof x === 'string' ? JSON.stringify(x) : String(x))).join(', ')}]`;
  return describeValue(v);
}

/**
 * A spec from a JSON value: an object with the fields of {@link NetworkSpec}. Only `widths` is
 * required; `activations` (a list of 1, 2 or L names) defaults to `sigmoid,identity`, `bias`
 * (boolean or one per layer) to true, `loss` to `squared`, `convention` to `layer`. A string where
 * the list of activations belongs is refused (the compact form is the place for comma lists).
 *
 * @example
 * ```ts
 * specFromJson({ widths: [3, 4, 1], activations: ['identity'], convention: 'rows' });
 * ```
 */
export function specFromJson(value: unknown): NetworkSpec {
  return concrete(anyFromJson(value));
}

/**
 * A spec from a JSON value whose widths may be letters (`{"widths": ["p", "M", 1]}`).
 *
 * @example
 * ```ts
 * sizedSpecFromJson({ widths: ['p', 'M', 1], activations: ['identity'] }).kind; // 'symbolic'
 * ```
 */
export function sizedSpecFromJson(value: unknown): SizedSpec {
  return sized(anyFromJson(value));
}

function anyFromJson(value: unknown): NetworkSpec | SymbolicSpec {
  let o: Record<string, unknown>;
  try {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SpecError(`a JSON network spec must be an object with a "widths" field, got ${describeValue(value)}`);
    // read each field once, into a plain object (a getter or a proxy is read here, not later)
    o = {};
    for (const k of Object.keys(value)) {
      if (!FIELDS.has(k)) throw new SpecError(`unknown field ${JSON.stringify(k.slice(0, 40))} in JSON spec (fields: ${[...FIELDS].join(', ')})`);
      o[k] = (value as Record<string, unknown>)[k];
    }
  } catch (e) {
    if (e instanceof SpecError) throw e;
    throw new SpecError(`the JSON network spec cannot be read: ${e instanceof Error ? e.message.split('\n')[0] : 'it throws'}`);
  }
  const w = o.widths;
  if (!Array.isArray(w) || !w.every((x) => (typeof x === 'number' && Number.isSafeInteger(x) && x >= 1) || (typeof x === 'string' && widthProblem(x) === undefined && !/^\d+$/.test(x))))
    throw new SpecError(`bad "widths" ${shown(w)}: an array of positive integers or letters [n0, …, nL] (letters such as "p", "M"; reserved: ${RESERVED_SIZE_NAMES.join(' ')})`);
  if (w.length < 2) throw new SpecError('bad "widths": need at least an input and an output width');
  const widths = w as (number | string)[];
  const L = widths.length - 1;
  if (L > MAX_LAYERS) throw new SpecError(`${L} layers is past the budget of ${MAX_LAYERS} layers`);
  let names: string[];
  if (o.activations === undefined) names = defaultActivations(L);
  else if (Array.isArray(o.activations) && o.activations.length > 0 && o.activations.every((a) => typeof a === 'string')) names = o.activations as string[];
  else if (typeof o.activations === 'string')
    throw new SpecError(`bad "activations" ${shown(o.activations)}: a list of activation names such as ${JSON.stringify(o.activations.split(',').map((x) => x.trim()))}, not a string`);
  else throw new SpecError(`bad "activations" ${shown(o.activations)}: a non-empty list of activation names`);
  let bias: boolean[];
  if (o.bias === undefined || typeof o.bias === 'boolean') bias = widths.slice(1).map(() => o.bias !== false);
  else if (Array.isArray(o.bias) && o.bias.length === L && o.bias.every((b) => typeof b === 'boolean')) bias = o.bias as boolean[];
  else throw new SpecError(`bad "bias" ${shown(o.bias)}: true, false, or one boolean per layer (${L})`);
  const loss = o.loss ?? 'squared';
  if (loss !== 'squared' && loss !== 'half-squared') throw new SpecError(`bad "loss" ${shown(o.loss)}: "squared" or "half-squared"`);
  const convention = o.convention ?? 'layer';
  if (convention !== 'layer' && convention !== 'rows') throw new SpecError(`bad "convention" ${shown(o.convention)}: "layer" or "rows"`);
  return { widths, activations: expandActivations(names, L), bias, loss: loss as Loss, convention: convention as Convention };
}

/**
 * Whether text is meant as a network spec rather than an expression: the compact string starts
 * with its widths `n0-…-nL` (then `:activations:options`, checked by {@link parseSpec}), JSON
 * text with `{`. The commands that take either (`expand`, `grad`, `hessian`) decide by it; a
 * malformed spec is still a spec, refused by {@link readSpec} with its reason.
 *
 * @example
 * ```ts
 * looksLikeSpec('1-2-1:quadratic'); // true
 * looksLikeSpec('x - 1');           // false
 * ```
 */
// A spec with letter widths and a ':' part (`p-M-1:quadratic`) looks like a spec too, so that a
// command needing concrete sizes refuses it as one rather than misreading it as an expression.
export const looksLikeSpec = (text: string): boolean => /^\s*(\d+(\s*-\s*\d+)+(:.*)?|[A-Za-z0-9]+(\s*-\s*[A-Za-z0-9]+)+:.*|\{.*)\s*$/s.test(text);

/**
 * A spec given either as the compact string or as JSON text (starting with `{`; read strictly:
 * a repeated key, nesting past MAX_JSON_DEPTH or trailing text is refused with its place).
 *
 * @example
 * ```ts
 * readSpec('{"widths": [1, 2, 1], "activations": ["quadratic"]}');
 * readSpec('1-2-1:quadratic');
 * ```
 */
export function readSpec(text: string): NetworkSpec {
  return concrete(readAny(text));
}

/**
 * A spec as compact string or JSON text, letter widths allowed.
 *
 * @example
 * ```ts
 * readSizedSpec('{"widths": ["p", "M", 1]}').kind; // 'symbolic'
 * ```
 */
export function readSizedSpec(text: string): SizedSpec {
  return sized(readAny(text));
}

function readAny(text: string): NetworkSpec | SymbolicSpec {
  if (typeof text === 'string' && text.trim().startsWith('{')) {
    let value: unknown;
    try {
      value = readJson(text, 'JSON spec');
    } catch (e) {
      if (e instanceof JsonError) throw new SpecError(e.message);
      throw e;
    }
    return anyFromJson(value);
  }
  return parseAny(text);
}

/**
 * The compact string of a spec, shortest activation list that reads back the same. Specs whose
 * layers differ in having a bias have no compact form (use JSON).
 *
 * @example
 * ```ts
 * formatSpec(parseSpec('3-2-3-4:arctan_sigmoid')); // '3-2-3-4:arctan_sigmoid'
 * ```
 */
export function formatSpec(spec: NetworkSpec): string {
  const s = checked(spec);
  const acts = s.activations;
  const L = acts.length;
  const hidden = acts.slice(0, L - 1);
  let names: readonly string[];
  if (acts.every((a) => a === acts[0])) names = [acts[0]!];
  else if (L > 2 && hidden.every((a) => a === hidden[0])) names = [hidden[0]!, acts[L - 1]!];
  else names = acts;
  const options: string[] = [];
  if (s.bias.every((b) => !b)) options.push('nobias');
  else if (!s.bias.every((b) => b)) throw new SpecError(`biases [${s.bias.join(', ')}] differ between layers: no compact form, use JSON`);
  if (s.loss === 'half-squared') options.push('half');
  if (s.convention === 'rows') options.push('rows');
  return [s.widths.join('-'), names.join(','), ...(options.length > 0 ? [options.join(',')] : [])].join(':');
}
