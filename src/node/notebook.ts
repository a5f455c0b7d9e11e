/**
 * `closedform/notebook`: show formulas in a Jupyter notebook running the tslab kernel, each as one
 * display with text/plain, text/latex and text/html together ({@link mimeBundle}), so that every
 * front end renders its best form and a plain-text export still reads.
 *
 * tslab's public `display` sends one MIME type per call; a bundle goes through the function tslab
 * itself uses for that (`lastWriteDisplayData` of its jupyter module, tslab 1.0). It is taken from
 * the kernel's own loaded copy of tslab (the module cache), never from a second copy resolved
 * here, which would be a different module with no kernel attached.
 *
 * Without tslab, nodes still print: `console.log(e)` and a bare cell show the text form.
 */
import { createRequire } from 'node:module';
import { ClosedformError, type MimeBundle, type Node, mimeBundle } from '../api.js';

/** `show` was called outside a tslab kernel, or with something it cannot display. */
export class NotebookError extends ClosedformError {
  override readonly name = 'NotebookError';
}

type DisplayWriter = (msg: { data: Record<string, string>; metadata: Record<string, unknown>; transient: Record<string, unknown> }, update: boolean) => void;

const JUPYTER_MODULE = /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/;

/** The running tslab kernel's display writer, or undefined when no kernel is executing a cell. */
function kernelWriter(): DisplayWriter | undefined {
  const cache = createRequire(import.meta.url).cache;
  for (const [file, mod] of Object.entries(cache)) {
    if (!JUPYTER_MODULE.test(file)) continue;
    const w: unknown = (mod?.exports as { lastWriteDisplayData?: unknown } | undefined)?.lastWriteDisplayData;
    if (typeof w === 'function') return w as DisplayWriter;
  }
  return undefined;
}

/**
 * Show each node as one rich display in the current notebook cell.
 *
 * @example
 * ```ts
 * import { parse } from 'closedform/node';
 * import { show } from 'closedform/notebook';
 * show(parse('(w*x + b - y)^2')); // text, LaTeX and MathML in one output
 * ```
 */
export function show(...nodes: readonly Node[]): void {
  const write = kernelWriter();
  if (write === undefined) throw new NotebookError('show() needs a running tslab kernel (Jupyter); elsewhere print nodes with console.log or String(e)');
  for (const e of nodes) {
    if (typeof e !== 'object' || e === null || !('kind' in e)) throw new NotebookError(`show() displays expression nodes, not ${typeof e}`);
    const bundle: MimeBundle = mimeBundle(e);
    write({ data: { ...bundle }, metadata: {}, transient: {} }, false);
  }
}

export { type MimeBundle, mimeBundle };
