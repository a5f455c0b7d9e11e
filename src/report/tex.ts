/**
 * A derivation as a complete LaTeX `article` (amsmath): headings as unnumbered sections, prose
 * with `$…$`, one-line displays as `\[…\]`, multi-line ones as `align*`, tables as `tabular`.
 */
import { assertNever } from '../expr/node.js';
import { type Derivation, type Inline, type Row, type Step, alignedRows } from './document.js';
import { svgToTikz } from './tikz.js';
import { escapeTex } from './tex-escape.js';
export { escapeTex } from './tex-escape.js';

const inline = (parts: readonly Inline[]): string => parts.map((p) => (typeof p === 'string' ? escapeTex(p) : `$${p.math}$`)).join('');

function displayTex(rows: readonly Row[], label: readonly Inline[] | undefined): string {
  const cap = label === undefined ? '' : `\\noindent{\\small\\itshape ${inline(label)}}\n`;
  const one = rows.length === 1 && rows[0]!.rhs.length === 1;
  if (one) {
    const r = rows[0]!;
    return `${cap}\\[\n${r.lhs} ${r.rel ?? '='} ${r.rhs[0]}\n\\]`;
  }
  return `${cap}\\begin{align*}\n${alignedRows(rows)}\n\\end{align*}`;
}

function stepTex(s: Step): string {
  switch (s.kind) {
    case 'heading':
      return `${['\\section*', '\\subsection*', '\\subsubsection*'][s.level - 1]}{${escapeTex(s.text)}}`;
    case 'prose':
      return inline(s.parts);
    case 'display':
      return displayTex(s.rows, s.label);
    case 'table': {
      const cols = 'l'.repeat(s.header.length);
      const row = (cells: readonly (readonly Inline[])[]): string => `${cells.map(inline).join(' & ')} \\\\`;
      return `\\begin{center}\n\\begin{tabular}{${cols}}\n\\hline\n${row(s.header)}\n\\hline\n${s.rows.map(row).join('\n')}\n\\hline\n\\end{tabular}\n\\end{center}`;
    }
    case 'note':
      return `\\begin{quote}\n${s.tone === 'warning' ? '\\textbf{Warning.} ' : '\\textit{Note.} '}${inline(s.parts)}\n\\end{quote}`;
    case 'figure':
      return `\\begin{center}\n${svgToTikz(s.figure.svg)}\n\n{\\small ${inline(s.caption)}}\n\\end{center}`;
    default:
      return assertNever(s);
  }
}

/**
 * The `.tex` source of a derivation: a complete document, compilable with pdflatex.
 *
 * @example
 * ```ts
 * import { renderTex, prose, m } from 'closedform';
 * renderTex({ title: 'Example', steps: [prose('Let ', m('x = 1'), '.')] }).includes('Let $x = 1$.'); // true
 * ```
 */
export function renderTex(d: Derivation): string {
  const sub = d.subtitle === undefined ? '' : `\\\\[0.3em]\\large ${escapeTex(d.subtitle)}`;
  return `\\documentclass[11pt]{article}
\\usepackage[utf8]{inputenc}
\\usepackage[T1]{fontenc}
\\usepackage{amsmath,amssymb}
\\usepackage[margin=2.5cm]{geometry}${d.steps.some((s) => s.kind === 'figure') ? '\n\\usepackage{tikz}' : ''}
\\allowdisplaybreaks
\\title{${escapeTex(d.title)}${sub}}
\\date{}
\\begin{document}
\\maketitle

${d.steps.map(stepTex).join('\n\n')}

\\end{document}
`;
}
