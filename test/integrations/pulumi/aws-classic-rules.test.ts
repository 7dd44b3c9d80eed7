import { PULUMI_UNKNOWN } from '../../../policies/integrations/pulumi';
import { resource, run } from './harness';

/**
 * The newer rules on Pulumi AWS classic inputs: each token maps onto its Terraform type by name, so
 * the aws_* checks run unchanged (a relational one through propertyDependencies).
 */
const fn = (props: Record<string, unknown>) =>
  resource('aws:lambda/function:Function', 'fn', { role: 'arn:aws:iam::111122223333:role/fn', ...props });

describe('ZT-PIPELINE-004 / ZT-PIPELINE-005 on aws:lambda/function:Function', () => {
  test('a supported runtime passes; a deprecated one fails', async () => {
    expect(await run('ZT-PIPELINE-004', [fn({ runtime: 'nodejs24.x' })])).toEqual([]);
    expect(await run('ZT-PIPELINE-004', [fn({ runtime: 'python3.8' })])).toHaveLength(1);
  });
  test('a reserved concurrency passes; none fails; unknown at preview is not a violation', async () => {
    expect(await run('ZT-PIPELINE-005', [fn({ reservedConcurrentExecutions: 5 })])).toEqual([]);
    expect(await run('ZT-PIPELINE-005', [fn({})])).toHaveLength(1);
    expect(await run('ZT-PIPELINE-005', [fn({ reservedConcurrentExecutions: PULUMI_UNKNOWN })])).toEqual([]);
  });
});

describe('ZT-MONITORING-007 / ZT-INFERENCE-014 on API Gateway stages', () => {
  const api = resource('aws:apigateway/restApi:RestApi', 'api', { name: 'inference' });
  const integration = (props: Record<string, unknown>) =>
    resource(
      'aws:apigateway/integration:Integration',
      'int',
      { restApi: 'api-id', resourceId: 'r', httpMethod: 'POST', ...props },
      { propertyDependencies: { restApi: [{ urn: api.urn }] } },
    );
  const stage = (props: Record<string, unknown>) =>
    resource(
      'aws:apigateway/stage:Stage',
      'stage',
      { restApi: 'api-id', stageName: 'v1', deployment: 'd', ...props },
      { propertyDependencies: { restApi: [{ urn: api.urn }] } },
    );
  test('X-Ray tracing on passes; off fails', async () => {
    expect(await run('ZT-MONITORING-007', [api, stage({ xrayTracingEnabled: true })])).toEqual([]);
    expect(await run('ZT-MONITORING-007', [api, stage({})])).toHaveLength(1);
  });
  test('an AWS-signed integration needs no client certificate; an HTTP one does', async () => {
    const aws = integration({
      type: 'AWS',
      uri: 'arn:aws:apigateway:eu-west-1:runtime.sagemaker:path//endpoints/e/invocations',
    });
    expect(await run('ZT-INFERENCE-014', [api, aws, stage({})])).toEqual([]);
    const http = integration({ type: 'HTTP_PROXY', uri: 'https://backend.internal/predict' });
    expect(await run('ZT-INFERENCE-014', [api, http, stage({})])).toHaveLength(1);
    expect(await run('ZT-INFERENCE-014', [api, http, stage({ clientCertificateId: 'cert-1' })])).toEqual([]);
  });
});

describe('ZT-IDENTITY-007 / ZT-IDENTITY-008 on IAM attachments', () => {
  test('a policy attached to a user fails', async () => {
    const attach = resource('aws:iam/userPolicyAttachment:UserPolicyAttachment', 'att', {
      user: 'alice',
      policyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
    });
    expect(await run('ZT-IDENTITY-007', [attach])).toHaveLength(1);
  });
  test('a role with a FullAccess managed policy fails; a narrow service-role policy passes', async () => {
    const role = (arn: string) =>
      resource('aws:iam/rolePolicyAttachment:RolePolicyAttachment', 'att', { role: 'fn', policyArn: arn });
    expect(await run('ZT-IDENTITY-008', [role('arn:aws:iam::aws:policy/AmazonSageMakerFullAccess')])).toHaveLength(1);
    const basic = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';
    expect(await run('ZT-IDENTITY-008', [role(basic)])).toEqual([]);
  });
});

describe('ZT-IDENTITY-009 on aws:iam/policy:Policy', () => {
  const policy = (Action: string[], Resource: string) =>
    resource('aws:iam/policy:Policy', 'p', {
      policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action, Resource }] }),
    });
  test('s3:GetObject on "*" fails; on the bucket, or a describe on "*", passes', async () => {
    expect(await run('ZT-IDENTITY-009', [policy(['s3:GetObject'], '*')])).toHaveLength(1);
    expect(await run('ZT-IDENTITY-009', [policy(['s3:GetObject'], 'arn:aws:s3:::lake/*')])).toEqual([]);
    expect(await run('ZT-IDENTITY-009', [policy(['ec2:DescribeSubnets'], '*')])).toEqual([]);
  });
});

describe('ZT-INFERENCE-003 on aws:apigatewayv2/stage:Stage', () => {
  const stage = (defaultRouteSettings?: Record<string, unknown>) =>
    resource('aws:apigatewayv2/stage:Stage', 'stage', {
      apiId: 'api-id',
      name: '$default',
      ...(defaultRouteSettings ? { defaultRouteSettings } : {}),
    });
  test('both default-route limits pass; each missing one fails; one unknown at preview is not a violation', async () => {
    expect(await run('ZT-INFERENCE-003', [stage({ throttlingRateLimit: 50, throttlingBurstLimit: 100 })])).toEqual([]);
    expect(await run('ZT-INFERENCE-003', [stage()])).toHaveLength(2);
    expect(await run('ZT-INFERENCE-003', [stage({ throttlingRateLimit: 50 })])).toHaveLength(1);
    const unknown = stage({ throttlingRateLimit: PULUMI_UNKNOWN, throttlingBurstLimit: 100 });
    expect(await run('ZT-INFERENCE-003', [unknown])).toEqual([]);
  });
});

describe('quick-created HTTP APIs (aws:apigatewayv2/api:Api target)', () => {
  const api = (props: Record<string, unknown>) =>
    resource('aws:apigatewayv2/api:Api', 'api', { name: 'inference', protocolType: 'HTTP', ...props });
  const target = { target: 'arn:aws:lambda:eu-west-1:111122223333:function:predict' };
  test.each(['ZT-INFERENCE-002', 'ZT-INFERENCE-003', 'ZT-INFERENCE-006'])(
    '%s fails a quick-created API and leaves a declared one to its routes and stages',
    async (id) => {
      expect(await run(id, [api(target)])).toHaveLength(1);
      expect(await run(id, [api({})])).toEqual([]);
    },
  );
});

describe('REST deployments creating their stage (aws:apigateway/deployment:Deployment stageName)', () => {
  const deployment = (props: Record<string, unknown>) =>
    resource('aws:apigateway/deployment:Deployment', 'deployment', { restApi: 'abc123', ...props });
  test.each(['ZT-INFERENCE-006', 'ZT-MONITORING-007'])(
    '%s fails a deployment that creates a stage and passes one that creates none',
    async (id) => {
      expect(await run(id, [deployment({ stageName: 'prod' })])).toHaveLength(1);
      expect(await run(id, [deployment({})])).toEqual([]);
    },
  );
});

describe('ZT-DATA-005 on queue and secret policies (aws:sqs/queuePolicy, aws:secretsmanager/secretPolicy)', () => {
  const doc = (principal: unknown) =>
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: '*' }] });
  const ROLE = { AWS: 'arn:aws:iam::111122223333:role/reader' };
  test('a queue policy for one role passes; one for everyone fails', async () => {
    const policy = (principal: unknown) =>
      resource('aws:sqs/queuePolicy:QueuePolicy', 'qp', { queueUrl: 'https://q', policy: doc(principal) });
    expect(await run('ZT-DATA-005', [policy(ROLE)])).toEqual([]);
    expect(await run('ZT-DATA-005', [policy('*')])).toHaveLength(1);
  });
  test('a secret policy needs a named principal and blockPublicPolicy; unknown at preview is no violation', async () => {
    const policy = (props: Record<string, unknown>) =>
      resource('aws:secretsmanager/secretPolicy:SecretPolicy', 'sp', { secretArn: 'arn:s', ...props });
    expect(await run('ZT-DATA-005', [policy({ policy: doc(ROLE), blockPublicPolicy: true })])).toEqual([]);
    expect(await run('ZT-DATA-005', [policy({ policy: doc(ROLE) })])).toHaveLength(1);
    expect(await run('ZT-DATA-005', [policy({ policy: doc('*'), blockPublicPolicy: true })])).toHaveLength(1);
    expect(await run('ZT-DATA-005', [policy({ policy: PULUMI_UNKNOWN, blockPublicPolicy: true })])).toEqual([]);
  });
});

describe('Bedrock agents (aws:bedrock/agentAgent:AgentAgent)', () => {
  const agent = (props: Record<string, unknown>) =>
    resource('aws:bedrock/agentAgent:AgentAgent', 'agent', { agentName: 'a', ...props });
  test('ZT-INFERENCE-009: a pinned guardrail passes; none or DRAFT fails', async () => {
    const pinned = { guardrailIdentifier: 'gr-1', guardrailVersion: '2' };
    expect(await run('ZT-INFERENCE-009', [agent({ guardrailConfiguration: pinned })])).toEqual([]);
    expect(await run('ZT-INFERENCE-009', [agent({})])).toHaveLength(1);
    const draft = { ...pinned, guardrailVersion: 'DRAFT' };
    expect(await run('ZT-INFERENCE-009', [agent({ guardrailConfiguration: draft })])).toHaveLength(1);
  });
  test('ZT-DATA-001: a customer key passes; none fails', async () => {
    const key = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    expect(await run('ZT-DATA-001', [agent({ customerEncryptionKeyArn: key })])).toEqual([]);
    expect(await run('ZT-DATA-001', [agent({})])).toHaveLength(1);
  });
});

describe('ZT-PIPELINE-001 on aws:ec2/instance:Instance and aws:ec2/launchConfiguration:LaunchConfiguration', () => {
  const hardened = {
    ami: 'ami-1',
    instanceType: 'p4d.24xlarge',
    metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 1 },
    rootBlockDevice: { encrypted: true },
  };
  const vm = (props: Record<string, unknown>) => resource('aws:ec2/instance:Instance', 'gpu', props);
  test('IMDSv2, an encrypted root volume and no public IP pass', async () => {
    expect(await run('ZT-PIPELINE-001', [vm(hardened)])).toEqual([]);
    const lc = resource('aws:ec2/launchConfiguration:LaunchConfiguration', 'lc', { ...hardened, imageId: 'ami-1' });
    expect(await run('ZT-PIPELINE-001', [lc])).toEqual([]);
  });
  test('optional tokens, an unencrypted extra volume (ebsBlockDevices) and a public IP each fail', async () => {
    const open = vm({
      ...hardened,
      metadataOptions: { httpTokens: 'optional' },
      ebsBlockDevices: [{ deviceName: '/dev/sdb', volumeSize: 500 }],
      associatePublicIpAddress: true,
    });
    expect(await run('ZT-PIPELINE-001', [open])).toHaveLength(3);
  });
  test('a public IP unknown at preview is not a violation', async () => {
    expect(await run('ZT-PIPELINE-001', [vm({ ...hardened, associatePublicIpAddress: PULUMI_UNKNOWN })])).toEqual([]);
  });
});
