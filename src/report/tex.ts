/**
 * A derivation as a complete LaTeX `article` (amsmath): headings as unnumbered sections, prose
 * with `$…$`, one-line displays as `\[…\]`, multi-line ones as `align*`, tables as `tabular`.
 */
import { assertNever } from '../expr/node.js';
import { type Derivation, type Inline, type Row, type Step, alignedRows } from './document.js';
import { svgToTikz } from './tikz.js';

/** Text-mode escapes for LaTeX's special characters. */
const SPECIALS: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', $: '\\$', '&': '\\&', '#': '\\#', '%': '\\%', _: '\\_',
  '^': '\\textasciicircum{}', '~': '\\textasciitilde{}',
};

/** The Unicode the library's prose uses (Greek, sub- and superscripts, operators), as LaTeX a pdflatex document can set. */
const UNICODE: Readonly<Record<string, string>> = {
  'α': '$\\alpha$',
  'β': '$\\beta$',
  'γ': '$\\gamma$',
  'δ': '$\\delta$',
  'ε': '$\\epsilon$',
  'ζ': '$\\zeta$',
  'η': '$\\eta$',
  'θ': '$\\theta$',
  'ι': '$\\iota$',
  'κ': '$\\kappa$',
  'λ': '$\\lambda$',
  'μ': '$\\mu$',
  'ν': '$\\nu$',
  'ξ': '$\\xi$',
  'ο': 'o',
  'π': '$\\pi$',
  'ρ': '$\\rho$',
  'σ': '$\\sigma$',
  'τ': '$\\tau$',
  'υ': '$\\upsilon$',
  'φ': '$\\phi$',
  'χ': '$\\chi$',
  'ψ': '$\\psi$',
  'ω': '$\\omega$',
  'Γ': '$\\Gamma$',
  'Δ': '$\\Delta$',
  'Θ': '$\\Theta$',
  'Λ': '$\\Lambda$',
  'Ξ': '$\\Xi$',
  'Π': '$\\Pi$',
  'Σ': '$\\Sigma$',
  'Υ': '$\\Upsilon$',
  'Φ': '$\\Phi$',
  'Ψ': '$\\Psi$',
  'Ω': '$\\Omega$',
  '₀': '$_{0}$',
  '₁': '$_{1}$',
  '₂': '$_{2}$',
  '₃': '$_{3}$',
  '₄': '$_{4}$',
  '₅': '$_{5}$',
  '₆': '$_{6}$',
  '₇': '$_{7}$',
  '₈': '$_{8}$',
  '₉': '$_{9}$',
  '⁰': '$^{0}$',
  '¹': '$^{1}$',
  '²': '$^{2}$',
  '³': '$^{3}$',
  '⁴': '$^{4}$',
  '⁵': '$^{5}$',
  '⁶': '$^{6}$',
  '⁷': '$^{7}$',
  '⁸': '$^{8}$',
  '⁹': '$^{9}$',
  'ₖ': '$_{k}$',
  'ᵢ': '$_{i}$',
  'ⱼ': '$_{j}$',
  'ₗ': '$_{l}$',
  'ₙ': '$_{n}$',
  'ₚ': '$_{p}$',
  'ₘ': '$_{m}$',
  'ᵏ': '$^{k}$',
  'ˡ': '$^{l}$',
  'ᴸ': '$^{L}$',
  'ᵀ': '$^{T}$',
  '⁻': '$^{-}$',
  '⁽': '$^{(}$',
  '⁾': '$^{)}$',
  '↑': '$\\uparrow$',
  '⁺': '$^{+}$',
  'ℓ': '$\\ell$',
  '∇': '$\\nabla$',
  '∂': '$\\partial$',
  '≈': '$\\approx$',
  '≤': '$\\le$',
  '≥': '$\\ge$',
  '≠': '$\\ne$',
  '→': '$\\to$',
  '↦': '$\\mapsto$',
  '⊙': '$\\odot$',
  '⊗': '$\\otimes$',
  '·': '$\\cdot$',
  '×': '$\\times$',
  '−': '$-$',
  '±': '$\\pm$',
  '∞': '$\\infty$',
  '∈': '$\\in$',
  '∑': '$\\sum$',
  '√': '$\\surd$',
  '½': '$\\frac{1}{2}$',
  '′': '$\\prime$',
  '…': '\\dots{}',
  '—': '---',
  '–': '--',
  '“': '``',
  '”': '\'\'',
  '‘': '`',
  '’': '\'',
  'é': '\\\'e',
  'ö': '\\"o',
  'ü': '\\"u',
};

/**
 * Escape plain text for LaTeX text mode; a character outside both tables is written as [U+XXXX], never passed raw.
 *
 * @example
 * ```ts
 * import { escapeTex } from 'closedform';
 * escapeTex('50% of σ'); // '50\\% of $\\sigma$'
 * ```
 */
export function escapeTex(s: string): string {
  return s.replace(/[\\{}$&#%_^~]|[^\x00-\x7F]/gu, (c) => SPECIALS[c] ?? UNICODE[c] ?? `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`);
}

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
