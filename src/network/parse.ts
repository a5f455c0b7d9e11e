/**
 * Network specs from text: the compact string `WIDTHS[:ACTIVATIONS][:OPTIONS]` and JSON objects,
 * validated into a {@link NetworkSpec}; `formatSpec` writes the compact string back.
 *
 * Compact grammar (spaces around tokens are ignored; line breaks and other control characters, and
 * a trailing ':' with nothing after it, are refused):
 * - `WIDTHS` = `n0-n1-…-nL`, positive integers, L ≥ 1 (n0 inputs, nL outputs);
 * - `ACTIVATIONS` = registry names separated by commas: one name (every layer), two names (the
 *   hidden layers, then the output layer) or L names (one per layer); default `sigmoid,identity`;
 * - `OPTIONS` = comma-separated `nobias` (no bias in any layer), `half` (loss ½Σ(f−y)²),
 *   `rows` (the H = σ(XW₁ + b₁) layout of seed 004).
 */
import { activationNames, getActivation } from '../activations/registry.js';
import { ClosedformError, describeValue, quote } from '../expr/errors.js';
import { JsonError, readJson } from './json.js';
import type { Convention, Loss, NetworkSpec } from './spec.js';

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
  return checked({
    widths,
    activations,
    bias: widths.slice(1).map(() => !seen.has('nobias')),
    loss: seen.has('half') ? 'half-squared' : 'squared',
    convention: seen.has('rows') ? 'rows' : 'layer',
  });
}

function parseWidths(text: string): number[] {
  const t = text.trim();
  if (t === '') throw new SpecError('missing widths: a network spec starts with n0-n1-…-nL, e.g. 3-2-1');
  const tokens = t.split('-').map((s) => s.trim());
  for (const w of tokens) {
    if (!/^\d+$/.test(w)) throw new SpecError(`bad width ${quote(w)} in ${quote(t)}: widths are positive integers separated by '-'`);
    if (Number(w) === 0) throw new SpecError(`bad width ${quote(w)} in ${quote(t)}: a layer needs at least one neuron`);
  }
  if (tokens.length < 2) throw new SpecError(`bad widths ${quote(t)}: need at least an input and an output width (n0-n1)`);
  if (tokens.length - 1 > MAX_LAYERS) throw new SpecError(`${tokens.length - 1} layers is past the budget of ${MAX_LAYERS} layers`);
  return tokens.map(Number);
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
  if (!Array.isArray(w) || !w.every((x) => typeof x === 'number' && Number.isSafeInteger(x) && x >= 1))
    throw new SpecError(`bad "widths" ${shown(w)}: an array of positive integers [n0, …, nL]`);
  if (w.length < 2) throw new SpecError('bad "widths": need at least an input and an output width');
  const widths = w as number[];
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
  return checked({ widths, activations: expandActivations(names, L), bias, loss: loss as Loss, convention: convention as Convention });
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
export const looksLikeSpec = (text: string): boolean => /^\s*(\d+(\s*-\s*\d+)+(:.*)?|\{.*)\s*$/s.test(text);

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
  if (text.trim().startsWith('{')) {
    let value: unknown;
    try {
      value = readJson(text, 'JSON spec');
    } catch (e) {
      if (e instanceof JsonError) throw new SpecError(e.message);
      throw e;
    }
    return specFromJson(value);
  }
  return parseSpec(text);
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
