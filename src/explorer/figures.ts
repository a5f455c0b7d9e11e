/**
 * The one place where the explorer meets the picture module (src/figures/, issue 11 "Pictures"):
 * the network diagram and the loss slice, each as SVG text or the reason there is none. The page
 * shows the SVG inside `<figure>` with its caption, or the reason in the section.
 */
import type { Analysis, Dataset, NetworkSpec } from '../index.js';

export type FigureResult =
  | { readonly kind: 'svg'; readonly svg: string; readonly caption: string }
  | { readonly kind: 'unavailable'; readonly reason: string };

/** Until src/figures/ is part of the build, both sections say so. */
const NOT_AVAILABLE: FigureResult = { kind: 'unavailable', reason: 'figure module not available: this build has no src/figures/ (the pictures of issue 11)' };

/** The architecture drawn: inputs, hidden layers and outputs as columns of neurons, the weights as edges. */
export function diagramFigure(_spec: NetworkSpec): FigureResult {
  return NOT_AVAILABLE;
}

/** The loss over two parameters with the others fixed, the real critical points of the slice marked. */
export function landscapeFigure(_spec: NetworkSpec, _data: Dataset, _analysis: Analysis | undefined): FigureResult {
  return NOT_AVAILABLE;
}
