/**
 * The explorer's computation, as the Web Worker runs it (and tests run it in Node): parse the
 * request, then produce the page's sections one after the other, each posted as soon as it is
 * ready — the formula first, so that it shows within a fraction of a second, the landscape last.
 * Bad input ends the computation with one `error` line; a part that is refused (a budget, a
 * document too large) shows its reason in its own section and the rest goes on. Nothing the
 * reader typed becomes code: the spec and the CSV go through the library's parsers.
 */
import {
  type Analysis,
  ClosedformError,
  type Dataset,
  type Network,
  type NetworkSpec,
  type Node,
  type Step,
  TEXT_FORM_TREE_BUDGET,
  analyze,
  backpropSection,
  buildNetwork,
  dataSection,
  datasetLoss,
  deriveNetwork,
  escapeHtml,
  formatSpec,
  grad,
  gradientEquations,
  heading,
  lossSection,
  markdownFigures,
  note,
  outputName,
  outputsSection,
  partialsSection,
  readCsv,
  readSpec,
  renderMarkdown,
  renderStepsHtml,
  renderTex,
  toText,
  treeSize,
} from '../index.js';
import { defaultDataCsv } from './default-data.js';
import { diagramSteps, landscapeSteps } from './figures.js';
import { type ExploreRequest, type SectionName, type SectionResult, type WorkerMessage } from './protocol.js';
import { EXPLORER_SEED } from './seed.js';
import { analysisSteps, specialSteps } from './sections.js';

/**
 * Where each stage starts on the progress bar (the analysis fills 0.2–0.75 with its own stages).
 * The landscape comes last: without an analysis to start from it runs gradient descent (seconds).
 */
const AT = { formula: 0, gradient: 0.05, diagram: 0.15, analysis: 0.2, derivation: 0.75, landscape: 0.85 } as const;

/**
 * Most closed-form partials typeset in the gradient section (the text form lists all of them, the
 * δ-recursion covers every one). A typeset partial is 2–20 kB of KaTeX HTML: all 331 of a 20-15-1
 * network make a 6 MB section (measured), which freezes the page while it is laid out; 50 keep it
 * near 1 MB.
 */
export const MAX_SHOWN_PARTIALS = 50;

/** The first line of a message: the page shows one line per error. */
export const oneLine = (s: string): string => s.split('\n')[0]!.trim();

/** The document builders' sections become subsections: the page titles each section itself. */
const demote = (steps: readonly Step[]): Step[] => steps.map((s) => (s.kind === 'heading' && s.level < 3 ? heading(s.text, (s.level + 1) as 2 | 3) : s));

/** One fragment per step (see SectionResult.html). */
const fragments = (steps: readonly Step[]): string[] => steps.map((s) => renderStepsHtml([s]));

const refusal = (e: ClosedformError): string[] => fragments([note('warning', oneLine(e.message))]);

/**
 * The formulas as text in the library's syntax (mathjs reads it back), for the reader to copy into
 * another system; each in `<pre data-name="…">`. A formula past TEXT_FORM_TREE_BUDGET nodes written
 * out is named with its size instead.
 */
function textForms(formulas: readonly (readonly [string, Node])[]): string {
  const items = formulas.map(([name, e]) => {
    const size = treeSize(e);
    return size <= TEXT_FORM_TREE_BUDGET
      ? `<p class="text-name">${escapeHtml(name)} =</p><pre data-name="${escapeHtml(name)}">${escapeHtml(toText(e))}</pre>`
      : `<p class="text-name">${escapeHtml(name)}: ${size.toLocaleString('en-US')} nodes written out, past the ${TEXT_FORM_TREE_BUDGET.toLocaleString('en-US')} shown as text</p>`;
  });
  return `<details class="text-form"><summary>As text (mathjs syntax)</summary>${items.join('')}</details>`;
}

/** A file name from the spec: `3-2-1:relu,identity:nobias` → `closedform-3-2-1-relu-identity-nobias`. */
export function fileStem(spec: NetworkSpec): string {
  let name: string;
  try {
    name = formatSpec(spec);
  } catch {
    name = spec.widths.join('-');
  }
  return `closedform-${name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

/**
 * Run one request, posting progress, each section and `done` (or one `error`) through `post`.
 * Errors that are not the library's typed errors are bugs and propagate to the caller.
 *
 * @example
 * ```ts
 * const got: WorkerMessage[] = [];
 * explore(1, { spec: '1-2-1:quadratic', data: '', l2: 'none', budget: 20 }, (m) => got.push(m));
 * got.filter((m) => m.kind === 'section').map((m) => m.section.name); // formula, gradient, diagram, special, analysis, derivation, landscape
 * ```
 */
export function explore(id: number, req: ExploreRequest, post: (m: WorkerMessage) => void): void {
  const started = Date.now();
  const progress = (fraction: number, stage: string): void => post({ kind: 'progress', id, fraction, stage });
  progress(AT.formula, 'reading the spec');
  let spec: NetworkSpec;
  let data: Dataset | undefined;
  let net: Network;
  try {
    if (req.spec.trim() === '') throw new ClosedformError('type a network spec, e.g. 1-2-1:quadratic');
    spec = readSpec(req.spec);
    data = req.data.trim() === '' ? undefined : readCsv(req.data, spec);
    net = buildNetwork(spec);
  } catch (e) {
    if (!(e instanceof ClosedformError)) throw e;
    post({ kind: 'error', id, message: oneLine(e.message) });
    return;
  }
  const section = (name: SectionName, work: () => Omit<SectionResult, 'name' | 'status'> & { status?: SectionResult['status'] }): void => {
    let result: SectionResult;
    try {
      result = { name, status: 'done', ...work() };
    } catch (e) {
      if (!(e instanceof ClosedformError)) throw e;
      result = { name, status: 'refused', html: refusal(e) };
    }
    post({ kind: 'section', id, section: result });
  };

  progress(AT.formula, 'the formula');
  section('formula', () => ({
    html: [...fragments(demote([...outputsSection(net), ...lossSection(net)])), textForms([...net.outputs.map((f, k) => [outputName(k + 1), f] as const), ['L', net.loss]])],
  }));

  progress(AT.gradient, 'the gradient by one reverse sweep');
  section('gradient', () => {
    const g = gradientEquations(net);
    const shown = net.params.slice(0, MAX_SHOWN_PARTIALS);
    const steps = [...partialsSection(net, new Map(shown.map((p) => [p, g.get(p)!])), shown.length === net.params.length)];
    if (shown.length < net.params.length)
      steps.push(note('info', `The first ${shown.length} of the ${net.params.length} partial derivatives are typeset; all of them are in the text form below, and the δ-recursion gives each one.`));
    steps.push(...backpropSection(net));
    const texts: (readonly [string, Node])[] = net.params.map((p) => [`dL/d${p}`, g.get(p)!] as const);
    if (data !== undefined) {
      const total = datasetLoss(net, data);
      const gd = grad(total, net.params);
      steps.push(...dataSection(net, data, total, gd));
      texts.push(['L_data', total], ...net.params.map((p) => [`dL_data/d${p}`, gd.get(p)!] as const));
    }
    return { html: [...fragments(demote(steps)), textForms(texts)] };
  });

  progress(AT.diagram, 'the network diagram');
  section('diagram', () => ({ html: fragments(diagramSteps(spec)) }));

  progress(AT.analysis, 'the analysis');
  let analysis: Analysis | ClosedformError;
  try {
    analysis = analyze(spec, {
      ...(data !== undefined ? { data } : {}),
      l2: req.l2 === 'generic' ? { kind: 'generic', seed: EXPLORER_SEED } : { kind: 'none' },
      seed: EXPLORER_SEED,
      millis: req.budget * 1000,
      onProgress: (f, stage) => progress(AT.analysis + (AT.derivation - AT.analysis) * f, `analysis: ${stage}`),
    });
  } catch (e) {
    if (!(e instanceof ClosedformError)) throw e;
    analysis = e;
  }
  const a = analysis;
  section('special', () => (a instanceof ClosedformError ? { status: 'refused', html: refusal(a) } : { html: fragments(specialSteps(net, a)) }));
  section('analysis', () => (a instanceof ClosedformError ? { status: 'refused', html: refusal(a) } : { html: fragments(analysisSteps(a)) }));

  progress(AT.derivation, 'the derivation document');
  section('derivation', () => {
    const d = deriveNetwork(spec, {
      ...(data !== undefined ? { data } : {}),
      ...(a instanceof ClosedformError ? { runAnalysis: false } : { analysisResult: a }),
      checkSeed: EXPLORER_SEED,
      onProgress: (f, stage) => progress(AT.derivation + (AT.landscape - AT.derivation) * f, `derivation: ${stage}`),
    }).derivation;
    const stem = fileStem(spec);
    return {
      html: [`<h3 class="doc-title">${escapeHtml(d.title)}</h3>${d.subtitle !== undefined ? `<p class="subtitle">${escapeHtml(d.subtitle)}</p>` : ''}`, ...fragments(demote(d.steps))],
      // the Markdown links its figures as .svg files beside it: offered with it
      downloads: [
        { file: `${stem}.tex`, mime: 'application/x-tex', text: renderTex(d) },
        { file: `${stem}.md`, mime: 'text/markdown', text: renderMarkdown(d, { figureStem: stem }) },
        ...markdownFigures(d, stem).map((f) => ({ file: f.file, mime: 'image/svg+xml', text: f.svg })),
      ],
    };
  });
  progress(AT.landscape, 'the loss landscape');
  section('landscape', () => {
    if (data !== undefined) return { html: fragments(landscapeSteps(spec, data, a instanceof ClosedformError ? undefined : a)) };
    // No data typed: the analysis above had none, so its points do not belong on this picture.
    const csv = defaultDataCsv(spec);
    return { html: fragments(landscapeSteps(spec, readCsv(csv, spec), undefined)), defaultData: csv };
  });

  post({ kind: 'done', id, millis: Date.now() - started });
}
