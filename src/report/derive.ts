/**
 * The derivation of a network, built from the library's results (never from strings typed per
 * network): the spec and parameter count, the forward equations from the network builder, the
 * formulas and the loss as nodes, the backprop recursion and the closed-form partials from the
 * network's gradient module, the analysis when one is supplied, and the numeric check against
 * the independent mathjs engine. The steps come in the order of the issue "Derivations as
 * documents"; `sections.ts` writes each part.
 */
import { SpecError, buildNetwork, gradientEquations, parameterCount, formatSpec, datasetLoss, type Dataset } from '../network/index.js';
import type { NetworkSpec } from '../network/spec.js';
import { grad } from '../diff/reverse.js';
import { type Node } from '../expr/node.js';
import { ClosedformError } from '../expr/errors.js';
import { checkNetwork, type CheckReport } from '../numeric/index.js';
import { type Analysis, analyze } from '../analysis/index.js';
import { analysisSummary } from './analysis.js';
import { type Derivation, type Step } from './document.js';
import type { AnalysisSummary } from './summary.js';
export type { AnalysisSummary } from './summary.js';
import { dataFigureSteps, networkFigureStep } from './figures.js';
import { recursionSection } from './recursion.js';
import { errataSection } from './errata.js';
import {
  analysisSection,
  architectureSection,
  backpropSection,
  checkSection,
  dataSection,
  forwardSection,
  lossSection,
  outputsSection,
  partialsSection,
} from './sections.js';

/**
 * Most parameters of a network whose derivation is written: the backprop section lists every
 * ∂L/∂θ and the partials section shows each one. Measured (bench `report`): 139 parameters give
 * a 3.6 MB page in about 0.7 s, 298 parameters a 7 MB page in about 2 s; past 300 the page is
 * too heavy to open comfortably and nobody reads it — refuse up front.
 */
export const MAX_DOCUMENT_PARAMETERS = 300;

/** A derivation that cannot be written (too large); the message says why and what to do. */
export class ReportError extends ClosedformError {
  override readonly name = 'ReportError';
}

export interface DeriveOptions {
  /** the parameters whose closed-form partial derivatives are shown (default: all) */
  readonly params?: readonly string[];
  /** a data set: its table, the loss summed over it and the partials of that sum */
  readonly data?: Dataset;
  /** the special-case analysis to show; by default `analyze` is run (with the data set, if any) */
  readonly analysis?: AnalysisSummary;
  /**
   * the analysis already run (the explorer runs it first): shown as its summary, and its critical
   * points are marked on the figures of the loss; then no analysis is run here
   */
  readonly analysisResult?: Analysis;
  /** false: run no analysis (the section then only lists the activations' structure) */
  readonly runAnalysis?: boolean;
  /** seed and number of random points of the numeric check (defaults 1 and 8) */
  readonly checkSeed?: number;
  readonly checkPoints?: number;
  /** called with a fraction in [0, 1] and a phase name as the work advances (for progress bars) */
  readonly onProgress?: (fraction: number, phase: string) => void;
}

/** Everything a derivation was built from, for callers that want numbers besides the document. */
export interface NetworkDerivation {
  readonly derivation: Derivation;
  readonly spec: NetworkSpec;
  readonly parameters: number;
  readonly check: CheckReport;
  /** the partials shown, by parameter */
  readonly partials: ReadonlyMap<string, Node>;
}

/**
 * Derive a network: the complete, checked derivation document.
 *
 * @example
 * ```ts
 * import { deriveNetwork, parseSpec, renderHtmlPage } from 'closedform/node';
 * const { derivation, check } = deriveNetwork(parseSpec('1-2-1:quadratic'));
 * check.ok; // true
 * const page = renderHtmlPage(derivation); // offline HTML, KaTeX fonts inside
 * ```
 */
export function deriveNetwork(spec: NetworkSpec, options: DeriveOptions = {}): NetworkDerivation {
  const progress = options.onProgress ?? ((): void => {});
  progress(0, 'building the network');
  if (parameterCount(spec) > MAX_DOCUMENT_PARAMETERS)
    throw new ReportError(
      `the network ${formatSpec(spec)} has ${parameterCount(spec)} parameters, past the ${MAX_DOCUMENT_PARAMETERS} a derivation document lists (its page would be about ${Math.round((parameterCount(spec) * 24) / 1000)} MB): derive a smaller network, or use 'closedform grad' for the gradient as text`,
    );
  const net = buildNetwork(spec);
  const chosen = options.params ?? net.params;
  const known = new Set(net.params);
  for (const p of chosen) if (!known.has(p)) throw new SpecError(`unknown parameter '${p}' in --params (this network has ${net.params.length} parameters, ${net.params[0]} … ${net.params.at(-1)})`);
  if (chosen.length === 0) throw new SpecError('--params names no parameter');

  progress(0.1, 'gradient by reverse mode');
  // One reverse sweep for all parameters: the check needs every component; the document shows the chosen ones.
  const gradient = gradientEquations(net);
  const partials = new Map(chosen.map((p) => [p, gradient.get(p)!]));

  progress(0.4, 'numeric check against mathjs');
  const check = checkNetwork(net, { gradient, seed: options.checkSeed ?? 1, points: options.checkPoints ?? 8 });

  progress(0.7, 'writing the derivation');
  const steps: Step[] = [
    ...architectureSection(net),
    networkFigureStep(spec),
    ...forwardSection(net),
    ...outputsSection(net),
    ...lossSection(net),
    ...backpropSection(net),
    ...recursionSection(net),
    ...errataSection(net),
    ...partialsSection(net, partials, chosen.length === net.params.length),
  ];
  if (options.data !== undefined) {
    const total = datasetLoss(net, options.data);
    steps.push(...dataSection(net, options.data, total, grad(total, chosen)));
  }
  progress(0.8, 'special cases and solvability');
  const skip = options.analysis !== undefined || options.runAnalysis === false;
  const full: Analysis | undefined =
    options.analysisResult ?? (skip ? undefined : analyze(spec, { ...(options.data !== undefined ? { data: options.data } : {}), seed: options.checkSeed ?? 1 }));
  const analysis = options.analysis ?? (full === undefined ? undefined : analysisSummary(full));
  steps.push(...analysisSection(net, analysis));
  if (options.data !== undefined) {
    progress(0.9, 'figures of the loss');
    steps.push(...dataFigureSteps(spec, options.data, full, options.checkSeed ?? 1));
  }
  steps.push(...checkSection(check));
  progress(1, 'done');
  return {
    derivation: {
      title: `Derivation of the network ${formatSpec(spec)}`,
      subtitle: `${spec.widths.join('–')} dense network, ${parameterCount(spec)} parameters: formula, gradient, analysis and numeric check`,
      steps,
    },
    spec,
    parameters: parameterCount(spec),
    check,
    partials,
  };
}
