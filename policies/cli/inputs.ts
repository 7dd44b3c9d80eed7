import * as path from 'path';
import { InputError, loadCloudFormationObject, loadInputs as loadEngineInputs, loadTerraformObject } from '../engine';
import { isCloudFormationTemplate } from '../engine/cfn-loader';
import type { Document, LoadResult, SkippedInput } from '../engine/model';
import { parseJsonOrYaml } from '../engine/parse';
import { isTerraformJson } from '../engine/tf-loader';

/**
 * What the CLI loads: the named paths (one unreadable path is reported as skipped, the others are
 * still evaluated) and "-", one CloudFormation or Terraform document read from stdin. Built on the
 * engine's `loadInputs`, which stops at the first bad path: only then is each path loaded alone, so
 * every unreadable path is reported under the name it was given.
 */

export const STDIN = '-';
/** How findings from stdin name their file. */
export const STDIN_FILE = '<stdin>';

export function loadCliInputs(paths: readonly string[], readStdin: () => string): LoadResult {
  const files = paths.filter((p) => p !== STDIN);
  const skipped: SkippedInput[] = [];
  const documents: Document[] = [];
  if (paths.includes(STDIN)) {
    try {
      documents.push(loadStdin(readStdin()));
    } catch (e) {
      skipped.push(skip(STDIN_FILE, e));
    }
  }
  if (files.length === 0) return { documents, skipped };
  try {
    const all = loadEngineInputs(files);
    return { documents: [...documents, ...all.documents], skipped: [...skipped, ...all.skipped] };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
  }
  const readable: string[] = [];
  for (const p of files) {
    try {
      loadEngineInputs([p]);
      readable.push(p);
    } catch (e) {
      skipped.push(skip(p, e));
    }
  }
  // Loaded together again so that files named twice (directly and in a directory) count once.
  const rest = readable.length > 0 ? loadEngineInputs(readable) : { documents: [], skipped: [] };
  return { documents: [...documents, ...rest.documents], skipped: [...skipped, ...rest.skipped] };
}

function skip(p: string, e: unknown): SkippedInput {
  if (!(e instanceof InputError)) throw e;
  // The message names the file first; the reason is what follows (with the line when known).
  const prefix = `${e.file}${e.line !== undefined ? `:${e.line}` : ''}: `;
  const reason = e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
  const where =
    path.resolve(e.file) === path.resolve(p) ? '' : `${e.file}${e.line !== undefined ? `:${e.line}` : ''}: `;
  const line = e.line !== undefined && where === '' ? ` (line ${e.line})` : '';
  return { path: p, reason: `${where}${reason}${line}` };
}

export function loadStdin(text: string): Document {
  const obj = parseJsonOrYaml(text, STDIN_FILE);
  if (isCloudFormationTemplate(obj)) return loadCloudFormationObject(obj, { file: STDIN_FILE });
  if (isTerraformJson(obj)) return loadTerraformObject(obj, { file: STDIN_FILE });
  throw new InputError(
    STDIN_FILE,
    'expected a CloudFormation template (Resources / AWSTemplateFormatVersion) or Terraform JSON (resource / terraform / provider)',
  );
}
