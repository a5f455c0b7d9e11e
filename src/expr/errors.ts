/**
 * The root of closedform's typed errors. Every error the library throws on purpose — bad input,
 * a refusal with a reason, a budget reached — extends this class, so that a front end can tell
 * "the user asked for something we decline, say it in one line" from "a bug".
 */
export class ClosedformError extends Error {
  override readonly name: string = 'ClosedformError';
}
