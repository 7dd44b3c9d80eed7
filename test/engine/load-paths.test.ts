import * as path from 'path';
import { InputError, loadCloudFormationObject, loadPaths } from '../../policies/engine';
import { tempDir, writeFile } from '../support/temp-dir';
import { thrown } from '../support/thrown';

const tmp = tempDir('load');
afterAll(() => tmp.remove());

const cfn = { Resources: { B: { Type: 'AWS::S3::Bucket' } } };
const tf = { resource: { aws_s3_bucket: { b: { bucket: 'x' } } } };

const inputError = (fn: () => unknown): InputError => thrown(InputError, fn);

describe('loadPaths: files and directories', () => {
  test('files are recognized by extension and content', () => {
    const docs = loadPaths([
      writeFile(tmp.dir, 'files/a.template.json', cfn),
      writeFile(tmp.dir, 'files/b.json', tf),
      writeFile(tmp.dir, 'files/c.tf.json', tf),
      writeFile(tmp.dir, 'files/d.json', { AWSTemplateFormatVersion: '2010-09-09', Resources: {} }),
    ]);
    expect(docs.map((d) => [path.basename(d.file), d.format, d.resources.length])).toEqual([
      ['a.template.json', 'cloudformation', 1],
      ['b.json', 'terraform', 1],
      ['c.tf.json', 'terraform', 1],
      ['d.json', 'cloudformation', 0],
    ]);
  });

  test('a directory is scanned recursively, skipping node_modules and non-template files', () => {
    const dir = path.join(tmp.dir, 'scan');
    writeFile(dir, 'infra/net.tf.json', tf);
    writeFile(dir, 'infra/deep/stack.yaml', 'Resources:\n  K:\n    Type: AWS::KMS::Key\n');
    writeFile(dir, 'package.json', { name: 'not-a-template' });
    writeFile(dir, 'ci.yml', 'on: push\n');
    writeFile(dir, 'notes.txt', 'ignored');
    writeFile(dir, 'node_modules/dep/template.json', cfn);
    const docs = loadPaths([dir]);
    // The .tf.json files of a directory are one Terraform module, named by the directory.
    expect(docs.map((d) => path.relative(dir, d.file))).toEqual([path.join('infra', 'deep', 'stack.yaml'), 'infra']);
    expect(docs[1].resources.map((r) => path.relative(dir, r.source.file))).toEqual([
      path.join('infra', 'net.tf.json'),
    ]);
  });

  test('the same file named twice loads once', () => {
    const file = writeFile(tmp.dir, 'twice.json', cfn);
    expect(loadPaths([file, path.join(tmp.dir, '.', 'twice.json')])).toHaveLength(1);
  });
});

describe('loadPaths: bad input is an InputError naming the file', () => {
  test('missing path', () => {
    const missing = path.join(tmp.dir, 'nope.json');
    const e = inputError(() => loadPaths([missing]));
    expect(e.file).toBe(missing);
    expect(e.message).toBe(`${missing}: no such file or directory`);
  });

  test('malformed JSON, with the line', () => {
    const file = writeFile(
      tmp.dir,
      'bad.json',
      '{\n  "Resources": {\n    "B": { "Type": "AWS::S3::Bucket", }\n  }\n}\n',
    );
    const e = inputError(() => loadPaths([file]));
    expect(e.file).toBe(file);
    expect(e.line).toBe(3);
    expect(e.message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: malformed JSON \\(`));
    expect(e.message).not.toContain('\n');
  });

  test('JSON that is neither a template nor Terraform', () => {
    const file = writeFile(tmp.dir, 'package.json', { name: 'x' });
    expect(inputError(() => loadPaths([file])).message).toMatch(
      /package\.json: expected a CloudFormation template .* or Terraform JSON/,
    );
  });

  test('unknown file kind', () => {
    const file = writeFile(tmp.dir, 'main.txt', 'x');
    expect(inputError(() => loadPaths([file])).message).toMatch(/main\.txt: unsupported file kind/);
  });

  test('malformed HCL names the file and the line', () => {
    const file = writeFile(tmp.dir, 'hcl/main.tf', 'locals {}\nresource "aws_s3_bucket" "b" {\n');
    const e = inputError(() => loadPaths([file]));
    expect(e.file).toBe(file);
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/main\.tf:2: malformed HCL \(Unclosed configuration block\)/);
  });

  test('a directory with nothing to check', () => {
    const dir = path.join(tmp.dir, 'empty');
    writeFile(dir, 'readme.md', '# nothing');
    const e = inputError(() => loadPaths([dir]));
    expect(e.file).toBe(dir);
    expect(e.message).toMatch(/no .* found in this directory/);
  });

  test('a malformed file inside a scanned directory', () => {
    const dir = path.join(tmp.dir, 'scan-bad');
    writeFile(dir, 'ok.tf.json', tf);
    const bad = writeFile(dir, 'sub/broken.json', '{ "resource": ');
    expect(inputError(() => loadPaths([dir])).file).toBe(bad);
  });

  test('malformed template structure', () => {
    const file = writeFile(tmp.dir, 'notype.json', { Resources: { B: { Properties: {} } } });
    expect(inputError(() => loadPaths([file])).message).toMatch(
      /notype\.json: resource B: expected an object with a string "Type"/,
    );
  });

  test.each([
    [
      [{ ruleId: 'ZT-DATA-1', reason: 'long enough reason for the check' }],
      /zt:waivers\[0\]\.ruleId: expected a rule id/,
    ],
    [
      [{ ruleId: 'ZT-DATA-001', reason: 'too short' }],
      /zt:waivers\[0\]\.reason: expected a reason of at least 20 visible characters/,
    ],
    [
      [{ ruleId: 'ZT-DATA-001', reason: 'long enough reason for the check', expires: 'soon' }],
      /zt:waivers\[0\]\.expires: expected an ISO date/,
    ],
    ['ZT-DATA-001', /zt:waivers must be an array/],
  ])('a malformed template waiver %# names the file and the resource', (waivers, message) => {
    const file = writeFile(tmp.dir, 'waiver.json', {
      Resources: { Bucket: { Type: 'AWS::S3::Bucket', Metadata: { 'zt:waivers': waivers } } },
    });
    const e = inputError(() => loadPaths([file]));
    expect(e.file).toBe(file);
    expect(e.message).toContain(`${file}: resource Bucket: `);
    expect(e.message).toMatch(message);
  });

  test('in-memory templates validate the same way', () => {
    expect(() => loadCloudFormationObject({ Resources: [] }, { file: 'mem.json' })).toThrow(
      'mem.json: expected "Resources" to be an object',
    );
    expect(() => loadCloudFormationObject('x', { file: 'mem.json' })).toThrow(InputError);
  });
});
