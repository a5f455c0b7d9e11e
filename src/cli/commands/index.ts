/** Every subcommand, in the order `--help` lists them. One file per command family. */
import type { Register } from '../io.js';
import { registerDiff } from './expr.js';
import { registerFormula, registerGrad } from './network.js';
import { registerDemo, registerDerive } from './derive.js';

export const COMMANDS: readonly Register[] = [registerDiff, registerGrad, registerFormula, registerDerive, registerDemo];
