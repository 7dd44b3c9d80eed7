import { Stack } from 'aws-cdk-lib';
import { PlatformSecrets } from '../../lib/aws/secrets';
import { NagFinding, networkFixture, readerRole, synthWithNag, tempApp } from './secrets-fixture';

// cdk-nag (AwsSolutions, NIST 800-53 R5, HIPAA Security) and the zero-trust pack, one synth.
const { app, remove } = tempApp('secrets-nag');
const stack = new Stack(app, 'S');
const net = networkFixture(stack);
new PlatformSecrets(stack, 'Secrets', {
  vpc: net.vpc,
  secretsManagerEndpoint: net.endpoint,
  secrets: [{ name: 'api-token', readers: [readerRole(stack, 'Reader')] }, { name: 'hmac-key' }],
});
const result = synthWithNag(app);
afterAll(remove);
const mine = (f: NagFinding) => f.path.startsWith('S/Secrets/');

test('no open finding from any pack on the construct', () => {
  expect(result.open.filter(mine)).toEqual([]);
});

test('the packs are live: the bare fixture VPC is flagged', () => {
  expect(result.open.map((f) => f.rule)).toEqual(
    expect.arrayContaining(['AwsSolutions-VPC7', 'NIST.800.53.R5-VPCFlowLogsEnabled']),
  );
});

test('acknowledgements: the IAM5 wildcard the APIs impose and the runtime CloudFormation accepts', () => {
  const acks = result.acknowledged.filter(mine);
  expect(acks.map((a) => [a.rule, a.path]).sort()).toEqual([
    ['AwsSolutions-IAM5[Resource::*]', 'S/Secrets/RotationPolicy/Resource'],
    // The ENI lifecycle actions are scoped to the account's EC2 resources (ZT-IDENTITY-009).
    ...['network-interface', 'security-group', 'subnet'].map((t) => [
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ec2:<AWS::Region>:<AWS::AccountId>:${t}/*]`,
      'S/Secrets/RotationPolicy/Resource',
    ]),
    ['AwsSolutions-L1', 'S/Secrets/RotationFunction/Resource'],
  ]);
  const reason = (rule: string) => acks.find((a) => a.rule === rule)?.reason;
  expect(reason('AwsSolutions-IAM5[Resource::*]')).toMatch(/GetRandomPassword.*no resource-level permissions/s);
  expect(reason('AwsSolutions-L1')).toMatch(/python3\.14.*cfn-lint E3030/s);
});
