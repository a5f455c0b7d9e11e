/**
 * The intern table holds its nodes weakly: formulas nobody keeps are collected and their entries
 * removed, so a long session does not grow without bound; interning stays exact, so a formula
 * that is alive is still found as the very same object, before and after collections. Garbage
 * collection is forced through V8's `gc` (enabled for this file); a WeakRef's target lives to the
 * end of the job that made it, hence the `await`s between building and collecting.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Node, add, internedCount, parse, sym, toText } from '../../src/index.js';
import { exprArb } from '../helpers/arbitraries.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Let the current job end, collect, and let the clean-up callbacks run; twice, for stragglers. */
async function collect(): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await new Promise((r) => setTimeout(r, 10));
    gc();
    await new Promise((r) => setTimeout(r, 10));
  }
}

let fresh = 0;
/** Build and drop `n` formulas over names never used before. */
function throwaway(n: number): void {
  for (let i = 0; i < n; i++, fresh++) parse(`(u${fresh}*x + c${fresh} - y)^2 + tanh(u${fresh})`);
}

describe('the intern table releases what nobody holds', () => {
  it('20 000 throwaway formulas leave the table as it was', async () => {
    await collect();
    const before = internedCount();
    throwaway(20_000);
    expect(internedCount()).toBeGreaterThan(before + 100_000); // ~7 new nodes a formula, all alive until the job ends
    await collect();
    // Other live nodes (the registry's constants, this file's) are untouched; the throwaways are gone.
    expect(internedCount()).toBeLessThanOrEqual(before + 10);
  });

  it('a formula that is held stays the same object through collections', async () => {
    const kept = parse('(w*x + b - y)^2 + sigmoid(w)');
    const keptText = toText(kept);
    const ref = new WeakRef(parse('(q*x + r)^3'));
    throwaway(5_000);
    await collect();
    expect(ref.deref()).toBeUndefined(); // the table did not keep the dropped one alive
    expect(parse('(w*x + b - y)^2 + sigmoid(w)')).toBe(kept);
    expect(parse(keptText)).toBe(kept);
    expect(add(sym('w'), sym('b'))).toBe(add(sym('b'), sym('w')));
  });

  it('a structure built again after its node was collected is one object again, with a later id', async () => {
    let first: Node | undefined = parse('(p7*x + s7)^5');
    const firstId = first.id;
    const ref = new WeakRef(first);
    await collect();
    expect(ref.deref()).toBe(first); // still held by `first`
    const again = () => parse('(p7*x + s7)^5');
    expect(again()).toBe(first);
    // drop it: only the id survives
    first = undefined;
    await collect();
    expect(ref.deref()).toBeUndefined();
    const rebuilt = again();
    expect(rebuilt.id).toBeGreaterThan(firstId);
    expect(again()).toBe(rebuilt);
  });

  it('random formulas read back to the same object across collections (property)', async () => {
    const samples = fc.sample(exprArb(), 200);
    const texts = samples.map(toText);
    await collect();
    throwaway(2_000);
    await collect();
    samples.forEach((e, i) => expect(parse(texts[i]!)).toBe(e));
  });
});
