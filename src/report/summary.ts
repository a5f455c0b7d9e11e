/**
 * The type of the analysis as a derivation shows it, apart from derive.ts (which takes it) so
 * that the modules derive.ts calls (analysis.ts, sections.ts) can name it without an import
 * cycle. derive.ts re-exports it.
 */
import type { Inline, Step } from './document.js';

/** One line of the verdict's list: the fact, and how it is known (the stage, exact or numeric). */
export interface SummaryFact {
  readonly fact: readonly Inline[];
  /** the stage that established it (or, for a gap, the stage that did not) */
  readonly stage: string;
  /** `exact`, `numeric`, `approximate`; for a gap `refused`, `stopped`, `not attempted`, `failed` */
  readonly basis: string;
}

/**
 * What the analysis module reports, as the derivation shows it (filled by `src/analysis` when it
 * is run; the derivation works without it). Each entry is text and inline math.
 */
export interface AnalysisSummary {
  /** `polynomial of degree 4 in the input`, `piecewise polynomial`, `transcendental` */
  readonly modelClass: readonly Inline[];
  /** the collapsed form y = Σ c_k(θ) φ_k(x), if any */
  readonly collapse?: readonly Inline[];
  /** degree in the inputs and the parameters */
  readonly degree?: readonly Inline[];
  /** the verdict's headline: can it be solved analytically, and how */
  readonly verdict: readonly Inline[];
  /** the verdict's findings, each with how it is known */
  readonly facts?: readonly SummaryFact[];
  /** what the analysis did not establish, and why */
  readonly gaps?: readonly SummaryFact[];
  /** further steps (equations, tables) the analysis wants shown */
  readonly steps?: readonly Step[];
}
