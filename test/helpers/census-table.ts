/**
 * The census table as the tests use it: (spec, one data point (x…, y…), number of complex
 * critical points with generic L2, seed 1). The deep-linear rows are Bharadwaj–Hoşten's
 * (arXiv 2301.12651) counts for generic data; Singular's std + vdim gives the same on these
 * systems (test/groebner/census.test.ts checks it), as for the two quadratic rows.
 */
export const CENSUS_TABLE: readonly (readonly [string, readonly number[], number])[] = [
  ['2-2-2:identity:nobias', [2, -3, 1, 4], 33],
  ['1-2-2-1:identity:nobias', [2, -3], 129],
  ['3-2-3:identity:nobias', [1, 2, -1, 3, -2, 1], 73],
  ['2-2-2-2:identity:nobias', [2, -3, 1, 4], 641],
  ['1-3-3-1:identity:nobias', [2, -3], 977],
  ['1-2-1:quadratic,identity:nobias', [2, -3], 33],
  ['2-2-1:quadratic,identity:nobias', [1, 2, -3], 33],
];
