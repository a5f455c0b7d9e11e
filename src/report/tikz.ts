/**
 * A figure's SVG as a TikZ picture, so that a derivation's .tex compiles with pdflatex and shows
 * the same drawing. Not a plotting library: a translation of the SVG that the figures module's
 * plotting library wrote — shapes (path with M/L/H/V/C/Q/Z, line, rect, circle), text, nested
 * `<svg>`, inherited presentation attributes (fill, stroke, widths, opacities, dashes, font size,
 * anchor) and translate/scale/rotate transforms — into `\path` commands with absolute coordinates.
 * An element outside that subset is an error, never a silent omission.
 */
import { parseHTML } from 'linkedom';
import { ReportError } from './derive.js';
import { escapeTex } from './tex.js';

/** Width of the drawing in the document: the text block of the 11pt article with 2.5 cm margins is 16 cm. */
export const TIKZ_WIDTH_CM = 15;
const PT_PER_CM = 72.27 / 2.54;

interface El {
  tagName: string;
  children: ArrayLike<El>;
  childNodes: ArrayLike<{ nodeType: number; textContent: string | null; tagName?: string }>;
  textContent: string | null;
  getAttribute(name: string): string | null;
}

/** An affine map [a b c d e f]: (x, y) ↦ (a x + c y + e, b x + d y + f), as SVG writes it. */
type M = readonly [number, number, number, number, number, number];
const ID: M = [1, 0, 0, 1, 0, 0];
const mul = (m: M, n: M): M => [m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5]];
const apply = (m: M, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** The transform attribute: translate, scale, rotate (degrees), in order. */
function parseTransform(t: string | null): M {
  let m: M = ID;
  if (t === null) return m;
  for (const [, op, args] of t.matchAll(/(\w+)\s*\(([^)]*)\)/g)) {
    const a = args!.split(/[\s,]+/).filter(Boolean).map(Number);
    if (op === 'translate') m = mul(m, [1, 0, 0, 1, a[0]!, a[1] ?? 0]);
    else if (op === 'scale') m = mul(m, [a[0]!, 0, 0, a[1] ?? a[0]!, 0, 0]);
    else if (op === 'rotate') {
      const r = (a[0]! * Math.PI) / 180;
      m = mul(m, [Math.cos(r), Math.sin(r), -Math.sin(r), Math.cos(r), 0, 0]);
    } else throw new ReportError(`figure to TikZ: unsupported transform ${op}`);
  }
  return m;
}

/** The presentation attributes a child inherits. */
interface Style {
  readonly fill: string;
  readonly stroke: string;
  readonly strokeWidth: number;
  readonly fillOpacity: number;
  readonly strokeOpacity: number;
  readonly dash: string;
  readonly fontSize: number;
  readonly anchor: string;
  readonly bold: boolean;
}

function inherit(s: Style, e: El): Style {
  const g = (n: string): string | null => e.getAttribute(n);
  const opacity = g('opacity') === null ? 1 : Number(g('opacity'));
  return {
    fill: g('fill') ?? s.fill,
    stroke: g('stroke') ?? s.stroke,
    strokeWidth: g('stroke-width') === null ? s.strokeWidth : Number(g('stroke-width')),
    fillOpacity: (g('fill-opacity') === null ? s.fillOpacity : Number(g('fill-opacity'))) * opacity,
    strokeOpacity: (g('stroke-opacity') === null ? s.strokeOpacity : Number(g('stroke-opacity'))) * opacity,
    dash: g('stroke-dasharray') ?? s.dash,
    fontSize: g('font-size') === null ? s.fontSize : Number.parseFloat(g('font-size')!),
    anchor: g('text-anchor') ?? s.anchor,
    bold: g('font-weight') === null ? s.bold : g('font-weight') === 'bold',
  };
}

const NAMED: Readonly<Record<string, string>> = { black: '000000', white: 'ffffff', currentcolor: '000000', red: 'ff0000', blue: '0000ff', gray: '808080', grey: '808080' };

/** A CSS colour as an xcolor expression, or undefined for none. */
function color(c: string): string | undefined {
  const s = c.trim().toLowerCase();
  if (s === 'none' || s === 'transparent') return undefined;
  let hex = NAMED[s];
  const h = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(s);
  if (h) hex = h[1]!.length === 3 ? [...h[1]!].map((d) => d + d).join('') : h[1]!;
  const rgb = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(s);
  if (rgb) hex = rgb.slice(1, 4).map((v) => Number(v).toString(16).padStart(2, '0')).join('');
  if (hex === undefined) throw new ReportError(`figure to TikZ: unsupported colour '${c}'`);
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(hex!.slice(i, i + 2), 16));
  return `{rgb,255:red,${r};green,${g};blue,${b}}`;
}

const f2 = (x: number): string => {
  const s = (Math.round(x * 100) / 100).toString();
  return s === '-0' ? '0' : s;
};

/** TikZ options for a shape: fill and draw with their opacities, width and dashes (sizes in pt). */
function paint(s: Style, scalePt: number, closed: boolean): string | undefined {
  const opts: string[] = [];
  const fill = closed ? color(s.fill) : undefined;
  const draw = color(s.stroke);
  if (fill !== undefined) opts.push(`fill=${fill}`, ...(s.fillOpacity < 1 ? [`fill opacity=${f2(s.fillOpacity)}`] : []));
  if (draw !== undefined) {
    opts.push(`draw=${draw}`, `line width=${f2(s.strokeWidth * scalePt)}pt`, ...(s.strokeOpacity < 1 ? [`draw opacity=${f2(s.strokeOpacity)}`] : []));
    if (s.dash !== 'none' && s.dash !== '') opts.push(`dash pattern=${s.dash.split(/[\s,]+/).map((v, i) => `${i % 2 === 0 ? 'on' : 'off'} ${f2(Number(v) * scalePt)}pt`).join(' ')}`);
  }
  return opts.length === 0 ? undefined : opts.join(', ');
}

/** An SVG path's data as TikZ path operations, points mapped by m. */
function pathOps(d: string, m: M): { ops: string; closed: boolean } {
  const tokens = d.match(/[MmLlHhVvCcQqZzAaSsTt]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) ?? [];
  const out: string[] = [];
  let i = 0;
  let cmd = '';
  let [x, y] = [0, 0];
  let [sx, sy] = [0, 0];
  let closed = false;
  const numAt = (): number => {
    const t = tokens[i++];
    if (t === undefined || /[a-z]/i.test(t)) throw new ReportError(`figure to TikZ: bad path data near '${d.slice(0, 40)}'`);
    return Number(t);
  };
  const pt = (px: number, py: number): string => {
    const [u, v] = apply(m, px, py);
    return `(${f2(u)},${f2(v)})`;
  };
  while (i < tokens.length) {
    if (/^[a-z]$/i.test(tokens[i]!)) cmd = tokens[i++]!;
    const rel = cmd === cmd.toLowerCase();
    switch (cmd.toUpperCase()) {
      case 'M': {
        const [a, b] = [numAt(), numAt()];
        [x, y] = rel ? [x + a, y + b] : [a, b];
        [sx, sy] = [x, y];
        out.push(pt(x, y));
        cmd = rel ? 'l' : 'L';
        break;
      }
      case 'L': {
        const [a, b] = [numAt(), numAt()];
        [x, y] = rel ? [x + a, y + b] : [a, b];
        out.push(`-- ${pt(x, y)}`);
        break;
      }
      case 'H': {
        const a = numAt();
        x = rel ? x + a : a;
        out.push(`-- ${pt(x, y)}`);
        break;
      }
      case 'V': {
        const b = numAt();
        y = rel ? y + b : b;
        out.push(`-- ${pt(x, y)}`);
        break;
      }
      case 'C': {
        const c = [numAt(), numAt(), numAt(), numAt(), numAt(), numAt()].map((v, k) => (rel ? v + (k % 2 === 0 ? x : y) : v));
        out.push(`.. controls ${pt(c[0]!, c[1]!)} and ${pt(c[2]!, c[3]!)} .. ${pt(c[4]!, c[5]!)}`);
        [x, y] = [c[4]!, c[5]!];
        break;
      }
      case 'Q': {
        // a quadratic Bézier as the cubic with control points P0 + 2/3 (P1 − P0), P2 + 2/3 (P1 − P2)
        const c = [numAt(), numAt(), numAt(), numAt()].map((v, k) => (rel ? v + (k % 2 === 0 ? x : y) : v));
        const c1 = [x + (2 / 3) * (c[0]! - x), y + (2 / 3) * (c[1]! - y)] as const;
        const c2 = [c[2]! + (2 / 3) * (c[0]! - c[2]!), c[3]! + (2 / 3) * (c[1]! - c[3]!)] as const;
        out.push(`.. controls ${pt(c1[0], c1[1])} and ${pt(c2[0], c2[1])} .. ${pt(c[2]!, c[3]!)}`);
        [x, y] = [c[2]!, c[3]!];
        break;
      }
      case 'Z':
        out.push('-- cycle');
        [x, y] = [sx, sy];
        closed = true;
        break;
      default:
        throw new ReportError(`figure to TikZ: unsupported path command '${cmd}'`);
    }
  }
  // break long paths over lines (TeX reads a line at a time)
  const lines: string[] = [];
  for (let k = 0; k < out.length; k += 12) lines.push(out.slice(k, k + 12).join(' '));
  return { ops: lines.join('\n  '), closed };
}

const SUPER: Readonly<Record<string, string>> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁽': '(', '⁾': ')', '⁻': '-', '⁺': '+', 'ˡ': 'l', 'ᵀ': 'T', 'ᵏ': 'k' };
const SUBS: Readonly<Record<string, string>> = { '₀': '0', '₁': '1', '₂': '2', '₃': '3', '₄': '4', '₅': '5', '₆': '6', '₇': '7', '₈': '8', '₉': '9', 'ᵢ': 'i', 'ⱼ': 'j', 'ₖ': 'k', 'ₗ': 'l', 'ₘ': 'm', 'ₙ': 'n', 'ₚ': 'p' };
const EXTRA: Readonly<Record<string, string>> = { '↑': '$\\uparrow$', '↓': '$\\downarrow$', '←': '$\\leftarrow$', '⋯': '$\\cdots$' };

/**
 * A figure's text in LaTeX: runs of Unicode super- and subscripts (w⁽¹⁾₂₁) become math
 * (w$^{(1)}_{21}$), the rest is escaped as the document's prose is.
 *
 * @example
 * ```ts
 * tikzText('w⁽¹⁾₂₁ →'); // 'w$^{(1)}_{21}$ $\\to$'
 * ```
 */
export function tikzText(s: string): string {
  const chars = [...s];
  let out = '';
  let sup = '';
  let sub = '';
  const flush = (): void => {
    if (sup !== '' || sub !== '') out += `$${sup === '' ? '' : `^{${sup}}`}${sub === '' ? '' : `_{${sub}}`}$`;
    sup = '';
    sub = '';
  };
  chars.forEach((c, i) => {
    if (SUPER[c] !== undefined) {
      if (sub !== '') flush(); // a superscript after a subscript starts a new group
      sup += SUPER[c];
    } else if (SUBS[c] !== undefined) sub += SUBS[c];
    // a comma between two subscripts stays in the subscript (w⁽¹⁾₁₂,₃)
    else if (c === ',' && sub !== '' && SUBS[chars[i + 1] ?? ''] !== undefined) sub += ',';
    else {
      flush();
      out += EXTRA[c] ?? escapeTex(c);
    }
  });
  flush();
  return out;
}

/** The LaTeX size command nearest a font size in pt (sizes of the 11pt article). */
function sizeCommand(pt: number): string {
  const sizes: [number, string][] = [[6, '\\tiny'], [8, '\\scriptsize'], [9, '\\footnotesize'], [10, '\\small'], [10.95, '\\normalsize'], [12, '\\large']];
  return sizes.reduce((best, s) => (Math.abs(s[0] - pt) < Math.abs(best[0] - pt) ? s : best))[1];
}

/** Convert an em/px length attribute (`0.32em`, `5`) to px at a font size. */
const len = (v: string | null, fontSize: number): number => (v === null ? 0 : v.endsWith('em') ? Number.parseFloat(v) * fontSize : Number.parseFloat(v));

/**
 * The TikZ picture of an SVG figure, `TIKZ_WIDTH_CM` wide.
 *
 * @example
 * ```ts
 * import { networkFigure, parseSpec, svgToTikz } from 'closedform';
 * svgToTikz(networkFigure(parseSpec('1-1')).svg).startsWith('\\begin{tikzpicture}'); // true
 * ```
 */
export function svgToTikz(svg: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = (document as unknown as { querySelector(s: string): El | null }).querySelector('svg');
  if (root === null) throw new ReportError('figure to TikZ: no <svg> element');
  const width = Number(root.getAttribute('width'));
  const height = Number(root.getAttribute('height'));
  if (!(width > 0 && height > 0)) throw new ReportError('figure to TikZ: the figure has no width and height');
  const unit = TIKZ_WIDTH_CM / width;
  const scalePt = unit * PT_PER_CM;
  const lines: string[] = [];
  const base: Style = { fill: 'black', stroke: 'none', strokeWidth: 1, fillOpacity: 1, strokeOpacity: 1, dash: 'none', fontSize: 16, anchor: 'start', bold: false };

  const textNode = (e: El, s: Style, m: M): void => {
    // Plot writes one text per <text>, or one <tspan> per line; x, y, dx, dy shift the baseline
    const parts = Array.from(e.children).filter((c) => c.tagName.toLowerCase() === 'tspan');
    const pieces = parts.length > 0 ? parts.map((p) => ({ el: p, text: p.textContent ?? '' })) : [{ el: e, text: e.textContent ?? '' }];
    let y0 = len(e.getAttribute('y'), s.fontSize) + len(e.getAttribute('dy'), s.fontSize);
    const x0 = len(e.getAttribute('x'), s.fontSize) + len(e.getAttribute('dx'), s.fontSize);
    for (const p of pieces) {
      const ps = p.el === e ? s : inherit(s, p.el);
      if (p.el !== e) y0 += len(p.el.getAttribute('y'), ps.fontSize) + len(p.el.getAttribute('dy'), ps.fontSize);
      const x = p.el === e ? x0 : x0 + len(p.el.getAttribute('x'), ps.fontSize);
      if (p.text.trim() === '') continue;
      const [u, v] = apply(m, x, y0);
      const rot = (Math.atan2(m[1], m[0]) * 180) / Math.PI;
      const anchor = ps.anchor === 'middle' ? 'base' : ps.anchor === 'end' ? 'base east' : 'base west';
      const col = color(ps.fill) ?? '{rgb,255:red,0;green,0;blue,0}';
      const opts = [`anchor=${anchor}`, 'inner sep=0pt', `text=${col}`, `font=${sizeCommand(ps.fontSize * scalePt)}${ps.bold ? '\\bfseries' : ''}`, ...(Math.abs(rot) > 0.01 ? [`rotate=${f2(-rot)}`] : [])];
      lines.push(`\\node[${opts.join(', ')}] at (${f2(u)},${f2(v)}) {${tikzText(p.text)}};`);
    }
  };

  const walk = (e: El, s0: Style, m0: M, top: boolean): void => {
    const tag = e.tagName.toLowerCase();
    if (tag === 'title' || tag === 'desc' || tag === 'style') return;
    const s = inherit(s0, e);
    let m = mul(m0, parseTransform(e.getAttribute('transform')));
    const g = (n: string): number => Number(e.getAttribute(n) ?? 0);
    switch (tag) {
      case 'svg':
        if (!top) m = mul(m, [1, 0, 0, 1, g('x'), g('y')]);
        for (const c of Array.from(e.children)) walk(c, s, m, false);
        return;
      case 'g':
      case 'a':
        for (const c of Array.from(e.children)) walk(c, s, m, false);
        return;
      case 'path': {
        const { ops, closed } = pathOps(e.getAttribute('d') ?? '', m);
        const p = paint(s, scalePt, closed || s.fill !== 'none');
        if (p !== undefined && ops !== '') lines.push(`\\path[${p}] ${ops};`);
        return;
      }
      case 'line': {
        const p = paint(s, scalePt, false);
        const [a, b] = apply(m, g('x1'), g('y1'));
        const [c, d] = apply(m, g('x2'), g('y2'));
        if (p !== undefined) lines.push(`\\path[${p}] (${f2(a)},${f2(b)}) -- (${f2(c)},${f2(d)});`);
        return;
      }
      case 'rect': {
        const p = paint(s, scalePt, true);
        const [a, b] = apply(m, g('x'), g('y'));
        const [c, d] = apply(m, g('x') + g('width'), g('y') + g('height'));
        if (p !== undefined) lines.push(`\\path[${p}] (${f2(a)},${f2(b)}) rectangle (${f2(c)},${f2(d)});`);
        return;
      }
      case 'circle': {
        const p = paint(s, scalePt, true);
        const [a, b] = apply(m, g('cx'), g('cy'));
        const r = g('r') * Math.hypot(m[0], m[1]);
        if (p !== undefined) lines.push(`\\path[${p}] (${f2(a)},${f2(b)}) circle[radius=${f2(r)}];`);
        return;
      }
      case 'text':
        textNode(e, s, m);
        return;
      default:
        throw new ReportError(`figure to TikZ: unsupported element <${tag}>`);
    }
  };
  walk(root, base, ID, true);
  // x and y in SVG pixels, y downwards as in SVG
  return `\\begin{tikzpicture}[x=${unit.toFixed(5)}cm, y=-${unit.toFixed(5)}cm]\n\\useasboundingbox (0,0) rectangle (${width},${height});\n${lines.join('\n')}\n\\end{tikzpicture}`;
}
