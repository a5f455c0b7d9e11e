/**
 * The numeric engine's mathjs for `closedform/node`: required on the first numeric computation,
 * not imported up front. mathjs takes about a second to load (it builds its default instance), so
 * `closedform --version`, `formula`, `grad`, `expand` and `solve` start without paying for it; see
 * src/numeric/mathjs.ts for why the main entry cannot do the same.
 */
import { createRequire } from 'node:module';
import type { MathJsInstance } from 'mathjs';
import { provideMathjs } from '../numeric/mathjs.js';

const require = createRequire(import.meta.url);

provideMathjs((): MathJsInstance => {
  const mathjs = require('mathjs') as typeof import('mathjs');
  return mathjs.create(mathjs.all!, {});
});
