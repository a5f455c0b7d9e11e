/**
 * The weight-space landscape beyond function space: critical points on the rank-deficient locus
 * of the collapse map θ ↦ c(θ).
 *
 * The loss factors as L(θ) = ℓ(c(θ)), so ∇L(θ) = J(θ)ᵀ ∇ℓ(c(θ)) with J = ∂c/∂θ. A weight-space
 * critical point is therefore either a point where ∇ℓ(c(θ)) = 0 or one where ∇ℓ(c(θ)) ≠ 0 lies in
 * the kernel of J(θ)ᵀ. For the squared loss ℓ is a convex quadratic in c, so the first kind is
 * the least-squares optimum; when J has rank K (filling models) the second kind cannot occur
 * except where J loses rank. Every critical point of a filling model that is not a global
 * minimum lies on the rank-deficient locus — and such points exist: notebook 01 has a local
 * minimum with L = 6 on data whose global minimum is 0.
 *
 * The locus has strata that the architecture forces, the embeddings of smaller networks
 * (Fukumizu & Amari 2000): switch a set S of hidden units off. A unit j of layer l with incoming
 * weights w_j, bias b_j and outgoing weights v_j is
 * - **silent** when w_j = 0, b_j = 0 and σ(0) = σ′(0) = 0 (z^k, k ≥ 2): its output σ(0) and its
 *   δ (a factor σ′(0)) vanish, so every partial derivative of its parameters is identically 0,
 *   whatever v_j is;
 * - **off** when w_j = 0 and v_j = 0: δ_j has the factor v_j, and ∂L/∂v_ij = σ(b_j)·∂L/∂b_i
 *   (layer l + 1 has a bias b_i) or = 0 when σ(b_j) = 0; so b_j is free or 0.
 * Either way L on the stratum is the loss L_S of the network without S, and a critical point of
 * L_S lifts to critical points of L (a family: v_j or b_j free). Both facts are checked here by
 * expansion (the partial derivatives, restricted to the stratum, are the zero polynomial or
 * σ(b_j)·∂L/∂b_i exactly), not assumed. ∇L_S = 0 is solved exactly within the critical-point
 * budget; each lifted point is classified with the numeric engine (Hessian eigenvalues, and a
 * descent probe where the Hessian is only semidefinite) and compared with the best loss known.
 * Strata not covered here (duplicated units, units off only on the data, …) are named in the
 * verdict as not shown.
 */
import { type Node, ZERO_NODE, mul, sub, sym } from '../expr/node.js';
import { type Rational, ONE, Q, ZERO, qadd, qfromNumber, qsub, qtoNumber, qtoString } from '../expr/rational.js';
import { evaluateExact, freeSymbols, substitute } from '../expr/walk.js';
import { grad } from '../diff/reverse.js';
import { type Dataset, type Network, biasName, datasetLoss, layerActivation, weightName } from '../network/build.js';
import { ExpansionTooLargeError, expand } from '../poly/expand.js';
import { GroebnerBudgetError } from '../poly/groebner.js';
import { QuotientBudgetError } from '../poly/groebner-quotient.js';
import { type Poly, polyDegree, polyToTerms } from '../poly/poly.js';
import { type RealSolution, type SolveResult, solveSystem } from '../poly/solve.js';
import { isolateSquarefree } from '../poly/roots.js';
import { type QPoly, divmod, qpolyMul } from '../poly/univariate.js';
import { MAX_BEZOUT, MAX_CRITICAL_UNKNOWNS, classifyEigenvalues } from './critical.js';
import { checkPoint, probeDescent } from './numeric.js';

/** Most hidden units whose subsets are all tried as strata (2⁶ − 1 = 63); past it, whole layers only. */
export const MAX_LANDSCAPE_UNITS = 6;
/** Milliseconds for all strata together (each reduced system gets what is left, at most half of it). */
export const LANDSCAPE_MILLIS = 20_000;

/** A hidden unit and its parameters. */
export interface HiddenUnit {
  /** `h{l}_{j}`: unit j of hidden layer l */
  readonly name: string;
  readonly incoming: readonly string[];
  readonly bias: string | undefined;
  readonly outgoing: readonly string[];
  /** the biases of layer l + 1 (empty without) */
  readonly nextBiases: readonly string[];
  /** σ(0) = σ′(0) = 0: the unit can be silent */
  readonly canBeSilent: boolean;
  /** σ(0) = 0 */
  readonly zeroAtZero: boolean;
  /** σ(b) as a function of the bias, for the off lift */
  readonly act: (z: Node) => Node;
}

export type StratumStatus = 'solved' | 'positive-dimensional' | 'refused' | 'budget' | 'no critical point';

export interface Stratum {
  /** the units switched off */
  readonly units: readonly string[];
  /** unknowns of the reduced system ∇L_S = 0 */
  readonly unknowns: readonly string[];
  readonly bezout: bigint;
  readonly status: StratumStatus;
  readonly message?: string;
  /** which lifts were proved by expansion */
  readonly lifts: readonly ('silent' | 'off')[];
  /** real critical points of L_S found */
  readonly reducedPoints: number;
}

export type PointType = 'minimum' | 'saddle' | 'maximum' | 'degenerate';

export interface LandscapePoint {
  /** how the point was obtained: `h1_1, h1_2 silent, outgoing weights +1` */
  readonly stratum: string;
  /** coordinates: exact rationals as `p/q`, others as decimals */
  readonly point: Readonly<Record<string, string>>;
  /** the engine's loss there; exact when known */
  readonly loss: number;
  readonly lossExact?: string;
  readonly type: PointType;
  /** how the type was decided */
  readonly evidence: string;
  readonly eigenvalues: readonly number[];
  readonly gradientNorm: number;
  /** shown above a loss the network attains (so not a global minimum) */
  readonly aboveKnown: boolean;
}

export interface Landscape {
  readonly strata: readonly Stratum[];
  readonly points: readonly LandscapePoint[];
  /** local minima (numeric evidence) shown above an attained loss */
  readonly spuriousMinima: readonly LandscapePoint[];
  /** the lowest loss known to be attained (exact text when short), and where it comes from */
  readonly bestKnown: { readonly loss: number; readonly exact?: string; readonly source: string } | undefined;
  /** the subsets tried (all of them, or whole layers only past MAX_LANDSCAPE_UNITS) */
  readonly subsets: 'all' | 'layers';
}

/** The hidden units of a network with what their activation allows. */
export function hiddenUnits(net: Network): HiddenUnit[] {
  const w = net.spec.widths;
  const out: HiddenUnit[] = [];
  for (let l = 1; l < w.length - 1; l++) {
    const act = layerActivation(net.spec, l);
    const at0 = evaluateExact(act.apply(ZERO_NODE), {});
    const d0 = evaluateExact(act.derivative(ZERO_NODE), {});
    const zeroAtZero = at0 !== undefined && at0.n === 0n;
    for (let j = 1; j <= w[l]!; j++)
      out.push({
        name: `h${l}_${j}`,
        incoming: Array.from({ length: w[l - 1]! }, (_, k) => weightName(l, j, k + 1)),
        bias: net.spec.bias[l - 1] ? biasName(l, j) : undefined,
        outgoing: Array.from({ length: w[l + 1]! }, (_, i) => weightName(l + 1, i + 1, j)),
        nextBiases: net.spec.bias[l] ? Array.from({ length: w[l + 1]! }, (_, i) => biasName(l + 1, i + 1)) : [],
        canBeSilent: zeroAtZero && d0 !== undefined && d0.n === 0n,
        zeroAtZero,
        act: (z) => act.apply(z),
      });
  }
  return out;
}

/** Non-empty subsets of the units: all of them for few units, else the whole hidden layers. */
function subsetsOf(units: readonly HiddenUnit[]): { subsets: HiddenUnit[][]; kind: 'all' | 'layers' } {
  if (units.length <= MAX_LANDSCAPE_UNITS) {
    const subsets: HiddenUnit[][] = [];
    for (let m = 1; m < 1 << units.length; m++) subsets.push(units.filter((_, i) => (m >> i) & 1));
    // larger sets first: their reduced systems are the smallest
    return { subsets: subsets.sort((a, b) => b.length - a.length), kind: 'all' };
  }
  const layers = [...new Set(units.map((u) => u.name.split('_')[0]))];
  return { subsets: layers.map((h) => units.filter((u) => u.name.startsWith(`${h}_`))), kind: 'layers' };
}

const zeroMap = (names: readonly string[]): Map<string, Node> => new Map(names.map((n) => [n, ZERO_NODE]));
const isZero = (e: Node): boolean => expand(e).n === 0;

/** Prove the silent lift of S: every partial of the units' parameters vanishes identically once w = b = 0. */
function silentLift(S: readonly HiddenUnit[], g: ReadonlyMap<string, Node>): boolean {
  if (!S.every((u) => u.canBeSilent)) return false;
  const at = zeroMap(S.flatMap((u) => [...u.incoming, ...(u.bias ? [u.bias] : [])]));
  return S.every((u) => [...u.incoming, ...(u.bias ? [u.bias] : []), ...u.outgoing].every((p) => isZero(substitute(g.get(p) ?? ZERO_NODE, at))));
}

/**
 * Prove the off lift of S (w = v = 0): the partials of w and b vanish identically, and
 * ∂L/∂v_ij = σ(b_j)·∂L/∂b_i (next layer biased) or ≡ 0 (then b_j = 0 and σ(0) = 0).
 */
function offLift(S: readonly HiddenUnit[], g: ReadonlyMap<string, Node>): boolean {
  if (!S.every((u) => u.nextBiases.length > 0 || u.zeroAtZero)) return false;
  const fixed = S.flatMap((u) => [...u.incoming, ...u.outgoing, ...(u.bias && u.nextBiases.length === 0 ? [u.bias] : [])]);
  const at = zeroMap(fixed);
  return S.every((u) => {
    if (![...u.incoming, ...(u.bias ? [u.bias] : [])].every((p) => isZero(substitute(g.get(p) ?? ZERO_NODE, at)))) return false;
    return u.outgoing.every((p, i) => {
      const dv = substitute(g.get(p) ?? ZERO_NODE, at);
      if (u.nextBiases.length === 0) return isZero(dv);
      const sigma = u.act(u.bias ? sym(u.bias) : ZERO_NODE);
      return isZero(sub(dv, mul(sigma, substitute(g.get(u.nextBiases[i]!) ?? ZERO_NODE, at))));
    });
  });
}

/** p(α) reduced modulo the minimal polynomial of the solution's α, when that makes it a constant. */
function exactAtSolution(p: Poly, s: SolveResult, r: RealSolution): Rational | undefined {
  const coords = s.separating?.coordinates;
  if (coords === undefined) return undefined;
  // the root's square-free polynomial with its rational roots divided out (α irrational), or x − α
  let m: QPoly = r.root.poly.map((c) => Q(c));
  if (r.root.exact !== undefined) m = [qsub(ZERO, r.root.exact), ONE];
  else for (const q of isolateSquarefree(m)) if (q.exact !== undefined) m = divmod(m, [qsub(ZERO, q.exact), ONE]).q;
  const { vars, terms } = polyToTerms(p);
  let acc: QPoly = [];
  for (const t of terms) {
    let term: QPoly = [t.coeff];
    t.exps.forEach((e, i) => {
      for (let k = 0; k < e; k++) term = divmod(qpolyMul(term, coords[vars[i]!] ?? [ZERO]), m).r;
    });
    const n = Math.max(acc.length, term.length);
    acc = Array.from({ length: n }, (_, k) => qadd(acc[k] ?? ZERO, term[k] ?? ZERO));
  }
  acc = divmod(acc, m).r;
  return acc.length <= 1 ? (acc[0] ?? ZERO) : undefined;
}

/** The type at a critical point: Hessian signs, and a descent probe where it is only semidefinite. */
function classify(net: Network, data: Dataset, point: Record<string, number>): Pick<LandscapePoint, 'type' | 'evidence' | 'eigenvalues' | 'gradientNorm' | 'loss'> {
  const chk = checkPoint(net.spec, data, point);
  const t = classifyEigenvalues(chk.eigenvalues);
  const base = { eigenvalues: chk.eigenvalues, gradientNorm: chk.gradientNorm, loss: chk.loss };
  if (t !== 'degenerate') return { ...base, type: t, evidence: `numeric Hessian: ${t === 'saddle' ? 'eigenvalues of both signs' : t === 'minimum' ? 'positive definite' : 'negative definite'}` };
  const scale = Math.max(1, ...chk.eigenvalues.map(Math.abs));
  const zeros = chk.eigenvalues.filter((e) => Math.abs(e) <= 1e-6 * scale).length;
  if (chk.eigenvalues.some((e) => e < -1e-6 * scale)) return { ...base, type: 'saddle', evidence: `numeric Hessian: a negative eigenvalue (and ${zeros} zero)` };
  const probe = probeDescent(net.spec, data, point);
  if (probe.descent !== undefined)
    return { ...base, type: 'saddle', evidence: `numeric Hessian semidefinite with ${zeros} zero eigenvalues; a perturbation of radius ${probe.descent.radius} lowers the loss by ${probe.descent.drop.toPrecision(3)}` };
  return { ...base, type: 'minimum', evidence: `numeric evidence: Hessian semidefinite with ${zeros} zero eigenvalues, and none of ${probe.tried} perturbations (radii 0.1 to 0.001) lowers the loss` };
}

/** Representative points of the lifted families: silent with all outgoing weights +1, −1 or alternating; off with b = 0 (and b = 1 where free). */
function representatives(S: readonly HiddenUnit[], lifts: readonly ('silent' | 'off')[]): { label: string; values: Map<string, Rational> }[] {
  const names = S.map((u) => u.name).join(', ');
  const out: { label: string; values: Map<string, Rational> }[] = [];
  const zeroIn = (u: HiddenUnit): [string, Rational][] => [...u.incoming, ...(u.bias ? [u.bias] : [])].map((p) => [p, ZERO]);
  if (lifts.includes('silent')) {
    const outs = S.flatMap((u) => u.outgoing);
    const patterns: [string, (i: number) => number][] = [['+1', () => 1], ['−1', () => -1]];
    if (outs.length > 1) patterns.push(['alternating ±1', (i) => (i % 2 === 0 ? 1 : -1)]);
    for (const [label, sign] of patterns)
      out.push({ label: `${names} silent (incoming weights and bias 0), outgoing weights ${label}`, values: new Map([...S.flatMap(zeroIn), ...outs.map((p, i): [string, Rational] => [p, Q(sign(i))])]) });
  }
  if (lifts.includes('off'))
    for (const b of S.every((u) => u.bias !== undefined && u.nextBiases.length > 0) ? [0, 1] : [0])
      out.push({
        label: `${names} off (incoming and outgoing weights 0${S.some((u) => u.bias) ? `, bias ${b}` : ''})`,
        values: new Map(S.flatMap((u): [string, Rational][] => [...u.incoming.map((p): [string, Rational] => [p, ZERO]), ...u.outgoing.map((p): [string, Rational] => [p, ZERO]), ...(u.bias ? [[u.bias, Q(b)] as [string, Rational]] : [])])),
      });
  return out;
}

/**
 * Critical points on the strata where hidden units are switched off, lifted and classified.
 * `known` is the lowest loss the network is known to attain (the exact least-squares point, the
 * descent's best point evaluated exactly), the yardstick for "not a global minimum".
 *
 * @example
 * ```ts
 * const net = buildNetwork(parseSpec('1-2-1:quadratic'));
 * const ls = landscape(net, readCsv('x1,y1\n-1,1\n0,4\n1,1\n', net.spec), { loss: 0, source: 'an exact fit' });
 * ls.spuriousMinima[0]!.lossExact; // '6'
 * ```
 */
export function landscape(net: Network, data: Dataset, known?: Landscape['bestKnown'], opts: { millis?: number } = {}): Landscape {
  const units = hiddenUnits(net);
  const L = datasetLoss(net, data);
  const g = grad(L, net.params);
  const { subsets, kind } = subsetsOf(units);
  const deadline = Date.now() + (opts.millis ?? LANDSCAPE_MILLIS);
  const strata: Stratum[] = [];
  const points: LandscapePoint[] = [];
  for (const S of subsets) {
    const removed = S.flatMap((u) => [...u.incoming, ...(u.bias ? [u.bias] : []), ...u.outgoing]);
    const LS = substitute(L, zeroMap(removed));
    const unknowns = freeSymbols(LS).filter((v) => net.params.includes(v));
    const idle = net.params.filter((p) => !removed.includes(p) && !unknowns.includes(p));
    let lifts: ('silent' | 'off')[];
    try {
      lifts = (['silent', 'off'] as const).filter((k) => (k === 'silent' ? silentLift(S, g) : offLift(S, g)));
    } catch (e) {
      if (!(e instanceof ExpansionTooLargeError)) throw e;
      strata.push({ units: S.map((u) => u.name), unknowns, bezout: 0n, status: 'refused', message: `the lift could not be checked: ${e.message}`, lifts: [], reducedPoints: 0 });
      continue;
    }
    let polys: Poly[];
    try {
      const gs = grad(LS, unknowns);
      polys = unknowns.map((p) => expand(gs.get(p) ?? ZERO_NODE));
    } catch (e) {
      if (!(e instanceof ExpansionTooLargeError)) throw e;
      strata.push({ units: S.map((u) => u.name), unknowns, bezout: 0n, status: 'refused', message: e.message, lifts, reducedPoints: 0 });
      continue;
    }
    const bezout = polys.reduce((b, p) => b * BigInt(Math.max(1, polyDegree(p))), 1n);
    const base = { units: S.map((u) => u.name), unknowns, bezout, lifts };
    if (lifts.length === 0) {
      strata.push({ ...base, status: 'refused', message: 'no lift of its critical points was proved (the activation allows neither a silent nor an off unit here)', reducedPoints: 0 });
      continue;
    }
    if (unknowns.length > MAX_CRITICAL_UNKNOWNS || bezout > MAX_BEZOUT) {
      strata.push({ ...base, status: 'refused', message: `${unknowns.length} unknowns with Bézout bound ${bezout} is past the critical-point budget`, reducedPoints: 0 });
      continue;
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      strata.push({ ...base, status: 'budget', message: `the landscape's time budget (${LANDSCAPE_MILLIS / 1000} s) was used up`, reducedPoints: 0 });
      continue;
    }
    // the reduced critical points: one empty point when L_S has no unknowns left, else ∇L_S = 0 solved
    let reduced: { values: Record<string, string>; exact: Record<string, Rational | undefined>; sol?: RealSolution }[] = [{ values: {}, exact: {} }];
    let s: SolveResult | undefined;
    if (unknowns.length > 0) {
      try {
        s = solveSystem(polys.map(polyToTerms), unknowns, { budget: { maxMillis: Math.max(100, left / 2) } });
      } catch (e) {
        if (e instanceof GroebnerBudgetError || e instanceof QuotientBudgetError) {
          strata.push({ ...base, status: 'budget', message: e.message, reducedPoints: 0 });
          continue;
        }
        throw e;
      }
      if (s.dimension === -1) {
        strata.push({ ...base, status: 'no critical point', reducedPoints: 0 });
        continue;
      }
      if (s.dimension > 0 || s.realSolutions === undefined) {
        strata.push({ ...base, status: s.dimension > 0 ? 'positive-dimensional' : 'budget', message: s.dimension > 0 ? `∇L_S = 0 has a ${s.dimension}-dimensional solution set (symmetries of the remaining units): not listed` : (s.note ?? 'real solutions not isolated'), reducedPoints: 0 });
        continue;
      }
      reduced = s.realSolutions.map((r) => ({ values: r.values, exact: r.exact, sol: r }));
    }
    strata.push({ ...base, status: 'solved', reducedPoints: reduced.length });
    let LSpoly: Poly | undefined;
    try {
      LSpoly = expand(LS);
    } catch (e) {
      if (!(e instanceof ExpansionTooLargeError)) throw e; // then no exact loss at irrational points
    }
    for (const r of reduced)
      for (const rep of representatives(S, lifts)) {
        const exact = new Map<string, Rational>(rep.values);
        for (const p of idle) exact.set(p, ONE); // parameters L does not see on this stratum: any value; 1 shown
        const point: Record<string, number> = {};
        const shown: Record<string, string> = {};
        for (const p of net.params) {
          const q = exact.get(p) ?? r.exact[p];
          point[p] = q !== undefined ? qtoNumber(q) : Number(r.values[p]);
          shown[p] = q !== undefined ? qtoString(q) : r.values[p]!;
        }
        const lossExact = unknowns.every((p) => r.exact[p] !== undefined)
          ? evaluateExact(LS, new Map(unknowns.map((p) => [p, r.exact[p]!])))
          : s !== undefined && r.sol !== undefined && LSpoly !== undefined
            ? exactAtSolution(LSpoly, s, r.sol)
            : undefined;
        const c = classify(net, data, point);
        const aboveKnown = known !== undefined && c.loss > known.loss + 1e-9 * Math.max(1, Math.abs(known.loss));
        points.push({ stratum: rep.label, point: shown, ...c, ...(lossExact !== undefined ? { lossExact: qtoString(lossExact) } : {}), aboveKnown });
      }
  }
  points.sort((a, b) => a.loss - b.loss);
  return { strata, points, spuriousMinima: points.filter((p) => p.type === 'minimum' && p.aboveKnown), bestKnown: known, subsets: kind };
}

/**
 * The lowest loss the network is known to attain: the exact least-squares point when there is
 * one, else the descent's best point evaluated exactly (its doubles are rationals).
 *
 * @example
 * ```ts
 * bestKnownLoss(net, data, undefined, descend(net.spec, data)); // { loss: 0.0000…, exact: '…', source: 'gradient descent's best point, evaluated exactly' }
 * ```
 */
export function bestKnownLoss(net: Network, data: Dataset, attained: { loss: Rational } | undefined, descentBest: Readonly<Record<string, number>> | undefined): Landscape['bestKnown'] {
  const cands: { loss: Rational; source: string }[] = [];
  if (attained !== undefined) cands.push({ loss: attained.loss, source: 'the exact least-squares optimum, attained' });
  if (descentBest !== undefined) {
    const v = evaluateExact(datasetLoss(net, data), new Map(net.params.map((p) => [p, qfromNumber(descentBest[p] ?? 0)])));
    if (v !== undefined) cands.push({ loss: v, source: "gradient descent's best point, evaluated exactly" });
  }
  if (cands.length === 0) return undefined;
  const best = cands.reduce((a, b) => (qtoNumber(b.loss) < qtoNumber(a.loss) ? b : a));
  // a double's exact loss has hundreds of digits: shown as a decimal (it was compared exactly)
  const text = qtoString(best.loss);
  return { loss: qtoNumber(best.loss), ...(text.length <= 24 ? { exact: text } : {}), source: best.source };
}


const fmt = (p: LandscapePoint): string => p.lossExact ?? p.loss.toPrecision(8);

/**
 * The landscape as far as it was shown, in one paragraph: what the factorisation through c
 * implies, what the strata gave, which minima are spurious, and what was not covered.
 *
 * @example
 * ```ts
 * landscapeVerdict(landscape(net, data, known), collapse(net)); // 'Weight space: L(θ) = ℓ(c(θ)), so …'
 * ```
 */
export function landscapeVerdict(ls: Landscape, col: { readonly K: number; readonly rank: number; readonly filling: boolean }): string {
  const s: string[] = [];
  s.push(
    `Weight space: L(θ) = ℓ(c(θ)) and ∇L = (∂c/∂θ)ᵀ ∇ℓ, so a critical point θ has ∇ℓ(c(θ)) = 0 or lies where ∂c/∂θ cannot reach ∇ℓ — ` +
      (col.filling
        ? `for this filling model (rank ${col.rank} = K) ℓ is a convex quadratic in c, so every critical point where ∂c/∂θ has full rank is a global minimum and every other critical point lies on the rank-deficient locus of c.`
        : `for this model (rank ${col.rank} < K = ${col.K}) also at critical points of ℓ restricted to the image of c, which need not be global, and on the rank-deficient locus of c.`),
  );
  const solved = ls.strata.filter((t) => t.status === 'solved');
  const others = ls.strata.filter((t) => t.status !== 'solved');
  if (ls.strata.length === 0) {
    s.push('There are no hidden units to switch off, so no stratum of the locus was examined.');
    return s.join(' ');
  }
  const kinds = others.map((t) => `${t.units.join(', ')}: ${t.status === 'positive-dimensional' ? 'positive-dimensional' : t.status === 'no critical point' ? 'no critical point' : 'not solved'}`);
  s.push(
    `On the locus, the strata where hidden units are switched off (silent: incoming weights and bias 0 under σ(0) = σ′(0) = 0; off: incoming and outgoing weights 0) were examined${ls.subsets === 'layers' ? ' for whole layers' : ' for every set of units'}: ` +
      `${solved.length} of ${ls.strata.length} reduced systems ∇L_S = 0 solved exactly${kinds.length > 0 ? ` (${kinds.slice(0, 4).join('; ')}${kinds.length > 4 ? '; …' : ''})` : ''}, giving ${plural(ls.points.length, 'critical point')} of L at representative points of the lifted families (each lift proved by expansion).`,
  );
  const known = ls.bestKnown;
  if (ls.spuriousMinima.length > 0) {
    const m = ls.spuriousMinima;
    s.push(
      `${plural(m.length, 'of them is a spurious local minimum', 'of them are spurious local minima')} (type: ${m[0]!.evidence}): loss ${[...new Set(m.map(fmt))].join(', ')} above the loss ${known!.exact ?? known!.loss.toPrecision(3)} that the network attains (${known!.source}), e.g. at ${m[0]!.stratum}, ${Object.entries(m[0]!.point).map(([k, v]) => `${k} = ${v}`).join(', ')}. So the landscape has spurious local minima: descent can stall above the global minimum.`,
    );
  } else if (ls.points.length > 0)
    s.push(
      known === undefined
        ? 'Whether any of them lies above the global minimum is not known (no attained loss to compare with).'
        : `None of them is a local minimum with a loss above ${known.exact ?? known.loss.toPrecision(3)}, the lowest loss known to be attained (${known.source}).`,
    );
  s.push(
    `Not shown: critical points on the strata not solved and on other parts of the rank-deficient locus (duplicated units, units off only on the data, other values of the free parameters of a family), so ${ls.spuriousMinima.length > 0 ? 'there may be more' : 'this does not show that there are no spurious local minima'}.`,
  );
  return s.join(' ');
}

const plural = (n: number, one: string, many?: string): string => (n === 1 ? `1 ${one}` : `${n} ${many ?? `${one}s`}`);
