/** `solve "<eq>; <eq>; …" --vars a,b`: Gröbner basis, dimension, solution counts, real solutions. */
import {
  ExprError,
  NotPolynomialError,
  ExpansionTooLargeError,
  GroebnerBudgetError,
  PolyInputError,
  QuotientBudgetError,
  SingularError,
  isSingularAvailable,
  parseEquations,
  rootsByRadicals,
  singularStd,
  solveSystem,
  systemFromNodes,
  termsToString,
  type TermOrder,
  type BasisCertificate,
  certifyBasis,
  modularCounts,
} from '../../node/index.js';
import { type Register, UsageError, json } from '../io.js';
import { progress } from '../progress.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** One line saying what the exact check proved. */
function certificateText(c: BasisCertificate): string {
  if (!c.inputReduces || !c.sPairsReduce) return `NOT certified: ${!c.inputReduces ? 'an input polynomial does not reduce to 0' : 'an S-polynomial does not reduce to 0'}`;
  return c.sameIdeal === 'proved'
    ? `certified over Q: the input reduces to 0, ${c.pairsChecked} S-pairs reduce to 0 (${c.pairsSkipped} skipped by the criteria), and the counts give equal ideals`
    : `certified over Q as a Gröbner basis containing the input (${c.pairsChecked} S-pairs reduce to 0); equality of the ideals is not shown for a positive-dimensional ideal`;
}

interface Opts {
  vars?: string;
  order?: string;
  json?: boolean;
  certify?: boolean;
  digits?: string;
  engine?: string;
  maxPairs?: string;
}

/** Library errors that are the user's doing become one-line usage errors. */
function userError(e: unknown): never {
  if (e instanceof GroebnerBudgetError || e instanceof QuotientBudgetError)
    throw new UsageError(`${e.message}${isSingularAvailable() ? ' (--engine singular)' : ''}`);
  if (e instanceof PolyInputError || e instanceof NotPolynomialError || e instanceof ExpansionTooLargeError || e instanceof ExprError || e instanceof SingularError)
    throw new UsageError(e.message);
  throw e;
}

export const registerSolve: Register = (program, io) =>
  program
    .command('solve')
    .description('solve a polynomial system exactly: Gröbner basis, dimension, number of solutions, real solutions')
    .argument('<equations>', 'equations separated by ";", each "p = q" or "p" (meaning p = 0)')
    .requiredOption('--vars <names>', 'comma-separated unknowns, in the order x1 > x2 > … of the term order')
    .option('--order <order>', 'term order of the printed basis: grevlex or lex', 'grevlex')
    .option('--digits <n>', 'decimal places of irrational solutions', '12')
    .option('--engine <engine>', 'embedded (default) or singular (basis, dimension and count only)', 'embedded')
    .option('--max-pairs <n>', 'Gröbner budget: S-pairs to reduce before giving up')
    .option('--certify', 'prove the basis exactly over Q (input reduces to 0, S-pair criterion, equal ideals by counting)')
    .option('--json', 'machine-readable output')
    .addHelpText('after', '\nExample:\n  closedform solve "x^2 + y^2 = 1; x = y" --vars x,y --json\n')
    .action((text: string, opts: Opts) => {
      const vars = (opts.vars ?? '').split(',').map((s) => s.trim());
      for (const v of vars) if (!NAME.test(v)) throw new UsageError(`bad variable name '${v}' in --vars`);
      if (opts.order !== 'grevlex' && opts.order !== 'lex') throw new UsageError(`unknown --order '${opts.order}': use grevlex or lex`);
      const order: TermOrder = opts.order;
      const digits = Number(opts.digits);
      if (!Number.isInteger(digits) || digits < 0 || digits > 1000) throw new UsageError(`--digits must be an integer from 0 to 1000, got '${opts.digits}'`);
      if (opts.engine !== 'embedded' && opts.engine !== 'singular') throw new UsageError(`unknown --engine '${opts.engine}': use embedded or singular`);
      const maxPairs = opts.maxPairs === undefined ? undefined : Number(opts.maxPairs);
      if (maxPairs !== undefined && !(Number.isInteger(maxPairs) && maxPairs > 0)) throw new UsageError(`--max-pairs must be a positive integer, got '${opts.maxPairs}'`);
      let out: Record<string, unknown>;
      try {
        const system = systemFromNodes(parseEquations(text), vars);
        if (opts.engine === 'singular') {
          const s = singularStd(system, vars, { order });
          out = { groebner: s.basis.map(termsToString), dimension: s.dimension, complexSolutions: s.vdim };
        } else {
          // the modular run can take seconds: a bar on stderr (terminal only, after 1 s)
          const bar = progress(io, 'solve');
          let r;
          try {
            r = solveSystem(system, vars, {
              order,
              digits,
              ...(maxPairs ? { budget: { maxPairs } } : {}),
              onProgress: (p) => bar.update(p.phase === 'learn' ? 0.1 : 0.2 + (0.7 * p.primes) / (p.primes + 8), p.phase === 'learn' ? `first prime: F4 degree ${p.degree}, ${p.basis} basis elements` : `${p.primes} prime${p.primes === 1 ? '' : 's'} (${p.phase === 'lift' ? 'lifting to Q' : 'checking'})`),
            });
          } finally {
            bar.done();
          }
          const elim = r.eliminant ? rootsByRadicals(r.eliminant.poly) : undefined;
          out = {
            groebner: r.groebner,
            dimension: r.dimension,
            complexSolutions: r.complexSolutions,
            ...(r.distinctSolutions !== undefined ? { distinctSolutions: r.distinctSolutions } : {}),
            ...(r.eliminant ? { eliminant: r.eliminant.text, eliminantDegree: r.eliminant.poly.length - 1 } : {}),
            ...(r.realSolutions ? { realSolutions: r.realSolutions.map((s) => s.values) } : {}),
            ...(r.radicals !== undefined ? { radicals: r.radicals } : {}),
            ...(r.note !== undefined ? { note: r.note } : {}),
            ...(elim ? { eliminantRoots: elim.map((x) => ({ [r.eliminant!.variable]: x.text, form: x.form })) } : {}),
            certainty: opts.certify
              ? certificateText(certifyBasis(r.basis, system, r.dimension === 0 ? modularCounts(system, vars).vdim : undefined))
              : `probabilistic: the basis over Q was lifted from ${r.basis.certainty.primes} primes and checked on ${r.basis.certainty.checks} more (--certify proves it)`,
          };
        }
      } catch (e) {
        userError(e);
      }
      if (opts.json) {
        io.out(json(out));
        return;
      }
      const lines = [`Gröbner basis (${order}):`, ...(out.groebner as string[]).map((g) => `  ${g}`)];
      lines.push(`dimension: ${out.dimension}`, `complex solutions (with multiplicity): ${out.complexSolutions}`);
      if (out.eliminant !== undefined) lines.push(`eliminant: ${out.eliminant} (degree ${out.eliminantDegree})`);
      if (out.realSolutions !== undefined) {
        const sols = out.realSolutions as Record<string, string>[];
        lines.push(`real solutions: ${sols.length}`);
        for (const s of sols) lines.push(`  ${Object.entries(s).map(([k, v]) => `${k} = ${v}`).join(', ')}`);
      }
      if (out.radicals !== undefined) lines.push(`solvable by radicals: ${out.radicals ? 'yes' : 'not shown (degree > 4 after rational roots)'}`);
      if (out.note !== undefined) lines.push(`note: ${out.note}`);
      if (out.certainty !== undefined) lines.push(`certainty: ${out.certainty}`);
      io.out(`${lines.join('\n')}\n`);
    });
