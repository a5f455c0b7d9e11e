/**
 * The activation registry: every activation by name. `pow{K}` names any integer K ≥ 2.
 */
import '../expr/elementary.js';
import type { Activation } from './activation.js';
import { arctan_sigmoid } from './arctan_sigmoid.js';
import { heaviside } from './heaviside.js';
import { leaky_relu } from './leaky_relu.js';
import { identity, powActivation, quadratic } from './polynomial.js';
import { relu } from './relu.js';
import { sigmoid } from './sigmoid.js';
import { softplus } from './softplus.js';
import { tanh } from './tanh.js';

/** The fixed activations, in the order documents list them. */
export const ACTIVATIONS: readonly Activation[] = Object.freeze([
  identity,
  quadratic,
  powActivation(3),
  relu,
  leaky_relu,
  heaviside,
  sigmoid,
  tanh,
  arctan_sigmoid,
  softplus,
]);

const byName = new Map(ACTIVATIONS.map((a) => [a.name, a]));
const POW = /^pow([1-9]\d*)$/;

/** The activation of a name, or undefined: `relu`, `quadratic`, `pow5`. */
export function getActivation(name: string): Activation | undefined {
  const hit = byName.get(name);
  if (hit !== undefined) return hit;
  const m = POW.exec(name);
  if (m === null) return undefined;
  const k = Number(m[1]);
  if (k < 2 || k > 64) return undefined;
  const a = powActivation(k);
  byName.set(name, a);
  return a;
}

/** Names accepted by {@link getActivation}, for error messages. */
export const activationNames = (): string[] => [...ACTIVATIONS.map((a) => a.name), 'pow{K}'];
