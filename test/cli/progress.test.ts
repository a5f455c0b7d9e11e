/** The progress bar: silent off a terminal and for quick work; drawn and cleared otherwise. */
import { describe, expect, it } from 'vitest';
import { PROGRESS_DELAY_MS, progress } from '../../src/cli/progress.js';

function io(isTTY: boolean) {
  const io = { err: '', out: (): void => {}, isTTY };
  return { io: { out: io.out, err: (s: string) => (io.err += s), isTTY }, written: () => io.err };
}

describe('progress', () => {
  it('draws nothing when stderr is not a terminal', () => {
    const { io: i, written } = io(false);
    let t = 0;
    const p = progress(i, 'derive', () => t);
    t = 10 * PROGRESS_DELAY_MS;
    p.update(0.5, 'numeric check');
    p.done();
    expect(written()).toBe('');
  });

  it('draws nothing for work shorter than the delay', () => {
    const { io: i, written } = io(true);
    let t = 0;
    const p = progress(i, 'derive', () => t);
    t = PROGRESS_DELAY_MS - 1;
    p.update(0.5, 'numeric check');
    p.done();
    expect(written()).toBe('');
  });

  it('draws a bar after the delay on a terminal, then clears it', () => {
    const { io: i, written } = io(true);
    let t = 0;
    const p = progress(i, 'derive', () => t);
    t = PROGRESS_DELAY_MS + 1;
    p.update(0.5, 'numeric check');
    expect(written()).toBe(`\r\x1b[Kderive [${'#'.repeat(12)}${' '.repeat(12)}]  50% numeric check`);
    p.done();
    expect(written().endsWith('\r\x1b[K')).toBe(true);
  });
});
