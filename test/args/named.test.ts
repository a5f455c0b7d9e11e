/**
 * The library calls issue 14 names, each refused at the door with a typed error that names the
 * argument (boundary.test.ts covers every export generically; these are the reported cases, with
 * the reason each refusal must give). A spec object meets the budgets of a spec given as text:
 * the oracle for those is the text parser's own refusal of the same network.
 */
import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  ClosedformError,
  SpecError,
  analyze,
  buildNetwork,
  collapse,
  compile,
  deriveNetwork,
  expand,
  grad,
  modularRur,
  parse,
  parseEquations,
  prepareInput,
  parseSpec,
  readSpec,
  renderHtml,
  solveSystem,
  specFromJson,
  sym,
  systemFromNodes,
} from '../../src/index.js';

/** The call throws an ArgumentError from `fn` about `arg` (and nothing else: no TypeError, no RangeError). */
function refuses(call: () => unknown, fn: string, arg: string, says?: RegExp): void {
  let error: unknown;
  try {
    call();
  } catch (e) {
    error = e;
  }
  expect(error, 'no error was thrown').toBeInstanceOf(ArgumentError);
  const e = error as ArgumentError;
  expect(e.fn).toBe(fn);
  expect(e.arg.startsWith(arg), `${e.message} names ${e.arg}, not ${arg}`).toBe(true);
  expect(e.message).toMatch(new RegExp(`^${fn}\\(\\): ${arg.replace(/[.[\]]/g, '\\$&')}`));
  if (says !== undefined) expect(e.message).toMatch(says);
}

const spec = parseSpec('1-2-1:quadratic');

describe('the object-taking API validates its arguments (issue 14)', () => {
  it('buildNetwork holds a spec object to the budget of a spec as text', () => {
    // the text route refuses the same network: the object route must agree
    expect(() => parseSpec('1000000-1000000')).toThrow(SpecError);
    refuses(() => buildNetwork({ widths: [1e6, 1e6], activations: ['identity'], bias: [true], loss: 'squared', convention: 'layer' }), 'buildNetwork', 'spec', /past the budget of 20000/);
    refuses(() => buildNetwork({ widths: [Number.NaN, 1], activations: ['identity'], bias: [true], loss: 'squared', convention: 'layer' }), 'buildNetwork', 'spec', /bad "widths"/);
    refuses(() => buildNetwork({ widths: [1, 1] } as never), 'buildNetwork', 'spec.activations', /is missing/);
    refuses(() => buildNetwork({ ...spec, activations: ['nope', 'identity'] }), 'buildNetwork', 'spec', /unknown activation 'nope'/);
  });

  it('parse, readSpec, grad, compile, expand, collapse, sym', () => {
    const x = parse('x^2');
    refuses(() => parse(undefined as never), 'parse', 'src', /must be a string, got undefined/);
    refuses(() => parse(['x'] as never), 'parse', 'src', /got an array of 1 entry/);
    refuses(() => readSpec(42 as never), 'readSpec', 'text', /got the number 42/);
    refuses(() => grad(x, undefined as never), 'grad', 'vars', /must be an array of names/);
    refuses(() => compile(x, 'x' as never), 'compile', 'vars', /got the string 'x'/);
    refuses(() => expand(undefined as never), 'expand', 'e', /must be an expression node/);
    refuses(() => collapse(spec as never), 'collapse', 'net', /must be a network \(from buildNetwork\)/);
    refuses(() => sym(undefined as never), 'sym', 'name');
  });

  it('solveSystem, analyze, deriveNetwork, renderHtml with undefined or a string', () => {
    refuses(() => solveSystem(undefined as never, ['x']), 'solveSystem', 'polys');
    refuses(() => solveSystem([], 'x' as never), 'solveSystem', 'vars');
    refuses(() => analyze(undefined as never), 'analyze', 'spec');
    refuses(() => analyze('1-2-1' as never), 'analyze', 'spec', /got the string '1-2-1'/);
    refuses(() => deriveNetwork(undefined as never), 'deriveNetwork', 'spec');
    refuses(() => renderHtml(undefined as never, { katexCss: '' }), 'renderHtml', 'd');
    refuses(() => renderHtml({ title: 't', steps: [] }, 'css' as never), 'renderHtml', 'opts');
    refuses(() => renderHtml({ title: 't', steps: [{ kind: 'display', rows: [] }] }, { katexCss: '' }), 'renderHtml', 'd.steps[0].rows', /at least one row/);
  });

  it('analyze options: seed NaN and l2 "xyz" are wrong arguments, as on the command line', () => {
    refuses(() => analyze(spec, { seed: Number.NaN }), 'analyze', 'opts.seed', /got NaN/);
    refuses(() => analyze(spec, { l2: 'xyz' as never }), 'analyze', 'opts.l2', /regularisation/);
    refuses(() => analyze(spec, { l2: { kind: 'uniform', lambda: { n: -1n, d: 1n } } }), 'analyze', 'opts.l2', /lambda that is not positive/);
    refuses(() => analyze(spec, { seeds: 3 } as never), 'analyze', 'opts', /unknown option 'seeds'/);
  });

  it('specFromJson with BigInt widths fails with its own message, not inside it', () => {
    expect(() => specFromJson({ widths: [1n, 1n] })).toThrow(SpecError);
    expect(() => specFromJson({ widths: [1n, 1n] })).toThrow(/^bad "widths" an array of 2 entries: an array of positive integers/);
  });

  it('every one of them is a ClosedformError: a front end prints it as one line', () => {
    for (const call of [() => parse(undefined as never), () => specFromJson({ widths: [1n] }), () => buildNetwork({ widths: [1e6, 1e6] } as never)]) expect(call).toThrow(ClosedformError);
  });
  it('modularRur: a separating form needs one coefficient per variable', () => {
    const inp = prepareInput(systemFromNodes(parseEquations('x^2 - 2; y - x'), ['x', 'y']), ['x', 'y'], 'grevlex');
    refuses(() => modularRur(inp, { forms: [[1]] }), 'modularRur', 'opts.forms[0]', /has 1 coefficients for 2 variables/);
    // the same call with a form of the right length computes (t = x + 2y separates (±√2, ±√2))
    expect(() => modularRur(inp, { forms: [[1, 2]] })).not.toThrow();
  });
});
