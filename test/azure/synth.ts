import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, TerraformStack } from 'cdktf';

/** A Terraform JSON body as synthesized; tests index into it freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = Record<string, any>;

export interface TfJson {
  readonly provider: Record<string, Body[]>;
  readonly resource: Record<string, Record<string, Body>>;
  readonly data?: Record<string, Record<string, Body>>;
}

export interface Found {
  readonly type: string;
  readonly name: string;
  readonly body: Body;
  /** Terraform reference to an attribute of this resource, as cdktf writes it. */
  ref(attribute: string): string;
}

/**
 * Runs a real `app.synth()` into a temporary directory and parses the stack's cdk.tf.json. Unlike
 * `Testing.synth`, this keeps the `"//"` blocks, where waivers live. Call once per test file.
 */
export function synthStack(build: (app: App) => TerraformStack): TfJson {
  const outdir = mkdtempSync(join(tmpdir(), 'zt-azure-'));
  try {
    const app = new App({ outdir, stackTraces: false });
    const stack = build(app);
    app.synth();
    return JSON.parse(readFileSync(join(outdir, 'stacks', stack.node.id, 'cdk.tf.json'), 'utf8')) as TfJson;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Every resource of a type (empty when there is none). */
export function allOf(tf: TfJson, type: string): Found[] {
  return Object.entries(tf.resource[type] ?? {}).map(([name, body]) => found(type, name, body));
}

/** The resource (or data source with `data: true`) whose construct path is `path`. */
export function atPath(tf: TfJson, path: string, data = false): Found {
  const blocks = (data ? tf.data : tf.resource) ?? {};
  for (const [type, byName] of Object.entries(blocks)) {
    for (const [name, body] of Object.entries(byName)) {
      if (body['//']?.metadata?.path === path) return found(type, name, body, data);
    }
  }
  throw new Error(`no ${data ? 'data source' : 'resource'} at ${path}`);
}

/** Every resource in the document, with its type. */
export function everyResource(tf: TfJson): Found[] {
  return Object.keys(tf.resource).flatMap((type) => allOf(tf, type));
}

function found(type: string, name: string, body: Body, data = false): Found {
  const address = `${data ? 'data.' : ''}${type}.${name}`;
  return { type, name, body, ref: (attribute) => `\${${address}.${attribute}}` };
}

/** An app for tests that construct but never synthesize (the App constructor creates its outdir). */
export function scratchApp(): App {
  return new App({ outdir: join(tmpdir(), 'zt-azure-scratch'), stackTraces: false });
}
