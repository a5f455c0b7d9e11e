import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  MAX_PARAMETERS,
  type NetworkSpec,
  SpecError,
  buildNetwork,
  formatSpec,
  freeSymbols,
  parameterCount,
  looksLikeSpec,
  parseSpec,
  readSpec,
  specFromJson,
  toText,
} from '../../src/index.js';
import { exprArb } from '../helpers/arbitraries.js';

const spec = (widths: number[], activations: string[], extra: Partial<NetworkSpec> = {}): NetworkSpec => ({
  widths,
  activations,
  bias: widths.slice(1).map(() => true),
  loss: 'squared',
  convention: 'layer',
  ...extra,
});

describe('parseSpec', () => {
  it.each<[string, NetworkSpec]>([
    ['1-2-1:quadratic', spec([1, 2, 1], ['quadratic', 'quadratic'])], // seed 000
    ['3-2-1:relu,identity:nobias', spec([3, 2, 1], ['relu', 'identity'], { bias: [false, false] })], // seed 003
    ['3-2-3-4:arctan_sigmoid', spec([3, 2, 3, 4], ['arctan_sigmoid', 'arctan_sigmoid', 'arctan_sigmoid'])], // seed 002
    ['3-4-1:identity:rows', spec([3, 4, 1], ['identity', 'identity'], { convention: 'rows' })], // seed 004
    ['2-3-1', spec([2, 3, 1], ['sigmoid', 'identity'])],
    ['2-3-3-1', spec([2, 3, 3, 1], ['sigmoid', 'sigmoid', 'identity'])],
    ['2-1', spec([2, 1], ['identity'])], // one layer: the default is the output activation
    ['2-3-3-1:tanh,relu,pow3', spec([2, 3, 3, 1], ['tanh', 'relu', 'pow3'])],
    ['2-3-3-1:tanh,softplus', spec([2, 3, 3, 1], ['tanh', 'tanh', 'softplus'])],
    [' 2 - 2 : sigmoid : half , rows ', spec([2, 2], ['sigmoid'], { loss: 'half-squared', convention: 'rows' })],
    ['1-1::half', spec([1, 1], ['identity'], { loss: 'half-squared' })],
  ])('%s', (text, expected) => {
    expect(parseSpec(text)).toEqual(expected);
  });

  it.each([
    ['', 'missing widths'],
    ['3', "bad widths '3'"],
    ['3-0-1', "bad width '0'"],
    ['3--1', "bad width ''"],
    ['3-x-1', "bad width 'x'"],
    ['-3-1', "bad width ''"],
    ['3-2.5-1', "bad width '2.5'"],
    ['3-2-1:foo', "unknown activation 'foo'"],
    ['3-2-1:relu,,identity', 'empty activation name'],
    ['3-2-3-1:relu,tanh,sigmoid,identity', 'wrong number of activations'],
    ['2-1:relu,identity', 'wrong number of activations'],
    ['3-2-1:relu:dropout', "unknown option 'dropout'"],
    ['3-2-1:relu:half,half', "option 'half' given twice"],
    ['3-2-1:relu:half,', 'empty option'],
    ['3-2-1:relu:half:x', "4 ':'-separated parts"],
    ['hello world', "bad width 'hello world'"],
    ['200-200-1', 'past the budget'],
    [Array.from({ length: 40 }, () => '1').join('-'), 'past the budget of 32 layers'],
  ])('refuses %j naming the bad token', (text, message) => {
    expect(() => parseSpec(text)).toThrowError(SpecError);
    expect(() => parseSpec(text)).toThrowError(message);
    try {
      parseSpec(text);
    } catch (e) {
      expect((e as Error).message).not.toContain('\n');
      expect((e as Error).name).toBe('SpecError');
    }
  });
});

describe('specFromJson', () => {
  it('fills defaults', () => {
    expect(specFromJson({ widths: [3, 2, 1] })).toEqual(parseSpec('3-2-1'));
    expect(specFromJson({ widths: [3, 4, 1], activations: ['identity'], convention: 'rows' })).toEqual(parseSpec('3-4-1:identity:rows'));
    expect(specFromJson({ widths: [3, 2, 1], activations: ['relu', 'identity'], bias: false })).toEqual(parseSpec('3-2-1:relu,identity:nobias'));
    expect(specFromJson({ widths: [1, 2, 1], bias: [false, true], loss: 'half-squared' }).bias).toEqual([false, true]);
    expect(readSpec('{"widths": [1, 2, 1], "activations": ["quadratic"]}')).toEqual(parseSpec('1-2-1:quadratic'));
  });

  it.each<[unknown, string]>([
    [null, 'must be an object'],
    [[1, 2], 'must be an object'],
    [{}, 'bad "widths"'],
    [{ widths: [1] }, 'at least an input and an output'],
    [{ widths: [1, 0] }, 'bad "widths"'],
    [{ widths: [1, 1.5] }, 'bad "widths"'],
    [{ widths: [1, 1], activations: 3 }, 'bad "activations"'],
    // a string where the list belongs (issue 14): refused with the list it should have been
    [{ widths: [1, 1], activations: 'sigmoid' }, 'bad "activations" "sigmoid": a list of activation names such as ["sigmoid"], not a string'],
    [{ widths: [1, 1], activations: [] }, 'bad "activations" []: a non-empty list'],

    [{ widths: [1, 1], activations: ['nope'] }, "unknown activation 'nope'"],
    [{ widths: [1, 1, 1], bias: [true] }, 'bad "bias"'],
    [{ widths: [1, 1], loss: 'l1' }, 'bad "loss"'],
    [{ widths: [1, 1], convention: 'cols' }, 'bad "convention"'],
    [{ widths: [1, 1], dropout: 0.5 }, 'unknown field "dropout"'],
  ])('refuses %j', (value, message) => {
    expect(() => specFromJson(value)).toThrowError(SpecError);
    expect(() => specFromJson(value)).toThrowError(message);
  });

  it('describes BigInt widths instead of failing to serialise them in its own message (issue 14)', () => {
    expect(() => specFromJson({ widths: [1n, 1n] })).toThrowError(SpecError);
    expect(() => specFromJson({ widths: [1n, 1n] })).toThrowError('bad "widths" an array of 2 entries: an array of positive integers');
  });

  it('refuses JSON that does not parse, in one line', () => {
    expect(() => readSpec('{"widths": [1,')).toThrowError(/^bad JSON spec at 1:15: [^\n]*$/);
  });
});

describe('formatSpec', () => {
  it.each(['1-2-1:quadratic', '3-2-1:relu,identity:nobias', '3-2-3-4:arctan_sigmoid', '3-4-1:identity:rows', '2-3-1:sigmoid,identity', '2-2-2-1:tanh,relu,identity:half'])(
    '%s reads back as written',
    (text) => expect(formatSpec(parseSpec(text))).toBe(text),
  );

  it('round-trips every valid spec (property)', () => {
    const names = ACTIVATIONS.map((a) => a.name);
    const arb = fc
      .array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 5 })
      .chain((widths) =>
        fc.record({
          widths: fc.constant(widths),
          activations: fc.array(fc.constantFrom(...names), { minLength: widths.length - 1, maxLength: widths.length - 1 }),
          bias: fc.boolean().map((b) => widths.slice(1).map(() => b)),
          loss: fc.constantFrom('squared' as const, 'half-squared' as const),
          convention: fc.constantFrom('layer' as const, 'rows' as const),
        }),
      );
    fc.assert(
      fc.property(arb, (s) => {
        expect(parseSpec(formatSpec(s))).toEqual(s);
        // and the commands that take a spec or an expression take both forms as a spec
        expect(looksLikeSpec(formatSpec(s))).toBe(true);
        expect(looksLikeSpec(JSON.stringify(s))).toBe(true);
      }),
    );
  });

  it('no printed expression looks like a spec (property; the text printer is the oracle)', () => {
    fc.assert(
      fc.property(exprArb(), (e) => {
        expect(looksLikeSpec(toText(e))).toBe(false);
      }),
    );
  });

  it('says that mixed biases have no compact form', () => {
    expect(() => formatSpec(specFromJson({ widths: [1, 2, 1], bias: [true, false] }))).toThrowError('no compact form');
  });
});

describe('parameterCount', () => {
  // Seed 004, exercise 10.1: a p-M-1 network with offsets has (p + 1)·M + 1 + M parameters.
  const cases: [number, number][] = [];
  for (const p of [1, 2, 3, 7]) for (const M of [1, 2, 4, 9]) cases.push([p, M]);
  it.each(cases)('p = %i, M = %i: (p+1)M + 1 + M', (p, M) => {
    const s = parseSpec(`${p}-${M}-1`);
    expect(parameterCount(s)).toBe((p + 1) * M + 1 + M);
    // The builder's names, and the free symbols of the loss other than inputs and targets, count the same.
    const net = buildNetwork(s);
    expect(net.params).toHaveLength(parameterCount(s));
    const data = new Set([...net.inputs, ...net.targets]);
    expect(freeSymbols(net.loss).filter((n) => !data.has(n))).toEqual([...net.params].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
  });

  it.each([
    ['3-2-1:relu,identity:nobias', 3 * 2 + 2 * 1],
    ['3-2-3-4:arctan_sigmoid', 3 * 2 + 2 + 2 * 3 + 3 + 3 * 4 + 4],
    ['1-2-1:quadratic', 7],
  ])('%s has %i parameters', (text, n) => expect(parameterCount(parseSpec(text))).toBe(n));

  it('the budget is on the parameter count', () => {
    // 1-w-1 has 3w + 1 parameters: just under and just over the budget.
    const w = Math.floor((MAX_PARAMETERS - 1) / 3);
    expect(parameterCount(parseSpec(`1-${w}-1`))).toBeLessThanOrEqual(MAX_PARAMETERS);
    expect(() => parseSpec(`1-${w + 1}-1`)).toThrowError(/parameters, past the budget/);
  });
});
