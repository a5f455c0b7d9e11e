/** The files of the explorer page besides index.html, relative to it (the server and the export write these). */
export const APP_SCRIPT = 'app.js';
export const WORKER_SCRIPT = 'worker.js';
export const KATEX_CSS = 'katex/katex.min.css';
/** KaTeX's fonts, beside its stylesheet (the stylesheet names them as `fonts/…`). */
export const KATEX_FONTS = 'katex/fonts';
