import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, toLatex, toText } from '../../src/index.js';
import {
  type Node,
  ExprError,
  add,
  children,
  compare,
  compareNames,
  div,
  fn,
  mul,
  neg,
  num,
  pow,
  rebuild,
  splitCoefficient,
  sub,
  sym,
} from '../../src/expr/node.js';
import { sqrt } from '../../src/expr/elementary.js';
import { ArithmeticError, Q, qisOne, qisZero, qpow } from '../../src/expr/rational.js';
import { topoOrder } from '../../src/expr/walk.js';
import { RUNS, exprArb } from '../helpers/arbitraries.js';

const x = sym('x');
const y = sym('y');
const z = sym('z');
const q = (n: number, d = 1): Node => num(Q(n, d));

describe('interning: one structure, one object', () => {
  it('add(x, y) === add(x, y) === add(y, x)', () => {
    expect(add(x, y)).toBe(add(x, y));
    expect(add(x, y)).toBe(add(y, x));
    expect(mul(x, fn('sigmoid', y))).toBe(mul(fn('sigmoid', y), x));
    expect(num(Q(2, 4))).toBe(num(Q(1, 2)));
    expect(sym('x')).toBe(x);
  });
  it('nodes and their argument lists are frozen', () => {
    const e = add(x, mul(q(2), y));
    expect(Object.isFrozen(e)).toBe(true);
    if (e.kind === 'add') expect(Object.isFrozen(e.args)).toBe(true);
    expect(() => ((e as { id: number }).id = 0)).toThrow(TypeError);
  });
  it('ids in creation order are a topological order (property)', () => {
    fc.assert(
      fc.property(exprArb(), (e) => {
        for (const n of topoOrder(e)) for (const c of children(n)) expect(c.id).toBeLessThan(n.id);
      }),
      { numRuns: RUNS },
    );
  });
  it('rejects bad symbol names and unknown functions with a typed error', () => {
    expect(() => sym('1x')).toThrow(ExprError);
    expect(() => sym('a-b')).toThrow(ExprError);
    expect(() => sym('')).toThrow(ExprError);
    expect(() => fn('nosuch', x)).toThrow(/unknown function 'nosuch'/);
    expect(() => pow(x, x)).toThrow(ExprError);
  });
});

// Each row of the README's canonical-form table, as [rule, built, expected text].
const TABLE: readonly [string, () => Node, string][] = [
  ['flatten nested sums', () => add(add(x, y), z), 'x + y + z'],
  ['flatten nested products', () => mul(mul(x, y), z), 'x*y*z'],
  ['fold numeric constants exactly', () => mul(add(q(1, 3), q(1, 6)), q(6)), '3'],
  ['fold a rational power of a number', () => pow(q(4), Q(1, 2)), '2'],
  ['fold an irrational power not at all', () => pow(q(2), Q(1, 2)), '2^(1/2)'],
  ['fold a function of a number with a rational value', () => fn('relu', q(-2)), '0'],
  ['drop 0 in sums', () => add(x, q(0)), 'x'],
  ['drop 1 in products', () => mul(x, q(1)), 'x'],
  ['0·e → 0', () => mul(q(0), fn('exp', x)), '0'],
  ['e^0 → 1', () => pow(x, 0), '1'],
  ['e^1 → e', () => pow(x, 1), 'x'],
  ['merge like terms', () => add(mul(q(2), x), mul(q(3), x)), '5*x'],
  ['merge like terms to zero', () => sub(mul(x, y), mul(y, x)), '0'],
  ['merge like bases', () => mul(x, pow(x, 2)), 'x^3'],
  ['merge like bases √x·√x → x', () => mul(sqrt(x), sqrt(x)), 'x'],
  ['merge like bases to exponent 0', () => mul(x, pow(x, -1)), '1'],
  ['a power of a power folds for an integer outer exponent', () => pow(pow(x, Q(1, 2)), 4), 'x^2'],
  ['(x²)^(1/2) stays', () => pow(pow(x, 2), Q(1, 2)), '(x^2)^(1/2)'],
  ['an integer power of a product distributes', () => pow(mul(q(2), x, y), 2), '4*x^2*y^2'],
  ['merged powers of powers merge again', () => mul(pow(pow(x, 2), Q(1, 2)), pow(pow(x, 2), Q(1, 2)), x), 'x^3'],
  ['merged powers of powers cancel', () => mul(pow(pow(x, 2), Q(1, 2)), pow(pow(x, 2), Q(3, 2)), pow(x, -4)), '1'],
  ['a power of a sum is not expanded', () => pow(add(x, y), 2), '(x + y)^2'],
  ['2(x + y) stays as written', () => mul(q(2), add(x, y)), '2*(x + y)'],
  ['a multiple of a sum sharing a term with the sum around it is distributed', () => add(mul(q(2), add(x, y)), x), '2*y + 3*x'],
  ['so a sum minus itself is 0', () => sub(add(x, y), add(x, y)), '0'],
  ['and multiples of a sum merge with its terms', () => add(mul(q(2), add(x, y)), add(x, y), neg(x)), '2*x + 3*y'],
  ['a multiple of a sum sharing no term stays', () => add(mul(q(2), add(x, y)), z), 'z + 2*(x + y)'],
  ['multiples of sums sharing no bare term stay', () => add(mul(q(2), add(x, y, q(-3))), mul(q(4), add(x, mul(q(2), y), q(-5)))), '2*(x + y - 3) + 4*(x + 2*y - 5)'],
  ['sort sums', () => add(y, x), 'x + y'],
  ['sort names naturally', () => add(sym('x10'), sym('x2')), 'x2 + x10'],
  ['sort powers by base', () => add(pow(y, 2), x, pow(x, 2)), 'x + x^2 + y^2'],
];

describe('canonical forms (the README table)', () => {
  it.each(TABLE)('%s', (_rule, build, text) => {
    const e = build();
    expect(toText(e)).toBe(text);
    expect(parse(text)).toBe(e);
  });
});

/** The structural invariants every node must satisfy (see the interface comments in node.ts). */
function invariantViolation(n: Node): string | undefined {
  switch (n.kind) {
    case 'num':
    case 'sym':
      return undefined;
    case 'add': {
      if (n.args.length < 2) return 'sum of < 2 terms';
      if (n.args.slice(1).some((a) => a.kind === 'num')) return 'number not first';
      if (n.args[0]!.kind === 'num' && qisZero(n.args[0]!.value)) return 'zero term';
      if (n.args.some((a) => a.kind === 'add')) return 'nested sum';
      const rests = n.args.filter((a) => a.kind !== 'num').map((a) => splitCoefficient(a)[1]);
      if (new Set(rests).size !== rests.length) return 'unmerged like terms';
      // a multiple of a sum stays only when none of its terms occurs among the other terms
      const plain = new Set<Node>(rests.filter((r) => r.kind !== 'add'));
      for (const r of rests) {
        if (r.kind !== 'add') continue;
        if (r.args.some((a) => a.kind !== 'num' && plain.has(splitCoefficient(a)[1]))) return 'an undistributed multiple of a sum';
      }
      break;
    }
    case 'mul': {
      if (n.args.length < 2) return 'product of < 2 factors';
      if (n.args.slice(1).some((a) => a.kind === 'num')) return 'number not first';
      const c = n.args[0]!;
      if (c.kind === 'num' && (qisZero(c.value) || qisOne(c.value))) return 'coefficient 0 or 1';
      if (n.args.some((a) => a.kind === 'mul')) return 'nested product';
      const bases = n.args.filter((a) => a.kind !== 'num').map((a) => (a.kind === 'pow' ? a.base : a));
      if (new Set(bases).size !== bases.length) return 'unmerged like bases';
      break;
    }
    case 'pow':
      if (qisZero(n.exp) || qisOne(n.exp)) return 'exponent 0 or 1';
      if (n.exp.d === 1n && (n.base.kind === 'pow' || n.base.kind === 'mul')) return 'unfolded integer power';
      if (n.base.kind === 'num' && qpow(n.base.value, n.exp) !== undefined) return 'unfolded numeric power';
      return undefined;
    case 'fn':
      return undefined;
  }
  const args = n.args[0]!.kind === 'num' ? n.args.slice(1) : n.args; // the number comes first
  for (let i = 1; i < args.length; i++) if (compare(args[i - 1]!, args[i]!) >= 0) return 'arguments not sorted';
  return undefined;
}

describe('canonical-form invariants on random expressions (property)', () => {
  it('every node satisfies the invariants, and rebuild(e, children(e)) === e', () => {
    fc.assert(
      fc.property(exprArb(), (e) => {
        for (const n of topoOrder(e)) {
          expect(invariantViolation(n), toText(n)).toBeUndefined();
          expect(rebuild(n, children(n)), toText(n)).toBe(n);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('products of nested powers (property)', () => {
  // Powers of powers and of products are where a merge can fold onto another base.
  const pool = [x, y, pow(x, 2), pow(x, Q(1, 2)), pow(pow(x, 2), Q(1, 2)), pow(mul(x, y), Q(1, 2)), pow(add(x, y), Q(1, 3)), pow(pow(x, Q(1, 2)), Q(1, 3))];
  const factor = fc.tuple(fc.constantFrom(...pool), fc.constantFrom(Q(1), Q(2), Q(-1), Q(1, 2), Q(3, 2), Q(-1, 2), Q(2, 3)));
  it('keep the invariants and are independent of grouping', () => {
    fc.assert(
      fc.property(fc.array(factor, { minLength: 1, maxLength: 6 }), (fs) => {
        const parts = fs.map(([b, e]) => pow(b, e));
        const flat = mul(...parts);
        for (const n of topoOrder(flat)) {
          expect(invariantViolation(n), toText(n)).toBeUndefined();
          expect(rebuild(n, children(n)), toText(n)).toBe(n);
        }
      }),
      { numRuns: 1000 },
    );
  });
  // Grouping matters once a product or a power is itself raised to a fractional power:
  // ((x²)^(1/2))²·(x²)^(−1/2) gives x²·(x²)^(−1/2), while the flat product gives (x²)^(1/2);
  // equal values (both |x|), different nodes: the light forms do not decide √(x²) = |x|.
  // Over plain bases with rational exponents, grouping never matters.
  it('over plain bases, do not depend on grouping', () => {
    const plain = [x, y, fn('exp', x), add(x, y)];
    const f = fc.tuple(fc.constantFrom(...plain), fc.constantFrom(Q(1), Q(2), Q(-1), Q(1, 2), Q(3, 2), Q(-1, 2), Q(2, 3)));
    fc.assert(
      fc.property(fc.array(f, { minLength: 1, maxLength: 6 }), fc.nat(), (fs, split) => {
        const parts = fs.map(([b, e]) => pow(b, e));
        const flat = mul(...parts);
        const k = split % parts.length;
        expect(mul(mul(...parts.slice(0, k)), mul(...parts.slice(k))), toText(flat)).toBe(flat);
        expect(parts.reduce((acc, p) => mul(acc, p), num(1)), toText(flat)).toBe(flat);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('structural order', () => {
  const nodes = fc.array(exprArb({ maxDepth: 3 }), { minLength: 3, maxLength: 3 });
  it('is a consistent total order: antisymmetric, transitive, 0 only on the same node (property)', () => {
    fc.assert(
      fc.property(nodes, ([a, b, c]) => {
        for (const [u, v] of [[a!, b!], [b!, c!], [a!, c!]] as const) {
          expect(Math.sign(compare(u, v))).toBe(0 - Math.sign(compare(v, u)) || 0);
          expect(compare(u, v) === 0).toBe(u === v);
        }
        const sorted = [a!, b!, c!].sort(compare);
        expect(compare(sorted[0]!, sorted[1]!)).toBeLessThanOrEqual(0);
        expect(compare(sorted[1]!, sorted[2]!)).toBeLessThanOrEqual(0);
        expect(compare(sorted[0]!, sorted[2]!)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 1000 },
    );
  });
  // Related nodes (a node and its subnodes, x against x² and (x²)^(1/2)) are where an order
  // that treats powers by their base could go wrong: draw triples from one expression's DAG.
  it('is transitive on triples of related nodes (property)', () => {
    const pool = [x, pow(x, 2), pow(x, Q(1, 2)), pow(pow(x, 2), Q(1, 2)), pow(pow(x, Q(1, 2)), Q(1, 3)), pow(add(x, y), Q(1, 2)), add(x, y), mul(x, y), fn('exp', x)];
    fc.assert(
      fc.property(exprArb({ symbols: ['x', 'y'] }), fc.nat(), fc.nat(), fc.nat(), (e, i, j, k) => {
        const nodes = [...topoOrder(e), ...pool];
        const [a, b, c] = [nodes[i % nodes.length]!, nodes[j % nodes.length]!, nodes[k % nodes.length]!];
        for (const [u, v, w] of [[a, b, c], [a, c, b], [b, a, c], [b, c, a], [c, a, b], [c, b, a]] as const) {
          if (compare(u, v) < 0 && compare(v, w) < 0) expect(compare(u, w)).toBeLessThan(0);
          if (compare(u, v) === 0) expect(u).toBe(v);
        }
        expect(Math.sign(compare(a, b))).toBe(0 - Math.sign(compare(b, a)) || 0);
      }),
      { numRuns: 2000 },
    );
  });
  it('sorting is independent of the input order (property)', () => {
    fc.assert(
      fc.property(fc.array(exprArb({ maxDepth: 3 }), { minLength: 2, maxLength: 8 }), fc.nat(), (xs, seed) => {
        const shuffled = [...xs].sort((u, v) => ((u.id * 7919 + seed) % 101) - ((v.id * 7919 + seed) % 101));
        expect([...shuffled].sort(compare)).toEqual([...xs].sort(compare));
      }),
      { numRuns: RUNS },
    );
  });
  it.each([
    ['x2', 'x10', -1],
    ['w1_2_1', 'w1_10_1', -1],
    ['x', 'x1', -1],
    ['b1_1', 'w1_1_1', -1],
    ['x01', 'x1', 1],
    ['x1', 'x1', 0],
  ])('compareNames(%s, %s) = %i', (a, b, s) => {
    expect(Math.sign(compareNames(a, b))).toBe(s);
    expect(Math.sign(compareNames(b, a))).toBe(0 - s || 0);
  });
});

describe('determinism: the same expression built in any order is the same node', () => {
  it('shuffled sums and products (property)', () => {
    fc.assert(
      fc.property(fc.array(exprArb({ maxDepth: 3 }), { minLength: 1, maxLength: 6 }), fc.nat(), (xs, seed) => {
        const perm = [...xs].sort((u, v) => ((u.id * 31 + seed) % 17) - ((v.id * 31 + seed) % 17)).reverse();
        const s1 = add(...xs);
        const s2 = add(...perm);
        expect(s2).toBe(s1);
        expect(toLatex(s2)).toBe(toLatex(s1));
        const p1 = mul(...xs);
        const p2 = perm.reduce((acc, t) => mul(t, acc), num(1));
        expect(p2).toBe(p1);
        expect(toText(p2)).toBe(toText(p1));
      }),
      { numRuns: RUNS },
    );
  });
  it('quotients built two ways', () => {
    expect(div(x, mul(y, z))).toBe(mul(div(x, y), pow(z, -1)));
  });
});

describe('exactness: no float ever enters the core', () => {
  it('(1/3 + 1/6)·6 is exactly 3', () => expect(mul(add(q(1, 3), q(1, 6)), q(6))).toBe(num(3)));
  it('num and pow reject non-integer numbers', () => {
    expect(() => num(0.5)).toThrow(ArithmeticError);
    expect(() => pow(x, 0.5)).toThrow(ArithmeticError);
  });
  it('decimals parse exactly', () => {
    expect(parse('0.1')).toBe(q(1, 10));
    expect(parse('0.1 + 0.2')).toBe(q(3, 10));
    expect(parse('1e-20*x')).toBe(mul(num(Q(1n, 10n ** 20n)), x));
  });
});

describe('budgets', () => {
  it('a numeric power too large to compute exactly stays symbolic', () => {
    const e = pow(num(3), 10 ** 9);
    expect(e.kind).toBe('pow');
    expect(toText(e)).toBe('3^1000000000');
    expect(parse('3^1000000000')).toBe(e);
    expect(mul(e, pow(num(3), -(10 ** 9)))).toBe(num(1)); // like bases still merge
    expect(pow(num(-1), 10 ** 9 + 1)).toBe(num(-1));
  });
});

describe('deep chains', () => {
  it('compare and add handle σ∘…∘σ(x) against σ∘…∘σ(y), 20,000 levels, without deep recursion', () => {
    let a: Node = x;
    let b: Node = y;
    for (let i = 0; i < 20_000; i++) {
      a = fn('sigmoid', a);
      b = fn('sigmoid', b);
    }
    expect(compare(a, b)).toBe(-1);
    expect(compare(b, a)).toBe(1);
    expect(add(b, a)).toBe(add(a, b));
  });
});
