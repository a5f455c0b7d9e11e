/**
 * Loaded before every test file (vitest.config.ts `setupFiles`). Tests import modules from inside
 * src/ directly; a user imports an entry point, whose side effects these modules rely on: the
 * numeric engine gets its mathjs from the entry (src/numeric/mathjs.ts says why). Importing the
 * main entry here gives every test file what a user of `closedform` has. The lazy mathjs of
 * `closedform/node` is tested where it can be seen, in a fresh process on the installed package
 * (test/packaging/pack.test.ts).
 */
import '../src/index.js';
