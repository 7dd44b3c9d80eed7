import * as fs from 'fs';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { waive } from '../../lib/aws/waive';
import { WAIVER_METADATA_KEY } from '../../lib/core/waiver';
import { buildGraph, evaluate, fail, loadPaths } from '../../policies/engine';
import type { Document, Resource } from '../../policies/engine';
import { testRule } from '../support/rules';
import { tempDir } from '../support/temp-dir';

/**
 * `waive()` records a waiver once, in the template (Metadata["zt:waivers"], with the expiry); a CDK
 * acknowledgement `ZeroTrust::<rule>` lands in the stack's metadata file. When both waive one rule
 * on one resource the engine lists one waiver, and keeps the template's expiry: an acknowledgement
 * never revives an expired waiver. Path metadata is on, as the CDK CLI turns it on for `cdk synth`.
 */
const LOG_REASON = 'The access-log bucket cannot log into itself; it is the sink.';
const STACK_REASON = 'Stack-wide: these buckets are only read by the batch role.';
const RAW_REASON = 'The raw bucket has its own, narrower reason for the same rule.';
const ACK_REASON = 'Acknowledged through the CDK only, without template metadata.';
const OLD_REASON = 'Temporary exception for the migration, long expired by now.';

const tmp = tempDir('cdk-waivers');
const outdir = path.join(tmp.dir, 'cdk.out');
let documents: Document[];

beforeAll(() => {
  const app = new App({
    outdir,
    builtinCloudFormationValidation: false,
    context: { 'aws:cdk:enable-path-metadata': true },
  });
  const stack = new Stack(app, 'Lake');
  const logs = new s3.Bucket(stack, 'Logs');
  const raw = new s3.Bucket(stack, 'Raw');
  const old = new s3.Bucket(stack, 'Old');
  waive(logs, { ruleId: 'ZT-DATA-006', reason: LOG_REASON, expires: '2099-12-31' });
  waive(stack, { ruleId: 'ZT-DATA-003', reason: STACK_REASON });
  waive(raw, { ruleId: 'ZT-DATA-003', reason: RAW_REASON });
  waive(old, { ruleId: 'ZT-DATA-007', reason: OLD_REASON, expires: '2020-01-31' });
  Validations.of(old).acknowledge({ id: 'ZeroTrust::ZT-DATA-007', reason: ACK_REASON });
  Validations.of(raw).acknowledge({ id: 'ZeroTrust::ZT-DATA-001', reason: ACK_REASON });
  app.synth();
  documents = loadPaths([outdir]);
});
afterAll(() => tmp.remove());

const bucket = (name: string): Resource => {
  const found = documents[0].resources.find((r) => r.source.constructPath === `Lake/${name}/Resource`);
  if (!found) throw new Error(`no bucket ${name}`);
  return found;
};
const TEMPLATE = { origin: 'template-metadata' };
const MERGED = {
  origin: 'template-metadata+cdk-acknowledgement',
  origins: ['template-metadata', 'cdk-acknowledgement'],
};

describe('waivers from waive() and from CDK acknowledgements (real synth)', () => {
  test('waive() writes the template only; an acknowledgement goes to the stack metadata', () => {
    const template = JSON.parse(fs.readFileSync(path.join(outdir, 'Lake.template.json'), 'utf8'));
    const logs = template.Resources[bucket('Logs').address];
    expect(logs.Metadata[WAIVER_METADATA_KEY]).toContainEqual({
      ruleId: 'ZT-DATA-006',
      reason: LOG_REASON,
      expires: '2099-12-31',
    });
    const metadata = fs.readFileSync(path.join(outdir, 'Lake.metadata.json'), 'utf8');
    expect(metadata).not.toContain('"ZeroTrust::ZT-DATA-006"');
    expect(metadata).toContain('"ZeroTrust::ZT-DATA-007"');
  });

  test('one waiver per (resource, rule), from the template, with its expiry', () => {
    // The stack's aspect runs before the bucket's, so its waiver comes first.
    expect(bucket('Logs').waivers).toEqual([
      { ruleId: 'ZT-DATA-003', reason: STACK_REASON, ...TEMPLATE },
      { ruleId: 'ZT-DATA-006', reason: LOG_REASON, expires: '2099-12-31', ...TEMPLATE },
    ]);
  });

  test('a rule waived at two levels keeps the nearest reason, still once', () => {
    const raw = bucket('Raw').waivers;
    expect(raw.filter((w) => w.ruleId === 'ZT-DATA-003')).toEqual([
      { ruleId: 'ZT-DATA-003', reason: RAW_REASON, ...TEMPLATE },
    ]);
  });

  test('an acknowledgement without template metadata stays a waiver of its own origin', () => {
    expect(bucket('Raw').waivers.find((w) => w.ruleId === 'ZT-DATA-001')).toEqual({
      ruleId: 'ZT-DATA-001',
      reason: ACK_REASON,
      origin: 'cdk-acknowledgement',
    });
  });

  test('an acknowledgement of a rule waive() waived merges into it, keeping the expiry', () => {
    expect(bucket('Old').waivers.filter((w) => w.ruleId === 'ZT-DATA-007')).toEqual([
      { ruleId: 'ZT-DATA-007', reason: OLD_REASON, expires: '2020-01-31', ...MERGED },
    ]);
  });

  test('evaluation lists each waiver once; the acknowledged expired waiver is still expired', () => {
    const rules = ['ZT-DATA-006', 'ZT-DATA-007'].map((id) =>
      testRule(id, { 'AWS::S3::Bucket': () => fail('not compliant', 'X') }),
    );
    const result = evaluate(buildGraph(documents), rules, { now: new Date('2030-01-01') });
    const keys = result.waivers.map((w) => `${w.resource.address} ${w.ruleId}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(result.waivers.filter((w) => w.ruleId === 'ZT-DATA-006')).toEqual([
      expect.objectContaining({ expires: '2099-12-31', expired: false, origin: 'template-metadata' }),
    ]);
    const expired = result.findings.filter((f) => f.kind === 'expired-waiver');
    expect(expired.map((f) => [f.ruleId, f.resource.address])).toEqual([['ZT-DATA-007', bucket('Old').address]]);
    const old = result.findings.find(
      (f) => f.kind === 'check' && f.ruleId === 'ZT-DATA-007' && f.resource.address === bucket('Old').address,
    );
    expect(old?.status).toBe('fail');
    const logs = result.findings.find(
      (f) => f.ruleId === 'ZT-DATA-006' && f.resource.address === bucket('Logs').address,
    );
    expect(logs?.status).toBe('waived');
  });
});
