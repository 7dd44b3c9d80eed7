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
    ['AwsSolutions-L1', 'S/Secrets/RotationFunction/Resource'],
  ]);
  expect(acks[0].reason).toMatch(/GetRandomPassword.*no resource-level permissions/s);
  expect(acks[1].reason).toMatch(/python3\.14.*cfn-lint E3030/s);
});
