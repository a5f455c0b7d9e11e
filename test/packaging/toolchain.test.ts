/**
 * The package's own facts, held equal to their one source: the build and the type check run the
 * TypeScript that package.json declares (its own bin, not the 5.0.4 bundled with tslab that
 * `node_modules/.bin/tsc` resolves to), `VERSION` is package.json's version, the LICENSE file is
 * the license package.json names, and no dependency is one only tests or benchmarks use.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { VERSION } from '../../src/index.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string;
  license: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  files: string[];
};

/** Does `version` satisfy `range`? The forms package.json uses here: exact, ~x.y.z, ^x.y.z. */
function satisfies(version: string, range: string): boolean {
  const m = /^([~^]?)(\d+)\.(\d+)\.(\d+)$/.exec(range);
  if (!m) throw new Error(`range form not understood by this test: ${range}`);
  const [a, b, c] = version.split('.').map(Number) as [number, number, number];
  const [x, y, z] = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (m[1] === '') return a === x && b === y && c === z;
  if (m[1] === '~') return a === x && b === y && c >= z;
  return a === x && (b > y || (b === y && c >= z));
}

const TSC = 'node node_modules/typescript/bin/tsc';

describe('the declared TypeScript compiles the package', () => {
  it('build and typecheck call the typescript package’s own bin', () => {
    for (const script of ['build', 'typecheck']) expect(pkg.scripts[script]).toMatch(new RegExp(`^${TSC} `));
    expect(pkg.scripts['test']).toMatch(/^npm run typecheck && /);
  });

  it('that bin is the declared version (and this test imports the same compiler)', () => {
    const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '--version'], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe(`Version ${ts.version}`);
    expect(satisfies(ts.version, pkg.devDependencies['typescript']!), `typescript ${ts.version} vs declared ${pkg.devDependencies['typescript']}`).toBe(true);
  });
});

describe('package.json is the one source', () => {
  it('VERSION is package.json’s version', () => {
    expect(VERSION).toBe(pkg.version);
  });

  it('LICENSE is the MIT license that package.json names', () => {
    expect(pkg.license).toBe('MIT');
    const text = readFileSync('LICENSE', 'utf8');
    expect(text.split('\n')[0]).toBe('MIT License');
    expect(text).toContain('Permission is hereby granted, free of charge');
  });

  it('no runtime dependency is imported only by tests or benchmarks', () => {
    const sources: string[] = [];
    const walk = (dir: string): void => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) sources.push(readFileSync(p, 'utf8'));
      }
    };
    walk('src');
    for (const dep of Object.keys(pkg.dependencies)) {
      const imported = sources.some((s) => new RegExp(`from '${dep}(/[^']*)?'|require\\('${dep}'\\)`).test(s));
      expect(imported, `${dep} is a dependency but src/ does not import it`).toBe(true);
    }
    expect(pkg.devDependencies['nerdamer-prime']).toBeDefined();
  });

  it('ships the examples the README runs', () => {
    expect(pkg.files).toEqual(['dist', 'examples']);
    const readme = readFileSync('README.md', 'utf8');
    for (const m of readme.matchAll(/--data (\S*examples\/([\w.-]+\.csv))/g)) expect(() => statSync(join('examples', m[2]!))).not.toThrow();
  });
});
