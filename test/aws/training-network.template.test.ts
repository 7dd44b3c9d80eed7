import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { resolveConfig } from '../../lib/core/config';
import { DEFAULT_INTERFACE_ENDPOINTS } from '../../lib/core/network';
import { REMOVE_DEFAULT_SG_RULES_RUNBOOK } from '../../lib/aws/training-network';
import { AwsPlatformStack } from '../../stacks/aws-platform-stack';
import { arnOf, CfnResourceJson, logicalId, resourceOf, resourcesOfType } from './helpers';

// The reference stack with default configuration, synthesized once for the whole file.
const app = new App({ builtinCloudFormationValidation: false });
const stack = new AwsPlatformStack(app, 'Platform', { config: resolveConfig() });
const net = stack.network;
const template = Template.fromStack(stack);
const json = template.toJSON() as { Resources: Record<string, CfnResourceJson>; Parameters: Record<string, unknown> };
const all = Object.values(json.Resources);
const ofType = (type: string) => Object.values(resourcesOfType(template, type));
const ref = (c: Parameters<typeof logicalId>[0]) => ({ Ref: logicalId(c) });
const groupId = (c: Parameters<typeof logicalId>[0]) => ({ 'Fn::GetAtt': [logicalId(c), 'GroupId'] });

describe('TrainingNetwork: no internet path', () => {
  test.each([
    'AWS::EC2::InternetGateway',
    'AWS::EC2::EgressOnlyInternetGateway',
    'AWS::EC2::VPCGatewayAttachment',
    'AWS::EC2::NatGateway',
    'AWS::EC2::EIP',
    'AWS::EC2::VPNGateway',
    'AWS::EC2::TransitGatewayAttachment',
    'AWS::EC2::Route',
  ])('creates no %s', (type) => template.resourceCountIs(type, 0));

  test('no resource anywhere routes 0.0.0.0/0 or ::/0', () => {
    const routes = all.filter((r) => /Route/.test(r.Type)).map((r) => JSON.stringify(r.Properties));
    for (const r of routes) expect(r).not.toMatch(/0\.0\.0\.0\/0|::\/0/);
  });

  test('two isolated subnets in the first two AZs of the region, no public IPs, carved from the CIDR', () => {
    const subnets = ofType('AWS::EC2::Subnet');
    expect(subnets.map((s) => [s.Properties?.CidrBlock, s.Properties?.AvailabilityZone])).toEqual([
      ['10.20.0.0/24', { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }],
      ['10.20.1.0/24', { 'Fn::Select': [1, { 'Fn::GetAZs': '' }] }],
    ]);
    for (const s of subnets) expect(s.Properties?.MapPublicIpOnLaunch).toBe(false);
    template.hasResourceProperties('AWS::EC2::VPC', {
      CidrBlock: '10.20.0.0/16',
      EnableDnsHostnames: true,
      EnableDnsSupport: true,
    });
  });
});

describe('TrainingNetwork: S3 gateway endpoint', () => {
  const endpoint = resourceOf(template, net.s3Endpoint);
  const statements = endpoint.Properties?.PolicyDocument.Statement as Record<string, unknown>[];

  test('is a gateway endpoint on the route tables of the isolated subnets', () => {
    expect(endpoint.Properties?.VpcEndpointType).toBe('Gateway');
    expect(endpoint.Properties?.RouteTableIds).toEqual(
      net.subnets.map((s) => ({ Ref: logicalId(s.node.findChild('RouteTable')) })),
    );
  });

  test('allows the lake zone buckets, the capture bucket and the model registry (objects and listing) to principals of this account only', () => {
    const buckets = [
      ...stack.dataLake.zones.map((z) => stack.dataLake.bucket(z)),
      // The model layer is composed before serving (the served model comes from its registry).
      stack.models.registry.bucket,
      stack.inference.captureBucket,
    ];
    expect(statements[0]).toEqual({
      Sid: 'PlatformBuckets',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: expect.arrayContaining(['s3:GetObject', 's3:PutObject', 's3:ListBucket']),
      Resource: buckets.flatMap((b) => [arnOf(b), { 'Fn::Join': ['', [arnOf(b), '/*']] }]),
      Condition: { StringEquals: { 'aws:PrincipalAccount': { Ref: 'AWS::AccountId' } } },
    });
    expect(statements[0].Action).not.toEqual(expect.arrayContaining([expect.stringMatching(/Delete|\*|Put.*Policy/)]));
  });

  test("allows reads of ECR's layer bucket of the region, writes of CloudFormation's response bucket, nothing else", () => {
    expect(statements).toHaveLength(3);
    // The model-verification custom resource answers CloudFormation through the endpoint.
    expect(statements[2]).toMatchObject({
      Sid: 'CloudFormationResponses',
      Principal: { AWS: '*' },
      Action: ['s3:PutObject'],
    });
    expect(JSON.stringify(statements[2].Resource)).toContain('cloudformation-custom-resource-response-');
    expect(statements[1]).toEqual({
      Sid: 'EcrImageLayers',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: ['s3:GetObject'],
      Resource: [
        {
          'Fn::Join': [
            '',
            ['arn:', { Ref: 'AWS::Partition' }, ':s3:::prod-', { Ref: 'AWS::Region' }, '-starport-layer-bucket/*'],
          ],
        },
      ],
    });
    expect(JSON.stringify(statements)).not.toMatch(/"Effect":"Deny"|s3:::\*/);
  });

  test('the access-log bucket is not reachable from the network', () => {
    expect(JSON.stringify(statements)).not.toContain(logicalId(stack.dataLake.accessLogBucket));
  });
});

describe('TrainingNetwork: interface endpoints', () => {
  const interfaces = ofType('AWS::EC2::VPCEndpoint').filter((e) => e.Properties?.VpcEndpointType === 'Interface');

  test('one per default endpoint, with private DNS, in both subnets, behind the endpoint group only', () => {
    const names = interfaces.map((e) => JSON.stringify(e.Properties?.ServiceName));
    for (const service of [
      'sagemaker.api',
      'sagemaker.runtime',
      '.studio',
      '.notebook',
      'ecr.api',
      'ecr.dkr',
      '.kms',
      '.logs',
      '.monitoring',
      '.sts',
      'secretsmanager',
      '.ssm"',
      'ssmmessages',
      'ec2messages',
    ]) {
      expect({ service, found: names.some((n) => n.includes(service)) }).toEqual({ service, found: true });
    }
    expect(interfaces).toHaveLength(DEFAULT_INTERFACE_ENDPOINTS.length);
    expect(DEFAULT_INTERFACE_ENDPOINTS).toHaveLength(14);
    for (const e of interfaces) {
      expect(e.Properties?.PrivateDnsEnabled).toBe(true);
      expect(e.Properties?.SecurityGroupIds).toEqual([groupId(net.endpointSecurityGroup)]);
      expect(e.Properties?.SubnetIds).toEqual(net.subnets.map((s) => ref(s)));
    }
  });
});

describe('TrainingNetwork: security groups', () => {
  const ingress = ofType('AWS::EC2::SecurityGroupIngress').map((r) => r.Properties ?? {});
  const egress = ofType('AWS::EC2::SecurityGroupEgress').map((r) => r.Properties ?? {});

  test('no rule anywhere to or from 0.0.0.0/0 or ::/0', () => {
    const rules = [
      ...ofType('AWS::EC2::SecurityGroup').flatMap((g) => [
        ...(g.Properties?.SecurityGroupIngress ?? []),
        ...(g.Properties?.SecurityGroupEgress ?? []),
      ]),
      ...ingress,
      ...egress,
    ];
    expect(rules.length).toBeGreaterThanOrEqual(6);
    for (const r of rules) {
      expect(r.CidrIp).not.toBe('0.0.0.0/0');
      expect(r.CidrIpv6).not.toBe('::/0');
    }
  });

  test('the endpoint group admits HTTPS from the platform groups only (workload, secret rotation, model verification) and has no egress', () => {
    const toEndpoints = ingress.filter(
      (r) => JSON.stringify(r.GroupId) === JSON.stringify(groupId(net.endpointSecurityGroup)),
    );
    const rotationGroup = stack.training.secrets!.rotation.securityGroup;
    expect(toEndpoints).toEqual([
      expect.objectContaining({
        IpProtocol: 'tcp',
        FromPort: 443,
        ToPort: 443,
        SourceSecurityGroupId: groupId(net.workloadSecurityGroup),
      }),
      expect.objectContaining({
        IpProtocol: 'tcp',
        FromPort: 443,
        ToPort: 443,
        SourceSecurityGroupId: groupId(rotationGroup),
      }),
      expect.objectContaining({
        IpProtocol: 'tcp',
        FromPort: 443,
        ToPort: 443,
        SourceSecurityGroupId: groupId(stack.models.registry.node.findChild('VerifierSg') as never),
      }),
    ]);
    expect(resourceOf(template, net.endpointSecurityGroup).Properties?.SecurityGroupEgress).toEqual([
      expect.objectContaining({ CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic' }),
    ]);
  });

  test('the workload group reaches the endpoints and S3 on 443, and itself, nothing else', () => {
    const fromWorkload = egress.filter(
      (r) => JSON.stringify(r.GroupId) === JSON.stringify(groupId(net.workloadSecurityGroup)),
    );
    const param = Object.keys(json.Parameters).find((k) => k.startsWith('TrainingNetworkS3PrefixListId'));
    expect(
      fromWorkload.map((r) => [r.IpProtocol, r.FromPort, r.DestinationSecurityGroupId ?? r.DestinationPrefixListId]),
    ).toEqual(
      expect.arrayContaining([
        ['tcp', 443, groupId(net.endpointSecurityGroup)],
        ['tcp', 443, { Ref: param }],
        ['-1', undefined, groupId(net.workloadSecurityGroup)],
      ]),
    );
    expect(fromWorkload).toHaveLength(3);
    expect(resourceOf(template, net.workloadSecurityGroup).Properties?.SecurityGroupEgress).toBeUndefined();
  });

  test('the S3 prefix list is a validated stack parameter when not configured', () => {
    expect(Object.entries(json.Parameters).find(([k]) => k.startsWith('TrainingNetworkS3PrefixListId'))?.[1]).toEqual(
      expect.objectContaining({ Type: 'String', AllowedPattern: '^pl-[0-9a-f]{8,17}$' }),
    );
  });
});

describe('TrainingNetwork: default security group', () => {
  test('is stripped by the AWS runbook through State Manager, at creation (stack waits) and daily', () => {
    expect(resourceOf(template, net.defaultSecurityGroupClosure).Properties).toEqual(
      expect.objectContaining({
        Name: REMOVE_DEFAULT_SG_RULES_RUNBOOK,
        Parameters: {
          AutomationAssumeRole: [expect.objectContaining({ 'Fn::GetAtt': [expect.any(String), 'Arn'] })],
          GroupId: [{ 'Fn::GetAtt': [logicalId(net.vpc), 'DefaultSecurityGroup'] }],
        },
        ScheduleExpression: 'rate(1 day)',
        WaitForSuccessTimeoutSeconds: 900,
      }),
    );
  });

  test('no custom resource and no Lambda of its own (the functions are the secrets rotation and model verification)', () => {
    template.resourceCountIs('Custom::VpcRestrictDefaultSG', 0);
    const functions = Object.keys(template.findResources('AWS::Lambda::Function'));
    expect(functions.every((id) => /^(SecretsRotation|ModelRegistryVerifier)/.test(id))).toBe(true);
  });

  test('the remediation role may revoke rules on the default group only', () => {
    const policy = ofType('AWS::IAM::ManagedPolicy').find((p) =>
      JSON.stringify(p).includes('ec2:RevokeSecurityGroupIngress'),
    )!;
    const [revoke, describe_] = policy.Properties?.PolicyDocument.Statement;
    expect(JSON.stringify(revoke.Resource)).toContain(`"${logicalId(net.vpc)}","DefaultSecurityGroup"`);
    expect(describe_).toEqual(expect.objectContaining({ Action: 'ec2:DescribeSecurityGroups', Resource: '*' }));
  });
});

describe('TrainingNetwork: flow logs', () => {
  const flowLog = resourceOf(template, net.flowLog).Properties!;
  const group = resourceOf(template, net.flowLogGroup);

  test('every packet of the VPC, accepted or rejected, to the flow-log group', () => {
    expect(flowLog).toEqual(
      expect.objectContaining({
        ResourceId: ref(net.vpc),
        ResourceType: 'VPC',
        TrafficType: 'ALL',
        LogDestinationType: 'cloud-watch-logs',
        LogDestination: arnOf(net.flowLogGroup),
        DeliverLogsPermissionArn: arnOf(net.flowLogRole),
      }),
    );
  });

  test('the group is encrypted with the rotating, retained flow-log key, keeps 90 days and is retained', () => {
    expect(group.Properties?.KmsKeyId).toEqual(arnOf(net.flowLogKey));
    expect(group.Properties?.RetentionInDays).toBe(90);
    expect([group.DeletionPolicy, group.UpdateReplacePolicy]).toEqual(['Retain', 'Retain']);
    const key = resourceOf(template, net.flowLogKey);
    expect(key.Properties?.EnableKeyRotation).toBe(true);
    expect([key.DeletionPolicy, key.UpdateReplacePolicy]).toEqual(['Retain', 'Retain']);
  });

  test('the key lets CloudWatch Logs use it for this log group only', () => {
    const statements = resourceOf(template, net.flowLogKey).Properties?.KeyPolicy.Statement as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    const logs = statements.find((s) => s.Sid === 'CloudWatchLogsForTheFlowLogGroup')!;
    expect(JSON.stringify(logs.Principal)).toContain('logs.');
    expect(JSON.stringify(logs.Condition.ArnEquals['kms:EncryptionContext:aws:logs:arn'])).toContain(
      ':log-group:/ztai/dev/training-network/vpc-flow-logs',
    );
  });

  test('the delivery role is pinned to this account and writes to the flow-log group only, without inline policies', () => {
    const role = resourceOf(template, net.flowLogRole).Properties!;
    expect(role.AssumeRolePolicyDocument.Statement[0]).toEqual(
      expect.objectContaining({
        Principal: { Service: 'vpc-flow-logs.amazonaws.com' },
        Condition: expect.objectContaining({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } }),
      }),
    );
    const delivery = ofType('AWS::IAM::ManagedPolicy').find((p) => JSON.stringify(p).includes('logs:PutLogEvents'))!;
    expect(delivery.Properties?.PolicyDocument.Statement).toEqual([
      expect.objectContaining({ Resource: arnOf(net.flowLogGroup) }),
    ]);
    template.resourceCountIs('AWS::IAM::Policy', 0);
    expect(role.Policies).toBeUndefined();
  });
});
