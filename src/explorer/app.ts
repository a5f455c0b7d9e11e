/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The explorer page's own code (app.js): it reads the form, keeps the view in the URL, talks to
 * the worker and puts what comes back into the sections. No mathematics here — the library runs
 * in the worker (worker.js); this file imports only the message types.
 *
 * The page never waits on the worker: every computation is asynchronous, shows its progress, and
 * can be cancelled, which terminates the worker and starts a fresh one (so the next computation
 * starts warm). A new computation cancels the one running.
 */
import {
  BUDGETS,
  DEFAULT_BUDGET,
  DEFAULT_L2,
  type Download,
  type ExploreRequest,
  type L2Choice,
  type PageMessage,
  SECTION_NAMES,
  type SectionName,
  type SectionResult,
  type WorkerMessage,
} from './protocol.js';
import { WORKER_SCRIPT } from './names.js';

const $ = <T extends Element>(selector: string): T => {
  const el = document.querySelector<T>(selector);
  if (el === null) throw new Error(`the page has no ${selector}`);
  return el;
};

const form = $<HTMLFormElement>('#ask');
const specInput = $<HTMLInputElement>('input[name=spec]');
const dataInput = $<HTMLTextAreaElement>('textarea[name=data]');
const dataBox = $<HTMLDetailsElement>('#data-box');
const l2Input = $<HTMLSelectElement>('select[name=l2]');
const budgetInput = $<HTMLSelectElement>('select[name=budget]');
const bar = $<HTMLProgressElement>('.status progress');
const stageText = $<HTMLSpanElement>('.status .stage');
const cancelButton = $<HTMLButtonElement>('button[name=cancel]');
const errorSection = $<HTMLElement>('section[data-section=error]');
const sections = new Map<SectionName, HTMLElement>(SECTION_NAMES.map((s) => [s, $<HTMLElement>(`section[data-section=${s}]`)]));

/** The view as the URL holds it: `?spec=…&data=…&l2=…&budget=…` (defaults left out). */
function toQuery(r: ExploreRequest): string {
  const q = new URLSearchParams({ spec: r.spec });
  if (r.data.trim() !== '') q.set('data', r.data);
  if (r.l2 !== DEFAULT_L2) q.set('l2', r.l2);
  if (r.budget !== DEFAULT_BUDGET) q.set('budget', String(r.budget));
  return `?${q.toString()}`;
}

function fromQuery(search: string): ExploreRequest | undefined {
  const q = new URLSearchParams(search);
  const spec = q.get('spec');
  if (spec === null) return undefined;
  const budget = Number(q.get('budget'));
  return { spec, data: q.get('data') ?? '', l2: q.get('l2') === 'generic' ? 'generic' : 'none', budget: BUDGETS.includes(budget) ? budget : DEFAULT_BUDGET };
}

function readForm(): ExploreRequest {
  return { spec: specInput.value.trim(), data: dataInput.value, l2: l2Input.value as L2Choice, budget: Number(budgetInput.value) };
}

function fillForm(r: ExploreRequest): void {
  specInput.value = r.spec;
  dataInput.value = r.data;
  if (r.data.trim() !== '') dataBox.open = true;
  l2Input.value = r.l2;
  budgetInput.value = String(r.budget);
}

// ---------------------------------------------------------------------------------------------
// The worker: one at a time, started before it is needed.

/** The computation the page is waiting for (messages of older ones are ignored). */
let current = 0;
let running = false;
let startedAt = 0;
let blobUrls: string[] = [];

/** Said when the browser starts no worker, e.g. for a page opened from a file. */
const NO_WORKER = `this page computes in a Web Worker, which the browser did not start${location.protocol === 'file:' ? ' from a file:// page' : ''}: open it through a web server (closedform serve, or any static server for the files of serve --export)`;

/** A fresh worker, or undefined (and the reason on the page) when the browser refuses one. */
function startWorker(): Worker | undefined {
  document.body.dataset['worker'] = 'starting';
  let w: Worker;
  try {
    w = new Worker(WORKER_SCRIPT);
  } catch {
    document.body.dataset['worker'] = 'unavailable';
    return undefined;
  }
  w.onmessage = (e: MessageEvent<WorkerMessage>) => receive(e.data);
  w.onerror = (e) => {
    e.preventDefault();
    if (document.body.dataset['worker'] !== 'ready') {
      // it never loaded: the script was refused or not found (not restarted: it would fail again)
      document.body.dataset['worker'] = 'unavailable';
      w.terminate();
      if (worker === w) worker = undefined;
      fail(NO_WORKER);
    } else if (running) fail(`internal error: the worker stopped (${e.message || 'no message'})`);
  };
  return w;
}

function setState(state: 'idle' | 'running' | 'done' | 'error' | 'cancelled'): void {
  document.body.dataset['state'] = state;
  running = state === 'running';
  cancelButton.disabled = !running;
  bar.hidden = !running;
}

function resetSections(visible: boolean): void {
  queue.length = 0;
  for (const url of blobUrls) URL.revokeObjectURL(url);
  blobUrls = [];
  for (const el of sections.values()) {
    el.hidden = !visible;
    el.dataset['state'] = visible ? 'pending' : 'idle';
    delete el.dataset['millis'];
    delete el.dataset['arrived'];
    el.querySelector('.time')!.textContent = '';
    el.querySelector('.body')!.innerHTML = visible ? '<p class="pending">computing…</p>' : '';
  }
}

/** Start a computation; `push` records it in the browser history (a link to it reproduces the view). */
function compute(r: ExploreRequest, push: boolean): void {
  if (running) stop();
  const query = toQuery(r);
  if (push && query !== location.search) history.pushState(null, '', query);
  current += 1;
  startedAt = performance.now();
  errorSection.hidden = true;
  resetSections(true);
  setState('running');
  bar.value = 0;
  stageText.textContent = 'starting…';
  if (worker === undefined) {
    fail(NO_WORKER);
    return;
  }
  const msg: PageMessage = { kind: 'explore', id: current, request: r };
  worker.postMessage(msg);
}

/** End the running computation: the worker is terminated (its work cannot be interrupted otherwise) and replaced. */
function stop(): void {
  worker?.terminate();
  worker = startWorker();
  // what is still queued belongs to the stopped computation
  current += 1;
  queue.length = 0;
  for (const el of sections.values())
    if (el.dataset['state'] === 'pending') {
      el.dataset['state'] = 'cancelled';
      el.querySelector('.body')!.innerHTML = '<p class="cancelled">cancelled</p>';
    }
}

function cancel(): void {
  if (!running) return;
  stop();
  setState('cancelled');
  stageText.textContent = `cancelled after ${seconds(performance.now() - startedAt)}`;
}

function fail(message: string): void {
  if (running && worker !== undefined) stop();
  resetSections(false);
  errorSection.querySelector('.message')!.textContent = message;
  errorSection.hidden = false;
  setState('error');
  stageText.textContent = '';
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

/** The worker of the next computation (undefined: the browser starts none; see wiring below). */
let worker: Worker | undefined;

// ---------------------------------------------------------------------------------------------
// What the worker sends goes into the page a slice at a time: a section can be megabytes of
// KaTeX HTML, and inserting it in one go would freeze the page for a second. Each job is one
// fragment (one document step); the pump runs jobs for at most SLICE_MILLIS, then yields, so
// the page paints and answers input in between. A new computation empties the queue.

/**
 * Milliseconds of insertion per turn of the event loop: under the 50 ms that make a long task.
 * Inserting is cheap (a 70 kB display parses in 2–20 ms); laying it out is what costs, once per
 * frame for all that was inserted, so larger slices mean fewer layouts of the same section.
 */
const SLICE_MILLIS = 40;
const queue: (() => void)[] = [];
let pumping = false;

function later(job: () => void): void {
  queue.push(job);
  if (!pumping) {
    pumping = true;
    setTimeout(pump, 0);
  }
}

function pump(): void {
  const end = performance.now() + SLICE_MILLIS;
  while (queue.length > 0 && performance.now() < end) queue.shift()!();
  if (queue.length > 0) setTimeout(pump, 0);
  else pumping = false;
}

/** Queue the insertion of fragments at the end of `into`, for computation `id` only. */
function insert(id: number, into: HTMLElement, html: readonly string[]): void {
  for (const fragment of html) later(() => id === current && into.insertAdjacentHTML('beforeend', fragment));
}

function receive(m: WorkerMessage): void {
  if (m.kind === 'ready') {
    document.body.dataset['worker'] = 'ready';
    return;
  }
  if (m.id !== current || !running) return;
  switch (m.kind) {
    case 'progress':
      bar.value = m.fraction;
      stageText.textContent = m.stage;
      return;
    case 'section':
      show(m.id, m.section);
      return;
    case 'error':
      fail(m.message);
      return;
    case 'done':
      // after every section queued before it is in the page
      later(() => {
        if (m.id !== current) return;
        setState('done');
        stageText.textContent = `done in ${seconds(performance.now() - startedAt)}`;
      });
      return;
    default:
      return m satisfies never;
  }
}

/** Put a section into the page; it is marked done (with the time since Enter) once all of it is in. */
function show(id: number, s: SectionResult): void {
  const el = sections.get(s.name)!;
  const body = el.querySelector<HTMLElement>('.body')!;
  // when the worker's answer came (data-millis: when all of it is in the page)
  el.dataset['arrived'] = (performance.now() - startedAt).toFixed(1);
  later(() => id === current && (body.innerHTML = ''));
  if (s.name === 'derivation') {
    // The document repeats every section: kept folded until asked for, so the page stays light.
    later(() => {
      if (id !== current) return;
      if (s.downloads !== undefined) body.append(downloads(s.downloads));
      const details = document.createElement('details');
      details.innerHTML = '<summary>Show the whole derivation</summary>';
      const doc = document.createElement('div');
      details.append(doc);
      details.addEventListener('toggle', () => details.open && doc.childElementCount === 0 && insert(id, doc, s.html));
      body.append(details);
      if (s.status === 'refused') details.open = true;
    });
  } else insert(id, body, s.html);
  later(() => {
    if (id !== current) return;
    if (s.defaultData !== undefined) body.append(defaultDataEditor(s.defaultData));
    const millis = performance.now() - startedAt;
    el.dataset['millis'] = millis.toFixed(1);
    el.querySelector('.time')!.textContent = seconds(millis);
    el.dataset['state'] = s.status;
  });
}

function downloads(files: readonly Download[]): HTMLElement {
  const p = document.createElement('p');
  p.className = 'downloads';
  for (const f of files) {
    const url = URL.createObjectURL(new Blob([f.text], { type: f.mime }));
    blobUrls.push(url);
    const a = document.createElement('a');
    a.href = url;
    a.download = f.file;
    a.textContent = `Download ${f.file}`;
    p.append(a);
  }
  return p;
}

/** The default data set the landscape used, editable; "Use this data set" computes again with it. */
function defaultDataEditor(csv: string): HTMLElement {
  const div = document.createElement('div');
  div.className = 'default-data';
  const p = document.createElement('p');
  p.className = 'hint';
  p.textContent = 'No data set was typed: the landscape uses this small one. Edit it and use it for every section:';
  const area = document.createElement('textarea');
  area.name = 'default-data';
  area.value = csv;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Use this data set';
  button.addEventListener('click', () => {
    dataInput.value = area.value;
    dataBox.open = true;
    compute(readForm(), true);
  });
  div.append(p, area, button);
  return div;
}

// ---------------------------------------------------------------------------------------------
// Wiring.

form.addEventListener('submit', (e) => {
  e.preventDefault();
  compute(readForm(), true);
});
// In the data box, Ctrl+Enter computes (Enter is a new line).
dataInput.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    compute(readForm(), true);
  }
});
cancelButton.addEventListener('click', cancel);
for (const b of document.querySelectorAll<HTMLButtonElement>('.examples button'))
  b.addEventListener('click', () => {
    const r: ExploreRequest = { spec: b.dataset['spec'] ?? '', data: b.dataset['data'] ?? '', l2: b.dataset['l2'] === 'generic' ? 'generic' : 'none', budget: Number(budgetInput.value) };
    fillForm(r);
    compute(r, true);
  });
window.addEventListener('popstate', () => {
  const r = fromQuery(location.search);
  if (r === undefined) return;
  fillForm(r);
  compute(r, false);
});

worker = startWorker();
if (worker === undefined) fail(NO_WORKER);

const initial = fromQuery(location.search);
if (initial !== undefined) {
  fillForm(initial);
  compute(initial, false);
}
