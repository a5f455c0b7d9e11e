/**
 * The hook through which nodes get their text form (`String(e)`, `console.log(e)`): node.ts
 * calls it, print/inspect.ts installs the printer. It lives apart from node.ts so that it is not
 * part of the public API (src/api.ts re-exports node.ts whole).
 */
import type { Node } from './types.js';

let form = (e: Node): string => `${e.kind} node #${e.id}`;

/**
 * The text form of a node, by the installed printer (before print/inspect.ts loads: kind and id).
 *
 * @example
 * ```ts
 * import { textFormOf } from './text-form.js';
 * textFormOf(sym('x')); // 'x' once print/inspect.ts is loaded
 * ```
 */
export const textFormOf = (e: Node): string => form(e);

/**
 * Install the printer of the text form (print/inspect.ts does, once).
 *
 * @example
 * ```ts
 * import { setTextForm } from '../expr/text-form.js';
 * setTextForm(toText);
 * ```
 */
export function setTextForm(f: (e: Node) => string): void {
  form = f;
}
