/**
 * The worker-thread driver gives the same basis over Q as the one-thread driver (and so as
 * Singular, which test/groebner/census.test.ts compares with the one-thread driver).
 */
import { describe, expect, it } from 'vitest';
import { criticalPoints } from '../../src/analysis/critical.js';
import { modularGroebner } from '../../src/groebner/modular.js';
import { buildNetwork } from '../../src/network/build.js';
import { readCsv } from '../../src/network/csv.js';
import { parseSpec } from '../../src/network/parse.js';
import { modularGroebnerParallel, primePool } from '../../src/node/workers.js';
import { termsToString } from '../../src/poly/groebner.js';

describe('primes replayed in worker threads', () => {
  it.each([
    ['2-2-2:identity:nobias', 'x1,x2,y1,y2\n2,-3,1,4\n'],
    ['3-2-3:identity:nobias', 'x1,x2,x3,y1,y2,y3\n1,2,-1,3,-2,1\n'],
  ])('%s: 2 workers give the one-thread basis', async (spec, csv) => {
    const net = buildNetwork(parseSpec(spec));
    const cp = criticalPoints(net, readCsv(csv, net.spec), { kind: 'generic', seed: 1 }, { millis: 1 });
    const one = modularGroebner(cp.system, net.params);
    const two = await modularGroebnerParallel(cp.system, net.params, 'grevlex', { workers: 2 });
    expect(two.polys.map(termsToString)).toEqual(one.polys.map(termsToString));
    expect(two.checkPrimes).toHaveLength(1);
  }, 60_000);

  it('a kept pool serves several systems in turn, each as the one-thread driver lifts it', async () => {
    const pool = primePool(2);
    try {
      for (const [spec, csv] of [
        ['2-2-2:identity:nobias', 'x1,x2,y1,y2\n2,-3,1,4\n'],
        ['1-2-2-1:identity:nobias', 'x1,y1\n2,-3\n'],
        ['2-2-2:identity:nobias', 'x1,x2,y1,y2\n1,2,-1,3\n'],
      ] as const) {
        const net = buildNetwork(parseSpec(spec));
        const cp = criticalPoints(net, readCsv(csv, net.spec), { kind: 'generic', seed: 1 }, { millis: 1 });
        const one = modularGroebner(cp.system, net.params);
        const two = await modularGroebnerParallel(cp.system, net.params, 'grevlex', { pool });
        expect(two.polys.map(termsToString)).toEqual(one.polys.map(termsToString));
        expect(two.primes).toEqual(one.primes);
      }
    } finally {
      await pool.close();
    }
  }, 60_000);
});

