/** Public exports of the numeric module (re-exported by src/index.ts). */
export {};
