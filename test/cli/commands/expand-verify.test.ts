import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.js';
import { expand, parse, polyEqual } from '../../../src/index.js';

describe('closedform expand', () => {
  it('--json gives text, terms, degrees and coefficients by input monomial', async () => {
    const r = await cli('expand', '(w1_1_1*x1 + b1_1)^2*w2_1_1 + b2_1', '--json');
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out).outputs[0];
    expect(o).toEqual({
      name: 'f',
      // graded reverse lexicographic, largest first: degrees 5, 4, 3, 1
      text: 'w1_1_1^2*w2_1_1*x1^2 + 2*b1_1*w1_1_1*w2_1_1*x1 + b1_1^2*w2_1_1 + b2_1',
      terms: 4,
      degree: 5,
      inputDegree: 2,
      coefficients: [
        { monomial: 'x1^2', text: 'w1_1_1^2*w2_1_1' },
        { monomial: 'x1', text: '2*b1_1*w1_1_1*w2_1_1' },
        { monomial: '1', text: 'b1_1^2*w2_1_1 + b2_1' },
      ],
    });
    // The text is the same polynomial as the input (read back and compared exactly).
    expect(polyEqual(expand(parse(o.text)), expand(parse('(w1_1_1*x1 + b1_1)^2*w2_1_1 + b2_1')))).toBe(true);
  });

  it('a network spec expands every output, grouped by the inputs x1, x2, …', async () => {
    const r = await cli('expand', '2-2-1:quadratic,identity', '--json');
    expect(r.code).toBe(0);
    const [f1] = JSON.parse(r.out).outputs;
    // f = Σ_i w2_1_i (w1_i_1 x1 + w1_i_2 x2 + b1_i)² + b2_1: 13 terms, quadratic in x.
    expect(f1).toMatchObject({ name: 'f1', terms: 13, degree: 5, inputDegree: 2 });
    expect(f1.coefficients.map((c: { monomial: string }) => c.monomial)).toEqual(['x1^2', 'x1*x2', 'x2^2', 'x1', 'x2', '1']);
    expect(f1.coefficients[1].text).toBe('2*w1_1_1*w1_1_2*w2_1_1 + 2*w1_2_1*w1_2_2*w2_1_2');
    const direct = expand(parse('w2_1_1*(w1_1_1*x1 + w1_1_2*x2 + b1_1)^2 + w2_1_2*(w1_2_1*x1 + w1_2_2*x2 + b1_2)^2 + b2_1'));
    expect(polyEqual(expand(parse(f1.text)), direct)).toBe(true);
  });

  it('--loss adds the loss of one data point, (f − y)²', async () => {
    const r = await cli('expand', '1-1:identity', '--loss', '--json');
    const outs = JSON.parse(r.out).outputs;
    expect(outs.map((o: { name: string }) => o.name)).toEqual(['f1', 'L']);
    expect(polyEqual(expand(parse(outs[1].text)), expand(parse('(w1_1_1*x1 + b1_1 - y1)^2')))).toBe(true);
  });

  it('--in chooses the grouping variables', async () => {
    const r = await cli('expand', '(a*x + b*y)^2', '--in', 'x,y', '--json');
    const o = JSON.parse(r.out).outputs[0];
    expect(o.inputDegree).toBe(2);
    expect(o.coefficients.map((c: { monomial: string }) => c.monomial)).toEqual(['x^2', 'x*y', 'y^2']);
  });

  it('plain output lists the coefficients', async () => {
    const r = await cli('expand', '(a*x1 + b)^2');
    expect(r.out).toBe('f = a^2*x1^2 + 2*a*b*x1 + b^2\n  3 terms, degree 4, degree 2 in x1\n  [x1^2] a^2\n  [x1] 2*a*b\n  [1] b^2\n');
  });

  it.each([
    [['expand', 'relu(w1_1_1*x1)'], 'closedform: f: relu(w1_1_1*x1) is not polynomial (relu is not a polynomial function)\n'],
    [['expand', '(a+b+c+d+e+f+g+h+i+j)^40'], /^closedform: f: expansion refused: terms estimated at 2\.05e\+9/],
    [['expand', '(x + 1'], /^closedform: bad expression/],
    [['expand', 'x', '--in', 'x,1y'], "closedform: bad name '1y' in --in: a letter or _, then letters, digits and _\n"],
    [['verify', 'x + 1'], /^closedform: expected one equation/],
    [['expand', '2-2-1:relu'], 'closedform: f1: relu(b1_1 + w1_1_1*x1 + w1_1_2*x2) is not polynomial (relu is not a polynomial function)\n'],
    [['expand', '2-2-2-2-2-1:quadratic'], /^closedform: f1: expansion refused: terms estimated at [\d.]+e\+\d+ \(budget 1\.00e\+9\); try a smaller network/],
    [['expand', '(x + 1)^2', '--loss'], 'closedform: --loss needs a network spec, not an expression\n'],
  ])('%j exits 2 with one line', async (argv, msg) => {
    const r = await cli(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n').length).toBe(2);
    if (typeof msg === 'string') expect(r.err).toBe(msg);
    else expect(r.err).toMatch(msg);
  });
});

describe('closedform verify', () => {
  it('proves a polynomial identity', async () => {
    const r = await cli('verify', '(a + b)^2 = a^2 + 2*a*b + b^2', '--json');
    expect(JSON.parse(r.out)).toMatchObject({ holds: true, method: 'polynomial identity' });
  });

  it('disproves with a counterexample, exit 1', async () => {
    const r = await cli('verify', '(x + 1)^2 = x^2 + 1');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^does not hold \(polynomial identity\)/);
    expect(r.out).toMatch(/lhs - rhs = 2\*x/);
    expect(r.out).toMatch(/counterexample \(exact\): x = (-?\d+): lhs = \d+, rhs = \d+/);
  });

  it.each([
    ['relu(x - 3) = 0', /^does not hold \(piecewise regions\): disproved: exact counterexample in the region x - 3 > 0/m, /counterexample \(exact\): x = 4: lhs = 1, rhs = 0/],
    ['heaviside(w*x - 5) = 0', /^does not hold \(piecewise regions\): disproved: exact counterexample in the region w\*x - 5 > 0/m, /counterexample \(exact\): w = [\d/]+, x = [\d/]+: lhs = 1, rhs = 0/],
  ])('the issue\'s %s is disproved exactly, exit 1', async (eq, head, point) => {
    const r = await cli('verify', eq);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    expect(r.out).toMatch(head);
    expect(r.out).toMatch(point);
  });

  it('proves a piecewise identity, exit 0', async () => {
    const r = await cli('verify', 'relu(x) - relu(-x) = x', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ holds: true, exact: true, method: 'piecewise regions', regions: { regions: 3, proved: 3 } });
  });

  it('checks non-polynomial identities numerically, saying so', async () => {
    const r = await cli('verify', 'tanh(x) = 2*sigmoid(2*x) - 1', '--json');
    expect(JSON.parse(r.out)).toMatchObject({ holds: true, method: 'numeric', points: 32, tolerance: 1e-9 });
  });
});
