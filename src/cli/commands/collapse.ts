/** `collapse SPEC`: the output as Σ cₖ(θ)φₖ(x); for identity networks β and β₀ as matrix identities, proved. */
import { AnalysisError, buildNetwork, collapse, isLinearSpec, linearReport, monomialLatex, outputName, polyToLatex, polyToText, readSpec, symbolLatex, toText } from '../../node/index.js';
import { type Register, UsageError, json, latexText } from '../io.js';
import { integerOr } from '../options.js';
import { SEED_RANGE } from './analyze.js';

export const registerCollapse: Register = (program, io) =>
  program
    .command('collapse')
    .description('collapse a polynomial network to Σ cₖ(θ)φₖ(x): features, parameters, rank; β = W⁽¹⁾⋯W⁽ᴸ⁾ for identity networks')
    .argument('<spec>', 'network spec, e.g. 2-3-1:identity:rows')
    .option('--seed <n>', 'seed of the random rational points of the rank (default 1)')
    .option('--json', 'machine-readable output')
    .option('--latex', 'LaTeX, one formula per line')
    .addHelpText('after', '\nExample:\n  closedform collapse 3-2-1:identity:rows --json\n')
    .action((specText: string, o: { seed?: string; json?: boolean; latex?: boolean }) => {
      const seed = integerOr('--seed', o.seed, SEED_RANGE, 1);
      const net = buildNetwork(readSpec(specText));
      let c;
      try {
        c = collapse(net, seed);
      } catch (e) {
        if (e instanceof AnalysisError || (e instanceof Error && /NotPolynomialError|ExpansionTooLargeError/.test(e.name))) throw new UsageError(e.message);
        throw e;
      }
      const lin = isLinearSpec(net.spec) ? linearReport(net) : undefined;
      const out = {
        linear: lin !== undefined,
        beta: lin?.beta.map((r) => r.map(toText)) ?? null,
        beta0: lin?.beta0.map(toText) ?? null,
        matrixForm: lin?.matrixForm ?? null,
        proved: lin?.proved ?? null,
        backprop: lin?.backpropLatex ?? null,
        features: c.K,
        params: c.P,
        rank: c.rank,
        filling: c.filling,
        redundant: c.P - c.rank,
        collapsed: c.features.map((f) => ({ output: f.output + 1, monomial: f.monomial, coefficient: polyToText(f.coeff) })),
        exact: 'everything: expansion over Q, rank exact at random rational points (generic with probability ≈ 1)',
      };
      if (o.json) {
        io.out(json(out));
        return;
      }
      if (o.latex) {
        if (lin !== undefined) io.out(`${lin.matrixForm}\n${lin.backpropLatex}\n`);
        for (const f of c.features) {
          const lhs = symbolLatex(outputName(f.output + 1));
          io.out(`\\left[${monomialLatex(net.inputs, f.exps)}\\right] ${lhs} = ${polyToLatex(f.coeff)}\n`);
        }
        io.out(`K = ${c.K}, \\quad P = ${c.P}, \\quad \\operatorname{rank} = ${c.rank} ${latexText(c.filling ? ' (filling)' : '')}\n`);
        return;
      }
      if (lin !== undefined) {
        io.out(`linear regression: ${lin.matrixForm.split(';')[0]}\n`);
        lin.beta.forEach((row, k) => io.out(`output ${k + 1}: beta = (${row.map(toText).join(', ')}), beta0 = ${toText(lin.beta0[k]!)}\n`));
        io.out(`proved by expansion: ${lin.proved}\n`);
      }
      for (const f of out.collapsed) io.out(`f${f.output}: [${f.monomial}] ${f.coefficient}\n`);
      io.out(`K = ${c.K} features, P = ${c.P} parameters, rank = ${c.rank}${c.filling ? ' (filling)' : ''}, ${c.P - c.rank} redundant\n`);
    });
