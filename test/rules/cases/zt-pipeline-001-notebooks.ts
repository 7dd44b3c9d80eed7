import type { RuleCase } from '../helpers';
import { cfn, tf } from '../helpers';

/** ZT-PIPELINE-001 on SageMaker notebook instances: no direct internet, no root, IMDSv2, in a subnet. */
const NB = {
  InstanceType: 'ml.t3.medium',
  RoleArn: 'arn:role',
  SubnetId: 'subnet-1',
  InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: '2' },
};
const TF_NB = {
  name: 'nb',
  instance_type: 'ml.t3.medium',
  role_arn: 'arn:role',
  subnet_id: 'subnet-1',
  instance_metadata_service_configuration: [{ minimum_instance_metadata_service_version: '2' }],
};
const HARD = { DirectInternetAccess: 'Disabled', RootAccess: 'Disabled' };
const TF_HARD = { direct_internet_access: 'Disabled', root_access: 'Disabled' };
const IMDS = 'InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion';
const TF_IMDS = 'instance_metadata_service_configuration.minimum_instance_metadata_service_version';

const nb = (props: Record<string, unknown>) =>
  cfn({ R: { Type: 'AWS::SageMaker::NotebookInstance', Properties: props } });
const tfNb = (body: Record<string, unknown>) =>
  tf({ aws_sagemaker_notebook_instance: { r: body } }, { variable: { x: {} } });
const CFN = { address: 'R' };
const TF = { address: 'aws_sagemaker_notebook_instance.r' };
/** `base` without the keys named. */
const without = (base: Record<string, unknown>, ...keys: string[]) =>
  Object.fromEntries(Object.entries(base).filter(([k]) => !keys.includes(k)));

export const notebookCases: RuleCase[] = [
  { name: 'hardened notebook', doc: nb({ ...NB, ...HARD }), ...CFN, verdict: 'pass' },
  {
    name: 'notebook with the defaults (direct internet)',
    doc: nb({ ...NB, RootAccess: 'Disabled' }),
    ...CFN,
    verdict: 'fail',
    path: 'DirectInternetAccess',
  },
  {
    name: 'notebook with root access',
    doc: nb({ ...NB, ...HARD, RootAccess: 'Enabled' }),
    ...CFN,
    verdict: 'fail',
    path: 'RootAccess',
  },
  {
    name: 'notebook on IMDSv1 (the default)',
    doc: nb({ ...without(NB, 'InstanceMetadataServiceConfiguration'), ...HARD }),
    ...CFN,
    verdict: 'fail',
    path: IMDS,
  },
  {
    name: 'notebook outside the VPC (no SubnetId)',
    doc: nb({ ...without(NB, 'SubnetId'), ...HARD }),
    ...CFN,
    verdict: 'fail',
    path: 'SubnetId',
  },
  { name: 'tf hardened notebook', doc: tfNb({ ...TF_NB, ...TF_HARD }), ...TF, verdict: 'pass' },
  {
    name: 'tf notebook with the default root access',
    doc: tfNb({ ...TF_NB, direct_internet_access: 'Disabled' }),
    ...TF,
    verdict: 'fail',
    path: 'root_access',
  },
  {
    name: 'tf notebook direct internet from a variable',
    doc: tfNb({ ...TF_NB, ...TF_HARD, direct_internet_access: '${var.x}' }),
    ...TF,
    verdict: 'unknown',
  },
  {
    name: 'tf notebook on IMDSv1',
    doc: tfNb({
      ...TF_NB,
      ...TF_HARD,
      instance_metadata_service_configuration: [{ minimum_instance_metadata_service_version: '1' }],
    }),
    ...TF,
    verdict: 'fail',
    path: TF_IMDS,
  },
  {
    name: 'tf notebook without subnet_id',
    doc: tfNb({ ...without(TF_NB, 'subnet_id'), ...TF_HARD }),
    ...TF,
    verdict: 'fail',
    path: 'subnet_id',
  },
  {
    name: 'tf notebook in a subnet of another configuration',
    doc: tfNb({ ...TF_NB, ...TF_HARD, subnet_id: '${aws_subnet.elsewhere.id}' }),
    ...TF,
    verdict: 'pass',
  },
  {
    name: 'tf notebook subnet from a variable',
    doc: tfNb({ ...TF_NB, ...TF_HARD, subnet_id: '${var.x}' }),
    ...TF,
    verdict: 'unknown',
  },
];
