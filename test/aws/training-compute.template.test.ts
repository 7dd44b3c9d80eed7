import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { arnOf, logicalId, resourceOf, resourcesOfType } from './helpers';
import { realisticStack } from './training-compute.fixture';

const app = new App({ builtinCloudFormationValidation: false });
const { stack, compute, vpc, sg, dataLake } = realisticStack(app);
const template = Template.fromStack(stack);
const json = template.toJSON();
const isolatedSubnetRefs = vpc.isolatedSubnets.map((s) => ({ Ref: logicalId(s) }));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const statements = (policy: any): any[] => resourceOf(template, policy).Properties!.PolicyDocument.Statement;

describe('Studio domain', () => {
  const domain = resourceOf(template, compute.domain);
  test('VPC-only, IAM auth, KMS, isolated subnets, platform security groups', () => {
    expect(domain.Properties).toMatchObject({
      AppNetworkAccessType: 'VpcOnly',
      AuthMode: 'IAM',
      KmsKeyId: arnOf(compute.key),
      SubnetIds: isolatedSubnetRefs,
      VpcId: { Ref: logicalId(vpc) },
    });
    expect(domain.Properties!.DefaultUserSettings.SecurityGroups).toEqual([arnOrId(sg)]);
    expect(domain.Properties!.DefaultSpaceSettings.SecurityGroups).toEqual([arnOrId(sg)]);
  });
  test('no notebook sharing to S3, no Docker, users run as the data-science role; retained', () => {
    expect(domain.Properties!.DefaultUserSettings).toMatchObject({
      ExecutionRole: arnOf(compute.dataScienceRole),
      SharingSettings: { NotebookOutputOption: 'Disabled' },
    });
    expect(domain.Properties!.DomainSettings).toEqual({ DockerSettings: { EnableDockerAccess: 'DISABLED' } });
    expect([domain.DeletionPolicy, domain.UpdateReplacePolicy]).toEqual(['Retain', 'Retain']);
  });
});

function arnOrId(group: typeof sg) {
  return { 'Fn::GetAtt': [logicalId(group), 'GroupId'] };
}

describe('training execution role', () => {
  const role = resourceOf(template, compute.trainingRole);
  test('only SageMaker on behalf of this account may assume it; no inline policy', () => {
    expect(role.Properties!.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { Service: 'sagemaker.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
      },
    ]);
    expect(role.Properties!.Policies).toBeUndefined();
    expect(Object.keys(resourcesOfType(template, 'AWS::IAM::Policy'))).toEqual([]);
  });
  const policy = Object.values(resourcesOfType(template, 'AWS::IAM::ManagedPolicy')).find((p) =>
    JSON.stringify(p.Properties?.Roles).includes(logicalId(compute.trainingRole)),
  )!;
  const sts = policy.Properties!.PolicyDocument.Statement as Record<string, unknown>[];
  test('no wildcard action anywhere', () => {
    for (const st of sts) for (const a of ([] as string[]).concat(st.Action as string)) expect(a).not.toContain('*');
  });
  test('reads curated and features through the lake grants, not raw', () => {
    const text = JSON.stringify(sts);
    expect(text).toContain(logicalId(dataLake.bucket('curated')));
    expect(text).toContain(logicalId(dataLake.bucket('features')));
    expect(text).not.toContain(logicalId(dataLake.bucket('raw')));
  });
  test('writes only under the model-artifact prefix', () => {
    const writes = sts.filter((s) => JSON.stringify(s.Action).includes('s3:PutObject'));
    expect(writes).toEqual([
      expect.objectContaining({
        Sid: 'WriteModelArtifacts',
        Resource: { 'Fn::Join': ['', [arnOf(dataLake.bucket('models')), '/models/*']] },
      }),
    ]);
  });
  test('every KMS permission is bound by kms:ViaService', () => {
    const kmsStatements = sts.filter((s) => JSON.stringify(s.Action).includes('kms:'));
    expect(kmsStatements.length).toBeGreaterThanOrEqual(3);
    for (const st of kmsStatements) expect(st.Condition).toHaveProperty(['StringEquals', 'kms:ViaService']);
  });
  test('Resource "*" only for actions without resource-level permissions', () => {
    const star = sts.filter((s) => s.Resource === '*').flatMap((s) => ([] as string[]).concat(s.Action as string));
    expect(star.sort()).toEqual(
      [
        'cloudwatch:PutMetricData',
        'ec2:DescribeDhcpOptions',
        'ec2:DescribeNetworkInterfaces',
        'ec2:DescribeSecurityGroups',
        'ec2:DescribeSubnets',
        'ec2:DescribeVpcs',
        'ecr:GetAuthorizationToken',
      ].sort(),
    );
  });
});

describe('data-science role', () => {
  test('carries both isolation policies and may pass only the training role', () => {
    const role = resourceOf(template, compute.dataScienceRole);
    expect(role.Properties!.ManagedPolicyArns).toEqual(
      expect.arrayContaining([
        { Ref: logicalId(compute.isolationPolicies.jobs) },
        { Ref: logicalId(compute.isolationPolicies.workspaces) },
      ]),
    );
    const pass = statements(compute.node.findChild('DataSciencePolicy')).find(
      (s) => s.Sid === 'PassOnlyTheTrainingRole',
    );
    expect(pass).toEqual({
      Sid: 'PassOnlyTheTrainingRole',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: arnOf(compute.trainingRole),
      Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
    });
  });
});

describe('isolation policies reference the platform network and keys', () => {
  test('subnets, security groups and keys come from the props', () => {
    const jobs = statements(compute.isolationPolicies.jobs);
    const bySid = Object.fromEntries(jobs.map((s) => [s.Sid, s]));
    expect(bySid.DenyOtherSubnets.Condition['ForAnyValue:StringNotEquals']['sagemaker:VpcSubnets']).toEqual(
      isolatedSubnetRefs,
    );
    expect(bySid.DenyOtherVolumeKeys.Condition.ArnNotEquals['sagemaker:VolumeKmsKeyArn']).toEqual([arnOf(compute.key)]);
    expect(bySid.DenyOtherOutputKeys.Condition.ArnNotEqualsIfExists['sagemaker:OutputKmsKeyArn']).toEqual([
      arnOf(dataLake.key),
    ]);
  });
});

describe('GPU launch template', () => {
  const lt = resourceOf(template, compute.launchTemplate!).Properties!.LaunchTemplateData;
  test('IMDSv2 only, hop limit 1', () => {
    expect(lt.MetadataOptions).toMatchObject({ HttpTokens: 'required', HttpPutResponseHopLimit: 1 });
  });
  test('root volume encrypted with the platform CMK', () => {
    expect(lt.BlockDeviceMappings).toEqual([
      {
        DeviceName: '/dev/xvda',
        Ebs: expect.objectContaining({ Encrypted: true, KmsKeyId: arnOf(compute.key), VolumeType: 'gp3' }),
      },
    ]);
  });
  test('no public IP, no key pair, SSM instance profile, GPU instance type', () => {
    expect(lt.NetworkInterfaces).toEqual([
      expect.objectContaining({ AssociatePublicIpAddress: false, DeviceIndex: 0, Groups: [arnOrId(sg)] }),
    ]);
    expect(lt.KeyName).toBeUndefined();
    expect(lt.IamInstanceProfile).toBeDefined();
    expect(lt.InstanceType).toBe('g5.xlarge');
  });
});

describe('keys', () => {
  test('the compute CMK rotates and is retained', () => {
    const key = resourceOf(template, compute.key);
    expect(key.Properties).toMatchObject({ EnableKeyRotation: true, PendingWindowInDays: 30 });
    expect(key.DeletionPolicy).toBe('Retain');
  });
  test('no security group is created by the construct (the network owns them)', () => {
    const groups = Object.keys(json.Resources).filter(
      (id) => json.Resources[id].Type === 'AWS::EC2::SecurityGroup' && id.startsWith('Compute'),
    );
    expect(groups).toEqual([]);
  });
});
