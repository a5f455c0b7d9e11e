/**
 * One worker of the modular driver's pool: given the input and a learned trace once, it replays
 * the trace for each prime it is sent and answers with the flattened residues of the reduced
 * basis, or why there are none ('bad': a coefficient vanished; 'off': the prime left the trace).
 * The computation is the browser-clean src/groebner/ code; only the messaging is Node's.
 */
import { parentPort } from 'node:worker_threads';
import { TraceMismatch, type Trace } from '../groebner/f4.js';
import { type ModularInput, basisModP, flatten } from '../groebner/modular.js';
import { makePrime } from '../groebner/prime.js';

let inp: ModularInput | undefined;
let trace: Trace | undefined;
parentPort!.on('message', (m: { inp?: ModularInput; trace?: Trace; prime?: number }) => {
  if (m.inp) inp = m.inp;
  if (m.trace) trace = m.trace;
  if (m.prime === undefined) return;
  try {
    const r = basisModP(inp!, makePrime(m.prime), trace);
    parentPort!.postMessage(r === undefined ? { prime: m.prime, status: 'bad' } : { prime: m.prime, status: 'ok', residues: flatten(r.basis) });
  } catch (e) {
    if (e instanceof TraceMismatch) parentPort!.postMessage({ prime: m.prime, status: 'off' });
    else parentPort!.postMessage({ prime: m.prime, status: 'error', message: String(e) });
  }
});
