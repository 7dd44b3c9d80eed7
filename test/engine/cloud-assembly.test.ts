import * as fs from 'fs';
import * as path from 'path';
import { checkPaths, fail, InputError, loadPaths, pass } from '../../policies/engine';
import type { Document, Resource } from '../../policies/engine';
import { ACK_REASON, synthCdkApp } from '../support/synth-cdk';
import { testRule } from '../support/rules';
import { tempDir, writeFile } from '../support/temp-dir';

const tmp = tempDir('cdk');
const outdir = path.join(tmp.dir, 'cdk.out');
let documents: Document[];

beforeAll(() => {
  synthCdkApp(outdir);
  documents = loadPaths([outdir]);
});
afterAll(() => tmp.remove());

const byStack = (docs: Document[], stack: string) => docs.find((d) => d.stack === stack);
const withPath = (docs: Document[], constructPath: string): Resource | undefined =>
  docs.flatMap((d) => d.resources).find((r) => r.source.constructPath === constructPath);

describe('CDK cloud assembly loader (real synth output)', () => {
  test('loads every stack, the nested stack and the stage stack as their own documents', () => {
    expect(documents.map((d) => d.stack).sort()).toEqual([
      'Data',
      expect.stringMatching(/^Data\/Features.*NestedStackResource/),
      'Prod-Svc',
    ]);
    expect(documents.every((d) => d.format === 'cloudformation')).toBe(true);
    const nested = documents.find((d) => d.file.endsWith('.nested.template.json'));
    expect(nested?.resources.map((r) => r.type)).toEqual(['AWS::S3::Bucket']);
    expect(byStack(documents, 'Prod-Svc')?.file).toContain(path.join('assembly-Prod', ''));
  });

  test('normalizes resources: address, type, provider, properties, attributes, construct path', () => {
    const key = withPath(documents, 'Data/Key/Resource');
    expect(key).toMatchObject({
      type: 'AWS::KMS::Key',
      provider: 'aws',
      source: { format: 'cloudformation', stack: 'Data' },
    });
    expect(key?.properties.EnableKeyRotation).toBe(true);
    expect(key?.attributes).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(key?.attributes.Metadata).toMatchObject({ 'aws:cdk:path': 'Data/Key/Resource' });
    expect(key?.address).toMatch(/^Key[0-9A-F]{8}$/);
    expect(key?.key).toBe(`${key?.documentId}#${key?.address}`);
    const data = byStack(documents, 'Data');
    expect(data?.parameters).toHaveProperty('BootstrapVersion');
  });

  test('one deployment id for every document of the assembly; the nested stack names its parent resource', () => {
    expect(new Set(documents.map((d) => d.deployment))).toEqual(new Set([path.resolve(outdir)]));
    const data = byStack(documents, 'Data') as Document;
    const nested = documents.find((d) => d.file.endsWith('.nested.template.json')) as Document;
    const stackResource = data.resources.find((r) => r.type === 'AWS::CloudFormation::Stack');
    expect(nested.parent).toEqual({ documentId: data.id, address: stackResource?.address });
    expect(data.parent).toBeUndefined();
    // Outputs as the templates declare them (Fn::ImportValue / GetAtt Outputs.x targets), and each resource's line.
    for (const doc of [data, nested]) {
      expect(doc.outputs).toEqual(JSON.parse(fs.readFileSync(doc.file, 'utf8')).Outputs ?? {});
    }
    expect(data.resources.every((r) => typeof r.source.line === 'number' && r.source.line > 1)).toBe(true);
  });

  test('nested stack resources carry their construct path and the nested stack name', () => {
    const store = withPath(documents, 'Data/Features/Store/Resource');
    expect(store?.source.stack).toMatch(/^Data\//);
    expect(store?.source.file).toMatch(/\.nested\.template\.json$/);
  });

  test('a ZeroTrust:: acknowledgement becomes a waiver on the resources at or below the path', () => {
    const logs = withPath(documents, 'Data/Logs/Resource');
    expect(logs?.waivers).toEqual([{ ruleId: 'ZT-DATA-006', reason: ACK_REASON, origin: 'cdk-acknowledgement' }]);
    // The bucket policy of the log bucket sits below the acknowledging construct too.
    const policy = withPath(documents, 'Data/Logs/Policy/Resource');
    expect(policy?.waivers.map((w) => w.ruleId)).toEqual(['ZT-DATA-006']);
    // Siblings and other tools' acknowledgements are not waivers.
    expect(withPath(documents, 'Data/Raw/Resource')?.waivers).toEqual([]);
    const all = documents.flatMap((d) => d.resources).flatMap((r) => r.waivers);
    expect(all.every((w) => w.ruleId === 'ZT-DATA-006')).toBe(true);
  });

  test('checkPaths: an acknowledged failure is waived, the others fail', () => {
    const logging = testRule('ZT-DATA-006', {
      'AWS::S3::Bucket': (r) =>
        r.properties.LoggingConfiguration ? pass('logs') : fail('no access logs', 'LoggingConfiguration'),
    });
    const result = checkPaths([outdir], [logging], { now: new Date('2030-01-01') });
    const statuses = Object.fromEntries(result.findings.map((f) => [f.source.constructPath, f.status]));
    expect(statuses).toEqual({
      'Data/Logs/Resource': 'waived',
      'Data/Raw/Resource': 'pass',
      'Data/Features/Store/Resource': 'fail',
      'Prod/Svc/Curated/Resource': 'fail',
    });
    expect(result.waivers.map((w) => [w.resource.type, w.origin, w.matched])).toEqual([
      ['AWS::S3::Bucket', 'cdk-acknowledgement', true],
      ['AWS::S3::BucketPolicy', 'cdk-acknowledgement', false],
    ]);
  });

  test('a scanned directory that holds an assembly loads it as an assembly', () => {
    const parent = path.join(tmp.dir, 'repo');
    fs.cpSync(outdir, path.join(parent, 'cdk.out'), { recursive: true });
    writeFile(parent, 'extra/net.tf.json', { resource: { aws_vpc: { v: {} } } });
    const docs = loadPaths([parent]);
    expect(docs.map((d) => d.stack ?? d.format)).toEqual([...documents.map((d) => d.stack), 'terraform']);
    expect(withPath(docs, 'Data/Logs/Resource')?.waivers).toHaveLength(1);
  });

  test('nested templates are found by asset hash, then as leftovers, when asset metadata is missing', () => {
    const copy = path.join(tmp.dir, 'no-asset-metadata');
    fs.cpSync(outdir, copy, { recursive: true });
    const templateFile = path.join(copy, 'Data.template.json');
    const template = JSON.parse(fs.readFileSync(templateFile, 'utf8'));
    for (const r of Object.values<{ Metadata?: Record<string, unknown> }>(template.Resources)) {
      delete r.Metadata?.['aws:asset:path'];
    }
    fs.writeFileSync(templateFile, JSON.stringify(template));
    const viaHash = loadPaths([copy]);
    expect(viaHash.map((d) => d.stack)).toEqual(documents.map((d) => d.stack));

    fs.rmSync(path.join(copy, 'Data.assets.json'));
    const leftovers = loadPaths([copy]);
    const nested = leftovers.find((d) => d.file.endsWith('.nested.template.json'));
    expect(nested?.stack).toMatch(/^DataFeatures/);
    expect(nested?.resources).toHaveLength(1);
  });

  test('a single template of the assembly loads on its own', () => {
    const [doc] = loadPaths([path.join(outdir, 'Data.template.json')]);
    expect(doc.stack).toBeUndefined();
    expect(doc.resources.map((r) => r.type)).toContain('AWS::S3::BucketPolicy');
  });

  test('a manifest pointing at a missing template is an input error naming the file', () => {
    const copy = path.join(tmp.dir, 'missing-template');
    fs.cpSync(outdir, copy, { recursive: true });
    fs.rmSync(path.join(copy, 'Data.template.json'));
    expect(() => loadPaths([copy])).toThrow(InputError);
    expect(() => loadPaths([copy])).toThrow(/Data\.template\.json: no such file/);
  });

  test('a short acknowledgement reason is an input error naming the metadata file and path', () => {
    const copy = path.join(tmp.dir, 'bad-ack');
    fs.cpSync(outdir, copy, { recursive: true });
    const metadataFile = path.join(copy, 'Data.metadata.json');
    const metadata = JSON.parse(fs.readFileSync(metadataFile, 'utf8'));
    metadata['/Data/Raw'] = [{ type: 'aws:cdk:acknowledged-rules', data: { 'ZeroTrust::ZT-DATA-001': 'too short' } }];
    fs.writeFileSync(metadataFile, JSON.stringify(metadata));
    expect(() => loadPaths([copy])).toThrow(
      /Data\.metadata\.json: acknowledgement ZeroTrust::ZT-DATA-001 on \/Data\/Raw: .*reason/,
    );
  });
});
