/** Every subcommand, in the order `--help` lists them. One file per command family. */
import type { Register } from '../io.js';
import { registerDiff, registerGrad } from './expr.js';
import { registerSolve } from './solve.js';

export const COMMANDS: readonly Register[] = [registerDiff, registerGrad, registerSolve];
