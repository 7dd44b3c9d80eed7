import * as path from 'path';
import { buildGraph, InputError, loadPaths, loadTerraformModule } from '../../policies/engine';
import type { Document, Resource } from '../../policies/engine';
import { tempDir, writeFile } from '../support/temp-dir';
import { thrown } from '../support/thrown';

/** Terraform reads every `*.tf.json` of a directory as one module: so does a directory scan. */
const tmp = tempDir('tf-module');
afterAll(() => tmp.remove());

const MAIN = {
  resource: {
    aws_s3_bucket: { data: { bucket: 'data' } },
    aws_s3_bucket_server_side_encryption_configuration: {
      data: {
        bucket: '${aws_s3_bucket.data.id}',
        rule: [{ apply_server_side_encryption_by_default: [{ kms_master_key_id: '${aws_kms_key.lake.arn}' }] }],
      },
    },
  },
  variable: { env: [{ type: 'string' }] },
};
const KEYS = { resource: { aws_kms_key: { lake: [{ enable_key_rotation: true }] } }, locals: [{ team: 'ml' }] };

function module(name: string, files: Record<string, string | object>): string {
  const dir = path.join(tmp.dir, name);
  for (const [file, content] of Object.entries(files)) writeFile(dir, file, content);
  return dir;
}

const inputError = (fn: () => unknown): InputError => thrown(InputError, fn);

const find = (doc: Document, address: string): Resource => {
  const r = doc.resources.find((x) => x.address === address);
  if (!r) throw new Error(`no ${address}`);
  return r;
};

describe('Terraform module loading', () => {
  const dir = module('split', { 'main.tf.json': MAIN, 'keys.tf.json': KEYS, 'README.md': '# not Terraform' });

  test('a directory of .tf.json files is one document, named by the directory', () => {
    const docs = loadPaths([dir]);
    expect(docs).toHaveLength(1);
    const [doc] = docs;
    expect(doc).toMatchObject({ id: dir, file: dir, format: 'terraform' });
    expect(doc.files).toEqual([path.join(dir, 'keys.tf.json'), path.join(dir, 'main.tf.json')]);
    const key = find(doc, 'aws_kms_key.lake');
    expect(key.source.file).toBe(path.join(dir, 'keys.tf.json'));
    expect(key.key).toBe(`${dir}#aws_kms_key.lake`);
    expect(find(doc, 'aws_s3_bucket.data').source.file).toBe(path.join(dir, 'main.tf.json'));
    expect(doc.parameters).toEqual({ env: [{ type: 'string' }] });
    expect(doc.conditions).toEqual({ team: 'ml' });
  });

  test('references across the files of the module resolve through the graph', () => {
    const [doc] = loadPaths([dir]);
    const graph = buildGraph([doc]);
    const sse = find(doc, 'aws_s3_bucket_server_side_encryption_configuration.data');
    const key = find(doc, 'aws_kms_key.lake');
    expect(graph.value(sse, 'rule.apply_server_side_encryption_by_default.kms_master_key_id')).toEqual({
      kind: 'reference',
      to: key,
      attribute: 'arn',
    });
    expect(graph.referencedBy(key).map((r) => r.from.address)).toEqual([sse.address]);
  });

  test('a file given on its own stays its own document; the rest of the module is not loaded', () => {
    const [doc] = loadPaths([path.join(dir, 'main.tf.json')]);
    expect(doc.id).toBe(path.join(dir, 'main.tf.json'));
    expect(doc.files).toBeUndefined();
    const sse = find(doc, 'aws_s3_bucket_server_side_encryption_configuration.data');
    expect(buildGraph([doc]).value(sse, 'rule.apply_server_side_encryption_by_default.kms_master_key_id')).toEqual({
      kind: 'unknown',
      reason: 'reference to aws_kms_key.lake, which is not a resource of this configuration',
      target: { address: 'aws_kms_key.lake', type: 'aws_kms_key', attribute: 'arn' },
    });
  });

  test('a module and files of it named together load the module once', () => {
    const file = path.join(dir, 'main.tf.json');
    for (const paths of [
      [file, dir],
      [dir, file],
    ]) {
      expect(loadPaths(paths).map((d) => d.id)).toEqual([dir]);
    }
  });

  test('each directory is its own module; cdktf.out stacks stay separate', () => {
    const root = module('nested', {
      'main.tf.json': { resource: { aws_s3_bucket: { b: {} } } },
      'child/main.tf.json': { resource: { aws_s3_bucket: { b: {} } } },
      'cdktf.out/manifest.json': {
        version: '0.21.0',
        stacks: {
          a: { name: 'a', synthesizedStackPath: 'stacks/a/cdk.tf.json' },
          b: { name: 'b', synthesizedStackPath: 'stacks/b/cdk.tf.json' },
        },
      },
      'cdktf.out/stacks/a/cdk.tf.json': { resource: { aws_s3_bucket: { b: {} } } },
      'cdktf.out/stacks/b/cdk.tf.json': { resource: { aws_s3_bucket: { b: {} } } },
    });
    const docs = loadPaths([root]);
    expect(docs.map((d) => [path.relative(root, d.file), d.stack])).toEqual([
      [path.join('cdktf.out', 'stacks', 'a', 'cdk.tf.json'), 'a'],
      [path.join('cdktf.out', 'stacks', 'b', 'cdk.tf.json'), 'b'],
      ['child', undefined],
      ['', undefined],
    ]);
  });

  test('a resource declared in two files is an InputError naming both', () => {
    const dup = module('duplicate', {
      'a.tf.json': { resource: { aws_s3_bucket: { b: {} } } },
      'b.tf.json': { resource: { aws_s3_bucket: { b: { bucket: 'x' } } } },
    });
    const e = inputError(() => loadPaths([dup]));
    expect(e.file).toBe(path.join(dup, 'b.tf.json'));
    expect(e.message).toContain(
      `Duplicate resource aws_s3_bucket.b: declared in ${path.join(dup, 'a.tf.json')} and in`,
    );
  });

  test('two blocks with one address in one file (hcl2json arrays) are an InputError', () => {
    const file = writeFile(tmp.dir, 'twice/main.tf.json', { resource: { aws_kms_key: { k: [{}, {}] } } });
    expect(inputError(() => loadPaths([file])).message).toBe(
      `${file}:4: Duplicate resource aws_kms_key.k: declared more than once`,
    );
  });

  test('override files merge into the blocks they override, lifecycle argument by argument', () => {
    const dir2 = module('override', {
      'main.tf.json': {
        resource: { aws_kms_key: { k: [{ enable_key_rotation: false, lifecycle: [{ ignore_changes: ['tags'] }] }] } },
      },
      'override.tf.json': { resource: { aws_kms_key: { k: [{ enable_key_rotation: true }] } } },
      'z_override.tf.json': { resource: { aws_kms_key: { k: { lifecycle: { prevent_destroy: true } } } } },
    });
    const [doc] = loadPaths([dir2]);
    expect(doc.resources).toHaveLength(1);
    const key = find(doc, 'aws_kms_key.k');
    expect(key.properties).toEqual({ enable_key_rotation: true });
    expect(key.attributes.lifecycle).toEqual({ ignore_changes: ['tags'], prevent_destroy: true });
    expect(key.source.file).toBe(path.join(dir2, 'main.tf.json'));
  });

  test('an override of a resource no file declares is an InputError', () => {
    const dir3 = module('orphan-override', {
      'main.tf.json': { resource: { aws_s3_bucket: { b: {} } } },
      'x_override.tf.json': { resource: { aws_kms_key: { k: {} } } },
    });
    expect(inputError(() => loadPaths([dir3])).file).toBe(path.join(dir3, 'x_override.tf.json'));
  });

  test('loadTerraformModule: the given files only; none that is Terraform JSON gives undefined', () => {
    const doc = loadTerraformModule(dir, [path.join(dir, 'keys.tf.json')]);
    expect(doc?.resources.map((r) => r.address)).toEqual(['aws_kms_key.lake']);
    const empty = module('not-terraform', { 'x.tf.json': { description: 'no blocks' } });
    expect(loadTerraformModule(empty)).toBeUndefined();
  });
});
