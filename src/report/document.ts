/**
 * The derivation document: plain data, an ordered list of steps. Builders (`derive.ts`) make it
 * from results of the library; renderers (`html.ts`, `tex.ts`, `markdown.ts`) turn it into a page.
 * A document never holds a rendered string, only LaTeX sources and text, so every renderer sees
 * the same steps and the same equations. A figure is the one exception, and only in form: its SVG
 * text is the figure's source, which each renderer shows its own way (inline, as TikZ, as a file).
 */
import type { Figure } from '../figures/svg.js';

/** A piece of running text: plain text or inline math (LaTeX source, no delimiters). */
export type Inline = string | { readonly math: string };

/**
 * One row of a display: `lhs rel rhs`, with the right-hand side already split into lines
 * (`rhs.length > 1` renders as an `aligned` block whose continuation lines are indented).
 */
export interface Row {
  readonly lhs: string;
  /** the relation, LaTeX: `=`, `\approx`, `\le` (default `=`) */
  readonly rel?: string;
  readonly rhs: readonly string[];
}

/**
 * The kinds of step. `display` is one displayed equation block (one KaTeX display in HTML,
 * one `align*`/`\[…\]` in .tex); several rows in one display are aligned at their relations.
 */
export type Step =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: 'prose'; readonly parts: readonly Inline[] }
  | { readonly kind: 'display'; readonly rows: readonly Row[]; readonly label?: readonly Inline[] }
  | { readonly kind: 'table'; readonly header: readonly (readonly Inline[])[]; readonly rows: readonly (readonly (readonly Inline[])[])[] }
  | { readonly kind: 'note'; readonly tone: 'info' | 'warning'; readonly parts: readonly Inline[] }
  /** a picture (src/figures): inline SVG in HTML, TikZ in .tex, a linked .svg file in Markdown */
  | { readonly kind: 'figure'; readonly figure: Figure; readonly caption: readonly Inline[] };

export type StepKind = Step['kind'];

/** A derivation: a title, an optional subtitle line and its steps in reading order. */
export interface Derivation {
  readonly title: string;
  readonly subtitle?: string;
  readonly steps: readonly Step[];
}

// ---------------------------------------------------------------------------------------------
// Small constructors, so builders read like the document they make.

/** Inline math. `m('w^{(1)}_{1,1}')` */
export const m = (math: string): Inline => ({ math });

/** A heading step: level 1 a section, 2 a subsection, 3 a paragraph heading (the title is above them). */
export const heading = (text: string, level: 1 | 2 | 3 = 1): Step => ({ kind: 'heading', level, text });

/** A paragraph of text and inline math. `prose('The loss ', m('L'), ' is a sum.')` */
export const prose = (...parts: Inline[]): Step => ({ kind: 'prose', parts });

/** A note (a remark set apart from the text; `warning` for refusals and failed checks). */
export const note = (tone: 'info' | 'warning', ...parts: Inline[]): Step => ({ kind: 'note', tone, parts });

/** A figure with its caption. `figureStep(networkFigure(spec), 'The network.')` */
export const figureStep = (figure: Figure, ...caption: Inline[]): Step => ({ kind: 'figure', figure, caption });

/** A display of one or more rows. `display([{ lhs: 'y', rhs: ['x^2'] }], 'output')` */
export function display(rows: readonly Row[], label?: string | readonly Inline[]): Step {
  if (label === undefined) return { kind: 'display', rows };
  return { kind: 'display', rows, label: typeof label === 'string' ? [label] : label };
}

/** A table whose cells are text or inline math. */
export function table(header: readonly (readonly Inline[])[], rows: readonly (readonly (readonly Inline[])[])[]): Step {
  return { kind: 'table', header, rows };
}

/**
 * Number of displayed equation blocks: what a renderer must show as displays (one KaTeX display
 * each in HTML). Inline math in prose, notes and tables is not counted.
 *
 * @example
 * ```ts
 * import { displayCount, display, prose } from 'closedform';
 * displayCount({ title: 't', steps: [prose('a'), display([{ lhs: 'y', rhs: ['1'] }])] }); // 1
 * ```
 */
export function displayCount(d: Derivation): number {
  return d.steps.filter((s) => s.kind === 'display').length;
}

/**
 * The LaTeX body of a display, as KaTeX and amsmath read it: `aligned` when it has more than one line.
 *
 * @example
 * ```ts
 * import { displayLatex } from 'closedform';
 * displayLatex([{ lhs: 'f', rhs: ['a + b', '+ c'] }]); // '\\begin{aligned}\nf &= a + b \\\\\n&\\qquad {}+ c\n\\end{aligned}'
 * ```
 */
export function displayLatex(rows: readonly Row[]): string {
  const multi = rows.length > 1 || rows.some((r) => r.rhs.length > 1);
  if (!multi) {
    const r = rows[0]!;
    return `${r.lhs} ${r.rel ?? '='} ${r.rhs[0] ?? ''}`;
  }
  return `\\begin{aligned}\n${alignedRows(rows)}\n\\end{aligned}`;
}

/**
 * Rows for an `aligned`/`align*` body: `lhs &= line₁ \\ &\qquad line₂ …` (continuations indented).
 *
 * @example
 * ```ts
 * import { alignedRows } from 'closedform';
 * alignedRows([{ lhs: 'y', rhs: ['1'] }, { lhs: 'z', rhs: ['2'] }]); // 'y &= 1 \\\\\nz &= 2'
 * ```
 */
export function alignedRows(rows: readonly Row[]): string {
  const out: string[] = [];
  for (const r of rows) {
    r.rhs.forEach((line, i) => {
      // `{}` before a leading sign keeps it a binary operator after the indent.
      out.push(i === 0 ? `${r.lhs} &${r.rel ?? '='} ${line}` : `&\\qquad ${/^([+-]|\\cdot)/.test(line) ? '{}' : ''}${line}`);
    });
  }
  return out.join(' \\\\\n');
}

/**
 * Plain text of inline parts (math kept as its LaTeX source), for titles and alt text.
 *
 * @example
 * ```ts
 * import { plainText, m } from 'closedform';
 * plainText(['a ', m('x^2')]); // 'a x^2'
 * ```
 */
export function plainText(parts: readonly Inline[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.math)).join('');
}
