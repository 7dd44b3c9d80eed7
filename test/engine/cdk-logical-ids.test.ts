import * as fs from 'fs';
import * as path from 'path';
import { App, NestedStack, Stack, Stage, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { waive } from '../../lib/aws/waive';
import { loadPaths } from '../../policies/engine';
import type { Document, Resource } from '../../policies/engine';
import { tempDir } from '../support/temp-dir';

/**
 * A plain `new App().synth()` (no CDK CLI) writes no `aws:cdk:path` template metadata. Construct
 * paths, and with them acknowledgements, then come from the `aws:cdk:logicalId` entries of each
 * stack's metadata file. Logical IDs repeat across a stack and its nested stack, so the mapping
 * must be per template.
 */
const NESTED_REASON = 'The nested feature store is rebuilt from the lake every night.';
const STAGE_REASON = 'The stage bucket only holds public reference data sets.';
const WAIVE_REASON = 'The access-log bucket cannot log into itself; it is the sink.';

const tmp = tempDir('cdk-logical-ids');
const outdir = path.join(tmp.dir, 'cdk.out');
let documents: Document[];

beforeAll(() => {
  const app = new App({ outdir, builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'Data');
  // The same construct id in the stack and its nested stack: the same logical ID in two templates.
  new s3.Bucket(stack, 'Store');
  const logs = new s3.Bucket(stack, 'Logs');
  waive(logs, { ruleId: 'ZT-DATA-006', reason: WAIVE_REASON, expires: '2099-12-31' });
  const nested = new NestedStack(stack, 'Features');
  const nestedStore = new s3.Bucket(nested, 'Store');
  Validations.of(nestedStore).acknowledge({ id: 'ZeroTrust::ZT-DATA-007', reason: NESTED_REASON });
  const stage = new Stage(app, 'Prod');
  const svc = new Stack(stage, 'Svc');
  Validations.of(svc).acknowledge({ id: 'ZeroTrust::ZT-DATA-005', reason: STAGE_REASON });
  new s3.Bucket(svc, 'Curated');
  app.synth();
  documents = loadPaths([outdir]);
});
afterAll(() => tmp.remove());

const buckets = (): Resource[] => documents.flatMap((d) => d.resources).filter((r) => r.type === 'AWS::S3::Bucket');
const atPath = (constructPath: string): Resource | undefined =>
  buckets().find((r) => r.source.constructPath === constructPath);

describe('CDK acknowledgements without aws:cdk:path metadata (real synth, plain App)', () => {
  test('the templates carry no path metadata', () => {
    const template = fs.readFileSync(path.join(outdir, 'Data.template.json'), 'utf8');
    expect(template).not.toContain('aws:cdk:path');
    expect(documents.map((d) => d.stack)).toHaveLength(3);
  });

  test('construct paths come from the logical IDs, per template', () => {
    expect(
      buckets()
        .map((r) => r.source.constructPath)
        .sort(),
    ).toEqual([
      'Data/Features/Store/Resource',
      'Data/Logs/Resource',
      'Data/Store/Resource',
      'Prod/Svc/Curated/Resource',
    ]);
    const store = atPath('Data/Store/Resource');
    const nestedStore = atPath('Data/Features/Store/Resource');
    expect(store?.address).toBe(nestedStore?.address);
    expect(store?.documentId).not.toBe(nestedStore?.documentId);
  });

  test('an acknowledgement in a nested stack waives that resource only', () => {
    expect(atPath('Data/Features/Store/Resource')?.waivers).toEqual([
      { ruleId: 'ZT-DATA-007', reason: NESTED_REASON, origin: 'cdk-acknowledgement' },
    ]);
    expect(atPath('Data/Store/Resource')?.waivers).toEqual([]);
  });

  test('an acknowledgement on a stage stack covers its resources', () => {
    expect(atPath('Prod/Svc/Curated/Resource')?.waivers).toEqual([
      { ruleId: 'ZT-DATA-005', reason: STAGE_REASON, origin: 'cdk-acknowledgement' },
    ]);
  });

  test('waive() yields one waiver, from the template metadata', () => {
    expect(atPath('Data/Logs/Resource')?.waivers).toEqual([
      { ruleId: 'ZT-DATA-006', reason: WAIVE_REASON, expires: '2099-12-31', origin: 'template-metadata' },
    ]);
  });
});
