import { computeIsolationRule } from '../../../policies/rules/pipeline/zt-pipeline-001-compute-isolation';
import { RuleCases, cfn, tf } from '../helpers';
import { ec2Cases } from './zt-pipeline-001-ec2';
import { notebookCases } from './zt-pipeline-001-notebooks';

const one = (type: string, props: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  cfn({ R: { Type: type, Properties: props } }, extra);
const tfOne = (type: string, body: Record<string, unknown>) => tf({ [type]: { r: body } });
const CLUSTER = {
  name: 'gpu',
  vm_size: 'Standard_NC24ads_A100_v4',
  vm_priority: 'Dedicated',
  machine_learning_workspace_id: 'ws',
  location: 'westeurope',
  scale_settings: [{ min_node_count: 0, max_node_count: 4, scale_down_nodes_after_idle_duration: 'PT5M' }],
};
const HARD_CLUSTER = {
  ...CLUSTER,
  node_public_ip_enabled: false,
  local_auth_enabled: false,
  ssh_public_access_enabled: false,
};
const INSTANCE = { name: 'ci', machine_learning_workspace_id: 'ws', virtual_machine_size: 'STANDARD_DS2_V2' };
const HARD_INSTANCE = { ...INSTANCE, node_public_ip_enabled: false, local_auth_enabled: false };
export const cases: RuleCases = {
  rule: computeIsolationRule,
  cases: [
    {
      name: 'Studio domain VpcOnly',
      doc: one('AWS::SageMaker::Domain', { AppNetworkAccessType: 'VpcOnly' }),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'Studio domain without AppNetworkAccessType (PublicInternetOnly)',
      doc: one('AWS::SageMaker::Domain', {}),
      address: 'R',
      verdict: 'fail',
      path: 'AppNetworkAccessType',
    },
    {
      name: 'Studio domain access type from a parameter',
      doc: one(
        'AWS::SageMaker::Domain',
        { AppNetworkAccessType: { Ref: 'Mode' } },
        { Parameters: { Mode: { Type: 'String' } } },
      ),
      address: 'R',
      verdict: 'unknown',
    },
    {
      name: 'tf Studio domain VpcOnly',
      doc: tfOne('aws_sagemaker_domain', { app_network_access_type: 'VpcOnly' }),
      address: 'aws_sagemaker_domain.r',
      verdict: 'pass',
    },
    {
      name: 'tf Studio domain PublicInternetOnly',
      doc: tfOne('aws_sagemaker_domain', { app_network_access_type: 'PublicInternetOnly' }),
      address: 'aws_sagemaker_domain.r',
      verdict: 'fail',
      path: 'app_network_access_type',
    },
    ...notebookCases,
    ...ec2Cases,
    {
      name: 'AML cluster without public IP, local auth or SSH',
      doc: tfOne('azurerm_machine_learning_compute_cluster', HARD_CLUSTER),
      address: 'azurerm_machine_learning_compute_cluster.r',
      verdict: 'pass',
    },
    {
      name: 'AML cluster with the provider default public IP',
      doc: tfOne('azurerm_machine_learning_compute_cluster', { ...CLUSTER, local_auth_enabled: false }),
      address: 'azurerm_machine_learning_compute_cluster.r',
      verdict: 'fail',
      path: 'node_public_ip_enabled',
    },
    {
      name: 'AML cluster with local auth (default)',
      doc: tfOne('azurerm_machine_learning_compute_cluster', { ...CLUSTER, node_public_ip_enabled: false }),
      address: 'azurerm_machine_learning_compute_cluster.r',
      verdict: 'fail',
      path: 'local_auth_enabled',
    },
    {
      name: 'AML cluster with a public SSH port',
      doc: tfOne('azurerm_machine_learning_compute_cluster', { ...HARD_CLUSTER, ssh_public_access_enabled: true }),
      address: 'azurerm_machine_learning_compute_cluster.r',
      verdict: 'fail',
      path: 'ssh_public_access_enabled',
    },
    {
      name: 'AML cluster with SSH credentials',
      doc: tfOne('azurerm_machine_learning_compute_cluster', {
        ...HARD_CLUSTER,
        ssh: [{ admin_username: 'azureuser', key_value: 'ssh-rsa AAA' }],
      }),
      address: 'azurerm_machine_learning_compute_cluster.r',
      verdict: 'fail',
      path: 'ssh',
    },
    {
      name: 'AML cluster public IP from a variable',
      doc: tfOne('azurerm_machine_learning_compute_cluster', { ...HARD_CLUSTER, node_public_ip_enabled: '${var.ip}' }),
      address: 'azurerm_machine_learning_compute_cluster.r',
      verdict: 'unknown',
    },
    {
      name: 'AML compute instance without public IP or local auth',
      doc: tfOne('azurerm_machine_learning_compute_instance', HARD_INSTANCE),
      address: 'azurerm_machine_learning_compute_instance.r',
      verdict: 'pass',
    },
    {
      name: 'AML compute instance with the defaults',
      doc: tfOne('azurerm_machine_learning_compute_instance', INSTANCE),
      address: 'azurerm_machine_learning_compute_instance.r',
      verdict: 'fail',
      path: 'node_public_ip_enabled',
    },
    {
      name: 'AML compute instance with an SSH key',
      doc: tfOne('azurerm_machine_learning_compute_instance', {
        ...HARD_INSTANCE,
        ssh: [{ public_key: 'ssh-rsa AAA' }],
      }),
      address: 'azurerm_machine_learning_compute_instance.r',
      verdict: 'fail',
      path: 'ssh',
    },
  ],
};
