import { InputError } from './errors';
import { parseKeepingDuplicates, type DuplicateKey, type ParsedJson } from './json-positions';

/**
 * What a repeated JSON key means, per format. JSON.parse keeps the last value, so a resource
 * Terraform or CloudFormation would see could silently escape the check; instead:
 * - Terraform JSON (HCL JSON): a repeated block key counts every time (`"resource"` twice, a
 *   resource type twice, a nested block twice), so the values are merged into the array form, and
 *   every resource is judged; one address declared twice is Terraform's "Duplicate resource"
 *   (tf-loader). A repeated argument (a non-object value) is Terraform's "Duplicate argument".
 * - CloudFormation JSON: any repeated key is refused.
 */

export function terraformValue(parsed: ParsedJson, text: string, file: string): unknown {
  if (!parsed.hasDuplicates) return parsed.value;
  const { value, duplicates } = keepingDuplicates(text, file);
  const argument = duplicates.find((d) => !d.blocks);
  if (argument) {
    throw new InputError(file, `Duplicate argument "${argument.key}" in ${where(argument)}`, argument.line);
  }
  return value;
}

export function refuseCloudFormationDuplicates(parsed: ParsedJson, text: string, file: string): void {
  if (!parsed.hasDuplicates) return;
  const [first] = keepingDuplicates(text, file).duplicates;
  if (!first) return;
  throw new InputError(
    file,
    `duplicate key "${first.key}" in ${where(first)}: JSON keeps only the last one, so the template is ambiguous`,
    first.line,
  );
}

function keepingDuplicates(text: string, file: string): ReturnType<typeof parseKeepingDuplicates> {
  try {
    return parseKeepingDuplicates(stripBom(text));
  } catch (e) {
    // jsonc-parser descends recursively; only a hostile depth with a repeated key gets here.
    if (e instanceof RangeError) throw new InputError(file, 'JSON nested too deeply to check its repeated keys');
    throw e;
  }
}

function where(d: DuplicateKey): string {
  return d.path.length === 0 ? 'the top-level object' : d.path.join('.');
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
