/** Public exports of the analysis module (re-exported by src/index.ts). */
export {};
