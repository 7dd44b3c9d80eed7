import { buildGraph, evaluate } from '../../../policies/engine';
import { ALL_RULES } from '../../../policies/rules';
import { cfn, tf } from '../../rules/helpers';
import { PULUMI_UNKNOWN } from '../../../policies/integrations/pulumi';
import { resource, run } from './harness';

/**
 * One scenario written three ways (CloudFormation, Terraform, Pulumi inputs) gets the same verdict
 * from the same rule: the Pulumi pack reuses the aws_* checks rather than re-implementing them.
 */
const verdicts = (doc: ReturnType<typeof cfn>, ruleId: string) =>
  evaluate(buildGraph([doc]), ALL_RULES, { ruleIds: [ruleId] })
    .findings.filter((f) => f.ruleId === ruleId)
    .map((f) => f.status);

describe.each([
  ['rotating key', true, 'pass'],
  ['key without rotation', false, 'fail'],
] as const)('ZT-DATA-002, %s', (_name, rotate, expected) => {
  test('CloudFormation', () => {
    expect(
      verdicts(cfn({ K: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: rotate } } }), 'ZT-DATA-002'),
    ).toEqual([expected]);
  });
  test('Terraform', () => {
    expect(verdicts(tf({ aws_kms_key: { k: { enable_key_rotation: rotate } } }), 'ZT-DATA-002')).toEqual([expected]);
  });
  test('Pulumi', async () => {
    const v = await run('ZT-DATA-002', [resource('aws:kms/key:Key', 'k', { enableKeyRotation: rotate })]);
    expect(v.length === 0 ? 'pass' : 'fail').toBe(expected);
  });
});

describe.each([
  ['security group open to the internet on 22', '0.0.0.0/0', 'fail'],
  ['security group open to the VPC only', '10.0.0.0/16', 'pass'],
] as const)('ZT-NETWORK-003, %s', (_name, cidr, expected) => {
  const worst = (s: string[]) => (s.includes('fail') ? 'fail' : s.includes('unknown') ? 'unknown' : 'pass');
  test('CloudFormation', () => {
    const doc = cfn({
      Sg: {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: {
          GroupDescription: 'training',
          VpcId: 'vpc-1',
          SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: cidr }],
          SecurityGroupEgress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '10.0.0.0/16' }],
        },
      },
    });
    expect(worst(verdicts(doc, 'ZT-NETWORK-003'))).toBe(expected);
  });
  const tfBody = {
    vpc_id: 'vpc-1',
    ingress: [{ protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: [cidr] }],
    egress: [{ protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['10.0.0.0/16'] }],
  };
  test('Terraform', () => {
    expect(worst(verdicts(tf({ aws_security_group: { sg: tfBody } }), 'ZT-NETWORK-003'))).toBe(expected);
  });
  test('Pulumi', async () => {
    const props = {
      vpcId: 'vpc-1',
      ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: [cidr] }],
      egress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['10.0.0.0/16'] }],
    };
    const v = await run('ZT-NETWORK-003', [resource('aws:ec2/securityGroup:SecurityGroup', 'sg', props)]);
    expect(v.length === 0 ? 'pass' : 'fail').toBe(expected);
  });
});

/** The azure-native readers reuse the azurerm checks: an account judged as Terraform and as Pulumi agrees. */
const worst = (s: string[]) => (s.includes('fail') ? 'fail' : s.includes('unknown') ? 'unknown' : 'pass');

describe.each([
  ['account with public network access off', false, 'pass'],
  ['account answering on the internet', true, 'fail'],
] as const)('ZT-INFERENCE-001, %s (cognitive account)', (_name, open, expected) => {
  test('Terraform', () => {
    const doc = tf({
      azurerm_cognitive_account: {
        oai: { kind: 'OpenAI', public_network_access_enabled: open, network_acls: { default_action: 'Deny' } },
      },
      azurerm_private_endpoint: {
        pe: { private_service_connection: { private_connection_resource_id: '${azurerm_cognitive_account.oai.id}' } },
      },
    });
    expect(worst(verdicts(doc, 'ZT-INFERENCE-001'))).toBe(expected);
  });
  test('Pulumi', async () => {
    const account = resource('azure-native:cognitiveservices:Account', 'oai', {
      kind: 'OpenAI',
      properties: { publicNetworkAccess: open ? 'Enabled' : 'Disabled', networkAcls: { defaultAction: 'Deny' } },
    });
    const pe = resource(
      'azure-native:network:PrivateEndpoint',
      'pe',
      { privateLinkServiceConnections: [{ privateLinkServiceId: PULUMI_UNKNOWN, groupIds: ['account'] }] },
      { propertyDependencies: { privateLinkServiceConnections: [{ urn: account.urn }] } },
    );
    const v = await run('ZT-INFERENCE-001', [account, pe]);
    expect(v.length === 0 ? 'pass' : 'fail').toBe(expected);
  });
});

describe.each([
  ['private endpoint to the account', true, 'pass'],
  ['private endpoint to another resource', false, 'fail'],
] as const)('ZT-INFERENCE-001, %s (private endpoint)', (_name, toAccount, expected) => {
  test('Terraform', () => {
    const target = toAccount ? 'azurerm_cognitive_account.oai' : 'azurerm_storage_account.lake';
    const doc = tf({
      azurerm_cognitive_account: {
        oai: { kind: 'OpenAI', public_network_access_enabled: false, network_acls: { default_action: 'Deny' } },
      },
      azurerm_storage_account: { lake: { account_kind: 'StorageV2' } },
      azurerm_private_endpoint: {
        pe: { private_service_connection: { private_connection_resource_id: `\${${target}.id}` } },
      },
    });
    expect(worst(verdicts(doc, 'ZT-INFERENCE-001'))).toBe(expected);
  });
  test('Pulumi', async () => {
    const account = resource('azure-native:cognitiveservices:Account', 'oai', {
      kind: 'OpenAI',
      properties: { publicNetworkAccess: 'Disabled', networkAcls: { defaultAction: 'Deny' } },
    });
    const lake = resource('azure-native:storage:StorageAccount', 'lake', { kind: 'StorageV2' });
    const pe = resource(
      'azure-native:network:PrivateEndpoint',
      'pe',
      { privateLinkServiceConnections: [{ privateLinkServiceId: PULUMI_UNKNOWN, groupIds: ['account'] }] },
      { propertyDependencies: { privateLinkServiceConnections: [{ urn: (toAccount ? account : lake).urn }] } },
    );
    const v = await run('ZT-INFERENCE-001', [account, lake, pe]);
    expect(v.length === 0 ? 'pass' : 'fail').toBe(expected);
  });
});

describe.each([
  ['a stage logging every method without data trace', false, 'pass'],
  ['a stage tracing request and response bodies', true, 'fail'],
] as const)('ZT-INFERENCE-011, %s (method settings)', (_name, trace, expected) => {
  test('Terraform', () => {
    const doc = tf({
      aws_api_gateway_stage: { s: { stage_name: 'prod', rest_api_id: 'a', deployment_id: 'd' } },
      aws_api_gateway_method_settings: {
        all: {
          rest_api_id: 'a',
          stage_name: '${aws_api_gateway_stage.s.stage_name}',
          method_path: '*/*',
          settings: [{ logging_level: 'INFO', data_trace_enabled: trace }],
        },
      },
    });
    expect(verdicts(doc, 'ZT-INFERENCE-011').filter((s) => s !== 'not_applicable')).toEqual([expected]);
  });
  test('Pulumi', async () => {
    const stage = resource('aws:apigateway/stage:Stage', 's', { stageName: 'prod', restApi: 'a', deployment: 'd' });
    const settings = resource(
      'aws:apigateway/methodSettings:MethodSettings',
      'all',
      {
        restApi: 'a',
        stageName: PULUMI_UNKNOWN,
        methodPath: '*/*',
        settings: { loggingLevel: 'INFO', dataTraceEnabled: trace },
      },
      { propertyDependencies: { stageName: [{ urn: stage.urn }] } },
    );
    const v = await run('ZT-INFERENCE-011', [stage, settings]);
    expect(v.length === 0 ? 'pass' : 'fail').toBe(expected);
    if (trace) expect(v).toEqual([{ message: expect.stringMatching(/data_trace_enabled is true/), urn: stage.urn }]);
  });
});
