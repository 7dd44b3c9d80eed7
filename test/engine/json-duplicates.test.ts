import * as path from 'path';
import { InputError, loadPaths } from '../../policies/engine';
import { tempDir, writeFile } from '../support/temp-dir';
import { thrown } from '../support/thrown';

/**
 * JSON.parse keeps the last of two equal keys; HCL JSON says every repeated block key counts, and a
 * CloudFormation template with a repeated key is ambiguous. Texts are written by hand: an object
 * literal cannot hold a duplicate key.
 */
const tmp = tempDir('dup');
afterAll(() => tmp.remove());

const inputError = (fn: () => unknown): InputError => thrown(InputError, fn);
const addresses = (file: string) => loadPaths([file])[0].resources.map((r) => r.address);

describe('Terraform JSON: repeated block keys all count', () => {
  test('two "resource" keys: the resources of both are judged', () => {
    const file = writeFile(
      tmp.dir,
      'two-resource/main.tf.json',
      `{
  "resource": { "aws_s3_bucket": { "public": { "acl": "public-read" } } },
  "resource": { "aws_kms_key": { "k": { "enable_key_rotation": true } } }
}`,
    );
    expect(addresses(file)).toEqual(['aws_s3_bucket.public', 'aws_kms_key.k']);
    // Found by a directory scan (the module path) as well.
    expect(loadPaths([path.dirname(file)])[0].resources.map((r) => r.address)).toEqual(addresses(file));
  });

  test('one resource type twice: both names are judged, with their own lines', () => {
    const file = writeFile(
      tmp.dir,
      'type-twice.tf.json',
      `{"resource": {
  "aws_s3_bucket": { "a": { "bucket": "a" } },
  "aws_s3_bucket": { "b": { "bucket": "b" } }
}}`,
    );
    const [doc] = loadPaths([file]);
    expect(doc.resources.map((r) => [r.address, r.source.line, r.properties.bucket])).toEqual([
      ['aws_s3_bucket.a', 2, 'a'],
      ['aws_s3_bucket.b', 3, 'b'],
    ]);
  });

  test('a nested block written twice is two blocks', () => {
    const file = writeFile(
      tmp.dir,
      'block-twice.tf.json',
      `{"resource": {"aws_security_group": {"sg": {
  "ingress": { "from_port": 443, "to_port": 443 },
  "ingress": { "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"] }
}}}}`,
    );
    expect(loadPaths([file])[0].resources[0].properties.ingress).toEqual([
      { from_port: 443, to_port: 443 },
      { from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'] },
    ]);
  });

  test('the same address declared twice is "Duplicate resource", with the line', () => {
    const file = writeFile(
      tmp.dir,
      'same-address.tf.json',
      `{
  "resource": { "aws_s3_bucket": { "b": { "acl": "private" } } },
  "resource": { "aws_s3_bucket": { "b": { "acl": "public-read" } } }
}`,
    );
    const e = inputError(() => loadPaths([file]));
    expect(e.message).toBe(`${file}:2: Duplicate resource aws_s3_bucket.b: declared more than once`);
  });

  test('a repeated argument is "Duplicate argument", as Terraform says', () => {
    const file = writeFile(
      tmp.dir,
      'argument.tf.json',
      `{"resource": {"aws_s3_bucket": {"b": {
  "acl": "private",
  "acl": "public-read"
}}}}`,
    );
    expect(inputError(() => loadPaths([file])).message).toBe(
      `${file}:3: Duplicate argument "acl" in resource.aws_s3_bucket.b`,
    );
  });
});

describe('CloudFormation JSON: any repeated key is refused', () => {
  test.each([
    ['two Resources sections', `{"Resources": {"A": {"Type": "AWS::S3::Bucket"}},\n"Resources": {}}`, 'Resources', 2],
    [
      'a logical id twice',
      `{"Resources": {\n"A": {"Type": "AWS::S3::Bucket"},\n"A": {"Type": "AWS::SQS::Queue"}}}`,
      'A',
      3,
    ],
    [
      'a property twice',
      `{"Resources": {"A": {"Type": "AWS::S3::Bucket", "Properties": {\n"AccessControl": "Private",\n"AccessControl": "PublicRead"}}}}`,
      'AccessControl',
      3,
    ],
  ])('%s', (_name, text, key, line) => {
    const file = writeFile(tmp.dir, 'dup.template.json', text);
    const e = inputError(() => loadPaths([file]));
    expect(e.file).toBe(file);
    expect(e.line).toBe(line);
    expect(e.message).toContain(`duplicate key "${key}"`);
  });

  test('without duplicates, each resource has the line of its declaration', () => {
    const file = writeFile(tmp.dir, 'lines.json', {
      Resources: { A: { Type: 'AWS::S3::Bucket' }, B: { Type: 'AWS::SQS::Queue' } },
    });
    // JSON.stringify(…, null, 2): "Resources" on line 2, "A" on 3, its 3-line body, "B" on 6.
    expect(loadPaths([file])[0].resources.map((r) => [r.address, r.source.line])).toEqual([
      ['A', 3],
      ['B', 6],
    ]);
  });

  test('escaped keys and strings with braces do not confuse the line scan', () => {
    const text = `{"Description": "a { tricky \\" [ value",\n"Resources": {\n"B\\u0041": {"Type": "AWS::S3::Bucket"}}}`;
    const file = writeFile(tmp.dir, 'escaped.json', text);
    expect(loadPaths([file])[0].resources.map((r) => [r.address, r.source.line])).toEqual([['BA', 3]]);
  });
});
