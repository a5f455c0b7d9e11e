/**
 * The README's seed-002 examples match the seed: its loss is L = ½Σⱼ(aⱼᴸ − aⱼ*)² (eq. 6), so
 * ∇_A^L L = Aᴸ − A* (eq. 25) with no factor 2 — the spec needs `:half`. Oracle: eq. 25 times
 * the textbook derivative of arctan(z)/π + ½, which is 1/(π(1 + z²)).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../src/index.js';
import { cli } from '../helpers/cli.js';

const README = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'README.md'), 'utf8');

/** Every `npx closedform …` line with seed 002's network, as its argument list. */
const seed002 = README.split('\n')
  .filter((l) => l.startsWith('npx closedform') && /3-2-3-4:arctan_sigmoid/.test(l))
  .map((l) => l.replace(/#.*$/, '').trim().split(/\s+/).slice(2));

describe('README: the seed-002 examples', () => {
  it('name the spec with :half wherever seed 002 is meant', () => {
    const mentions = [...README.matchAll(/`?(3-2-3-4:arctan_sigmoid[:\w]*)`?/g)].map((m) => m[1]!);
    expect(mentions.length).toBeGreaterThanOrEqual(3);
    for (const s of mentions) expect(parseSpec(s).loss).toBe('half-squared');
    expect(seed002.length).toBeGreaterThanOrEqual(2);
  });

  it('grad --form backprop gives the seed\'s δᴸ = (aᴸ − a*)·σ′(zᴸ), σ′(z) = 1/(π(1 + z²))', async () => {
    const argv = seed002.find((a) => a[0] === 'grad')!;
    const r = await cli(...argv);
    expect(r.code).toBe(0);
    for (let j = 1; j <= 4; j++) expect(r.out).toContain(`delta3_${j} = (a3_${j} - y${j})/pi/(z3_${j}^2 + 1)\n`);
  });
});
