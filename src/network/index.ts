/** Public exports of the network module (re-exported by src/index.ts). */
export {};
