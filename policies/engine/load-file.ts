import * as path from 'path';
import { isCloudFormationTemplate, loadCloudFormationObject } from './cfn-loader';
import { InputError } from './errors';
import { refuseCloudFormationDuplicates, terraformValue } from './json-input';
import type { ParsedJson } from './json-positions';
import type { Document, SkippedInput } from './model';
import { isJsonText, parseJsonWithPositions, parseYamlWithPositions, readText } from './parse';
import { isTerraformJson } from './tf-loader';
import { loadTerraformFiles, loadTerraformModule } from './tf-module';
import { decodeJsonencode } from './tf-hcl';
import { isTerraformPlan, loadTerraformPlan } from './tf-plan';

/** One file: the extension says how to parse, the content says what it is. */

export const EXPECTED =
  'a CloudFormation template (Resources / AWSTemplateFormatVersion), a Terraform plan (terraform show -json) or Terraform JSON (resource / terraform / provider)';
export const SCANNED = /\.(tf|tf\.json|json|ya?ml|template)$/;

/**
 * Loads `file`. Named explicitly, a file that is none of the kinds is an InputError; found by a
 * directory scan, it is undefined (a package.json, a CI workflow).
 */
export function loadFileIfTemplate(file: string, explicit: boolean, skipped: SkippedInput[]): Document | undefined {
  const name = path.basename(file).toLowerCase();
  if (name.endsWith('.tf')) return single(loadTerraformModule(path.dirname(file), [file], { id: file, skipped }));
  const isJson = name.endsWith('.json');
  const isYaml = /\.ya?ml$/.test(name);
  if (!isJson && !isYaml && !name.endsWith('.template')) {
    if (explicit)
      throw new InputError(file, `unsupported file kind: expected .json, .tf.json, .tf, .yaml, .yml or .template`);
    return undefined;
  }
  const text = readText(file);
  if (isYaml || (!isJson && !isJsonText(text))) {
    const { value, lines } = parseYamlWithPositions(text, file);
    return isCloudFormationTemplate(value) ? loadCloudFormationObject(value, { file, lines }) : undefined;
  }
  const parsed = parseJsonWithPositions(text, file);
  return jsonDocument(parsed, text, file, name.endsWith('.tf.json') && explicit, skipped);
}

function jsonDocument(
  parsed: ParsedJson,
  text: string,
  file: string,
  forceTerraform: boolean,
  skipped: SkippedInput[],
): Document | undefined {
  const { value } = parsed;
  if (isTerraformPlan(value)) return loadTerraformPlan(value, { file });
  if (!forceTerraform && isCloudFormationTemplate(value)) {
    refuseCloudFormationDuplicates(parsed, text, file);
    return loadCloudFormationObject(value, { file, lines: parsed.lines });
  }
  if (!forceTerraform && !isTerraformJson(value)) return undefined;
  const obj = terraformValue(parsed, text, file);
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    throw new InputError(file, 'expected Terraform JSON (an object with "resource" blocks)');
  }
  decodeJsonencode([obj as Record<string, unknown>], file);
  const files = [{ file, obj: obj as Record<string, unknown>, lines: parsed.lines }];
  return single(loadTerraformFiles(path.dirname(file), files, { id: file, skipped }));
}

/** A file loaded on its own is its own document: `files` only when local child modules added some. */
function single(doc: Document | undefined): Document | undefined {
  if (!doc || doc.files?.length !== 1) return doc;
  const rest: Document = { ...doc };
  delete (rest as { files?: unknown }).files;
  return rest;
}

export function loadFile(file: string, skipped: SkippedInput[] = []): Document {
  const doc = loadFileIfTemplate(file, true, skipped);
  if (!doc) throw new InputError(file, `expected ${EXPECTED}`);
  return doc;
}
