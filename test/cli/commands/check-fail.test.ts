/**
 * `closedform check` exits 1 when a check fails. The library's formulas are right, so a failing
 * report is injected by mocking `checkNetwork` (this file only); the CLI must print the table
 * with FAIL and return 1, not 0 and not the user-error code 2.
 */
import { describe, expect, it, vi } from 'vitest';
import type { CheckReport } from '../../../src/node/index.js';

vi.mock('../../../src/node/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/node/index.js')>();
  return {
    ...real,
    checkNetwork: (...args: Parameters<typeof real.checkNetwork>): CheckReport => {
      const r = real.checkNetwork(...args);
      const rows = r.rows.map((row, k) => (k === 1 ? { ...row, maxRelError: 0.5, ok: false } : row));
      return { ...r, rows, ok: false };
    },
  };
});

const { cli } = await import('../../helpers/cli.js');

describe('closedform check with a failing row', () => {
  it('prints FAIL and exits 1', async () => {
    const { code, out, err } = await cli('check', '1-1:identity', '--points', '2');
    expect(code).toBe(1);
    expect(err).toBe('');
    expect(out).toMatch(/^loss\s+5\.0e-1\s+1\.0e-9\s+FAIL$/m);
    expect(out.trim().split('\n').at(-1)).toBe('1 of 6 checks FAIL'); // f1, loss, 2 partials, δ-recursion, FD
  });
});
