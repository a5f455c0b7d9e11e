import type { Node } from '../../dist/index.js';

/** Minimal shape of tslab's `display` used here. */
export interface Display {
  html(s: string): void;
}

/** Longest LaTeX string shown as a formula; longer ones are described, never cut off. */
export declare const MAX_LATEX_CHARS: number;

/** A claim of the notebook that its computation contradicts. */
export declare class ClaimFailed extends Error {
  constructor(claim: string, detail?: string);
}

/** Display helpers bound to a kernel's display. Text arguments may contain `$…$` inline math. */
export interface Notebook {
  /** Show a LaTeX formula in display mode. */
  tex(latex: string): void;
  /** Show `lhs = e` (or `e` alone when lhs is ''), e printed by the library's `toLatex`. */
  eq(lhs: string, e: Node): void;
  /** Show a line of text. */
  text(s: string): void;
  /** Throw `ClaimFailed` if `ok` is false; otherwise show the claim with a check mark. */
  check(ok: boolean, claim: string, detail?: string): void;
  /** Show a table. */
  table(header: readonly unknown[], rows: readonly (readonly unknown[])[]): void;
}

export declare function notebook(display: Display): Notebook;
