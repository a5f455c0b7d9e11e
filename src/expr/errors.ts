/**
 * The root of closedform's typed errors. Every error the library throws on purpose — bad input,
 * a refusal with a reason, a budget reached — extends this class, so that a front end can tell
 * "the user asked for something we decline, say it in one line" from "a bug".
 *
 * Messages quote what the user gave with {@link quote} (control characters escaped, long text
 * cut in the middle) and describe wrong values with {@link describeValue} (never throws, never
 * serialises a whole value): a message is one line that is safe to print on a terminal.
 */
export class ClosedformError extends Error {
  override readonly name: string = 'ClosedformError';
}

/** Most characters of user text shown inside a message; longer text keeps its two ends. */
export const QUOTE_LENGTH = 120;

/**
 * Characters that must not reach a terminal or a log raw: C0 and C1 controls, DEL, the line and
 * paragraph separators, the bidirectional overrides and isolates (which reorder what follows
 * them on screen), and the byte-order mark.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

const ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text with every unsafe character written as an escape (`\n`, `\t`, `\x1b`, `\u202e`).
 *
 * @example
 * ```ts
 * escapeControls('a\u001b[31mb'); // 'a\\x1b[31mb'
 * ```
 */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const known = ESCAPES[c];
    if (known !== undefined) return known;
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * User text as it appears in a message: in single quotes, controls escaped, and past
 * `max` characters its beginning and end around the number of characters left out.
 *
 * @example
 * ```ts
 * quote('1-1\n'); // "'1-1\\n'"
 * quote('x'.repeat(500)).length < 200; // true
 * ```
 */
export function quote(text: string, max = QUOTE_LENGTH): string {
  return `'${excerpt(text, max)}'`;
}

/** Like {@link quote}, without the quotes. */
export function excerpt(text: string, max = QUOTE_LENGTH): string {
  const chars = [...text];
  if (chars.length <= max) return escapeControls(text);
  const head = Math.ceil((max * 2) / 3);
  const tail = max - head;
  return `${escapeControls(chars.slice(0, head).join(''))}…(${chars.length - max} more characters)…${escapeControls(chars.slice(chars.length - tail).join(''))}`;
}

/**
 * What a value is, in a few words, for "expected …, got …" messages. Safe for any value: BigInts,
 * symbols, cycles, proxies and objects whose getters throw are described, never serialised.
 *
 * @example
 * ```ts
 * describeValue(undefined); // 'undefined'
 * describeValue(NaN); // 'NaN'
 * describeValue('abc'); // "the string 'abc'"
 * describeValue([1, 2]); // 'an array of 2 entries'
 * describeValue(5n); // 'the bigint 5n'
 * ```
 */
export function describeValue(x: unknown): string {
  try {
    switch (typeof x) {
      case 'undefined':
        return 'undefined';
      case 'string':
        return x === '' ? 'the empty string' : `the string ${quote(x, 40)}`;
      case 'number':
        return Number.isNaN(x) ? 'NaN' : `the number ${String(x)}`;
      case 'bigint':
        return `the bigint ${excerpt(String(x), 40)}n`;
      case 'boolean':
        return String(x);
      case 'symbol':
        return 'a symbol';
      case 'function':
        return 'a function';
      case 'object': {
        if (x === null) return 'null';
        if (Array.isArray(x)) return x.length === 0 ? 'an empty array' : `an array of ${x.length} ${x.length === 1 ? 'entry' : 'entries'}`;
        if (ArrayBuffer.isView(x)) return `a ${x.constructor.name}`;
        if (x instanceof Map) return `a Map of ${x.size}`;
        if (x instanceof Set) return `a Set of ${x.size}`;
        const keys = Object.keys(x);
        if (keys.length === 0) return 'an empty object';
        const shown = keys.slice(0, 5).map((k) => excerpt(k, 20));
        return `an object with key${keys.length === 1 ? '' : 's'} ${shown.join(', ')}${keys.length > 5 ? ', …' : ''}`;
      }
      default:
        return 'a value of an unknown kind';
    }
  } catch {
    return 'a value that cannot be inspected';
  }
}
