import * as fs from 'fs';
import { InputError } from './errors';
import { parseCloudFormationYaml } from './cfn-yaml';

/** Reading and parsing input files; every failure is an InputError naming the file. */

export function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(file, 'no such file or directory');
    if (code === 'EISDIR') throw new InputError(file, 'expected a file, found a directory');
    throw new InputError(file, `cannot read file (${code ?? (e as Error).message})`);
  }
}

export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(stripBom(text));
  } catch (e) {
    const message = (e as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? lineAt(text, Number(position[1])) : undefined;
    throw new InputError(file, `malformed JSON (${message.replace(/\s*\(line \d+ column \d+\)/, '')})`, line);
  }
}

export function parseYaml(text: string, file: string): unknown {
  const result = parseCloudFormationYaml(stripBom(text));
  if ('error' in result) throw new InputError(file, `malformed YAML (${result.error})`, result.line);
  return result.value;
}

export function readJsonFile(file: string): unknown {
  return parseJson(readText(file), file);
}

/** A .template file may hold either JSON or YAML. */
export function parseJsonOrYaml(text: string, file: string): unknown {
  return /^\s*[{[]/.test(stripBom(text)) ? parseJson(text, file) : parseYaml(text, file);
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
