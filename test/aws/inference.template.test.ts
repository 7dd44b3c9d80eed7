import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { resolveConfig } from '../../lib/core/config';
import { MANAGED_RULE_GROUPS } from '../../lib/aws/inference';
import { AwsPlatformStack } from '../../stacks/aws-platform-stack';
import { arnOf, logicalId, resourceOf, resourcesOfType } from './helpers';

/**
 * The custom-model serving path of the reference stack (default config: ml.g4dn.xlarge, IAM auth,
 * REGIONAL API behind WAF), one security property per test. Synthesized once.
 */
const app = new App();
const stack = new AwsPlatformStack(app, 'Platform', { config: resolveConfig() });
const template = Template.fromStack(stack);
const inf = stack.inference.model;
const json = (v: unknown) => JSON.stringify(v);

describe('SageMaker model and endpoint', () => {
  test('the model runs with network isolation in the isolated subnets, workload group only', () => {
    const model = resourceOf(template, inf.model).Properties!;
    expect(model.EnableNetworkIsolation).toBe(true);
    const subnetRefs = stack.network.subnets.map((s) => stack.resolve(s.subnetId));
    expect(model.VpcConfig.Subnets).toEqual(subnetRefs);
    expect(model.VpcConfig.SecurityGroupIds).toEqual([
      stack.resolve(stack.network.workloadSecurityGroup.securityGroupId),
    ]);
    expect(json(model.PrimaryContainer.ModelDataUrl)).toContain('/models/classifier/model.tar.gz');
  });

  test('NVMe instance type: no KmsKeyId on the endpoint config, capture still encrypted with the platform key', () => {
    const cfg = resourceOf(template, inf.endpointConfig).Properties!;
    expect(cfg.ProductionVariants[0].InstanceType).toBe('ml.g4dn.xlarge');
    expect(cfg.KmsKeyId).toBeUndefined();
    expect(inf.volumeKeyApplied).toBe(false);
    expect(cfg.DataCaptureConfig).toMatchObject({
      EnableCapture: true,
      InitialSamplingPercentage: 100,
      KmsKeyId: arnOf(stack.dataLake.key),
      CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }],
    });
    expect(json(cfg.DataCaptureConfig.DestinationS3Uri)).toContain(logicalId(stack.inference.captureBucket));
  });

  test('the capture bucket is hardened like the lake: SSE-KMS with the lake key, versioned, logged, retained', () => {
    const bucket = resourceOf(template, stack.inference.captureBucket);
    expect(bucket.DeletionPolicy).toBe('Retain');
    const p = bucket.Properties!;
    expect(p.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault).toEqual({
      SSEAlgorithm: 'aws:kms',
      KMSMasterKeyID: arnOf(stack.dataLake.key),
    });
    expect(p.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(p.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(p.LoggingConfiguration.DestinationBucketName).toEqual({ Ref: logicalId(stack.dataLake.accessLogBucket) });
  });

  test('the S3 gateway endpoint admits the capture bucket', () => {
    const policy = resourceOf(template, stack.network.s3Endpoint).Properties!.PolicyDocument;
    expect(json(policy)).toContain(logicalId(stack.inference.captureBucket));
  });

  test('the endpoint log group is KMS-encrypted, retained, with retention', () => {
    const lg = resourceOf(template, inf.endpointLogGroup);
    expect(lg.DeletionPolicy).toBe('Retain');
    expect(lg.Properties).toMatchObject({
      LogGroupName: '/aws/sagemaker/Endpoints/ztai-dev-classifier',
      KmsKeyId: arnOf(inf.logKey),
      RetentionInDays: 365,
    });
  });
});

describe('API Gateway in front of the endpoint', () => {
  const method = () => resourceOf(template, inf.method).Properties!;

  test('AWS service integration to the SageMaker runtime, no Lambda, least-privilege credentials role', () => {
    const m = method();
    expect(m.Integration.Type).toBe('AWS');
    expect(json(m.Integration.Uri)).toContain(':runtime.sagemaker:path/endpoints/ztai-dev-classifier/invocations');
    expect(m.Integration.Credentials).toEqual(arnOf(inf.invokeRole));
    expect(
      Object.keys(resourcesOfType(template, 'AWS::Lambda::Function')).filter((id) => /Inference/.test(id)),
    ).toEqual([]);
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [{ Ref: logicalId(inf.invokeRole) }],
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: 'sagemaker:InvokeEndpoint',
            Resource: {
              'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':endpoint/ztai-dev-classifier$')])],
            },
          },
        ],
      },
    });
  });

  test('IAM (SigV4) authorization and an API key on the method', () => {
    expect(method()).toMatchObject({ HttpMethod: 'POST', AuthorizationType: 'AWS_IAM', ApiKeyRequired: true });
  });

  test('a request validator and a JSON-schema model bound the body', () => {
    const m = method();
    expect(m.RequestValidatorId).toEqual({ Ref: logicalId(inf.gateway.validator) });
    template.hasResourceProperties('AWS::ApiGateway::RequestValidator', { ValidateRequestBody: true });
    const models = Object.values(resourcesOfType(template, 'AWS::ApiGateway::Model'));
    const schema = models.find((x) => x.Properties?.Schema?.title === 'PredictionRequest')!.Properties!.Schema;
    expect(schema).toMatchObject({
      additionalProperties: false,
      required: ['inputs'],
      properties: { inputs: { type: 'array', maxItems: 16, items: { maxLength: 4096 } } },
    });
  });

  test('the integration returns only the allowed fields, and fixed messages for backend errors', () => {
    const responses = method().Integration.IntegrationResponses as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    const ok = responses.find((r) => r.StatusCode === '200')!;
    expect(ok.ResponseTemplates['application/json']).toBe(`{"label": $input.json('$.label')}`);
    for (const r of responses.filter((x) => x.StatusCode !== '200')) {
      expect(r.ResponseTemplates['application/json']).toMatch(
        /^\{"message": "[^$]+", "requestId": "\$context\.requestId"\}$/,
      );
    }
    expect(method().Integration.PassthroughBehavior).toBe('NEVER');
  });

  test('usage plan: per-key throttle and daily quota on the stage, one key per caller', () => {
    template.hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      UsagePlanName: 'ztai-dev-classifier-callers',
      Throttle: { RateLimit: 10, BurstLimit: 20 },
      Quota: { Limit: 10000, Period: 'DAY' },
      ApiStages: [{ ApiId: { Ref: logicalId(inf.gateway.api) }, Stage: { Ref: logicalId(inf.gateway.stage) } }],
    });
    expect(inf.gateway.apiKeys).toHaveLength(1);
    template.hasResourceProperties('AWS::ApiGateway::UsagePlanKey', {
      KeyId: { Ref: logicalId(inf.gateway.apiKeys[0]) },
      KeyType: 'API_KEY',
    });
  });

  test('stage: throttling, INFO execution logs without data trace, X-Ray, JSON access logs', () => {
    const stage = resourceOf(template, inf.gateway.stage).Properties!;
    expect(stage.TracingEnabled).toBe(true);
    expect(stage.MethodSettings).toEqual([
      expect.objectContaining({
        HttpMethod: '*',
        ResourcePath: '/*',
        LoggingLevel: 'INFO',
        DataTraceEnabled: false,
        ThrottlingRateLimit: 10,
        ThrottlingBurstLimit: 20,
      }),
    ]);
    const format = JSON.parse(stage.AccessLogSetting.Format);
    expect(format).toMatchObject({ requestId: '$context.requestId', apiKeyId: '$context.identity.apiKeyId' });
    const accessLogs = Object.values(resourcesOfType(template, 'AWS::Logs::LogGroup')).find(
      (g) => g.Properties?.LogGroupName === '/ztai/dev/inference/classifier/access',
    )!;
    expect(accessLogs.DeletionPolicy).toBe('Retain');
    expect(accessLogs.Properties!.KmsKeyId).toEqual(arnOf(inf.logKey));
  });

  test('the execution-log group exists before the stage, encrypted and retained', () => {
    const stageId = logicalId(inf.gateway.stage);
    const exec = Object.entries(resourcesOfType(template, 'AWS::Logs::LogGroup')).find(([, g]) =>
      json(g.Properties?.LogGroupName).includes('API-Gateway-Execution-Logs_'),
    )!;
    expect(exec[1].Properties!.KmsKeyId).toEqual(arnOf(inf.logKey));
    expect(exec[1].DeletionPolicy).toBe('Retain');
    expect(template.toJSON().Resources[stageId].DependsOn).toEqual(expect.arrayContaining([exec[0]]));
  });

  test('TLS 1.3 enhanced security policy with strict endpoint access; REGIONAL endpoint', () => {
    expect(resourceOf(template, inf.gateway.api).Properties).toMatchObject({
      SecurityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09',
      EndpointAccessMode: 'STRICT',
      EndpointConfiguration: { Types: ['REGIONAL'] },
    });
  });

  test('gateway errors carry a fixed message, never internal detail', () => {
    template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'QUOTA_EXCEEDED',
      StatusCode: '429',
      RestApiId: { Ref: logicalId(inf.gateway.api) },
    });
    template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'MISSING_AUTHENTICATION_TOKEN',
      StatusCode: '403',
    });
  });
});

describe('WAF in front of the stage', () => {
  const acl = () => resourceOf(template, inf.waf.webAcl).Properties!;

  test('managed groups, a per-IP rate rule and a body size limit', () => {
    const rules = acl().Rules as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(acl().Scope).toBe('REGIONAL');
    const groups = rules.filter((r) => r.Statement.ManagedRuleGroupStatement).map((r) => r.Name);
    expect(groups).toEqual([...MANAGED_RULE_GROUPS]);
    expect(rules.find((r) => r.Name === 'RatePerIp')).toMatchObject({
      Action: { Block: {} },
      Statement: { RateBasedStatement: { Limit: 1000, AggregateKeyType: 'IP', EvaluationWindowSec: 300 } },
    });
    expect(rules.find((r) => r.Name === 'BodySizeLimit')).toMatchObject({
      Action: { Block: {} },
      Statement: {
        SizeConstraintStatement: {
          ComparisonOperator: 'GT',
          Size: 16384,
          FieldToMatch: { Body: { OversizeHandling: 'MATCH' } },
        },
      },
    });
  });

  test('associated with the stage', () => {
    const assoc = resourceOf(template, inf.waf.association).Properties!;
    expect(assoc.WebACLArn).toEqual(arnOf(inf.waf.webAcl));
    expect(json(assoc.ResourceArn)).toContain(logicalId(inf.gateway.stage));
    expect(json(assoc.ResourceArn)).toContain('/restapis/');
  });

  test('logging to an aws-waf-logs- group, KMS-encrypted and retained, credentials redacted', () => {
    const logging = resourceOf(template, inf.waf.logging).Properties!;
    expect(json(logging.LogDestinationConfigs)).toContain('log-group:aws-waf-logs-ztai-dev-classifier');
    expect(logging.RedactedFields).toEqual([
      { SingleHeader: { Name: 'authorization' } },
      { SingleHeader: { Name: 'x-api-key' } },
    ]);
    const lg = resourceOf(template, inf.waf.logGroup);
    expect(lg.Properties).toMatchObject({
      LogGroupName: 'aws-waf-logs-ztai-dev-classifier',
      KmsKeyId: arnOf(inf.logKey),
    });
    expect(lg.DeletionPolicy).toBe('Retain');
  });
});

describe('shared pieces', () => {
  test('the log key rotates, is retained, and lets CloudWatch Logs use it for the inference groups only', () => {
    const key = resourceOf(template, inf.logKey);
    expect(key.DeletionPolicy).toBe('Retain');
    expect(key.Properties!.EnableKeyRotation).toBe(true);
    const statements = key.Properties!.KeyPolicy.Statement as { Sid?: string; Condition: { ArnLike: unknown } }[];
    const logsStatement = statements.find((s) => s.Sid === 'CloudWatchLogsForInferenceLogGroups')!;
    expect(json(logsStatement.Condition.ArnLike)).toContain('aws-waf-logs-ztai-dev-');
  });

  test('one API Gateway account setting, with a customer-managed policy', () => {
    template.resourceCountIs('AWS::ApiGateway::Account', 1);
    const account = Object.values(resourcesOfType(template, 'AWS::ApiGateway::Account'))[0];
    expect(account.Properties!.CloudWatchRoleArn).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^ApiGatewayAccountLoggingRole/), 'Arn'],
    });
  });
});
