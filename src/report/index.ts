/** Public exports of the report module (re-exported by src/index.ts). */
export {
  type Inline,
  type Row,
  type Step,
  type StepKind,
  type Derivation,
  m,
  heading,
  prose,
  note,
  display,
  table,
  figureStep,
  displayCount,
  displayLatex,
  alignedRows,
  plainText,
} from './document.js';
export { LINE_WIDTH_BUDGET, latexWidth, breakLines, splitFraction, fillTerms } from './linebreak.js';
export { type HtmlOptions, MAX_TEX_NESTING, renderHtml, renderStepsHtml, escapeHtml, texNesting } from './html.js';
export { renderTex, escapeTex } from './tex.js';
export { type MarkdownOptions, renderMarkdown, markdownFigures } from './markdown.js';
export { TIKZ_WIDTH_CM, svgToTikz, tikzText } from './tikz.js';
export { type AnalysisSummary, type DeriveOptions, type NetworkDerivation, MAX_DOCUMENT_PARAMETERS, ReportError, deriveNetwork } from './derive.js';
export { FORMULA_TREE_BUDGET, MAX_TABLE_ROWS, outputsSection, lossSection, backpropSection, partialsSection, dataSection } from './sections.js';
export { row, rowFits, equationRow, isEquation } from './rows.js';
export { MAX_PRINTED_TERMS, DOCUMENT_EXPANSION_BUDGET, polynomialSteps } from './polynomial.js';
export { analysisSummary } from './analysis.js';
export { networkFigureStep, dataFigureSteps } from './figures.js';
export { deriveSymbolicNetwork } from './sizes.js';
