#!/usr/bin/env node
/**
 * The `closedform` command. It only parses arguments and calls the library (src/index.ts);
 * user errors end as one line on stderr and exit code 2.
 */
import { run } from './run.js';

process.exitCode = await run(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
});
