/**
 * The figures of a derivation (src/figures), as steps with their captions: the network's graph on
 * every page; with a data set, the loss over two parameters and, for one-input networks, the fit.
 * A figure that cannot be drawn for this network (a slice of a one-parameter network) becomes a
 * note saying why.
 */
import type { Dataset } from '../network/build.js';
import type { NetworkSpec } from '../network/spec.js';
import { parameterCount } from '../network/parse.js';
import type { Analysis } from '../analysis/analyze.js';
import { FigureError, descentData, descentFigure, fitData, fitFigure, landscapeContext, networkFigure, regionsFigure, reluOptimumValue, sliceData, sliceFigure } from '../figures/index.js';
import { qtoNumber } from '../expr/rational.js';
import { symbolLatex } from '../print/latex.js';
import { type Step, figureStep, heading, m, note, prose } from './document.js';

/** The network's graph with its caption (seed 004: one link per parameter). */
export function networkFigureStep(spec: NetworkSpec): Step {
  const w = spec.widths;
  const P = parameterCount(spec);
  const formula = w.length === 3 && w[2] === 1 && spec.bias.every(Boolean) ? ` = (${w[0]} + 1)·${w[1]} + 1 + ${w[1]}, seed 004's (p + 1)M + 1 + M` : '';
  return figureStep(
    networkFigure(spec),
    `The network as a graph: each link is one parameter, so there are ${P}${formula} links; biases are the dashed links from the constant-1 nodes. Hover over a link for its parameter's name.`,
  );
}

/** With a data set: the loss slice and (one input) the fit, under a subsection of their own. */
export function dataFigureSteps(spec: NetworkSpec, data: Dataset, analysis: Analysis | undefined, seed: number): Step[] {
  const steps: Step[] = [heading('Pictures of the loss on the data', 2)];
  let ctx;
  try {
    ctx = landscapeContext(spec, data, { ...(analysis !== undefined ? { analysis } : {}), seed });
  } catch (e) {
    if (e instanceof FigureError) return [...steps, note('info', `No figures of the loss: ${e.message}.`)];
    throw e;
  }
  steps.push(
    prose(
      `Values of the data loss L computed from its compiled formula; the other parameters are held at ${ctx.base.source}. `,
      ctx.critical.length > 0 ? `${ctx.critical.length} critical point${ctx.critical.length === 1 ? '' : 's'} of L from the analysis ${ctx.critical.length === 1 ? 'is' : 'are'} confirmed by the numeric engine (gradient ≈ 0).` : 'The analysis found no critical point of L to mark.',
    ),
  );
  try {
    const d = sliceData(spec, data, { context: ctx });
    steps.push(
      figureStep(
        sliceFigure(d),
        'The loss over ',
        m(symbolLatex(d.params[0])),
        ' and ',
        m(symbolLatex(d.params[1])),
        ' (the plot command draws any other pair); marked: minima (dots), saddles (crosses), maxima (triangles), degenerate points (diamonds), the descent result (a star); “(slice)” marks a critical point of the two-variable slice that is not one of L.',
      ),
    );
  } catch (e) {
    if (!(e instanceof FigureError)) throw e;
    steps.push(note('info', `No loss-slice figure: ${e.message}.`));
  }
  steps.push(...reluFigureSteps(spec, data, analysis, seed));
  if (spec.widths[0] === 1) {
    const f = fitData(spec, data, { context: ctx, ...(analysis !== undefined ? { analysis } : {}) });
    steps.push(figureStep(fitFigure(f), `The data and the fitted network: ${f.curves.some((c) => c.kind === 'exact') ? 'the exact least-squares optimum (solid) and ' : ''}the gradient-descent fit (dashed).`));
  }
  return steps;
}

/**
 * A ReLU network's exact results drawn: its linear regions at the exact optimum (two inputs) and
 * gradient descent from random starts against the exact global optimum (when certified).
 */
export function reluFigureSteps(spec: NetworkSpec, data: Dataset, analysis: Analysis | undefined, seed: number): Step[] {
  if (analysis === undefined) return [];
  const steps: Step[] = [];
  const g = analysis.relu?.exact?.regions;
  if (g !== undefined)
    steps.push(
      figureStep(
        regionsFigure(spec, g, { points: data.inputs.map((x) => [qtoNumber(x[0]!), qtoNumber(x[1]!)] as const) }),
        `The linear regions of the network at the exact optimum over the data's box: ${g.regions.length} activation region${g.regions.length === 1 ? '' : 's'}, one colour per pattern of on-units (bound over the plane ${g.bound}, ${g.boundName}); the data points as dots.`,
      ),
    );
  const opt = reluOptimumValue(analysis);
  if (opt !== undefined)
    steps.push(figureStep(descentFigure(descentData(spec, data, { seed, analysis })), `Gradient descent from random starts (numeric engine) against the ${opt.name} (the dashed line), computed exactly over the activation patterns.`));
  return steps;
}
