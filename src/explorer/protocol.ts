/**
 * What the explorer page and its Web Worker say to each other: plain, structured-clonable data.
 * The page sends one request per computation; the worker answers with progress, the sections in
 * the order they are ready, and `done` — or one `error` line for bad input. Cancelling is the
 * page terminating the worker (synchronous work cannot be interrupted from inside).
 */

/** The result sections of the page, in reading order (each is `<section data-section="…">`): the picture of the network first. */
export const SECTION_NAMES = ['diagram', 'formula', 'gradient', 'special', 'analysis', 'landscape', 'derivation'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

/** Regularisation of the critical-point system offered by the page (the CLI's `--l2 none|generic`). */
export type L2Choice = 'none' | 'generic';

/** One computation: the text the reader typed, as typed (the worker parses it). */
export interface ExploreRequest {
  /** a network spec, compact (`1-2-1:quadratic`) or JSON */
  readonly spec: string;
  /** CSV with header x1,…,y1,… — empty for none */
  readonly data: string;
  readonly l2: L2Choice;
  /** seconds granted to the critical-point computation */
  readonly budget: number;
}

/** A file the reader can download from a section. */
export interface Download {
  readonly file: string;
  readonly mime: string;
  readonly text: string;
}

/** A finished section: `done`, or `refused` when its part of the work was declined (the reason is in the HTML). */
export interface SectionResult {
  readonly name: SectionName;
  readonly status: 'done' | 'refused';
  /**
   * HTML made by the library's renderers (text escaped, formulas by KaTeX), in fragments of whole
   * elements — one per document step — which the page inserts a few at a time, so that a section
   * of megabytes never blocks it.
   */
  readonly html: readonly string[];
  readonly downloads?: readonly Download[];
  /** the data set the landscape used when none was typed, as CSV, for the reader to edit */
  readonly defaultData?: string;
}

export type PageMessage = { readonly kind: 'explore'; readonly id: number; readonly request: ExploreRequest };

export type WorkerMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'progress'; readonly id: number; readonly fraction: number; readonly stage: string }
  | { readonly kind: 'section'; readonly id: number; readonly section: SectionResult }
  | { readonly kind: 'error'; readonly id: number; readonly message: string }
  | { readonly kind: 'done'; readonly id: number; readonly millis: number };

/** The URL query that holds a view: `?spec=…&data=…&l2=…&budget=…` (defaults omitted). */
export const DEFAULT_L2: L2Choice = 'none';
export const DEFAULT_BUDGET = 20;
export const BUDGETS: readonly number[] = [5, 20, 60];
