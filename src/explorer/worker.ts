/**
 * The explorer's Web Worker: the whole library runs here, off the page's thread, so the page never
 * freezes. One message in (a request), progress and sections out (compute.ts). The page cancels by
 * terminating this worker and starting a fresh one.
 */
import { explore, oneLine } from './compute.js';
import type { PageMessage, WorkerMessage } from './protocol.js';

/** The dedicated worker's global scope, as far as this file uses it. */
declare const self: { onmessage: ((e: { readonly data: PageMessage }) => void) | null; postMessage(m: WorkerMessage): void };

const post = (m: WorkerMessage): void => self.postMessage(m);

self.onmessage = (e) => {
  const msg = e.data;
  switch (msg.kind) {
    case 'explore':
      try {
        explore(msg.id, msg.request, post);
      } catch (err) {
        // Not a user error but a bug: the page shows one line; the console keeps the detail.
        console.error(err);
        post({ kind: 'error', id: msg.id, message: `internal error: ${oneLine(err instanceof Error ? err.message : String(err))}` });
      }
      return;
    default:
      return msg.kind satisfies never;
  }
};

post({ kind: 'ready' });
