/**
 * The shared form of a formula: named intermediates (`let` bindings) instead of repeated
 * subexpressions. A node the DAG reaches by two or more paths is written once, as
 * `name = rhs`, and referred to by its name afterwards; a node reached once is written in place.
 * Every binding's right-hand side refers only to earlier names, so the printed size is linear in
 * the DAG's size (each distinct node is written once) however large the tree is — a formula
 * whose tree has 10³⁰ nodes prints in a few kB, never refused.
 *
 * Names come from the caller (the network layer names z⁽ˡ⁾ᵢ, a⁽ˡ⁾ᵢ, δ⁽ˡ⁾ᵢ and the residual r);
 * other shared nodes get generic names t1, t2, … (skipping any name the formula already uses).
 * Substituting the bindings back, in order, gives the very nodes (the interned DAG) the form was
 * made from: abstraction replaces children by symbols and rebuilds with the smart constructors,
 * which merge nothing a symbol could make mergeable that the original children did not.
 */
import { type Node, children, rebuild, sym } from '../expr/node.js';
import { freeSymbols, substitute, topoOrder } from '../expr/walk.js';
import { symbolLatex, toLatex } from './latex.js';
import { toText } from './text.js';

/** One named intermediate: `name = rhs`, rhs in the names bound before it. */
export interface LetBinding {
  readonly name: string;
  /** the right-hand side, in the names bound before it */
  readonly rhs: Node;
  /** the node the name stands for, fully substituted */
  readonly value: Node;
}

/** Bindings in dependency order and the results in terms of them. */
export interface LetForm {
  readonly bindings: readonly LetBinding[];
  readonly results: readonly Node[];
}

/**
 * A node reached twice is named by a generic name only when its own written part (down to
 * leaves and named children) has at least this many nodes: naming `w*x` or `-y1` would only
 * add lines. A node with a structural name is named whenever it is shared.
 */
export const GENERIC_MIN_SIZE = 5;

/**
 * The shared form of several roots. `names` gives structural names to nodes (used when the node
 * is shared); other shared nodes of written size ≥ {@link GENERIC_MIN_SIZE} get `t1`, `t2`, ….
 * With `always`, a node in `names` is bound even where it is reached once (the recursive form).
 *
 * @example
 * ```ts
 * import { parse, letForm, toText } from 'closedform';
 * const f = letForm([parse('sigmoid(w*x + b)^2 + sigmoid(w*x + b)')], new Map());
 * f.bindings.map((b) => `${b.name} = ${toText(b.rhs)}`); // ['t1 = sigmoid(b + w*x)']
 * toText(f.results[0]!); // 't1 + t1^2'
 * ```
 */
export function letForm(roots: readonly Node[], names: ReadonlyMap<Node, string>, always = false): LetForm {
  const order = topoOrder(...roots);
  const parents = new Map<Node, number>();
  for (const r of roots) parents.set(r, (parents.get(r) ?? 0) + 1);
  for (const n of order) for (const c of new Set(children(n))) parents.set(c, (parents.get(c) ?? 0) + 1);
  const used = new Set(freeSymbols(...roots));
  for (const s of names.values()) used.add(s);
  let counter = 0;
  const generic = (): string => {
    let s: string;
    do s = `t${++counter}`;
    while (used.has(s));
    return s;
  };
  const bound = new Map<Node, string>();
  const local = new Map<Node, number>(); // written size down to leaves and bound children
  const abstracted = new Map<Node, Node>();
  const bindings: LetBinding[] = [];
  for (const n of order) {
    if (n.kind === 'num' || n.kind === 'sym') {
      abstracted.set(n, n);
      local.set(n, 1);
      continue;
    }
    const cs = children(n);
    const rhs = rebuild(
      n,
      cs.map((c) => {
        const b = bound.get(c);
        return b !== undefined ? sym(b) : abstracted.get(c)!;
      }),
    );
    abstracted.set(n, rhs);
    local.set(n, 1 + cs.reduce((s, c) => s + (bound.has(c) ? 1 : local.get(c)!), 0));
    const shared = (parents.get(n) ?? 0) >= 2;
    const structural = names.get(n);
    const name =
      structural !== undefined && (shared || always) ? structural : shared && local.get(n)! >= GENERIC_MIN_SIZE ? generic() : undefined;
    if (name !== undefined) {
      bound.set(n, name);
      bindings.push({ name, rhs, value: n });
    }
  }
  const results = roots.map((r) => {
    const b = bound.get(r);
    return b !== undefined ? sym(b) : abstracted.get(r)!;
  });
  return { bindings, results };
}

/**
 * Substitute the bindings back, in order: the fully substituted results (the same nodes the
 * form was made from).
 *
 * @example
 * ```ts
 * import { parse, letForm, closeLetForm } from 'closedform';
 * const e = parse('exp(x + y)*exp(x + y) + (x + y)^3');
 * closeLetForm(letForm([e], new Map()))[0] === e; // true
 * ```
 */
export function closeLetForm(form: LetForm): Node[] {
  const env = new Map<string, Node>();
  for (const b of form.bindings) env.set(b.name, substitute(b.rhs, env));
  return form.results.map((r) => substitute(r, env));
}

/** The bindings as text lines `name = rhs`. */
export const letLinesText = (form: LetForm): string[] => form.bindings.map((b) => `${b.name} = ${toText(b.rhs)}`);

/**
 * The shared form as one LaTeX `aligned` block: each binding, then each result under its label
 * (`labels[i]` is LaTeX, e.g. `f_{1}`).
 *
 * @example
 * ```ts
 * import { parse, letForm, letFormLatex } from 'closedform';
 * letFormLatex(letForm([parse('exp(x + y)*exp(x + y)')], new Map()), ['f']);
 * // '\\begin{aligned}f &= e^{2 x + 2 y}\\end{aligned}'
 * ```
 */
export function letFormLatex(form: LetForm, labels: readonly string[]): string {
  const rows = [
    ...form.bindings.map((b) => `${symbolLatex(b.name)} &= ${toLatex(b.rhs)}`),
    ...form.results.map((r, i) => `${labels[i] ?? ''} &= ${toLatex(r)}`),
  ];
  return `\\begin{aligned}${rows.join(' \\\\ ')}\\end{aligned}`;
}

/** The bindings as JSON-ready data: name, text, LaTeX. */
export const letJson = (form: LetForm): { name: string; text: string; latex: string }[] =>
  form.bindings.map((b) => ({ name: b.name, text: toText(b.rhs), latex: toLatex(b.rhs) }));
