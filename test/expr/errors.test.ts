/**
 * Every error class `closedform/node` exports is a ClosedformError (so the CLI prints it as one
 * line with exit 2) and says what it is: `name` equals the class's own name, set as a class field
 * (`override readonly name = '…'`), not patched after construction.
 *
 * Oracle: the classes' own names (`constructor.name`, given by the class declaration), against
 * the `name` an instance reports; and the sources, read as text, for patching.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/node/index.js';

/** Constructor arguments for the classes whose constructor takes more than a message. */
const ARGS: Readonly<Record<string, readonly unknown[]>> = {
  GroebnerBudgetError: ['pairs', { pairs: 1, basis: 1, degree: 1, millis: 1 }],
  TermLimitError: [10],
  NotPolynomialError: ['x', 'a reason'],
  ExpansionTooLargeError: [1, 2],
  ArgumentError: ['f', 'x', 'is wrong'],
  ParseError: ['a message', 1],
};

type ErrorClass = new (...args: unknown[]) => Error;
const isErrorClass = (x: unknown): x is ErrorClass => typeof x === 'function' && x.prototype instanceof Error;
const errorClasses = Object.entries(api as Record<string, unknown>).flatMap(([k, v]): [string, ErrorClass][] => (isErrorClass(v) ? [[k, v]] : []));

describe('the exported error classes', () => {
  it('are found (the known ones among them)', () => {
    const names = errorClasses.map(([k]) => k);
    for (const k of ['ClosedformError', 'ExprError', 'ParseError', 'ArithmeticError', 'PowerTooLargeError', 'SpecError', 'DatasetError', 'ReportError', 'ServeError', 'ArgumentError'])
      expect(names).toContain(k);
  });

  it.each(errorClasses)('%s: a ClosedformError whose name is its class name', (exported, C) => {
    const e = new C(...(ARGS[exported] ?? ['a message']));
    expect(C.name).toBe(exported);
    expect(e).toBeInstanceOf(api.ClosedformError);
    expect(e.name).toBe(C.name);
    expect(Object.hasOwn(e, 'name')).toBe(true); // a class field, on the instance
  });

  it('no source patches `name` after construction', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
    const root = new URL('../../src/', import.meta.url).pathname;
    const patched = files(root).filter((f) => /defineProperty\(\s*this\s*,\s*['"]name['"]|this\.name\s*=/.test(readFileSync(f, 'utf8')));
    expect(patched).toEqual([]);
  });
});
