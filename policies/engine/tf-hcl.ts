import { execFileSync } from 'child_process';
import { InputError } from './errors';
import { KEY_PATH_SEPARATOR } from './json-positions';
import { readText } from './parse';

/**
 * HCL `.tf` files -> Terraform JSON, with HashiCorp's own HCL parser compiled to WebAssembly
 * (`@cdktf/hcl2json`, the converter cdktf itself uses). Its API is asynchronous only, while loading
 * is synchronous (the CDK validation plugin and the cdktf stack validation call it synchronously),
 * so the conversion runs in one child node process per batch of files: ~1.5 s, paid only when `.tf`
 * files are loaded. hcl2json wraps each block body in an array of one, which tf-loader accepts.
 */

const CONVERT_TIMEOUT_MS = 120_000;
const MAX_OUTPUT_BYTES = 1024 * 1024 * 1024;

/** Reads the child's stdin (a JSON array of {name, text}), writes a JSON array of {json} | {error}. */
const CONVERTER = `
const { parse } = require(process.argv[1]);
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const out = [];
  for (const f of JSON.parse(Buffer.concat(chunks).toString('utf8'))) {
    try { out.push({ json: await parse(f.name, f.text) }); }
    catch (e) { out.push({ error: String((e && e.message) || e) }); }
  }
  process.stdout.write(JSON.stringify(out), () => process.exit(0));
});`;

export interface HclFile {
  readonly file: string;
  readonly obj: Record<string, unknown>;
  /** `resource<NUL>type<NUL>name` -> 1-based line of the block. */
  readonly lines: ReadonlyMap<string, number>;
}

export function convertHclFiles(files: readonly string[]): HclFile[] {
  if (files.length === 0) return [];
  const inputs = files.map((file) => ({ name: file, text: readText(file) }));
  let output: string;
  try {
    output = execFileSync(process.execPath, ['-e', CONVERTER, require.resolve('@cdktf/hcl2json')], {
      input: JSON.stringify(inputs),
      encoding: 'utf8',
      maxBuffer: MAX_OUTPUT_BYTES,
      timeout: CONVERT_TIMEOUT_MS,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, CHECKPOINT_DISABLE: '1' },
    });
  } catch (e) {
    throw new InputError(files[0], `cannot convert HCL with @cdktf/hcl2json (${(e as Error).message.split('\n')[0]})`);
  }
  const results = JSON.parse(output) as ({ json: Record<string, unknown> } | { error: string })[];
  return results.map((result, i) => {
    const { name, text } = inputs[i];
    if ('error' in result) throw hclError(name, result.error);
    return { file: name, obj: result.json, lines: blockLines(text) };
  });
}

/** "parse config: [main.tf:3,14-15: Unclosed configuration block; There is ...]" -> line 3. */
function hclError(file: string, message: string): InputError {
  const inner = message.replace(/^parse config: \[/, '').replace(/\]$/, '');
  const at = inner.lastIndexOf(file);
  const located = at >= 0 ? /^:(\d+),\d+(?:-\d+)?: (.*)$/s.exec(inner.slice(at + file.length)) : null;
  const detail = (located ? located[2] : inner).split(';')[0];
  return new InputError(file, `malformed HCL (${detail})`, located ? Number(located[1]) : undefined);
}

const BLOCK = /^[ \t]*(resource|data|module|output)[ \t]+"([^"]+)"(?:[ \t]+"([^"]+)")?[ \t]*\{/gm;

/** Lines of `resource "t" "n" {` (and module/output) headers; HCL puts one block header per line. */
function blockLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let line = 1;
  let counted = 0;
  for (const match of text.matchAll(BLOCK)) {
    for (let i = counted; i < (match.index ?? 0); i++) if (text.charCodeAt(i) === 10) line++;
    counted = match.index ?? 0;
    const [, kind, first, second] = match;
    const key = [kind, first, ...(second !== undefined ? [second] : [])].join(KEY_PATH_SEPARATOR);
    if (!lines.has(key)) lines.set(key, line);
  }
  return lines;
}
