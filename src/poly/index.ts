/** Public exports of the poly module (re-exported by src/index.ts). */
export {};
