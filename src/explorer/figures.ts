/**
 * The one place where the explorer meets the pictures (src/figures/, drawn as the derivation
 * pages draw them, src/report/figures.ts): the network's graph for the "diagram" section, and the
 * loss over two parameters — with the critical points the analysis found marked by type, and for
 * one-input networks the fit — for the "landscape" section. A picture that cannot be drawn for a
 * network (a slice of a one-parameter network) is a note saying why.
 */
import { type Analysis, type Dataset, type NetworkSpec, type Step, FigureError, dataFigureSteps, networkFigureStep, note } from '../index.js';
import { EXPLORER_SEED } from './seed.js';

/** The architecture drawn: inputs, hidden layers and outputs as columns of neurons, the weights as links. */
export function diagramSteps(spec: NetworkSpec): Step[] {
  try {
    return [networkFigureStep(spec)];
  } catch (e) {
    if (!(e instanceof FigureError)) throw e;
    return [note('info', `No network figure: ${e.message}.`)];
  }
}

/** The loss on `data` over two parameters with the others held fixed, and the fit for one input. */
export function landscapeSteps(spec: NetworkSpec, data: Dataset, analysis: Analysis | undefined): Step[] {
  // the section has its own title: the builder's subsection heading is left out
  return dataFigureSteps(spec, data, analysis, EXPLORER_SEED).filter((s) => s.kind !== 'heading');
}
