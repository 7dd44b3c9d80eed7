import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** Shell-free process helpers and a tally of named checks for the consumer test (test/consumer/run.ts). */

export interface Ran {
  readonly status: number | null;
  readonly output: string;
  readonly seconds: number;
}

export function run(cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Ran {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {
    cwd,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', NO_COLOR: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`;
  return { status: r.status, output, seconds };
}

/** Every check is counted and printed; nothing is skipped silently. */
export class Tally {
  passed = 0;
  failed = 0;

  check(name: string, ok: boolean, detail = ''): boolean {
    if (ok) this.passed++;
    else this.failed++;
    console.log(
      `  ${ok ? 'ok  ' : 'FAIL'} ${name}${!ok && detail ? `\n       ${detail.trim().split('\n').slice(-25).join('\n       ')}` : ''}`,
    );
    return ok;
  }

  /** A command that must exit with `expected` (0 by default). */
  ran(name: string, r: Ran, expected: number | 'nonzero' = 0): boolean {
    const ok = expected === 'nonzero' ? r.status !== 0 && r.status !== null : r.status === expected;
    return this.check(`${name} (exit ${r.status}, ${r.seconds.toFixed(1)} s)`, ok, r.output);
  }
}

/** `du -sk` of a directory in MB (what the consumer's disk holds, hard links counted once). */
export function diskMb(dir: string): number {
  const r = spawnSync('du', ['-sk', dir], { encoding: 'utf8' });
  return Math.round(Number(r.stdout.split('\t')[0]) / 102.4) / 10;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Run in the consumer app: which packages does requiring argv[2] load? (require.cache, by top-level name) */
const LOAD_CHECK = String.raw`
require(process.argv[2]);
const names = Object.keys(require.cache)
  .map((f) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(f))
  .filter(Boolean)
  .map((m) => m[1].replace(/\\/g, '/'));
console.log(JSON.stringify([...new Set(names)].sort()));
`;

/** Packages a fresh Node process loads when it requires `specifier` from `cwd`; the output on error. */
export function loadedPackages(node: string, cwd: string, specifier: string): string[] | string {
  const script = path.join(cwd, 'load-check.js');
  fs.writeFileSync(script, LOAD_CHECK);
  const r = run(node, [script, specifier], cwd);
  if (r.status !== 0) return r.output;
  return JSON.parse(r.output.trim().split('\n').pop() ?? '[]') as string[];
}

export function installed(appDir: string, pkg: string): boolean {
  return fs.existsSync(path.join(appDir, 'node_modules', pkg, 'package.json'));
}

export function writeJson(file: string, value: unknown): void {
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}
