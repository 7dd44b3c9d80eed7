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
 * A value that is one `jsonencode(<object or list>)` call (how HCL writes IAM and resource
 * policies) becomes the JSON text it encodes: the argument is parsed by hcl2json too, so literal
 * parts are literal and references stay `${...}` interpolations, as in a Terraform JSON config.
 */

const CONVERT_TIMEOUT_MS = 120_000;
const MAX_OUTPUT_BYTES = 1024 * 1024 * 1024;

/** Reads the child's stdin (a JSON array of {name, text}), writes a JSON array of {json} | {error}. */
const CONVERTER = `
const { parse } = require(process.argv[1]);
const JSONENCODE = /^\\$\\{jsonencode\\(([\\s\\S]*)\\)\\}$/;
async function encoded(v) {
  if (typeof v === 'string') {
    const m = JSONENCODE.exec(v);
    if (!m) return v;
    try {
      const r = await parse('jsonencode.tf', 'v = ' + m[1].trim());
      return r.v !== null && typeof r.v === 'object' ? JSON.stringify(r.v) : v;
    } catch (e) { return v; }
  }
  if (Array.isArray(v)) { for (let i = 0; i < v.length; i++) v[i] = await encoded(v[i]); return v; }
  if (v !== null && typeof v === 'object') { for (const k of Object.keys(v)) v[k] = await encoded(v[k]); }
  return v;
}
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const out = [];
  for (const f of JSON.parse(Buffer.concat(chunks).toString('utf8'))) {
    try { out.push({ json: await encoded(await parse(f.name, f.text)) }); }
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
  const results = runConverter(inputs, files[0]);
  return results.map((result, i) => {
    const { name, text } = inputs[i];
    if ('error' in result) throw hclError(name, result.error);
    return { file: name, obj: result.json, lines: blockLines(text) };
  });
}

type Converted = { json: Record<string, unknown> } | { error: string };

const JSONENCODE = /^\$\{jsonencode\(([\s\S]*)\)\}$/;

/**
 * Terraform JSON (a .tf.json, a cdktf stack) writes `jsonencode(...)` as an HCL expression inside a
 * "${...}" string: each such value whose argument is an object or list becomes the JSON text it
 * encodes, as HCL files do (one converter process for all of them, and none when there is none).
 */
export function decodeJsonencode(objects: readonly Record<string, unknown>[], file: string): void {
  const found: { holder: Record<string, unknown> | unknown[]; key: string | number; expr: string }[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        if (typeof item === 'string') match(v, i, item);
        else visit(item);
      });
    } else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const k in o) {
        if (typeof o[k] === 'string') match(o, k, o[k] as string);
        else visit(o[k]);
      }
    }
  };
  const match = (holder: Record<string, unknown> | unknown[], key: string | number, text: string): void => {
    if (!text.startsWith('${jsonencode(')) return;
    const m = JSONENCODE.exec(text);
    if (m) found.push({ holder, key, expr: m[1] });
  };
  objects.forEach(visit);
  if (found.length === 0) return;
  const results = runConverter(
    found.map((f, i) => ({ name: `jsonencode-${i}.tf`, text: `v = ${f.expr.trim()}` })),
    file,
  );
  results.forEach((r, i) => {
    const v = 'json' in r ? r.json.v : undefined;
    if (v === null || typeof v !== 'object') return; // not a literal document: left as the expression
    const { holder, key } = found[i];
    (holder as Record<string | number, unknown>)[key] = JSON.stringify(v);
  });
}

function runConverter(inputs: readonly { name: string; text: string }[], file: string): Converted[] {
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
    throw new InputError(file, `cannot convert HCL with @cdktf/hcl2json (${(e as Error).message.split('\n')[0]})`);
  }
  return JSON.parse(output) as Converted[];
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
