/**
 * Breaking long formulas over lines, from the node (never by cutting strings at arbitrary
 * places): a sum breaks between its top-level terms; a term too wide on its own breaks inside
 * its widest child — the sum inside a power, a product or an activation — with `\right.` and
 * `\left.` keeping every line's delimiters balanced, as KaTeX and amsmath require in `aligned`.
 */
import { type Node, children, mul, neg, rebuild, splitCoefficient, sym } from '../expr/node.js';
import { displayTerms } from '../print/terms.js';
import { toLatex } from '../print/latex.js';
import { MAX_TEX_NESTING } from './html.js';

/**
 * Width of one display line, left-hand side included, in the units of {@link latexWidth}.
 * Measured in Chromium on 37 formulas of three networks: one unit renders as 6.4–11.3 px
 * (median 9.2) at the page's display size (17 px × 1.16); the page's 688 px column therefore
 * holds 60 units even for the densest formulas. Wider lines scroll sideways (last resort).
 */
export const LINE_WIDTH_BUDGET = 60;

/** Below this, a nested break would give lines of a term or two: stop and let the line be wide. */
const MIN_BUDGET = 16;

/** The placeholder symbol printed where a child is cut out; its LaTeX occurs nowhere else. */
const HOLE = '__cf_hole__';

/**
 * Approximate rendered width of a LaTeX math string, in glyphs: scripts count 0.7, a fraction
 * the wider of its parts, `\left`/`\right` nothing, a binary operator with its spaces 2.
 *
 * @example
 * ```ts
 * import { latexWidth } from 'closedform';
 * latexWidth('x + y'); // 4
 * ```
 */
export function latexWidth(s: string): number {
  let i = 0;
  // sticky patterns read at i without slicing the string (slices made this quadratic in its length)
  const command = /\\([A-Za-z]+|.)/y;
  const delimiter = /\s*(\\[a-z]+|.)/y;
  const at = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = i;
    return re.exec(s);
  };
  const group = (): number => {
    // at '{': width of the group; else one token
    if (s[i] === '{') {
      i++;
      let w = 0;
      while (i < s.length && s[i] !== '}') w += token();
      i++;
      return w;
    }
    return token();
  };
  const token = (): number => {
    const c = s[i]!;
    if (c === '{') return group();
    if (c === '}') {
      i++;
      return 0;
    }
    if (c === '^' || c === '_') {
      i++;
      return 0.7 * group();
    }
    if (c === ' ' || c === '&') {
      i++;
      return 0;
    }
    if (c === '+' || c === '-' || c === '=') {
      i++;
      return 2;
    }
    if (c === '\\') {
      const mm = at(command)!;
      i += mm[0].length;
      const name = mm[1]!;
      if (name === 'left' || name === 'right') {
        const d = at(delimiter);
        if (d) i += d[0].length;
        return d && d[1] === '.' ? 0 : 0.6;
      }
      if (name === 'frac') return Math.max(group(), group());
      if (name === 'sqrt') {
        if (s[i] === '[') i = s.indexOf(']', i) + 1;
        return 1 + group();
      }
      if (['mathit', 'mathrm', 'operatorname', 'text', 'mathbf', 'boldsymbol'].includes(name)) return group();
      if (name === 'qquad') return 2;
      if (name === 'quad') return 1;
      if (name === ',' || name === ';' || name === '!') return 0.2;
      return 1;
    }
    i++;
    return 1;
  };
  let w = 0;
  while (i < s.length) w += token();
  return w;
}

/**
 * The LaTeX of e split into display lines no wider than the budget where the structure allows;
 * continuation lines start with their `+`/`−` sign. A single line when e fits.
 *
 * @example
 * ```ts
 * import { breakLines, parse } from 'closedform';
 * breakLines(parse('x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8'), 20);
 * // ['x_{1} + x_{2} + x_{3} + x_{4} + x_{5}', '+ x_{6} + x_{7} + x_{8}']
 * ```
 */
export function breakLines(e: Node, budget: number = LINE_WIDTH_BUDGET): string[] {
  // Breaking recurses into the structure; a formula nested past what KaTeX typesets
  // (MAX_TEX_NESTING) cannot be shown broken or whole, so it is not broken either.
  if (e.depth > MAX_TEX_NESTING) return [toLatex(e)];
  const whole = toLatex(e);
  if (latexWidth(whole) <= budget || budget < MIN_BUDGET) return [whole];
  if (e.kind === 'add') return breakSum(displayTerms(e), budget);
  if (e.kind === 'mul') {
    if (!e.args.some(isDenominator)) return breakProduct(e.args, budget);
    const split = splitFraction(e);
    if (split !== undefined) return breakProduct([split[0], ...(split[1].kind === 'mul' ? split[1].args : [split[1]])], budget);
  }
  return breakInside(e, budget) ?? [whole];
}

/**
 * Lines from terms already printed (each a top-level summand, with its sign when negative),
 * filled greedily up to the budget; a term wider than the budget gets a line of its own.
 *
 * @example
 * ```ts
 * import { fillTerms } from 'closedform';
 * fillTerms(['a x^{2}', 'b x', 'c'], 8); // ['a x^{2} + b x', '+ c']
 * ```
 */
export function fillTerms(terms: readonly string[], budget: number = LINE_WIDTH_BUDGET): string[] {
  const lines: string[] = [];
  let current = '';
  terms.forEach((t, i) => {
    const piece = i === 0 ? t : /^-/.test(t) ? `- ${t.slice(1).trimStart()}` : `+ ${t}`;
    if (current !== '' && latexWidth(`${current} ${piece}`) > budget) {
      lines.push(current);
      current = piece;
    } else current = current === '' ? piece : `${current} ${piece}`;
  });
  if (current !== '') lines.push(current);
  return lines;
}

/**
 * A product with a denominator regrouped as (k / D) · N: the fraction k/D (the coefficient and
 * every negative power) and the numerator N (the other factors), so that the numerator can break
 * over lines after `\frac{k}{D}` as papers write it. `mul(k/D, N)` is the same node as e.
 * Undefined when there is no denominator or no numerator factor.
 *
 * @example
 * ```ts
 * import { parse, splitFraction, toLatex } from 'closedform';
 * splitFraction(parse('3*x*(y + 1)/(2*z)'))!.map(toLatex); // ['\\frac{3}{2 z}', 'x \\left(y + 1\\right)']
 * ```
 */
export function splitFraction(e: Node): [Node, Node] | undefined {
  if (e.kind !== 'mul' || !e.args.some(isDenominator)) return undefined;
  const frac = e.args.filter((a) => a.kind === 'num' || (a.kind === 'pow' && a.exp.n < 0n));
  const numer = e.args.filter((a) => !frac.includes(a));
  if (numer.length === 0) return undefined;
  return [mul(...frac), mul(...numer)];
}

/** A factor printed under a fraction bar: a negative power or a non-integer rational. */
const isDenominator = (a: Node): boolean => (a.kind === 'pow' && a.exp.n < 0n) || (a.kind === 'num' && a.value.d !== 1n);

/**
 * Greedy filling of lines with the factors of a product (no fraction): continuation lines start
 * with `\cdot`; a factor too wide on its own breaks inside (a sum inside balanced parentheses).
 */
function breakProduct(args: readonly Node[], budget: number): string[] {
  const lines: string[] = [];
  let current = '';
  let rest = args;
  const first = args[0]!;
  // An integer coefficient leads the line (`-` for −1); a fraction k/d prints as \\frac{k}{d} like any factor.
  if (first.kind === 'num' && first.value.d === 1n) {
    current = first.value.n === -1n ? '-' : first.value.n.toString();
    rest = args.slice(1);
  }
  for (const a of rest) {
    const text = a.kind === 'add' ? `\\left(${toLatex(a)}\\right)` : toLatex(a);
    const joined = current === '' || current === '-' ? `${current}${text}` : `${current} ${text}`;
    if (latexWidth(joined) <= budget) {
      current = joined;
      continue;
    }
    if (current !== '' && current !== '-' && latexWidth(text) + 2 <= budget) {
      lines.push(current);
      current = `\\cdot ${text}`;
      continue;
    }
    // The factor alone is too wide: break inside it, after what is already on the line if short.
    const lead = current === '' || current === '-' ? current : latexWidth(current) <= budget / 3 ? `${current} ` : '';
    if (lead === '' && current !== '' && current !== '-') lines.push(current);
    const prefix = lead !== '' ? lead : current === '' || lines.length === 0 ? '' : '\\cdot ';
    const inner = a.kind === 'add' ? parenthesise(breakSum(displayTerms(a), budget - latexWidth(prefix) - 2)) : breakLines(a, budget - latexWidth(prefix) - 2);
    inner[0] = `${prefix}${inner[0]}`;
    lines.push(...inner.slice(0, -1));
    current = inner[inner.length - 1]!;
  }
  if (current !== '') lines.push(current);
  return lines;
}

/** A continuation inside `\\left.`: `{}` keeps a leading sign binary rather than unary. */
const cont = (line: string): string => (/^[+-]/.test(line) ? `{} ${line}` : line);

/** Wrap lines of a sum in parentheses that stay balanced on every line. */
function parenthesise(lines: readonly string[]): string[] {
  if (lines.length === 1) return [`\\left(${lines[0]}\\right)`];
  return lines.map((l, i) => (i === 0 ? `\\left(${l} \\right.` : i === lines.length - 1 ? `\\left. ${cont(l)}\\right)` : `\\left. ${cont(l)} \\right.`));
}

/** Greedy filling of lines with the signed terms of a sum; a term too wide breaks inside. */
function breakSum(terms: readonly Node[], budget: number): string[] {
  const lines: string[] = [];
  let current = '';
  terms.forEach((t, i) => {
    const negative = splitCoefficient(t)[0].n < 0n;
    const body = negative ? neg(t) : t;
    const sign = negative ? '-' : i === 0 ? '' : '+';
    // −(a + b) is a term −1·(a + b) whose body is a sum: it keeps its parentheses.
    const text = body.kind === 'add' ? `\\left(${toLatex(body)}\\right)` : toLatex(body);
    const piece = sign === '' ? text : `${sign} ${text}`;
    if (current !== '' && latexWidth(`${current} ${piece}`) <= budget) {
      current = `${current} ${piece}`;
      return;
    }
    if (latexWidth(piece) <= budget) {
      if (current !== '') lines.push(current);
      current = piece;
      return;
    }
    // The term alone is too wide: break inside it.
    if (current !== '') lines.push(current);
    const inner = body.kind === 'add' ? parenthesise(breakSum(displayTerms(body), budget - 4)) : breakLines(body, budget - 2);
    inner[0] = sign === '' ? inner[0]! : `${sign} ${inner[0]}`;
    lines.push(...inner.slice(0, -1));
    current = inner[inner.length - 1]!;
  });
  if (current !== '') lines.push(current);
  return lines;
}

/**
 * Break a non-sum node inside its widest child: print the node with a hole for that child,
 * split the printed form at the hole, and splice the child's own lines in between. Undefined
 * when the hole sits inside braces (a fraction, an exponent), where a line cannot end.
 */
function breakInside(e: Node, budget: number): string[] | undefined {
  const kids = children(e);
  if (kids.length === 0) return undefined;
  let widest: Node | undefined;
  let width = -1;
  for (const c of kids) {
    if (c.kind === 'num' || c.kind === 'sym') continue;
    const w = latexWidth(toLatex(c));
    if (w > width) [widest, width] = [c, w];
  }
  if (widest === undefined) return undefined;
  const holed = e.kind === 'mul' ? mul(...kids.filter((c) => c !== widest), sym(HOLE)) : rebuild(e, kids.map((c) => (c === widest ? sym(HOLE) : c)));
  const template = toLatex(holed);
  const mark = toLatex(sym(HOLE));
  const at = template.indexOf(mark);
  if (at < 0 || template.indexOf(mark, at + 1) >= 0) return undefined;
  const before = template.slice(0, at);
  const after = template.slice(at + mark.length);
  if (braceDepth(before) !== 0) return undefined;
  const opens = unmatchedLefts(before);
  // The printer may parenthesise the child where it did not parenthesise the hole (a sum in a
  // power, a function with a superscript under a power): read which from the printed whole.
  const whole = toLatex(e);
  const child = toLatex(widest);
  let paren: boolean;
  if (whole === `${before}${child}${after}`) paren = false;
  else if (whole === `${before}\\left(${child}\\right)${after}`) paren = true;
  else return undefined;
  const inner = breakLines(widest, budget - latexWidth(before));
  if (inner.length === 1) return undefined;
  const k = opens + (paren ? 1 : 0);
  const close = ' \\right.'.repeat(k);
  const open = '\\left. '.repeat(k);
  return inner.map((line, i) => {
    const first = i === 0;
    const last = i === inner.length - 1;
    const head = first ? `${before}${paren ? '\\left(' : ''}` : open;
    const tail = last ? `${paren ? '\\right)' : ''}${after}` : close;
    return `${head}${first ? line : cont(line)}${tail}`;
  });
}

/** Depth of unclosed `{` in a LaTeX prefix (escaped braces ignored). */
function braceDepth(s: string): number {
  let d = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '{') d++;
    else if (s[i] === '}') d--;
  }
  return d;
}

/** Number of `\left` in a prefix not yet closed by a `\right`. */
function unmatchedLefts(s: string): number {
  return (s.match(/\\left(?![a-zA-Z])/g)?.length ?? 0) - (s.match(/\\right(?![a-zA-Z])/g)?.length ?? 0);
}
