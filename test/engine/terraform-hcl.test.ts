import * as path from 'path';
import { InputError, loadInputs, loadPaths } from '../../policies/engine';
import type { Document, LoadResult, Resource } from '../../policies/engine';
import { tempDir, writeFile } from '../support/temp-dir';
import { thrown } from '../support/thrown';

/** Terraform as teams write it: HCL `.tf` files, mixed with `.tf.json`, calling local modules. */
const tmp = tempDir('hcl');
afterAll(() => tmp.remove());

const root = path.join(tmp.dir, 'infra');
writeFile(
  root,
  'main.tf',
  `locals {
  team = "ml"
}

resource "aws_s3_bucket" "data" {
  bucket = "data-\${local.team}"
  lifecycle {
    prevent_destroy = true
  }
}

module "logs" {
  source      = "./modules/log-bucket"
  name        = "logs"
  rotate_keys = false
  target      = aws_s3_bucket.data.id
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.8.1"
}
`,
);
writeFile(root, 'keys.tf.json', {
  resource: { aws_kms_key: { lake: { enable_key_rotation: true } } },
  output: { key_arn: { value: '${aws_kms_key.lake.arn}' } },
});
writeFile(
  root,
  'modules/log-bucket/main.tf',
  `variable "name" {}
variable "rotate_keys" {}
variable "target" {}
variable "versioning" {
  default = "Enabled"
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
}

resource "aws_kms_key" "this" {
  enable_key_rotation = var.rotate_keys
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = var.versioning
  }
}

resource "aws_s3_bucket_logging" "this" {
  bucket        = var.target
  target_bucket = "\${aws_s3_bucket.this.id}-\${var.name}"
}
`,
);

let result: LoadResult;
let doc: Document;
beforeAll(() => {
  // One scan of the repository: the root module (HCL + JSON) with its local child flattened in.
  result = loadInputs([tmp.dir]);
  doc = result.documents[0];
});

const find = (address: string): Resource => {
  const r = doc.resources.find((x) => x.address === address);
  if (!r) throw new Error(`no ${address} in ${doc.resources.map((x) => x.address).join(', ')}`);
  return r;
};

describe('HCL .tf directories', () => {
  test('the .tf and .tf.json files of a directory are one module; the child module is not loaded twice', () => {
    expect(result.documents.map((d) => d.id)).toEqual([root]);
    expect(doc.files?.map((f) => path.relative(root, f))).toEqual([
      'keys.tf.json',
      'main.tf',
      path.join('modules', 'log-bucket', 'main.tf'),
    ]);
    expect(doc.conditions).toEqual({ team: 'ml' });
    expect(doc.outputs).toEqual({ key_arn: { value: '${aws_kms_key.lake.arn}' } });
  });

  test('HCL resources: expressions as interpolations, meta blocks normalized, lines of declarations', () => {
    const data = find('aws_s3_bucket.data');
    expect(data.properties).toEqual({ bucket: 'data-${local.team}' });
    expect(data.attributes.lifecycle).toEqual({ prevent_destroy: true });
    expect(data.source).toMatchObject({ file: path.join(root, 'main.tf'), format: 'terraform', line: 5 });
    expect(find('aws_kms_key.lake').source).toMatchObject({ file: path.join(root, 'keys.tf.json'), line: 4 });
  });

  test('a local module: resources at module.<name>.<type>.<name>, arguments substituted, references renamed', () => {
    expect(doc.resources.map((r) => r.address).sort()).toEqual([
      'aws_kms_key.lake',
      'aws_s3_bucket.data',
      'module.logs.aws_kms_key.this',
      'module.logs.aws_s3_bucket.this',
      'module.logs.aws_s3_bucket_logging.this',
      'module.logs.aws_s3_bucket_versioning.this',
    ]);
    expect(find('module.logs.aws_s3_bucket.this').properties.bucket).toBe('logs');
    // A failing literal passed by the caller reaches the resource that uses it.
    expect(find('module.logs.aws_kms_key.this').properties.enable_key_rotation).toBe(false);
    const versioning = find('module.logs.aws_s3_bucket_versioning.this');
    expect(versioning.properties).toEqual({
      bucket: '${module.logs.aws_s3_bucket.this.id}',
      versioning_configuration: [{ status: 'Enabled' }],
    });
    const logging = find('module.logs.aws_s3_bucket_logging.this');
    // The caller's expression, in the caller's namespace; a composed value keeps the module's names.
    expect(logging.properties.bucket).toBe('${aws_s3_bucket.data.id}');
    expect(logging.properties.target_bucket).toBe('${module.logs.aws_s3_bucket.this.id}-${module.logs.var.name}');
    expect(logging.source).toMatchObject({ file: path.join(root, 'modules', 'log-bucket', 'main.tf'), line: 23 });
  });

  test('a module from the registry is reported as skipped', () => {
    expect(result.skipped).toEqual([
      {
        path: `${path.join(root, 'main.tf')}: module.vpc`,
        reason:
          'module source "terraform-aws-modules/vpc/aws" is not a local path; its resources are not loaded or checked',
      },
    ]);
  });
});

describe('module calls that cannot be loaded', () => {
  test('a module calling itself is an InputError, a missing local source too', () => {
    const loop = path.join(tmp.dir, '..', `${path.basename(tmp.dir)}-loop`);
    writeFile(loop, 'main.tf.json', { module: { again: { source: './' } } });
    const e = thrown(InputError, () => loadPaths([loop]));
    expect(e.message).toMatch(/module again: source .* calls itself \(a cycle\)/);
    writeFile(loop, 'main.tf.json', { module: { gone: { source: './nowhere' } } });
    expect(thrown(InputError, () => loadPaths([loop])).message).toMatch(
      /module gone: source \.\/nowhere is not a directory/,
    );
  });
});
