/**
 * A progress bar on stderr, only when stderr is a terminal and only once the work has taken
 * longer than {@link PROGRESS_DELAY_MS}: quick commands and pipes stay silent.
 */
import type { Io } from './io.js';

/** Work shorter than this shows no bar (a bar that flashes for 200 ms is noise). */
export const PROGRESS_DELAY_MS = 1000;

const WIDTH = 24;

export interface Progress {
  /** Report a fraction in [0, 1] and what is being done. */
  update(fraction: number, phase: string): void;
  /** Clear the bar (if one was drawn). */
  done(): void;
}

/**
 * A progress reporter for a task. `now` is injectable for tests.
 *
 * @example
 * ```ts
 * const p = progress(io, 'derive');
 * p.update(0.5, 'numeric check'); // draws `derive [############            ]  50% numeric check` after 1 s on a TTY
 * p.done();
 * ```
 */
export function progress(io: Io, task: string, now: () => number = Date.now): Progress {
  const start = now();
  let drawn = false;
  return {
    update(fraction, phase) {
      if (!io.isTTY || now() - start < PROGRESS_DELAY_MS) return;
      const f = Math.min(1, Math.max(0, fraction));
      const full = Math.round(f * WIDTH);
      io.err(`\r\x1b[K${task} [${'#'.repeat(full)}${' '.repeat(WIDTH - full)}] ${String(Math.round(f * 100)).padStart(3)}% ${phase}`);
      drawn = true;
    },
    done() {
      if (drawn) io.err('\r\x1b[K');
      drawn = false;
    },
  };
}
