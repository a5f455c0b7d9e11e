/**
 * The one bridge to the plotting library. Every figure is an Observable Plot chart rendered into a
 * linkedom document — a DOM written in plain JavaScript — and serialised to SVG text. The same
 * DOM runs in Node, in a browser page and in a Web Worker (which has no `document`), so a figure
 * is the same bytes everywhere: nothing is measured (Plot lays text out without a font), nothing
 * is random, no id comes from a counter (Plot's clip paths do: no figure uses `clip`).
 *
 * The SVG is made accessible here: `role="img"`, a `<title>` and a `<desc>` as its first
 * children, referenced by `aria-labelledby` and `aria-describedby`, with ids derived from the
 * figure's text (two figures on one page have different ids unless they are the same figure).
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { FigureError } from './errors.js';

/** The pictures closedform draws (the `data-figure` names of the derivation pages). */
export type FigureKind = 'network' | 'loss-slice' | 'loss-line' | 'fit' | 'descent' | 'relu-regions';

/** A figure: its SVG text and the words that describe it. */
export interface Figure {
  readonly kind: FigureKind;
  /** standalone SVG (with its xmlns), also valid inline in HTML */
  readonly svg: string;
  /** one line: what the figure shows */
  readonly title: string;
  /** the text description (the SVG's `<desc>`): what a reader who cannot see it needs */
  readonly description: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A 32-bit FNV-1a hash, in base 36: short deterministic ids from a figure's text. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** Minimal DOM typing for what this file touches (the project's types have no DOM library). */
interface El {
  tagName: string;
  firstChild: El | null;
  textContent: string | null;
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
  insertBefore(node: El, ref: El | null): void;
  appendChild(node: El): void;
  querySelectorAll(selector: string): ArrayLike<El>;
  toString(): string;
}
interface Doc {
  createElementNS(ns: string, tag: string): El;
}

/** A fresh document per figure: nothing is shared between two renderings. */
function freshDocument(): Doc {
  return parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Doc;
}

/**
 * Render a Plot chart as accessible SVG text. `inset`, when given, is a second Plot chart (a
 * colour key) nested inside the first at (x, y), so the figure stays one `<svg>`.
 *
 * @example
 * ```ts
 * import * as Plot from '@observablehq/plot';
 * const svg = renderPlot({ marks: [Plot.dot([[0, 1]])] }, { kind: 'fit', title: 'one dot', description: 'a dot at (0, 1)' });
 * svg.startsWith('<svg'); // true
 * ```
 */
export function renderPlot(
  options: Plot.PlotOptions,
  meta: { readonly kind: FigureKind; readonly title: string; readonly description: string },
  inset?: { readonly options: Plot.PlotOptions; readonly x: number; readonly y: number },
): string {
  const document = freshDocument();
  const chart = Plot.plot({ ...options, document: document as never, title: null, subtitle: null, caption: null, figure: false } as Plot.PlotOptions) as unknown as El;
  if (chart.tagName.toLowerCase() !== 'svg') throw new FigureError(`internal: the ${meta.kind} chart rendered as <${chart.tagName}>, not one <svg>`);
  if (inset !== undefined) {
    // a second Plot chart (a colour key) nested at (x, y). Not Plot.legend: its axis is d3-axis,
    // whose half-pixel offset is chosen the other way round from Plot's, so no environment would
    // give the same bytes as another.
    const key = Plot.plot({ ...inset.options, document: document as never, figure: false } as Plot.PlotOptions) as unknown as El;
    if (key.tagName.toLowerCase() !== 'svg') throw new FigureError(`internal: the ${meta.kind} key rendered as <${key.tagName}>`);
    key.setAttribute('x', String(inset.x));
    key.setAttribute('y', String(inset.y));
    chart.appendChild(key);
  }
  const id = `cf-${meta.kind}-${hash(`${meta.title}\n${meta.description}\n${JSON.stringify(options.width ?? 0)}`)}`;
  chart.setAttribute('xmlns', SVG_NS);
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-labelledby', `${id}-title`);
  chart.setAttribute('aria-describedby', `${id}-desc`);
  chart.setAttribute('data-figure', meta.kind);
  const title = document.createElementNS(SVG_NS, 'title');
  title.setAttribute('id', `${id}-title`);
  title.textContent = meta.title;
  const desc = document.createElementNS(SVG_NS, 'desc');
  desc.setAttribute('id', `${id}-desc`);
  desc.textContent = meta.description;
  chart.insertBefore(desc, chart.firstChild);
  chart.insertBefore(title, desc);
  // Plot names clip paths and patterns from a global counter; a figure using one would differ
  // from run to run. None does; this keeps it so.
  const ids = Array.from(chart.querySelectorAll('[id]')).map((e) => e.getAttribute('id')!);
  for (const i of ids) if (!i.startsWith(id)) throw new FigureError(`internal: the ${meta.kind} chart has a generated id '${i}' (not deterministic)`);
  return chart.toString();
}

/** A Figure from a chart: the rendering and its words together. */
export function figure(kind: FigureKind, title: string, description: string, options: Plot.PlotOptions, inset?: Parameters<typeof renderPlot>[2]): Figure {
  return { kind, title, description, svg: renderPlot(options, { kind, title, description }, inset) };
}
