/** Public exports of the report module (re-exported by src/index.ts). */
export {};
