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
  MAX_DIGITS,
  realSolutionForms,
  type CoordinateForm,
  parse,
  symbolLatex,
  toLatex,
} from '../../node/index.js';
import { type Register, UsageError, json, latexText } from '../io.js';
import { choiceOption, integerOption, integerOr, nameListOption } from '../options.js';
import { progress } from '../progress.js';

/**
 * One solution in text: `x = 3/2` when exact, `x ≈ 1.414213562373` when a decimal. A rounded
 * value never reads as exact (the JSON carries `approx` and the exact form beside it).
 */
export const solutionLine = (s: Readonly<Record<string, CoordinateForm>>): string =>
  Object.entries(s)
    .map(([k, c]) => `${k} ${c.approx ? '≈' : '='} ${c.value}`)
    .join(', ');

/** A printed value as LaTeX: through the parser when it is in the text syntax, else as words. */
function valueLatex(text: string): string {
  try {
    return toLatex(parse(text));
  } catch {
    return latexText(text);
  }
}

/** `--latex`: the basis, the eliminant and each real solution, one formula per line (the counts as words). */
function solveLatex(out: Record<string, unknown>, vars: readonly string[]): string {
  const lines = (out.groebner as string[]).map((g) => `${valueLatex(g)} = 0`);
  lines.push(`${latexText(`dimension ${out.dimension}, complex solutions (with multiplicity) ${out.complexSolutions}`)}`);
  if (out.eliminant !== undefined) lines.push(`${valueLatex(out.eliminant as string)} = 0`);
  for (const sol of (out.realSolutions ?? []) as Record<string, CoordinateForm>[])
    lines.push(
      vars
        .filter((v) => sol[v] !== undefined)
        .map((v) => `${symbolLatex(v)} ${sol[v]!.approx ? '\\approx' : '='} ${valueLatex(sol[v]!.value)}`)
        .join(', \\quad '),
    );
  return `${lines.join('\n')}\n`;
}

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
  latex?: boolean;
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
    .option('--digits <n>', `decimal places of irrational solutions, 1 to ${MAX_DIGITS} (default 12); such values are marked ≈`)
    .option('--engine <engine>', 'embedded (default) or singular (basis, dimension and count only)', 'embedded')
    .option('--max-pairs <n>', 'Gröbner budget: S-pairs to reduce before giving up')
    .option('--certify', 'prove the basis exactly over Q (input reduces to 0, S-pair criterion, equal ideals by counting)')
    .option('--json', 'machine-readable output')
    .option('--latex', 'LaTeX, one formula per line (basis, eliminant, real solutions)')
    .addHelpText('after', '\nExample:\n  closedform solve "x^2 + y^2 = 1; x = y" --vars x,y --json\n')
    .action((text: string, opts: Opts) => {
      const vars = nameListOption('--vars', opts.vars ?? '');
      const order: TermOrder = choiceOption('--order', opts.order ?? 'grevlex', ['grevlex', 'lex']);
      const digits = integerOr('--digits', opts.digits, { min: 1, max: MAX_DIGITS }, 12);
      const engine = choiceOption('--engine', opts.engine ?? 'embedded', ['embedded', 'singular']);
      const maxPairs = integerOption('--max-pairs', opts.maxPairs, { min: 1, max: 100_000_000 });
      let out: Record<string, unknown>;
      try {
        const system = systemFromNodes(parseEquations(text), vars);
        if (engine === 'singular') {
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
            // each coordinate: its value, whether that is a rounded decimal, and the exact form beside it
            ...(r.realSolutions ? { realSolutions: realSolutionForms(r) } : {}),
            ...(r.radicals !== undefined ? { radicals: r.radicals } : {}),
            ...(r.note !== undefined ? { note: r.note } : {}),
            ...(elim ? { eliminantRoots: elim.map((x) => ({ [r.eliminant!.variable]: x.text, form: x.form })) } : {}),
            certainty: opts.certify
              ? certificateText(certifyBasis(r.basis, system, r.dimension === 0 ? modularCounts(system, vars).vdim : undefined))
              : `probabilistic: the basis over Q was lifted from ${r.basis.certainty.primes} prime${r.basis.certainty.primes === 1 ? '' : 's'} and checked on ${r.basis.certainty.checks} more (--certify proves it)`,
          };
        }
      } catch (e) {
        userError(e);
      }
      if (opts.json) {
        io.out(json(out));
        return;
      }
      if (opts.latex) {
        io.out(solveLatex(out, vars));
        return;
      }
      const lines = [`Gröbner basis (${order}):`, ...(out.groebner as string[]).map((g) => `  ${g}`)];
      lines.push(`dimension: ${out.dimension}`, `complex solutions (with multiplicity): ${out.complexSolutions}`);
      if (out.eliminant !== undefined) lines.push(`eliminant: ${out.eliminant} (degree ${out.eliminantDegree})`);
      if (out.realSolutions !== undefined) {
        const sols = out.realSolutions as Record<string, CoordinateForm>[];
        lines.push(`real solutions: ${sols.length}${sols.some((s) => Object.values(s).some((c) => c.approx)) ? ` (≈: rounded to ${digits} decimal places)` : ''}`);
        for (const s of sols) lines.push(`  ${solutionLine(s)}`);
      }
      if (out.radicals !== undefined) lines.push(`solvable by radicals: ${out.radicals ? 'yes' : 'not shown (degree > 4 after rational roots)'}`);
      if (out.note !== undefined) lines.push(`note: ${out.note}`);
      if (out.certainty !== undefined) lines.push(`certainty: ${out.certainty}`);
      io.out(`${lines.join('\n')}\n`);
    });
