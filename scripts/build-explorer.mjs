// Part of `npm run build`, after tsc: bundle the explorer's two scripts (app.js, worker.js) from
// tsc's output in dist/explorer/ into dist/explorer/bundle/, with the options of src/node/serve.ts,
// so that an installed package serves them without esbuild. Prints their sizes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUNDLE_DIR, bundleExplorer } from '../dist/node/serve.js';

const { app, worker } = await bundleExplorer();
mkdirSync(BUNDLE_DIR, { recursive: true });
for (const [name, text] of [['app.js', app], ['worker.js', worker]]) {
  writeFileSync(join(BUNDLE_DIR, name), text);
  const kB = (n) => `${(n / 1024).toFixed(0)} kB`;
  console.log(`explorer ${name}: ${kB(Buffer.byteLength(text))}, ${kB(gzipSync(text).length)} gzipped`);
}
