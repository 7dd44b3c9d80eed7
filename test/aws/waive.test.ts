import { App, Aspects, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Construct, IConstruct } from 'constructs';
import { acknowledgeNagRule, waive } from '../../lib/aws/waive';
import { BlueprintConfigError } from '../../lib/core/errors';
import { WAIVER_METADATA_KEY } from '../../lib/core/waiver';

const REASON_1 = 'Access-log destination: logging it into itself would loop.';
const REASON_2 = 'The inner construct has its own, narrower reason for this.';
const REASON_3 = 'S3 server access logs cannot be delivered to an SSE-KMS bucket.';

// Built-in CloudFormation schema validation costs ~7 s of CPU per synth; it is asserted once, in
// validation-plugins.test.ts, so the assertion-only synths here skip it.
const app = new App({ builtinCloudFormationValidation: false });
const stack = new Stack(app, 'W');
const topic = (scope: Construct, id: string) => new CfnResource(scope, id, { type: 'AWS::SNS::Topic' });
const scope = new Construct(stack, 'Scope');
const early = topic(scope, 'Early');
const inner = new Construct(scope, 'Inner');
const nested = topic(inner, 'Nested');
const outside = topic(stack, 'Outside');

const returned = waive(scope, { ruleId: 'ZT-DATA-006', reason: `  ${REASON_1}  `, expires: '2099-12-31' });
waive(inner, { ruleId: 'ZT-DATA-006', reason: REASON_2 });
waive(scope, { ruleId: 'ZT-DATA-001', reason: REASON_3 });
// Added after the waivers: still covered, because the metadata is written at synth time.
const late = topic(scope, 'Late');
const lateNested = topic(inner, 'LateNested');

acknowledgeNagRule(outside, 'AwsSolutions-SNS2', 'This test topic carries no data, so no key is needed.');
acknowledgeNagRule(outside, 'AwsSolutions-IAM5[Action::s3:*]', 'Finding-level acknowledgement for the test.');
acknowledgeNagRule(outside, 'HIPAA.Security-SNSEncryptedKMS', 'Other packs are qualified by their own name.');

const resources = Template.fromStack(stack).toJSON().Resources as Record<
  string,
  { Metadata?: Record<string, unknown> }
>;
const waiversOn = (r: CfnResource) => resources[stack.getLogicalId(r)].Metadata?.[WAIVER_METADATA_KEY];
const acknowledgements = (c: IConstruct) =>
  c.node.metadata
    .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .map((m) => m.data as Record<string, string>);

describe('waive()', () => {
  test('writes the waiver into Metadata["zt:waivers"] of every resource below the scope', () => {
    expect(waiversOn(early)).toEqual([
      { ruleId: 'ZT-DATA-006', reason: REASON_1, expires: '2099-12-31' },
      { ruleId: 'ZT-DATA-001', reason: REASON_3 },
    ]);
  });

  test('covers resources added under the scope after waive() was called', () => {
    expect(waiversOn(late)).toEqual(waiversOn(early));
    expect(waiversOn(lateNested)).toEqual(waiversOn(nested));
  });

  test('the waiver nearest the resource wins for the same rule; other rules are kept', () => {
    expect(waiversOn(nested)).toEqual([
      { ruleId: 'ZT-DATA-006', reason: REASON_2 },
      { ruleId: 'ZT-DATA-001', reason: REASON_3 },
    ]);
  });

  test('resources outside the scope get no waiver', () => {
    expect(waiversOn(outside)).toBeUndefined();
  });

  test('registers no CDK acknowledgement: CDK would apply it to the plugin without the expiry', () => {
    expect(acknowledgements(scope)).toEqual([]);
    expect(acknowledgements(inner)).toEqual([]);
  });

  test('returns the normalized waiver', () => {
    expect(returned).toEqual({ ruleId: 'ZT-DATA-006', reason: REASON_1, expires: '2099-12-31' });
  });

  test.each([
    ['ruleId', { ruleId: 'DATA-006', reason: REASON_1 }],
    ['ruleId', { ruleId: 'zt-data-006', reason: REASON_1 }],
    ['reason', { ruleId: 'ZT-DATA-006', reason: 'because' }],
    ['reason', { ruleId: 'ZT-DATA-006', reason: '                         ' }],
    ['reason', { ruleId: 'ZT-DATA-006', reason: '\u200b\u200c\u200d\u2060\ufeff'.repeat(8) }],
    ['reason', { ruleId: 'ZT-DATA-006', reason: 'short but    padded     out' }],
    ['expires', { ruleId: 'ZT-DATA-006', reason: REASON_1, expires: '2099-02-30' }],
    ['expires', { ruleId: 'ZT-DATA-006', reason: REASON_1, expires: '31.12.2099' }],
  ])('rejects a bad %s, naming the scope', (field, waiver) => {
    const target = new Construct(new Stack(new App(), 'E'), 'Target');
    expect(() => waive(target, waiver)).toThrow(BlueprintConfigError);
    expect(() => waive(target, waiver)).toThrow(`Invalid waiver(E/Target).${field}:`);
    expect(Aspects.of(target).all).toEqual([]); // nothing will be written
  });
});

describe('acknowledgeNagRule()', () => {
  test('records the plugin-qualified id with the reason', () => {
    expect(acknowledgements(outside)).toEqual([
      { 'AwsSolutions::AwsSolutions-SNS2': 'This test topic carries no data, so no key is needed.' },
      { 'AwsSolutions::AwsSolutions-IAM5[Action::s3:*]': 'Finding-level acknowledgement for the test.' },
      { 'HIPAA.Security::HIPAA.Security-SNSEncryptedKMS': 'Other packs are qualified by their own name.' },
    ]);
  });

  test.each([
    ['ruleId', 'S1', 'A sufficiently long reason for the test.'],
    ['ruleId', 'AwsSolutions::AwsSolutions-S1', 'A sufficiently long reason for the test.'],
    ['reason', 'AwsSolutions-S1', 'n/a'],
    ['reason', 'AwsSolutions-S1', '\u200b'.repeat(30)],
  ])('rejects a bad %s', (field, ruleId, reason) => {
    const target = new Construct(new Stack(new App(), 'N'), 'Target');
    expect(() => acknowledgeNagRule(target, ruleId, reason)).toThrow(`Invalid acknowledgeNagRule(N/Target).${field}:`);
    expect(acknowledgements(target)).toEqual([]);
  });
});
