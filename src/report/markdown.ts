/**
 * A derivation as Markdown with `$…$` inline and `$$…$$` display math (GitHub, Jupyter,
 * Obsidian, pandoc read it).
 */
import { assertNever } from '../expr/node.js';
import { type Derivation, type Inline, type Step, displayLatex } from './document.js';

/** Markdown's inline specials in plain text. */
const escapeMd = (s: string): string => s.replace(/([\\`*_[\]<>|$])/g, '\\$1');

const inline = (parts: readonly Inline[], inTable = false): string =>
  parts
    .map((p) => (typeof p === 'string' ? escapeMd(p) : `$${inTable ? p.math.replace(/\|/g, '\\vert ') : p.math}$`))
    .join('');

/** What the Markdown renderer needs for figures: the stem of the .svg files written beside the page. */
export interface MarkdownOptions {
  /** figure files are `STEM-KIND.svg` (`STEM-KIND-2.svg` for a second of a kind); default `figure` */
  readonly figureStem?: string;
}

/**
 * The figure files a Markdown page links to, with their SVG: write each next to the page.
 *
 * @example
 * ```ts
 * import { markdownFigures, deriveNetwork, parseSpec } from 'closedform';
 * markdownFigures(deriveNetwork(parseSpec('1-1')).derivation, 'd').map((f) => f.file); // ['d-network.svg']
 * ```
 */
export function markdownFigures(d: Derivation, figureStem = 'figure'): { readonly file: string; readonly svg: string }[] {
  const seen = new Map<string, number>();
  return d.steps.flatMap((s) => {
    if (s.kind !== 'figure') return [];
    const n = (seen.get(s.figure.kind) ?? 0) + 1;
    seen.set(s.figure.kind, n);
    return [{ file: `${figureStem}-${s.figure.kind}${n > 1 ? `-${n}` : ''}.svg`, svg: s.figure.svg }];
  });
}

function stepMd(s: Step, files: Map<Step, string>): string {
  switch (s.kind) {
    case 'heading':
      return `${'#'.repeat(s.level + 1)} ${escapeMd(s.text)}`;
    case 'prose':
      return inline(s.parts);
    case 'display':
      return `${s.label === undefined ? '' : `*${inline(s.label)}*\n\n`}$$\n${displayLatex(s.rows)}\n$$`;
    case 'table': {
      const row = (cells: readonly (readonly Inline[])[]): string => `| ${cells.map((c) => inline(c, true)).join(' | ')} |`;
      return [row(s.header), `|${s.header.map(() => ' --- |').join('')}`, ...s.rows.map(row)].join('\n');
    }
    case 'note':
      return `> ${s.tone === 'warning' ? '**Warning.**' : '**Note.**'} ${inline(s.parts)}`;
    case 'figure':
      return `![${escapeMd(s.figure.title)}](${files.get(s)!})\n\n*${inline(s.caption)}*`;
    default:
      return assertNever(s);
  }
}

/**
 * The Markdown text of a derivation.
 *
 * @example
 * ```ts
 * import { renderMarkdown, display } from 'closedform';
 * renderMarkdown({ title: 'T', steps: [display([{ lhs: 'y', rhs: ['x^2'] }])] }); // '# T\n\n$$\ny = x^2\n$$\n'
 * ```
 */
export function renderMarkdown(d: Derivation, opts: MarkdownOptions = {}): string {
  const sub = d.subtitle === undefined ? [] : [`*${escapeMd(d.subtitle)}*`];
  const names = markdownFigures(d, opts.figureStem);
  const files = new Map(d.steps.filter((s) => s.kind === 'figure').map((s, i) => [s, names[i]!.file]));
  return `${[`# ${escapeMd(d.title)}`, ...sub, ...d.steps.map((s) => stepMd(s, files))].join('\n\n')}\n`;
}
