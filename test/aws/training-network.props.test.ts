import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { BlueprintConfigError } from '../../lib/core/errors';
import { TrainingNetwork, TrainingNetworkProps } from '../../lib/aws/training-network';
import { thrown } from '../support/thrown';
import { logicalId } from './helpers';

const scratch = () => new Stack(new App({ builtinCloudFormationValidation: false }), 'S');
const errorOf = (props: TrainingNetworkProps) =>
  thrown(BlueprintConfigError, () => new TrainingNetwork(scratch(), 'Net', props));

describe('TrainingNetwork props validation (errors name the prop)', () => {
  test.each<[string, TrainingNetworkProps, string]>([
    ['a malformed CIDR', { cidr: '10.20.0.0' }, 'TrainingNetwork.cidr'],
    ['a CIDR with host bits', { cidr: '10.20.0.1/16' }, 'TrainingNetwork.cidr'],
    ['a CIDR larger than /16', { cidr: '10.0.0.0/12' }, 'TrainingNetwork.cidr'],
    ['zero AZs', { availabilityZones: 0 }, 'TrainingNetwork.availabilityZones'],
    ['one AZ', { availabilityZones: 1 }, 'TrainingNetwork.availabilityZones'],
    ['a single zone name', { zoneNames: ['eu-west-1a'] }, 'TrainingNetwork.zoneNames.length'],
    ['zones of two regions', { zoneNames: ['eu-west-1a', 'us-east-1a'] }, 'TrainingNetwork.zoneNames'],
    [
      'a subnet prefix that does not fit',
      { cidr: '10.20.0.0/24', subnetPrefix: 25, availabilityZones: 3 },
      'TrainingNetwork.subnetPrefix',
    ],
    ['overlapping subnets', { subnetCidrs: ['10.20.0.0/23', '10.20.1.0/24'] }, 'TrainingNetwork.subnets.training2'],
    [
      'a subnet outside the VPC',
      { subnetCidrs: ['10.20.0.0/24', '10.99.0.0/24'] },
      'TrainingNetwork.subnets.training2',
    ],
    ['a subnet count that does not match the AZs', { subnetCidrs: ['10.20.0.0/24'] }, 'TrainingNetwork.subnetCidrs'],
    ['subnets of two sizes', { subnetCidrs: ['10.20.0.0/24', '10.20.2.0/23'] }, 'TrainingNetwork.subnetCidrs'],
    [
      'an unknown endpoint',
      { interfaceEndpoints: ['kms', 'dynamodb' as never] },
      'TrainingNetwork.interfaceEndpoints[1]',
    ],
    ['no endpoints', { interfaceEndpoints: [] }, 'TrainingNetwork.interfaceEndpoints'],
    ['a bucket ARN with an object path', { bucketArns: ['arn:aws:s3:::lake/*'] }, 'TrainingNetwork.bucketArns[0]'],
    ['a malformed prefix list', { s3PrefixListId: 'pl-xyz' }, 'TrainingNetwork.s3PrefixListId'],
    ['an unsupported retention', { logRetentionDays: 30 }, 'TrainingNetwork.logRetentionDays'],
  ])('rejects %s', (_label, props, prop) => {
    const e = errorOf(props);
    expect(e.prop).toBe(prop);
    expect(e.message).toMatch(new RegExp(`^Invalid ${prop.replace(/[.[\]]/g, '\\$&')}: expected `));
  });
});

describe('TrainingNetwork options', () => {
  // One stack per variant, each synthesized once.
  const threeAz = scratch();
  new TrainingNetwork(threeAz, 'Net', { availabilityZones: 3, cidr: '10.30.0.0/20', subnetPrefix: 22 });
  const named = scratch();
  new TrainingNetwork(named, 'Net', {
    zoneNames: ['eu-west-1a', 'eu-west-1c'],
    subnetCidrs: ['10.20.8.0/24', '10.20.9.0/24'],
    s3PrefixListId: 'pl-6da54004',
    interfaceEndpoints: ['sts', 'ssm', 'ssmmessages', 'ec2messages'],
    logRetentionDays: 365,
  });
  const extended = scratch();
  const ext = new TrainingNetwork(extended, 'Net');
  ext.allowS3Buckets('arn:aws:s3:::model-artifacts');
  const fn = new ec2.SecurityGroup(extended, 'FunctionSg', { vpc: ext.vpc, allowAllOutbound: false });
  ext.admitToEndpoints(fn, 'rotation function');
  const [t3, tn, te] = [threeAz, named, extended].map((s) => Template.fromStack(s));
  const props = (t: Template, type: string) => Object.values(t.findResources(type)).map((r) => r.Properties);

  test('3 AZs without names: the first three of the region, /22 blocks, still no lookup', () => {
    expect(props(t3, 'AWS::EC2::Subnet').map((s) => [s.CidrBlock, s.AvailabilityZone['Fn::Select'][0]])).toEqual([
      ['10.30.0.0/22', 0],
      ['10.30.4.0/22', 1],
      ['10.30.8.0/22', 2],
    ]);
  });

  test('explicit zones and subnets are used as given', () => {
    expect(props(tn, 'AWS::EC2::Subnet').map((s) => [s.CidrBlock, s.AvailabilityZone])).toEqual([
      ['10.20.8.0/24', 'eu-west-1a'],
      ['10.20.9.0/24', 'eu-west-1c'],
    ]);
  });

  test('a configured prefix list replaces the parameter', () => {
    expect(Object.keys(tn.toJSON().Parameters ?? {}).filter((k) => k.includes('S3PrefixListId'))).toEqual([]);
    expect(Object.keys(t3.toJSON().Parameters ?? {}).filter((k) => k.includes('S3PrefixListId'))).toHaveLength(1);
    tn.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      DestinationPrefixListId: 'pl-6da54004',
      FromPort: 443,
    });
  });

  test('the endpoint list is configurable and the retention is honoured', () => {
    const services = props(tn, 'AWS::EC2::VPCEndpoint')
      .filter((e) => e.VpcEndpointType === 'Interface')
      .map((e) => JSON.stringify(e.ServiceName));
    expect(services).toHaveLength(4);
    expect(services.join()).toMatch(/\.sts.*\.ssm".*ssmmessages.*ec2messages/);
    tn.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
  });

  test('allowS3Buckets adds a bucket to the gateway endpoint policy after construction', () => {
    const s3 = props(te, 'AWS::EC2::VPCEndpoint').find((e) => e.VpcEndpointType === 'Gateway');
    expect(s3.PolicyDocument.Statement[0].Resource).toEqual([
      'arn:aws:s3:::model-artifacts',
      'arn:aws:s3:::model-artifacts/*',
    ]);
    expect(() => ext.allowS3Buckets('not-an-arn')).toThrow(/TrainingNetwork\.allowS3Buckets\[0\]/);
  });

  test('admitToEndpoints adds HTTPS egress on the group and ingress on the endpoint group', () => {
    const fnId = { 'Fn::GetAtt': [logicalId(fn), 'GroupId'] };
    te.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: { 'Fn::GetAtt': [logicalId(ext.endpointSecurityGroup), 'GroupId'] },
      SourceSecurityGroupId: fnId,
      FromPort: 443,
      ToPort: 443,
    });
    te.hasResourceProperties('AWS::EC2::SecurityGroupEgress', { GroupId: fnId, FromPort: 443, ToPort: 443 });
  });
});
