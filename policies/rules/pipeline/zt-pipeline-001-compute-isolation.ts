import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, Rule, fail, pass } from '../../engine/rule';
import { allChecks, eachOf } from '../shared/combine';
import { isFalse, judgeSetting, oneOf, setting } from '../shared/expect';
import { unknownAt } from '../shared/read';
import { tfBlock } from '../shared/tf-blocks';
import { ec2Checks, ec2Setting } from './ec2-compute';

/**
 * Training and data-science compute has no direct internet path, no root / local / SSH back door,
 * and (for self-managed GPU nodes) IMDSv2 only and encrypted volumes. One finding per setting.
 */
const VPC_ONLY = (path: string) =>
  setting(
    oneOf(path, ['VpcOnly'], {
      providerDefault: 'PublicInternetOnly',
      risk: 'Studio apps reach the internet directly',
    }),
  );
const DISABLED = (path: string, risk: string) => oneOf(path, ['Disabled'], { providerDefault: 'Enabled', risk });

interface NotebookFields {
  readonly direct: string;
  readonly root: string;
  /** The minimum instance metadata service version (IMDSv2 is "2"). */
  readonly imds: string;
  readonly subnet: string;
}

const NOTEBOOK_CFN: NotebookFields = {
  direct: 'DirectInternetAccess',
  root: 'RootAccess',
  imds: 'InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion',
  subnet: 'SubnetId',
};
const NOTEBOOK_TF: NotebookFields = {
  direct: 'direct_internet_access',
  root: 'root_access',
  imds: 'instance_metadata_service_configuration.minimum_instance_metadata_service_version',
  subnet: 'subnet_id',
};

/** A notebook without a subnet runs in SageMaker's own network, outside the platform VPC and its endpoints. */
const inSubnet =
  (path: string): Check =>
  (res, { graph }) => {
    const v = graph.value(res, path);
    // A reference to a subnet outside this configuration still names one; a variable may be empty.
    if (v.kind === 'unknown' && !v.target) return unknownAt(path, v.reason);
    return v.kind === 'absent' || (v.kind === 'literal' && v.value === '')
      ? fail(
          `${path} is not set: the notebook runs in SageMaker's network, outside the platform VPC; place it in an isolated subnet`,
          path,
        )
      : pass(`${path} places the notebook in the platform VPC`, path);
  };

/** Checkov judges one notebook setting per check: it compares with our finding for that setting alone. */
const NOTEBOOK_TYPES = ['AWS::SageMaker::NotebookInstance', 'aws_sagemaker_notebook_instance'];
const notebookSetting = (id: string, key: keyof NotebookFields) => ({
  tool: 'checkov' as const,
  id,
  resourceTypes: NOTEBOOK_TYPES,
  paths: [NOTEBOOK_CFN[key], NOTEBOOK_TF[key]],
  ignores: [NOTEBOOK_CFN, NOTEBOOK_TF].flatMap((f) => Object.values(f).filter((p) => p !== f[key])),
});

const notebook = (f: NotebookFields): Check =>
  allChecks(
    setting(DISABLED(f.direct, 'the notebook has a SageMaker-managed internet path around the VPC')),
    setting(DISABLED(f.root, 'any notebook user can become root and change the instance')),
    setting(
      oneOf(f.imds, ['2'], {
        providerDefault: '1',
        risk: 'IMDSv1 answers without a session token, so an SSRF in notebook code steals the notebook role',
      }),
    ),
    inSubnet(f.subnet),
  );

/** azurerm_machine_learning_compute_cluster: node_public_ip_enabled and local_auth_enabled default to true. */
const NO_PUBLIC_IP = isFalse('node_public_ip_enabled', { providerDefault: true, risk: 'every node gets a public IP' });
const NO_LOCAL_AUTH = isFalse('local_auth_enabled', {
  providerDefault: true,
  risk: 'nodes accept local (key-based) logins outside Entra ID',
});

/** SSH: an open public SSH port, or SSH credentials on the nodes, is a login path around identity. */
function noSsh(g: ResourceGraph, res: Resource, publicFlag?: string): CheckResult[] {
  const out: CheckResult[] = [];
  if (publicFlag)
    out.push(judgeSetting(g, res, isFalse(publicFlag, { providerDefault: false, risk: 'the SSH port is public' })));
  const ssh = tfBlock(g, res, '', 'ssh');
  out.push(
    ssh.kind === 'absent'
      ? pass('no ssh block: no SSH credentials on the nodes', 'ssh')
      : fail(`${ssh.path} sets SSH credentials; use Entra ID and the workspace's managed access instead`, ssh.path),
  );
  return out;
}

const amlCluster: Check = (c, { graph }) =>
  eachOf([
    judgeSetting(graph, c, NO_PUBLIC_IP),
    judgeSetting(graph, c, NO_LOCAL_AUTH),
    ...noSsh(graph, c, 'ssh_public_access_enabled'),
  ]);

const amlInstance: Check = (c, { graph }) =>
  eachOf([judgeSetting(graph, c, NO_PUBLIC_IP), judgeSetting(graph, c, NO_LOCAL_AUTH), ...noSsh(graph, c)]);

export const computeIsolationRule: Rule = {
  id: 'ZT-PIPELINE-001',
  title: 'Training and notebook compute is isolated and hardened',
  severity: 'high',
  layer: 'pipeline',
  scope: 'resource',
  rationale:
    'GPU training nodes and notebooks read the curated training data and hold the model weights. A public IP, a ' +
    'SageMaker-managed internet path, root or local logins, or an IMDSv1 endpoint any SSRF can reach each turns one ' +
    'compromised dependency into data exfiltration or stolen role credentials. Isolated by default, the only way in ' +
    'is identity-checked access through the platform network.',
  remediation:
    'SageMaker Studio domains AppNetworkAccessType VpcOnly; notebook instances DirectInternetAccess and RootAccess ' +
    'Disabled, InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion "2" and a SubnetId; Azure ML compute clusters and instances node_public_ip_enabled = false, local_auth_enabled = false, ' +
    'no SSH (ssh_public_access_enabled = false, no ssh block); EC2 launch templates, instances and launch ' +
    'configurations MetadataOptions HttpTokens required with HttpPutResponseHopLimit 1 (a CloudFormation instance ' +
    'through its LaunchTemplate), every EBS volume Encrypted (with the platform CMK), and no public IP ' +
    '(AssociatePublicIpAddress false).',
  remediationBy: {
    cdk: 'sagemaker.CfnDomain({ appNetworkAccessType: "VpcOnly" }), CfnNotebookInstance({ directInternetAccess: "Disabled", rootAccess: "Disabled" }), ec2.LaunchTemplate({ requireImdsv2: true, httpPutResponseHopLimit: 1, blockDevices: [{ volume: BlockDeviceVolume.ebs(100, { encrypted: true, kmsKey }) }] }); ec2.Instance({ requireImdsv2: true (it attaches a launch template requiring tokens), associatePublicIpAddress: false, blockDevices with every volume encrypted }).',
    terraform:
      'aws_sagemaker_domain app_network_access_type = "VpcOnly"; aws_sagemaker_notebook_instance direct_internet_access = root_access = "Disabled", subnet_id, instance_metadata_service_configuration { minimum_instance_metadata_service_version = "2" }; aws_launch_template metadata_options { http_tokens = "required", http_put_response_hop_limit = 1 }, block_device_mappings { ebs { encrypted = true, kms_key_id } }; aws_instance and aws_launch_configuration the same metadata_options, root_block_device { encrypted = true }, every ebs_block_device encrypted, associate_public_ip_address = false.',
    cdktf:
      'MachineLearningComputeCluster({ nodePublicIpEnabled: false, localAuthEnabled: false, sshPublicAccessEnabled: false, subnetResourceId }) (the provider default for nodePublicIpEnabled is true).',
  },
  controls: [
    { framework: 'NIST-800-53', id: 'SC-7' },
    { framework: 'NIST-800-53', id: 'AC-6(2)' },
    { framework: 'NIST-800-53', id: 'CM-7' },
    { framework: 'NIST-800-53', id: 'SC-28' },
    { framework: 'SOC2', id: 'CC6.6' },
    { framework: 'SOC2', id: 'CC6.8' },
    { framework: 'HIPAA', id: '164.312(a)(1)' },
    { framework: 'GDPR', id: 'Art. 32(1)(b)' },
    { framework: 'ISO-27001', id: 'A.8.20' },
    { framework: 'ISO-27001', id: 'A.8.9' },
    { framework: 'ISO-42001', id: 'A.6.2.4' },
  ],
  equivalents: [
    {
      ...notebookSetting('CKV_AWS_122', 'direct'),
      resourceTypes: ['aws_sagemaker_notebook_instance'],
      differences: [
        {
          resource: 'aws_sagemaker_notebook_instance.test_success2',
          reason: 'direct_internet_access is absent: the provider default is "Enabled", which Checkov passes',
        },
      ],
    },
    { ...notebookSetting('CKV_AWS_307', 'root'), resourceTypes: ['aws_sagemaker_notebook_instance'] },
    notebookSetting('CKV_AWS_371', 'imds'),
    // Checkov has the subnet check for Terraform only.
    { ...notebookSetting('CKV_AWS_306', 'subnet'), resourceTypes: ['aws_sagemaker_notebook_instance'] },
    {
      tool: 'checkov',
      id: 'CKV_AZURE_142',
      resourceTypes: ['azurerm_machine_learning_compute_cluster'],
      paths: ['local_auth_enabled'],
      differences: [
        {
          resource: 'azurerm_machine_learning_compute_cluster.ckv_unittest_pass',
          reason:
            'local auth is off, but node_public_ip_enabled is absent (provider default true): the nodes get public IPs',
        },
      ],
    },
    ec2Setting(
      'CKV_AWS_79',
      ['AWS::EC2::LaunchTemplate', 'aws_launch_template', 'aws_instance', 'aws_launch_configuration'],
      ['HttpTokens', 'HttpEndpoint', 'http_tokens', 'http_endpoint'],
    ),
    ec2Setting('CKV_AWS_341', ['aws_launch_template', 'aws_launch_configuration'], ['http_put_response_hop_limit']),
    ec2Setting('CKV_AWS_88', ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate'], ['AssociatePublicIpAddress']),
    {
      tool: 'cdk-nag',
      id: 'AwsSolutions-SM3',
      resourceTypes: ['AWS::SageMaker::NotebookInstance'],
      paths: ['DirectInternetAccess'],
    },
  ],
  checks: {
    'AWS::SageMaker::Domain': VPC_ONLY('AppNetworkAccessType'),
    aws_sagemaker_domain: VPC_ONLY('app_network_access_type'),
    'AWS::SageMaker::NotebookInstance': notebook(NOTEBOOK_CFN),
    aws_sagemaker_notebook_instance: notebook(NOTEBOOK_TF),
    azurerm_machine_learning_compute_cluster: amlCluster,
    azurerm_machine_learning_compute_instance: amlInstance,
    ...ec2Checks,
  },
};
