/**
 * `closedform analyze SPEC --data F --json` on ReLU networks: `relu.optimum` carries the exact
 * loss, the point by parameter name, the pattern counts; the verdict says it in one sentence.
 * The point is re-checked here by independent routes: the exact loss of the network's formula
 * (exact evaluation) and the mathjs engine's loss. Past the budget the optimum is refused up
 * front with the estimate.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.js';
import { qparse, qtoNumber } from '../../../src/expr/rational.js';
import { evaluateExact } from '../../../src/expr/walk.js';
import { buildNetwork, datasetLoss } from '../../../src/network/build.js';
import { readCsv } from '../../../src/network/csv.js';
import { parseSpec } from '../../../src/network/parse.js';
import { engineDatasetLoss, samplesFromDataset } from '../../../src/numeric/engine.js';
import { paramsFromPoint } from '../../../src/numeric/params.js';
import { MAX_RELU_QPS } from '../../../src/analysis/relu-optimum.js';

const dir = mkdtempSync(join(tmpdir(), 'closedform-relu-'));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('analyze a ReLU network with data', () => {
  it('2-2-1:relu,identity: relu.optimum with the exact loss, the point, patterns feasible and tried; the point attains the loss', async () => {
    const csv = 'x1,x2,y1\n0,0,1\n1,0,-1\n0,1,2\n1,1,0\n2,1,1\n2,2,-1\n';
    const r = await cli('analyze', '2-2-1:relu,identity', '--data', file('a.csv', csv), '--json');
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out).relu.optimum;
    expect(o.status).toBe('solved');
    const net = buildNetwork(parseSpec('2-2-1:relu,identity'));
    const data = readCsv(csv, net.spec);
    const point = Object.fromEntries(Object.entries(o.point as Record<string, string>).map(([k, v]) => [k, qparse(v)!]));
    expect(Object.keys(point).sort()).toEqual([...net.params].sort());
    const loss = qparse(o.loss)!;
    expect(evaluateExact(datasetLoss(net, data), point)).toEqual(loss);
    const engine = engineDatasetLoss(net.spec, paramsFromPoint(net.spec, Object.fromEntries(Object.entries(point).map(([k, v]) => [k, qtoNumber(v)]))), samplesFromDataset(data));
    expect(engine).toBeCloseTo(qtoNumber(loss), 10);
    expect(Number(o.patternsFeasible)).toBeGreaterThan(0);
    expect(o.patternsTried).toBeGreaterThan(0);
    expect(o.patternsTried).toBeLessThanOrEqual(2 ** 2 * Number(o.patternsFeasible));
    // the verdict says it in one sentence
    const v = JSON.parse(r.out).verdict as string;
    expect(v).toContain(`Exactly, the global minimum of the loss is ${o.loss}`);
  });

  it('past the pattern budget the optimum is refused with the estimate, quickly and in one sentence', async () => {
    const rows = Array.from({ length: 12 }, (_, p) => `${(p * 7) % 11},${(p * 5) % 13 - 6},${p % 3}`);
    const r = await cli('analyze', '2-4-1:relu,identity', '--data', file('b.csv', `x1,x2,y1\n${rows.join('\n')}\n`), '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.relu.optimum.status).toBe('refused');
    expect(BigInt(j.relu.optimum.estimate)).toBeGreaterThan(BigInt(MAX_RELU_QPS));
    expect(j.verdict).toMatch(/The exact global optimum was not computed: .*\d+ pattern QPs.* past the budget/);
  });
});
