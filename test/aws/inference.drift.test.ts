import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { resolveConfig } from '../../lib/core/config';
import { SageMakerInference } from '../../lib/aws/inference';
import { AwsPlatformStack } from '../../stacks/aws-platform-stack';
import { arnOf, logicalId, resourceOf, resourcesOfType } from './helpers';
import { synthWithNag, tempApp } from './secrets-fixture';
import { Template } from 'aws-cdk-lib/assertions';

/**
 * Drift detection on the reference stack with config.inference.driftMonitoring: the Model Monitor
 * data-quality job definition and schedule, its role, and the drift alarms on the alert topic, one
 * security property per test; the whole app stays clean under cdk-nag and the zero-trust pack.
 */
const { app, remove } = tempApp('drift');
const config = resolveConfig({ inference: { driftMonitoring: { features: ['text', 'lang'] } } });
const stack = new AwsPlatformStack(app, 'Platform', { config });
const nag = synthWithNag(app);
const template = Template.fromJSON(
  JSON.parse(fs.readFileSync(path.join(app.outdir, `${stack.artifactId}.template.json`), 'utf8')),
);
afterAll(remove);
const dq = stack.inference.model.dataQuality!;
const job = () => resourceOf(template, dq.jobDefinition).Properties!;
const json = (v: unknown) => JSON.stringify(v);

describe('data-quality job definition', () => {
  test('network isolation on, inter-container traffic encrypted', () => {
    expect(job().NetworkConfig.EnableNetworkIsolation).toBe(true);
    expect(job().NetworkConfig.EnableInterContainerTrafficEncryption).toBe(true);
  });

  test("in the isolated subnets with the endpoint's security group", () => {
    const model = resourceOf(template, stack.inference.model.model).Properties!;
    expect(job().NetworkConfig.VpcConfig).toEqual({
      Subnets: model.VpcConfig.Subnets,
      SecurityGroupIds: model.VpcConfig.SecurityGroupIds,
    });
    expect(job().NetworkConfig.VpcConfig.Subnets).toEqual(stack.network.subnets.map((s) => stack.resolve(s.subnetId)));
  });

  test('volume and reports under the platform key; reports in the encrypted capture bucket', () => {
    expect(job().JobResources.ClusterConfig.VolumeKmsKeyId).toEqual(arnOf(stack.dataLake.key));
    expect(job().DataQualityJobOutputConfig.KmsKeyId).toEqual(arnOf(stack.dataLake.key));
    const out = json(job().DataQualityJobOutputConfig.MonitoringOutputs[0].S3Output.S3Uri);
    expect(out).toContain(logicalId(stack.inference.captureBucket));
    expect(out).toContain('/monitoring/ztai-dev-classifier/data-quality');
  });

  test('the baseline is the one signed with the model, in the registry folder behind the gate', () => {
    const cfg = json(job().DataQualityBaselineConfig);
    expect(cfg).toContain(logicalId(stack.models.registry.bucket));
    expect(cfg).toContain('/models/classifier/baseline/statistics.json');
    expect(cfg).toContain('/models/classifier/baseline/constraints.json');
    const deps = template.toJSON().Resources[logicalId(dq.jobDefinition)].DependsOn as string[];
    const gates = Object.keys(resourcesOfType(template, 'Custom::ZtModelSignatureVerification'));
    expect(deps.some((d) => gates.includes(d))).toBe(true);
  });

  test('the schedule runs the job hourly on the endpoint', () => {
    const s = resourceOf(template, dq.schedule).Properties!;
    expect(s.MonitoringScheduleConfig).toEqual({
      MonitoringJobDefinitionName: { 'Fn::Select': [1, { 'Fn::Split': ['/', { Ref: logicalId(dq.jobDefinition) }] }] },
      MonitoringType: 'DataQuality',
      ScheduleConfig: { ScheduleExpression: 'cron(0 * ? * * *)' },
    });
    expect(s.EndpointName).toEqual({ 'Fn::GetAtt': [logicalId(stack.inference.model.endpoint), 'EndpointName'] });
  });
});

describe('least-privilege monitoring role', () => {
  const statements = () =>
    resourceOf(template, dq.policy).Properties!.PolicyDocument.Statement as {
      Sid: string;
      Action: string | string[];
      Resource: unknown;
      Condition?: unknown;
    }[];
  const bySid = (sid: string) => statements().find((s) => s.Sid === sid)!;

  test('assumed by SageMaker for this account only', () => {
    const trust = resourceOf(template, dq.role).Properties!.AssumeRolePolicyDocument.Statement[0];
    expect(trust.Principal).toEqual({ Service: 'sagemaker.amazonaws.com' });
    expect(trust.Condition).toEqual({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } });
  });

  test('reads the two baseline objects and the capture prefix; writes the report prefix only', () => {
    expect(json(bySid('ReadBaseline').Resource)).toContain('/models/classifier/baseline/statistics.json');
    expect((bySid('ReadBaseline').Resource as unknown[]).length).toBe(2);
    expect(json(bySid('ReadCapture').Resource)).toContain('/capture/ztai-dev-classifier/*');
    expect(bySid('WriteReports').Action).toEqual(['s3:PutObject', 's3:AbortMultipartUpload']);
    expect(json(bySid('WriteReports').Resource)).toContain('/monitoring/ztai-dev-classifier/data-quality/*');
  });

  test('keys only through S3 and SageMaker; metrics only to the data-metrics namespace', () => {
    expect(bySid('KeysThroughServices').Resource).toEqual(arnOf(stack.dataLake.key));
    expect(json(bySid('KeysThroughServices').Condition)).toContain('kms:ViaService');
    expect(bySid('DriftMetrics').Condition).toEqual({
      StringEquals: { 'cloudwatch:namespace': 'aws/sagemaker/Endpoints/data-metrics' },
    });
  });

  test('no action wildcards', () => {
    for (const s of statements()) for (const a of ([] as string[]).concat(s.Action)) expect(a).not.toContain('*');
  });
});

describe('drift alarms', () => {
  const alarms = () =>
    Object.values(resourcesOfType(template, 'AWS::CloudWatch::Alarm')).filter((a) =>
      String(a.Properties!.MetricName).startsWith('feature_baseline_drift_'),
    );

  test('one alarm per feature, on the KMS-encrypted alert topic', () => {
    expect(alarms().map((a) => a.Properties!.MetricName)).toEqual([
      'feature_baseline_drift_text',
      'feature_baseline_drift_lang',
    ]);
    const topic = stack.operations.monitoring.topic;
    for (const a of alarms()) expect(a.Properties!.AlarmActions).toEqual([{ Ref: logicalId(topic) }]);
    expect(resourceOf(template, topic).Properties!.KmsMasterKeyId).toBeDefined();
  });

  test('a failed or stopped schedule (no datapoints) alarms too', () => {
    for (const a of alarms()) {
      expect(a.Properties).toMatchObject({
        TreatMissingData: 'breaching',
        Threshold: 0.1,
        Period: 3600,
        Dimensions: [
          { Name: 'Endpoint', Value: 'ztai-dev-classifier' },
          { Name: 'MonitoringSchedule', Value: 'ztai-dev-classifier-data-quality' },
        ],
      });
    }
  });
});

test('the app with drift monitoring is clean under cdk-nag and the zero-trust pack', () => {
  expect(nag.open).toEqual([]);
});

describe('props validation', () => {
  const build = (baseline: Record<string, unknown>, drift?: Record<string, unknown>) => {
    const s = new Stack(new App(), 'S');
    const vpc = new ec2.Vpc(s, 'Vpc', {
      natGateways: 0,
      subnetConfiguration: [{ name: 'i', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    });
    const key = new kms.Key(s, 'Key');
    return new SageMakerInference(s, 'Model', {
      project: 'proj',
      environment: 'dev',
      subnets: vpc.isolatedSubnets,
      securityGroups: [new ec2.SecurityGroup(s, 'Sg', { vpc })],
      key,
      modelBucket: new s3.Bucket(s, 'Models'),
      captureBucket: new s3.Bucket(s, 'Capture'),
      dataQualityBaseline: {
        statisticsUri: 's3://b/baseline/statistics.json',
        constraintsUri: 's3://b/baseline/constraints.json',
        features: ['x'],
        ...baseline,
        ...drift,
      } as never,
    });
  };
  const prop = 'SageMakerInference(S/Model).dataQualityBaseline';

  test('valid baseline: a schedule every 6 hours gives a 6-hour alarm period input', () => {
    expect(build({}, { scheduleExpression: 'cron(0 0/6 ? * * *)' }).dataQuality!.baseline.intervalHours).toBe(6);
  });

  test.each([
    ['statisticsUri', { statisticsUri: 'https://b.s3.amazonaws.com/stats.json' }],
    ['statisticsUri', { statisticsUri: 's3://b/' }],
    ['constraintsUri', { constraintsUri: 'b/constraints.json' }],
    ['features', { features: [] }],
    ['features[0]', { features: ['bad name'] }],
    ['scheduleExpression', { scheduleExpression: 'rate(1 hour)' }],
    ['driftThreshold', { driftThreshold: 0 }],
    ['instanceType', { instanceType: 'ml.m5d.xlarge' }],
    ['maxRuntimeSeconds', { maxRuntimeSeconds: 7200 }],
  ])('bad %s is an error naming it', (field, bad) => {
    expect(() => build(bad)).toThrow(`Invalid ${prop}.${field}:`);
  });

  test('the reference stack refuses drift monitoring without a signed baseline to read', () => {
    // Config validation names the config path, not the construct.
    expect(
      () =>
        new AwsPlatformStack(new App(), 'P', {
          config: resolveConfig({ inference: { driftMonitoring: { features: ['x'], driftThreshold: 2 } } }),
        }),
    ).toThrow('Invalid BlueprintConfig.inference.driftMonitoring.driftThreshold:');
  });
});
