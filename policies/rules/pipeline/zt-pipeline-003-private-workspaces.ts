import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, Rule, fail, pass } from '../../engine/rule';
import { eachOf } from '../shared/combine';
import { isFalse, isTrue, judgeSetting } from '../shared/expect';
import { requireCustomerKey } from '../shared/kms';
import { isPresent, joinPath } from '../shared/read';
import { tfBlock, throughDynamic } from '../shared/tf-blocks';

/**
 * ML workspaces (SageMaker Studio domains, notebook instances, Azure ML workspaces) hold notebooks,
 * experiment data and model snapshots: encrypted with a customer-managed key and, on Azure, reachable
 * only privately. The "no internet path" part of the workspace (Studio VpcOnly, notebook direct
 * internet, the Azure ML managed network's isolation mode) is owned by ZT-PIPELINE-001 and
 * ZT-NETWORK-006, so it is not reported twice here.
 */
const customerKey =
  (path: string, absentMeans: string): Check =>
  (res, { graph }) =>
    requireCustomerKey(graph, res, path, absentMeans);

const DOMAIN = 'the home EFS volume and Studio storage use an AWS-managed key';
const NOTEBOOK = 'the notebook ML storage volume uses an AWS-managed key';

const PUBLIC_OFF = isFalse('public_network_access_enabled', {
  providerDefault: true,
  risk: 'the workspace API and studio answer from the internet',
});
const HIGH_IMPACT = isTrue('high_business_impact', {
  providerDefault: false,
  risk: 'Microsoft collects more diagnostic data and compute scratch disks are not encrypted',
});

/** azurerm_machine_learning_workspace encryption { key_vault_id, key_id }: the workspace's data under a Key Vault key. */
function amlEncryption(graph: ResourceGraph, ws: Resource): CheckResult {
  const block = tfBlock(graph, ws, '', 'encryption');
  if (block.kind === 'absent') {
    return fail(
      'encryption is not set, so Microsoft-managed keys encrypt the workspace data; add encryption { key_vault_id, key_id }',
      'encryption',
    );
  }
  const missing = ['key_vault_id', 'key_id'].find((k) => !isPresent(graph, ws, joinPath(block.path, k)));
  const result: CheckResult = missing
    ? fail(`${joinPath(block.path, missing)} is not set; name the Key Vault and its key`, joinPath(block.path, missing))
    : pass(`${block.path} names a customer-managed Key Vault key`, joinPath(block.path, 'key_id'));
  return throughDynamic(block, result);
}

const amlWorkspace: Check = (ws, ctx) =>
  eachOf([
    judgeSetting(ctx.graph, ws, PUBLIC_OFF),
    amlEncryption(ctx.graph, ws),
    judgeSetting(ctx.graph, ws, HIGH_IMPACT),
  ]);

export const privateWorkspacesRule: Rule = {
  id: 'ZT-PIPELINE-003',
  title: 'ML workspaces are private and encrypted with a customer-managed key',
  severity: 'high',
  layer: 'pipeline',
  rationale:
    'Notebooks and workspaces are where data scientists pull samples of the training data, keep experiment output ' +
    'and snapshot models. Encrypted with an AWS- or Microsoft-managed key, none of it can be revoked or audited by ' +
    'the platform; a workspace reachable from the internet is one stolen token away from all of it.',
  remediation:
    'SageMaker Studio domains and notebook instances: KmsKeyId the platform CMK. Azure ML workspaces: ' +
    'public_network_access_enabled = false (reach it through a private endpoint), encryption { key_vault_id, key_id } ' +
    'with the platform Key Vault key, high_business_impact = true.',
  remediationBy: {
    cdk: 'sagemaker.CfnDomain({ kmsKeyId: key.keyArn }), sagemaker.CfnNotebookInstance({ kmsKeyId: key.keyId }).',
    terraform:
      'aws_sagemaker_domain / aws_sagemaker_notebook_instance kms_key_id = aws_kms_key.k.arn; azurerm_machine_learning_workspace public_network_access_enabled = false, high_business_impact = true, encryption { key_vault_id, key_id }.',
    cdktf:
      'MachineLearningWorkspace({ publicNetworkAccessEnabled: false, highBusinessImpact: true, encryption: { keyVaultId, keyId, userAssignedIdentityId } }) (TrainingCompute does this).',
  },
  controls: [
    { framework: 'NIST-800-53', id: 'SC-28' },
    { framework: 'NIST-800-53', id: 'SC-12' },
    { framework: 'NIST-800-53', id: 'SC-7' },
    { framework: 'SOC2', id: 'CC6.1' },
    { framework: 'SOC2', id: 'CC6.6' },
    { framework: 'HIPAA', id: '164.312(a)(2)(iv)' },
    { framework: 'GDPR', id: 'Art. 32(1)(a)' },
    { framework: 'ISO-27001', id: 'A.8.24' },
    { framework: 'ISO-42001', id: 'A.6.2.4' },
  ],
  equivalents: [
    {
      tool: 'checkov',
      id: 'CKV_AWS_187',
      resourceTypes: [
        'AWS::SageMaker::Domain',
        'AWS::SageMaker::NotebookInstance',
        'aws_sagemaker_domain',
        'aws_sagemaker_notebook_instance',
      ],
    },
    { tool: 'checkov', id: 'CKV_AWS_22', resourceTypes: ['aws_sagemaker_notebook_instance'] },
    {
      tool: 'checkov',
      id: 'CKV_AZURE_144',
      resourceTypes: ['azurerm_machine_learning_workspace'],
      paths: ['public_network_access_enabled'],
      ignores: ['encryption', 'high_business_impact'],
    },
    {
      tool: 'checkov',
      id: 'CKV2_AZURE_49',
      resourceTypes: ['azurerm_machine_learning_workspace'],
      paths: ['public_network_access_enabled'],
      ignores: ['encryption', 'high_business_impact'],
      differences: [
        {
          resource: 'azurerm_machine_learning_workspace.pass1',
          reason:
            'public_network_access_enabled is absent: the provider default is true (public), which this graph check passes and CKV_AZURE_144 fails',
        },
      ],
    },
    {
      tool: 'cdk-nag',
      id: 'AwsSolutions-SM2',
      resourceTypes: ['AWS::SageMaker::NotebookInstance'],
      note: 'cdk-nag accepts any KmsKeyId; this rule also fails an AWS-managed alias (alias/aws/...).',
    },
    {
      tool: 'cdk-nag',
      id: 'NIST.800.53.R5-SageMakerNotebookInstanceKMSKeyConfigured',
      resourceTypes: ['AWS::SageMaker::NotebookInstance'],
    },
  ],
  checks: {
    'AWS::SageMaker::Domain': customerKey('KmsKeyId', DOMAIN),
    aws_sagemaker_domain: customerKey('kms_key_id', DOMAIN),
    'AWS::SageMaker::NotebookInstance': customerKey('KmsKeyId', NOTEBOOK),
    aws_sagemaker_notebook_instance: customerKey('kms_key_id', NOTEBOOK),
    azurerm_machine_learning_workspace: amlWorkspace,
  },
};
