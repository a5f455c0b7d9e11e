/**
 * The exact ReLU results as the analysis reports them: which solver applies to the network, the
 * verdict's sentences, and the JSON under `relu`. The solvers live in relu-optimum.ts (one hidden
 * layer, one output); this file only dispatches and words their results.
 */
import { assertNever } from '../expr/node.js';
import { qtoNumber, qtoString } from '../expr/rational.js';
import type { Dataset, Network } from '../network/build.js';
import { HARDNESS, type ReluOptimum, pointText, reluOptimum } from './relu-optimum.js';
import { type ReluUpperBound, reluOptimumDeep, reluUpperBoundWide } from './relu-deep.js';
import { reluOptimumOutputs } from './relu-outputs.js';
import { type Regions, dataBox, linearRegions, polygonText } from './relu-regions.js';

/** Everything exact the analysis has to say about a ReLU network on a data set. */
export interface ReluExact {
  readonly optimum: ReluOptimum;
  /** two inputs: the linear regions of the optimal network over the data's box (widened by a tenth) */
  readonly regions?: Regions;
  /** where the optimum is not solved: an exact loss the network attains (a smaller network embedded) */
  readonly upperBound?: ReluUpperBound;
}

/**
 * The exact ReLU analysis of a network on data: the global optimum where a solver applies.
 *
 * @example
 * ```ts
 * const net = buildNetwork(parseSpec('2-2-1:relu,identity'));
 * reluExact(net, data).optimum.kind; // 'solved'
 * ```
 */
export function reluExact(net: Network, data: Dataset): ReluExact {
  const w = net.spec.widths;
  const optimum = w.length === 4 ? reluOptimumDeep(net, data) : w.length === 3 && w[2]! >= 2 ? reluOptimumOutputs(net, data) : reluOptimum(net, data);
  if (optimum.kind === 'unsupported') {
    const upperBound = reluUpperBoundWide(net, data);
    return upperBound === undefined ? { optimum } : { optimum, upperBound };
  }
  if ((optimum.kind !== 'solved' && optimum.kind !== 'bounds') || w[0] !== 2) return { optimum };
  return { optimum, regions: linearRegions(net.spec, optimum.point, dataBox(data.inputs)) };
}

/** A double in 8 significant digits, 0 as 0. */
const dec = (x: number, digits = 8): string => (x === 0 ? '0' : x.toPrecision(digits));

/**
 * Relative distance from the exact optimum within which a descent run counts as having reached
 * it. Plain descent closes in on a minimum at a kink slowly (2-3-1 on 6 points: 2.00043 after
 * 1 000 steps for an optimum of 2), so 10⁻³ separates "converging to it" from "stuck elsewhere".
 */
export const REACHED_TOLERANCE = 1e-3;

/** How many descent runs ended within {@link REACHED_TOLERANCE} of the exact optimum. */
export function descentReached(finalLosses: readonly number[], optimum: number): number {
  return finalLosses.filter((f) => Math.abs(f - optimum) <= REACHED_TOLERANCE * Math.max(1, Math.abs(optimum))).length;
}

/** The verdict's one sentence about the exact optimum (undefined when no solver applies). */
export function reluOptimumSentence(r: ReluExact): string | undefined {
  const o = r.optimum;
  switch (o.kind) {
    case 'unsupported': {
      const b = r.upperBound;
      if (b === undefined) return undefined;
      const how = b.from.split('-').length === 4 ? 'with the other second-layer units switched off' : 'its hidden layer as the second layer, the first passing the inputs through';
      const tried = b.embeddings.map((e) => `${e.from}: ${e.loss === undefined ? 'not solved' : qtoString(e.loss)}`).join('; ');
      const head = b.optimal ? `The exact global optimum is ${qtoString(b.loss)} (≈ ${dec(qtoNumber(b.loss))}): the network attains it` : `The exact global optimum is not computed here: ${o.reason}. An exact upper bound the network attains: ${qtoString(b.loss)} (≈ ${dec(qtoNumber(b.loss))}), the exact optimum of the sub-network ${b.from} ${how}`;
      const tail = b.optimal
        ? `, and no function of the inputs does better on this data (the floor: the targets' spread among equal inputs, ${qtoString(b.floor)})`
        : `; the exact lower bound certified is only the floor no function goes below, ${qtoString(b.floor)} (≈ ${dec(qtoNumber(b.floor))}), so the optimum lies in [${qtoString(b.floor)}, ${qtoString(b.loss)}]`;
      return `${head} at ${pointText(b.point)} (checked: the network's formula gives ${qtoString(b.formulaLoss)} exactly, the numeric engine ${dec(b.engineLoss, 12)}; embedded optima ${tried})${tail}.`;
    }
    case 'refused':
      return `The exact global optimum was not computed: ${o.message}.`;
    case 'bounds':
      return (
        `Exact bounds on the global minimum of the loss: no network does better than ${qtoString(o.lower)} (≈ ${dec(qtoNumber(o.lower))}; each output's own convex pattern QPs, the outputs decoupled), ` +
        `and the network attains ${qtoString(o.upper)} (≈ ${dec(qtoNumber(o.upper))}) at ${pointText(o.point)} (checked: the network's formula gives ${qtoString(o.formulaLoss)} exactly, the numeric engine ${dec(o.engineLoss, 12)}); ` +
        `with several outputs a pattern is a rank-one problem whose optimum can be irrational, so the gap is not closed here (${o.onSetsPerUnit} activation patterns per unit, ${o.patternsFeasible} for the hidden layer, ${o.patternsTried} QPs, ${o.millis} ms); ${HARDNESS}.`
      );
    case 'solved':
      return (
        `Exactly, the global minimum of the loss is ${qtoString(o.loss)} (≈ ${dec(qtoNumber(o.loss))}), attained at ${pointText(o.point)} ` +
        `(checked: the network's formula gives ${qtoString(o.formulaLoss)} there exactly, the numeric engine ${dec(o.engineLoss, 12)}); ` +
        (o.certificate !== undefined
          ? `certified because ${o.certificate}: `
          : `with output weights rescaled to ±1 each activation pattern is a convex quadratic program solved exactly over Q, boundaries included: `) +
        `${o.onSetsPerUnit} activation patterns per ${o.second === undefined ? '' : 'first-layer '}unit (Cover's bound ${o.onSetBound}), ${o.second === undefined ? `${o.patternsFeasible} for the hidden layer` : `${o.patternsFeasible} realisable patterns of both layers among the ${o.patternsExamined} the search examined`}, ${o.patternsTried} pattern QPs solved and ${o.patternsPruned} pruned by a least-squares bound, in ${o.millis} ms; ${HARDNESS}.`
      );
    default:
      return assertNever(o);
  }
}

/** The verdict's sentence on the optimal network's linear regions (two inputs). */
export function reluRegionsSentence(r: ReluExact): string | undefined {
  const g = r.regions;
  if (g === undefined) return undefined;
  const b = g.box;
  return `At that parameter point the network cuts the box [${qtoString(b.lo[0])}, ${qtoString(b.hi[0])}] × [${qtoString(b.lo[1])}, ${qtoString(b.hi[1])}] around the data into ${g.regions.length} activation region${g.regions.length === 1 ? '' : 's'} (${g.pieces} linear piece${g.pieces === 1 ? '' : 's'} once neighbours with the same affine function are merged; bound over the whole plane ${g.bound}, ${g.boundName}); their exact polygons are in the JSON under relu.regions.`;
}

/** The verdict's sentence comparing gradient descent with the exact optimum. */
export function reluDescentSentence(r: ReluExact, d: { readonly best: number; readonly finalLosses: readonly number[]; readonly starts: number; readonly steps: number }): string | undefined {
  if (r.optimum.kind === 'bounds') {
    const [lo, hi] = [qtoNumber(r.optimum.lower), qtoNumber(r.optimum.upper)];
    const where = d.best < hi - REACHED_TOLERANCE * Math.max(1, hi) ? 'below the exact upper bound: the optimum lies in the gap' : 'not below the exact upper bound';
    return `Plain gradient descent (numeric, ${d.starts} random starts × ${d.steps} steps) reached ${dec(d.best)}, ${where} (exact bounds ${dec(lo)} … ${dec(hi)}).`;
  }
  if (r.optimum.kind !== 'solved') {
    if (r.upperBound === undefined) return undefined;
    const ub = qtoNumber(r.upperBound.loss);
    const below = d.best < ub - REACHED_TOLERANCE * Math.max(1, Math.abs(ub));
    return `Plain gradient descent (numeric, ${d.starts} random starts × ${d.steps} steps) reached ${dec(d.best)}, ${below ? 'below the exact upper bound: the wider second layer does better than the embedded sub-network there' : 'not below the exact upper bound'}.`;
  }
  const opt = qtoNumber(r.optimum.loss);
  const k = descentReached(d.finalLosses, opt);
  return `Plain gradient descent (numeric, ${d.starts} random starts × ${d.steps} steps) reached the exact optimum in ${k} of ${d.starts} runs (best ${dec(d.best)}${k < d.starts ? `; ${k === 0 ? 'every run' : 'the other runs'} stopped higher, at dead units, kinks or local minima` : ''}).`;
}

/** `relu.optimum` and friends for the JSON output. */
export function reluExactJson(r: ReluExact, descent?: { readonly finalLosses: readonly number[] }): Record<string, unknown> {
  const o = r.optimum;
  switch (o.kind) {
    case 'unsupported': {
      const b = r.upperBound;
      return {
        optimum: null,
        optimumUnsupported: o.reason,
        ...(b !== undefined
          ? { upperBound: { loss: qtoString(b.loss), lossDecimal: qtoNumber(b.loss), point: Object.fromEntries(Object.entries(b.point).map(([k, v]) => [k, qtoString(v)])), formulaLoss: qtoString(b.formulaLoss), engineLoss: b.engineLoss, from: b.from, embeddings: b.embeddings.map((e) => ({ from: e.from, loss: e.loss === undefined ? null : qtoString(e.loss) })), floor: qtoString(b.floor), optimal: b.optimal } }
          : {}),
      };
    }
    case 'refused':
      return { optimum: { status: 'refused', estimate: o.estimate.toString(), message: o.message } };
    case 'bounds':
      return {
        ...(r.regions !== undefined ? { regions: regionsJson(r.regions) } : {}),
        optimum: {
          status: 'bounds',
          lower: qtoString(o.lower),
          upper: qtoString(o.upper),
          lowerDecimal: qtoNumber(o.lower),
          upperDecimal: qtoNumber(o.upper),
          point: Object.fromEntries(Object.entries(o.point).map(([k, v]) => [k, qtoString(v)])),
          formulaLoss: qtoString(o.formulaLoss),
          engineLoss: o.engineLoss,
          onSetsPerUnit: o.onSetsPerUnit,
          patternsFeasible: o.patternsFeasible.toString(),
          patternsTried: o.patternsTried,
          millis: o.millis,
          hardness: HARDNESS,
        },
      };
    case 'solved':
      return {
        ...(r.regions !== undefined ? { regions: regionsJson(r.regions) } : {}),
        optimum: {
          status: 'solved',
          loss: qtoString(o.loss),
          lossDecimal: qtoNumber(o.loss),
          point: Object.fromEntries(Object.entries(o.point).map(([k, v]) => [k, qtoString(v)])),
          units: o.units,
          formulaLoss: qtoString(o.formulaLoss),
          engineLoss: o.engineLoss,
          onSetsPerUnit: o.onSetsPerUnit,
          onSetBound: o.onSetBound.toString(),
          patternsFeasible: o.patternsFeasible.toString(),
          patternsTried: o.patternsTried,
          patternsPruned: o.patternsPruned,
          millis: o.millis,
          hardness: HARDNESS,
          ...(o.second !== undefined ? { second: o.second, patternsExamined: o.patternsExamined } : {}),
          ...(o.certificate !== undefined ? { certificate: o.certificate } : {}),
          ...(descent !== undefined ? { descentReached: descentReached(descent.finalLosses, qtoNumber(o.loss)), descentRuns: descent.finalLosses.length } : {}),
        },
      };
    default:
      return assertNever(o);
  }
}

/** Linear regions as plain JSON: rationals as text, polygons as vertex lists. */
export function regionsJson(g: Regions): Record<string, unknown> {
  return {
    box: { lo: g.box.lo.map(qtoString), hi: g.box.hi.map(qtoString) },
    count: g.regions.length,
    pieces: g.pieces,
    bound: g.bound.toString(),
    boundName: g.boundName,
    regions: g.regions.map((r) => ({
      pattern: r.pattern,
      polygon: r.polygon.map((v) => v.map(qtoString)),
      polygonText: polygonText(r.polygon),
      area: qtoString(r.area),
      affine: r.affine.map((f) => ({ x1: qtoString(f[0]), x2: qtoString(f[1]), constant: qtoString(f[2]) })),
    })),
  };
}
