/**
 * SymPy (an independent computer-algebra system, via /usr/bin/python3) as a test oracle: one
 * Python process per call, the script's last printed line returned. Tests that use it skip when
 * SymPy is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PYTHON = '/usr/bin/python3';

/** Is SymPy importable from {@link PYTHON}? */
export const hasSympy: boolean =
  existsSync(PYTHON) &&
  (() => {
    try {
      execFileSync(PYTHON, ['-c', 'import sympy'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

/** Run a Python script (SymPy imported as `sp`, with `from sympy import *`) and return what it printed, trimmed. */
export function sympy(script: string): string {
  return execFileSync(PYTHON, ['-c', `import sympy as sp\nfrom sympy import *\n${script}`], { encoding: 'utf8', timeout: 120_000 }).trim();
}

/**
 * Our text syntax as SymPy source: relu → Max(z, 0), heaviside → Heaviside(z, 0) (H(0) = 0, the
 * project's convention), leaky_relu → Max(z, z/100), sigmoid → 1/(1 + exp(−z)), `^` → `**`.
 * Only for the expressions of the tests (no nested parentheses inside a call's argument are
 * needed beyond what a balanced scan handles).
 */
export function toSympy(text: string): string {
  const fns: Record<string, (a: string) => string> = {
    relu: (a) => `Max(${a}, 0)`,
    heaviside: (a) => `Heaviside(${a}, 0)`,
    leaky_relu: (a) => `Max(${a}, (${a})/100)`,
    sigmoid: (a) => `(1/(1 + exp(-(${a}))))`,
  };
  let out = '';
  let i = 0;
  while (i < text.length) {
    const m = /^[A-Za-z_][A-Za-z0-9_]*\(/.exec(text.slice(i));
    const name = m?.[0].slice(0, -1);
    if (m && name !== undefined && fns[name] !== undefined) {
      let depth = 1;
      let j = i + m[0].length;
      for (; j < text.length && depth > 0; j++) depth += text[j] === '(' ? 1 : text[j] === ')' ? -1 : 0;
      out += fns[name]!(toSympy(text.slice(i + m[0].length, j - 1)));
      i = j;
    } else out += text[i++];
  }
  return out.replaceAll('^', '**');
}
