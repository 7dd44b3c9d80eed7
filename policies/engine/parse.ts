import * as fs from 'fs';
import { InputError } from './errors';
import { parseCloudFormationYaml } from './cfn-yaml';
import { withKeyPositions, type ParsedJson } from './json-positions';

/** Reading and parsing input files; every failure is an InputError naming the file. */

/** Largest input file read (bytes); a larger one, or a device that never ends, is refused. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;
const CHUNK = 1024 * 1024;
/** First read of a file whose size stat gives as 0 (/proc files): small, since most are. */
const PROBE = 64 * 1024;

/** Reads a regular file as UTF-8 (see readBytes). */
export function readText(file: string, maxBytes = MAX_INPUT_BYTES): string {
  return readBytes(file, maxBytes).toString('utf8');
}

/**
 * Reads a regular file's bytes. FIFOs, sockets and devices are refused before they are opened
 * (opening a FIFO blocks until a writer comes, /dev/zero never ends); a file that grows past
 * MAX_INPUT_BYTES while it is read (or a /proc file whose size says 0) stops at the cap.
 */
export function readBytes(file: string, maxBytes = MAX_INPUT_BYTES): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    throw fsError(file, e);
  }
  if (stat.isDirectory()) throw new InputError(file, 'expected a file, found a directory');
  if (!stat.isFile()) throw new InputError(file, `expected a regular file, found ${fileKind(stat)}`);
  if (stat.size > maxBytes) throw new InputError(file, tooLarge(maxBytes));
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw fsError(file, e);
  }
  try {
    // A file whose size stat gives is read as that many bytes, in one buffer: a
    // 50 MB template is read once, not copied again by a concat, and one read call does (no
    // second call to see the end: what is appended after the stat is not part of the snapshot).
    // Sized to the file, not to a chunk: a 1 MiB buffer per small template made an assembly load
    // allocate 160 MiB outside the heap. Only a file whose size says 0 (/proc) goes on in chunks.
    if (stat.size > 0) {
      const whole = Buffer.allocUnsafe(stat.size);
      const n = readInto(fd, whole, 0);
      return n === whole.length ? whole : whole.subarray(0, n);
    }
    const first = Buffer.allocUnsafe(Math.min(PROBE, maxBytes + 1));
    let total = readInto(fd, first, 0);
    if (total < first.length) return first.subarray(0, total);
    const chunks: Buffer[] = [first];
    for (;;) {
      if (total > maxBytes) throw new InputError(file, tooLarge(maxBytes));
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      const n = readInto(fd, buffer, 0);
      if (n === 0) break;
      chunks.push(n === buffer.length ? buffer : buffer.subarray(0, n));
      total += n;
    }
    if (total > maxBytes) throw new InputError(file, tooLarge(maxBytes));
    return Buffer.concat(chunks, total);
  } catch (e) {
    throw e instanceof InputError ? e : fsError(file, e);
  } finally {
    fs.closeSync(fd);
  }
}

/** Fills `buffer` from `offset` until it is full or the file ends; returns the bytes it holds. */
function readInto(fd: number, buffer: Buffer, offset: number): number {
  let at = offset;
  while (at < buffer.length) {
    const n = fs.readSync(fd, buffer, at, buffer.length - at, null);
    if (n === 0) break;
    at += n;
  }
  return at;
}

function tooLarge(maxBytes: number): string {
  return `file is larger than ${Math.round(maxBytes / (1024 * 1024))} MiB, the most the checker reads`;
}

export function fileKind(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'a special file';
}

/** A file-system failure as the one-line InputError the CLI prints. */
export function fsError(file: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError(file, 'no such file or directory');
  if (code === 'EISDIR') return new InputError(file, 'expected a file, found a directory');
  if (code === 'ELOOP') return new InputError(file, 'symbolic link loop');
  if (code === 'EACCES' || code === 'EPERM') return new InputError(file, 'permission denied');
  return new InputError(file, `cannot read (${code ?? (e as Error).message})`);
}

/** JSON.parse with an error naming the file and line (manifests, metadata: no positions needed). */
export function parseJson(text: string, file: string): unknown {
  const clean = stripBom(text);
  try {
    return JSON.parse(clean);
  } catch (e) {
    const message = (e as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? lineAt(clean, Number(position[1])) : undefined;
    throw new InputError(file, `malformed JSON (${message.replace(/\s*\(line \d+ column \d+\)/, '')})`, line);
  }
}

/** JSON.parse, plus the lines of shallow keys and whether some key repeats (json-positions.ts). */
export function parseJsonWithPositions(text: string, file: string): ParsedJson {
  return withKeyPositions(stripBom(text), parseJson(text, file));
}

export function parseYaml(text: string, file: string): unknown {
  return parseYamlWithPositions(text, file).value;
}

export function parseYamlWithPositions(text: string, file: string): { value: unknown; lines: Map<string, number> } {
  let result: ReturnType<typeof parseCloudFormationYaml>;
  try {
    result = parseCloudFormationYaml(stripBom(text));
  } catch (e) {
    // The yaml package recurses over nesting; a hostile depth overflows the stack.
    if (e instanceof RangeError) throw new InputError(file, 'malformed YAML (nested too deeply)');
    throw e;
  }
  if ('error' in result) throw new InputError(file, `malformed YAML (${result.error})`, result.line);
  return result;
}

export function readJsonFile(file: string): unknown {
  return parseJson(readText(file), file);
}

/** A .template file may hold either JSON or YAML. */
export function isJsonText(text: string): boolean {
  return /^\s*[{[]/.test(stripBom(text));
}

export function parseJsonOrYaml(text: string, file: string): unknown {
  return isJsonText(text) ? parseJson(text, file) : parseYaml(text, file);
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
