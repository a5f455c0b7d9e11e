/**
 * A strict JSON reader for what users write by hand: network specs and parameter files.
 *
 * `JSON.parse` takes the last of two equal keys without a word (`{"widths":[1,1],"widths":[2,2]}`
 * is a 2-2 network), and nests as deep as the stack allows before it overflows. This reader
 * follows RFC 8259 and refuses, with the line and column, a repeated key and nesting deeper than
 * {@link MAX_JSON_DEPTH}; everything else reads as `JSON.parse` reads it.
 */
import { ClosedformError, quote } from '../expr/errors.js';

/** A JSON text that cannot be accepted: the message names the place (line:column) and why. */
export class JsonError extends ClosedformError {
  override readonly name = 'JsonError';
}

/**
 * Deepest nesting of arrays and objects read. A spec nests 2 deep and a parameter file 1; 64 is
 * far past any hand-written input and far below the stack (a recursion of 64 frames).
 */
export const MAX_JSON_DEPTH = 64;

/** A JSON value as the reader returns it (objects without prototype keys of their own: plain objects). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Read JSON text strictly.
 *
 * @example
 * ```ts
 * readJson('{"widths": [1, 2, 1]}'); // { widths: [1, 2, 1] }
 * readJson('{"a": 1, "a": 2}'); // throws JsonError: bad JSON at 1:10: repeated key 'a' …
 * ```
 */
export function readJson(text: string, what = 'JSON'): Json {
  const r = new Reader(text, what);
  r.space();
  const v = r.value(0);
  r.space();
  if (r.at < text.length) r.fail(`unexpected ${r.show()} after the end of the ${what}`);
  return v;
}

class Reader {
  at = 0;
  constructor(
    private readonly s: string,
    private readonly what: string,
  ) {}

  /** line:column of the current position (1-based). */
  private where(): string {
    const before = this.s.slice(0, this.at);
    const line = before.split('\n').length;
    return `${line}:${this.at - before.lastIndexOf('\n')}`;
  }

  fail(why: string): never {
    throw new JsonError(`bad ${this.what} at ${this.where()}: ${why}`);
  }

  show(): string {
    return this.at >= this.s.length ? 'end of text' : quote(this.s.slice(this.at, this.at + 12), 12);
  }

  space(): void {
    while (this.at < this.s.length && ' \t\n\r'.includes(this.s[this.at]!)) this.at++;
  }

  private expect(c: string): void {
    if (this.s[this.at] !== c) this.fail(`expected '${c}', found ${this.show()}`);
    this.at++;
  }

  value(depth: number): Json {
    const c = this.s[this.at];
    if (c === '{' || c === '[') {
      if (depth >= MAX_JSON_DEPTH) this.fail(`nested more than ${MAX_JSON_DEPTH} deep`);
      return c === '{' ? this.object(depth + 1) : this.array(depth + 1);
    }
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const)
      if (this.s.startsWith(word, this.at)) {
        this.at += word.length;
        return v;
      }
    return this.fail(`expected a value, found ${this.show()}`);
  }

  private object(depth: number): Json {
    this.expect('{');
    const out: Record<string, Json> = {};
    const seen = new Set<string>();
    this.space();
    if (this.s[this.at] === '}') {
      this.at++;
      return out;
    }
    for (;;) {
      this.space();
      const keyAt = this.at;
      if (this.s[this.at] !== '"') this.fail(`expected a key in double quotes, found ${this.show()}`);
      const key = this.string();
      if (seen.has(key)) {
        this.at = keyAt;
        this.fail(`repeated key ${quote(key, 40)} (each key once: a second one would silently replace the first)`);
      }
      seen.add(key);
      this.space();
      this.expect(':');
      this.space();
      // defineProperty: a key "__proto__" is data like any other, never the prototype
      Object.defineProperty(out, key, { value: this.value(depth), enumerable: true, writable: true, configurable: true });
      this.space();
      if (this.s[this.at] === ',') {
        this.at++;
        continue;
      }
      this.expect('}');
      return out;
    }
  }

  private array(depth: number): Json {
    this.expect('[');
    const out: Json[] = [];
    this.space();
    if (this.s[this.at] === ']') {
      this.at++;
      return out;
    }
    for (;;) {
      this.space();
      out.push(this.value(depth));
      this.space();
      if (this.s[this.at] === ',') {
        this.at++;
        continue;
      }
      this.expect(']');
      return out;
    }
  }

  private string(): string {
    this.expect('"');
    let out = '';
    for (;;) {
      const c = this.s[this.at];
      if (c === undefined) this.fail('unterminated string');
      if (c === '"') {
        this.at++;
        return out;
      }
      if (c < ' ') this.fail('a control character inside a string (write it as an escape such as \\n)');
      if (c !== '\\') {
        out += c;
        this.at++;
        continue;
      }
      const e = this.s[this.at + 1];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e !== undefined && simple[e] !== undefined) {
        out += simple[e];
        this.at += 2;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.s.slice(this.at + 2, this.at + 6))) {
        out += String.fromCharCode(parseInt(this.s.slice(this.at + 2, this.at + 6), 16));
        this.at += 6;
      } else this.fail(`bad escape ${this.show()} in a string`);
    }
  }

  private number(): number {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.at, this.at + 400));
    if (m === null) return this.fail(`bad number ${this.show()}`);
    const v = Number(m[0]);
    if (!Number.isFinite(v)) this.fail(`number ${quote(m[0], 40)} is too large for a double`);
    this.at += m[0].length;
    return v;
  }
}
