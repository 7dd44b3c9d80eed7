import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { InputError, loadInputs, loadPaths } from '../../policies/engine';
import { readText } from '../../policies/engine/parse';
import { tempDir, writeFile } from '../support/temp-dir';
import { thrown } from '../support/thrown';

/** Hostile input is an InputError naming the file (CLI exit 2), never a crash, a hang or unbounded growth. */
const tmp = tempDir('hostile');
afterAll(() => tmp.remove());

const inputError = (fn: () => unknown): InputError => thrown(InputError, fn);
const bucket = { Resources: { B: { Type: 'AWS::S3::Bucket' } } };

describe('files that never end or are not files', () => {
  test('a FIFO named explicitly is refused without opening it (opening would block)', () => {
    const fifo = path.join(tmp.dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const e = inputError(() => loadPaths([fifo]));
    expect(e.file).toBe(fifo);
    expect(e.message).toBe(`${fifo}: expected a regular file, found a FIFO (named pipe)`);
  });

  test('a FIFO found by a directory scan is skipped with the reason, the rest loads', () => {
    const dir = path.join(tmp.dir, 'with-fifo');
    writeFile(dir, 'ok.json', bucket);
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    const { documents, skipped } = loadInputs([dir]);
    expect(documents.map((d) => path.basename(d.file))).toEqual(['ok.json']);
    expect(skipped).toEqual([
      { path: path.join(dir, 'pipe.yaml'), reason: 'a FIFO (named pipe); only regular files are read' },
    ]);
  });

  test('/dev/zero is a character device, refused by name, also behind a template-like name', () => {
    expect(inputError(() => loadPaths(['/dev/zero'])).message).toBe(
      '/dev/zero: expected a regular file, found a character device',
    );
    const link = path.join(tmp.dir, 'zero.template.json');
    fs.symlinkSync('/dev/zero', link);
    expect(inputError(() => loadPaths([link])).message).toBe(
      `${link}: expected a regular file, found a character device`,
    );
  });

  test('reading stops at the byte cap (a regular file that is too large)', () => {
    const file = writeFile(tmp.dir, 'big.json', JSON.stringify(bucket).padEnd(4096, ' '));
    expect(readText(file, 8192)).toContain('AWS::S3::Bucket');
    expect(inputError(() => readText(file, 1024)).message).toBe(
      `${file}: file is larger than 0 MiB, the most the checker reads`,
    );
  });

  test('a file that reports size 0 but has content (/proc) is read up to the cap', () => {
    const proc = '/proc/self/status';
    expect(fs.statSync(proc).size).toBe(0);
    expect(readText(proc, 1 << 20)).toContain('Name:');
    expect(inputError(() => readText(proc, 16)).file).toBe(proc);
  });
});

describe('links and permissions', () => {
  test('a symbolic link loop, named or found by a scan', () => {
    const dir = path.join(tmp.dir, 'loop');
    writeFile(dir, 'ok.json', bucket);
    fs.symlinkSync(path.join(dir, 'a.json'), path.join(dir, 'b.json'));
    fs.symlinkSync(path.join(dir, 'b.json'), path.join(dir, 'a.json'));
    expect(inputError(() => loadPaths([path.join(dir, 'a.json')])).message).toBe(
      `${path.join(dir, 'a.json')}: symbolic link loop`,
    );
    const { documents, skipped } = loadInputs([dir]);
    expect(documents).toHaveLength(1);
    expect(skipped.map((s) => [path.basename(s.path), s.reason])).toEqual([
      ['a.json', 'a symbolic link loop; only regular files are read'],
      ['b.json', 'a symbolic link loop; only regular files are read'],
    ]);
  });

  test('a directory symlinked into itself is not followed', () => {
    const dir = path.join(tmp.dir, 'self-link');
    writeFile(dir, 'ok.json', bucket);
    fs.symlinkSync(dir, path.join(dir, 'again.json'));
    expect(loadInputs([dir]).skipped.map((s) => s.reason)).toEqual([
      'a symbolic link to a directory (not followed); only regular files are read',
    ]);
  });

  test('an unreadable subdirectory is an InputError naming it', () => {
    const dir = path.join(tmp.dir, 'locked');
    writeFile(dir, 'ok.json', bucket);
    const locked = path.join(dir, 'secret');
    fs.mkdirSync(locked, { mode: 0o000 });
    fs.chmodSync(locked, 0o000);
    // root reads any directory: then load in a child process that drops to user "nobody".
    const asRoot = process.getuid?.() === 0;
    if (asRoot) [tmp.dir, dir].forEach((d) => fs.chmodSync(d, 0o755));
    const script = `${asRoot ? 'process.setuid(65534);' : ''}
      try { require(${JSON.stringify(path.resolve('policies/engine'))}).loadPaths([${JSON.stringify(dir)}]); console.log('loaded'); }
      catch (e) { console.log(e.name + ': ' + e.message); }`;
    const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
      encoding: 'utf8',
    });
    expect(out.trim()).toBe(`InputError: ${locked}: permission denied`);
  });
});

describe('resource-exhaustion documents', () => {
  test('a YAML alias bomb is malformed input, not a crash', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`);
    }
    const file = writeFile(tmp.dir, 'bomb.yaml', `Resources:\n  B:\n    Type: AWS::S3::Bucket\n${levels.join('\n')}\n`);
    const e = inputError(() => loadPaths([file]));
    expect(e.file).toBe(file);
    expect(e.message).toMatch(/malformed YAML \(Excessive alias count .* \(more than 1000 aliases\)\)/);
  });

  test('JSON nested 12k levels deep in one resource loads; the other resources are intact', () => {
    const deep = '['.repeat(12_000) + ']'.repeat(12_000);
    const text = `{"Resources":{"Deep":{"Type":"AWS::SSM::Document","Properties":{"Content":${deep}}},"B":{"Type":"AWS::S3::Bucket"}}}`;
    const file = writeFile(tmp.dir, 'deep.json', text);
    const [doc] = loadPaths([file]);
    expect(doc.resources.map((r) => [r.address, r.source.line])).toEqual([
      ['Deep', 1],
      ['B', 1],
    ]);
  });

  test('deeply nested YAML is malformed input or loads, never a stack overflow', () => {
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const file = writeFile(
      tmp.dir,
      'deep.yaml',
      `Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: { X: ${deep} }\n`,
    );
    let result: unknown;
    try {
      result = loadPaths([file]);
    } catch (e) {
      result = e;
    }
    if (result instanceof Error) expect(result).toBeInstanceOf(InputError);
    else expect((result as { resources: unknown[] }[])[0].resources).toHaveLength(1);
  });
});
