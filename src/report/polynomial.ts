/**
 * The polynomial form of a network whose activations are all polynomials (seed 000: a quadratic
 * 1-2-1 network is a quartic in x): each output expanded exactly by `poly/`, grouped by monomials
 * in the inputs, with coefficients that are polynomials in the parameters.
 */
import { type Node, mul, pow, sym } from '../expr/node.js';
import { symbolLatex, toLatex } from '../print/latex.js';
import { type Network, outputName } from '../network/index.js';
import { ExpansionTooLargeError, coefficients, degreeIn, expand, polyTermCount, polyToNode } from '../poly/index.js';
import { type Step, display, m, note, prose } from './document.js';
import { LINE_WIDTH_BUDGET, fillTerms } from './linebreak.js';
import { row } from './rows.js';

/**
 * Most terms of an expanded output printed in the polynomial form: 200 terms print as about 30
 * display lines; past that the degrees and the term count are stated instead.
 */
export const MAX_PRINTED_TERMS = 200;

/**
 * Term estimate past which a document does not expand (a tenth of `expand`'s own budget): the
 * derivation of a network should take seconds, and a 10⁸-term estimate already means minutes.
 */
export const DOCUMENT_EXPANSION_BUDGET = 1e8;

/** `c_{x_{1}^{2}}`: the name of the coefficient of a monomial in the inputs. */
function coefficientName(inputs: readonly string[], exps: readonly number[]): string {
  const mono = exps.map((e, i) => (e === 0 ? '' : e === 1 ? symbolLatex(inputs[i]!) : `${symbolLatex(inputs[i]!)}^{${e}}`)).join('');
  return `c_{${mono === '' ? '1' : mono}}`;
}

/**
 * Steps giving each output as a polynomial in the inputs whose coefficients are polynomials in
 * the parameters, with its degrees and term count; a note instead when past the budget.
 *
 * @example
 * ```ts
 * import { buildNetwork, parseSpec, polynomialSteps } from 'closedform';
 * polynomialSteps(buildNetwork(parseSpec('1-2-1:quadratic'))); // prose (degree 4 in x1), two displays
 * ```
 */
export function polynomialSteps(net: Network): Step[] {
  const steps: Step[] = [];
  net.outputs.forEach((f, k) => {
    const name = outputName(k + 1);
    let p;
    try {
      p = expand(f, DOCUMENT_EXPANSION_BUDGET);
    } catch (e) {
      if (e instanceof ExpansionTooLargeError) {
        steps.push(note('info', `Expanding ${name} was not attempted: ${e.message}.`));
        return;
      }
      throw e;
    }
    const terms = polyTermCount(p);
    const plural = net.inputs.length === 1 ? '' : 's';
    const printed = terms <= MAX_PRINTED_TERMS;
    steps.push(
      prose(
        'Expanded exactly, ',
        m(symbolLatex(name)),
        ` is a polynomial of degree ${degreeIn(p, net.inputs)} in the input${plural} and ${degreeIn(p, net.params)} in the parameters, with ${terms} terms`,
        printed ? `. Grouped by powers of the input${plural}:` : `, more than the ${MAX_PRINTED_TERMS} printed here.`,
      ),
    );
    if (!printed) return;
    const cs = coefficients(p, net.inputs);
    const monomial = (exps: readonly number[]): Node => mul(...exps.map((e, i) => pow(sym(net.inputs[i]!), e)));
    const form = cs.map((c) => {
      const mono = monomial(c.exps);
      return mono.kind === 'num' ? coefficientName(net.inputs, c.exps) : `${coefficientName(net.inputs, c.exps)} ${toLatex(mono)}`;
    });
    steps.push(
      display([{ lhs: symbolLatex(name), rhs: fillTerms(form, LINE_WIDTH_BUDGET - 8) }], `${name} as a polynomial in the input${plural}`),
      display(cs.map((c) => row(coefficientName(net.inputs, c.exps), polyToNode(c.coeff))), 'the coefficients, polynomials in the parameters'),
    );
  });
  return steps;
}
