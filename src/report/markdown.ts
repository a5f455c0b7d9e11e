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

function stepMd(s: Step): string {
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
export function renderMarkdown(d: Derivation): string {
  const sub = d.subtitle === undefined ? [] : [`*${escapeMd(d.subtitle)}*`];
  return `${[`# ${escapeMd(d.title)}`, ...sub, ...d.steps.map(stepMd)].join('\n\n')}\n`;
}
