#!/usr/bin/env node
/**
 * The `closedform` command. It only parses arguments and calls the library (src/index.ts);
 * user errors end as one line on stderr and exit code 2.
 */
import { readStdin } from '../node/index.js';
import { oneLine, run } from './run.js';

// A reader that stops early (`closedform formula … | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

try {
  process.exitCode = await run(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stderr.isTTY),
    stdin: readStdin,
  });
} catch (e) {
  // Not a user error but a bug: still one line, exit code 1; the stack only on request.
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`closedform: internal error: ${oneLine(message.split('\n')[0] ?? '')}\n`);
  if (process.env['CLOSEDFORM_DEBUG']) process.stderr.write(`${e instanceof Error ? e.stack : ''}\n`);
  process.exitCode = 1;
}
