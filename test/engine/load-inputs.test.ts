import * as path from 'path';
import { InputError, loadInputs, loadPaths } from '../../policies/engine';
import { tempDir, writeFile } from '../support/temp-dir';
import { thrown } from '../support/thrown';

/** loadInputs never yields zero documents silently, and directory detection is strict. */
const tmp = tempDir('inputs');
afterAll(() => tmp.remove());

const inputError = (fn: () => unknown): InputError => thrown(InputError, fn);
const cfn = { Resources: { B: { Type: 'AWS::S3::Bucket' } } };
const tf = { resource: { aws_s3_bucket: { b: { bucket: 'x' } } } };
const stackArtifact = (templateFile: string) => ({
  type: 'aws:cloudformation:stack',
  environment: 'aws://unknown-account/unknown-region',
  properties: { templateFile },
});

function tree(name: string, files: Record<string, string | object>): string {
  const dir = path.join(tmp.dir, name);
  for (const [file, content] of Object.entries(files)) writeFile(dir, file, content);
  return dir;
}

describe('directory detection is not fooled', () => {
  test('a manifest.json with a string version is not an assembly: the templates beside it are read', () => {
    const dir = tree('web-app', {
      'manifest.json': { version: '1.0.0', name: 'my web app' },
      'infra/stack.template.json': cfn,
    });
    const { documents, skipped } = loadInputs([dir]);
    expect(documents.map((d) => path.relative(dir, d.file))).toEqual([path.join('infra', 'stack.template.json')]);
    expect(skipped).toEqual([]);
  });

  test('stacks/*/cdk.tf.json without a cdktf manifest is Terraform found by the scan, with its siblings', () => {
    const dir = tree('fake-cdktf', {
      'stacks/a/cdk.tf.json': tf,
      'other/main.tf.json': tf,
      'top.yaml': 'Resources: {}\n',
    });
    const docs = loadPaths([dir]);
    expect(docs.map((d) => [path.relative(dir, d.file), d.deployment])).toEqual([
      [path.join('other'), undefined],
      [path.join('stacks', 'a'), undefined],
      ['top.yaml', undefined],
    ]);
  });

  test('an assembly with no stack is skipped with the reason; loadPaths refuses zero documents', () => {
    const dir = tree('empty-assembly', {
      'manifest.json': {
        version: '48.0.0',
        artifacts: { Tree: { type: 'cdk:tree', properties: { file: 'tree.json' } } },
      },
    });
    expect(loadInputs([dir])).toEqual({
      documents: [],
      skipped: [{ path: dir, reason: 'cloud assembly with no stack templates (no aws:cloudformation:stack artifact)' }],
    });
    expect(inputError(() => loadPaths([dir])).file).toBe(dir);
  });

  test('a misspelled artifact type is reported, not ignored', () => {
    const dir = tree('misspelled', {
      'manifest.json': {
        version: '48.0.0',
        artifacts: { Data: { ...stackArtifact('Data.template.json'), type: 'aws:cloudformation:stak' } },
      },
      'Data.template.json': cfn,
    });
    const { skipped } = loadInputs([dir]);
    expect(skipped.map((s) => s.reason)).toEqual([
      'artifact type aws:cloudformation:stak is not checked',
      'cloud assembly with no stack templates (no aws:cloudformation:stack artifact)',
    ]);
  });

  test('a directory with no template, and a root module of only remote module blocks, are reported', () => {
    const empty = tree('nothing', { 'README.md': '# docs', 'package.json': { name: 'x' } });
    const modules = tree('only-modules', {
      'main.tf.json': { module: { vpc: { source: 'terraform-aws-modules/vpc/aws', version: '5.0.0' } } },
    });
    const { documents, skipped } = loadInputs([empty, modules]);
    expect(documents.map((d) => [d.id, d.resources.length])).toEqual([[modules, 0]]);
    expect(skipped).toEqual([
      { path: empty, reason: 'no CloudFormation template, Terraform configuration or plan found in this directory' },
      {
        path: `${path.join(modules, 'main.tf.json')}: module.vpc`,
        reason:
          'module source "terraform-aws-modules/vpc/aws" is not a local path; its resources are not loaded or checked',
      },
    ]);
  });

  test('cdktf.out: a listed stack without its cdk.tf.json, and an unlisted stack folder, are reported', () => {
    const dir = tree('cdktf-partial', {
      'manifest.json': {
        version: '0.21.0',
        stacks: {
          a: { name: 'a', synthesizedStackPath: 'stacks/a/cdk.tf.json', workingDirectory: 'stacks/a' },
          gone: { name: 'gone', synthesizedStackPath: 'stacks/gone/cdk.tf.json', workingDirectory: 'stacks/gone' },
        },
      },
      'stacks/a/cdk.tf.json': tf,
      'stacks/stale/cdk.tf.json': tf,
    });
    const { documents, skipped } = loadInputs([dir]);
    expect(documents.map((d) => [d.stack, d.deployment])).toEqual([['a', dir]]);
    expect(skipped.map((s) => [path.relative(dir, s.path), s.reason])).toEqual([
      [
        path.join('stacks', 'gone', 'cdk.tf.json'),
        'stack gone is listed in manifest.json but its cdk.tf.json is missing',
      ],
      [path.join('stacks', 'stale'), 'stack folder not listed in manifest.json (a stale synth?); not checked'],
    ]);
  });
});

describe('an assembly may not point outside itself or at itself', () => {
  test('a templateFile outside the assembly directory is refused, naming the manifest', () => {
    writeFile(tmp.dir, 'outside.template.json', cfn);
    const dir = tree('escape', {
      'manifest.json': { version: '48.0.0', artifacts: { Data: stackArtifact('../outside.template.json') } },
    });
    const e = inputError(() => loadPaths([dir]));
    expect(e.file).toBe(path.join(dir, 'manifest.json'));
    expect(e.message).toMatch(/artifact Data: templateFile \.\.\/outside\.template\.json points outside the assembly/);
  });

  test('a nested assembly that is the assembly itself is an InputError, not a stack overflow', () => {
    const dir = tree('self-nested', {
      'manifest.json': {
        version: '48.0.0',
        artifacts: { Self: { type: 'cdk:cloud-assembly', properties: { directoryName: '.' } } },
      },
    });
    const e = inputError(() => loadPaths([dir]));
    expect(e.file).toBe(path.join(dir, 'manifest.json'));
    expect(e.message).toMatch(/refers back to an assembly being loaded/);
  });
});

describe('collectErrors: one bad path does not hide the others', () => {
  test('the good path loads, the bad one is an error', () => {
    const good = writeFile(tmp.dir, 'good.json', cfn);
    const bad = writeFile(tmp.dir, 'bad.json', '{');
    const result = loadInputs([bad, good], { collectErrors: true });
    expect(result.documents.map((d) => d.file)).toEqual([good]);
    expect(result.errors?.map((e) => (e as InputError).file)).toEqual([bad]);
    expect(() => loadInputs([bad, good])).toThrow(InputError);
  });
});
