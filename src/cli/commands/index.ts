/** Every subcommand, in the order `--help` lists them. One file per command family. */
import type { Register } from '../io.js';
import { registerAnalyze } from './analyze.js';
import { registerCheck } from './check.js';
import { registerCollapse } from './collapse.js';
import { registerDemo, registerDerive } from './derive.js';
import { registerEval } from './eval.js';
import { registerDiff } from './expr.js';
import { registerExpand } from './expand.js';
import { registerHessian } from './hessian.js';
import { registerFormula, registerGrad } from './network.js';
import { registerPlot } from './plot.js';
import { registerRegions } from './regions.js';
import { registerServe } from './serve.js';
import { registerSolve } from './solve.js';
import { registerVerify } from './verify.js';

export const COMMANDS: readonly Register[] = [
  registerFormula,
  registerGrad,
  registerDiff,
  registerHessian,
  registerExpand,
  registerCollapse,
  registerAnalyze,
  registerDerive,
  registerDemo,
  registerPlot,
  registerRegions,
  registerSolve,
  registerVerify,
  registerCheck,
  registerEval,
  registerServe,
];
