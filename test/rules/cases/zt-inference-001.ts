import { noPublicInferenceRule } from '../../../policies/rules/inference/zt-inference-001-private-endpoint';
import { RuleCases, cfn, tf } from '../helpers';

const model = (props: Record<string, unknown>, extra = {}) =>
  cfn({ M: { Type: 'AWS::SageMaker::Model', Properties: { ExecutionRoleArn: 'arn:role', ...props } } }, extra);
const VPC = { SecurityGroupIds: ['sg-1'], Subnets: ['subnet-1', 'subnet-2'] };
const tfModel = (body: Record<string, unknown>) =>
  tf({ aws_sagemaker_model: { m: { execution_role_arn: 'arn:role', ...body } } });
const TF_VPC = [{ security_group_ids: ['sg-1'], subnets: ['subnet-1'] }];
const ACCOUNT = { name: 'oai', kind: 'OpenAI', sku_name: 'S0', location: 'westeurope', resource_group_name: 'rg' };
const PRIVATE = { ...ACCOUNT, public_network_access_enabled: false, network_acls: [{ default_action: 'Deny' }] };
const pe = (target = '${azurerm_cognitive_account.a.id}') => ({
  pe: {
    name: 'pe',
    subnet_id: 'subnet',
    private_service_connection: [
      {
        name: 'c',
        private_connection_resource_id: target,
        subresource_names: ['account'],
        is_manual_connection: false,
      },
    ],
  },
});
const account = (body: Record<string, unknown>, endpoint = true) =>
  tf({ azurerm_cognitive_account: { a: body }, ...(endpoint ? { azurerm_private_endpoint: pe() } : {}) });
const A = 'azurerm_cognitive_account.a';

export const cases: RuleCases = {
  rule: noPublicInferenceRule,
  cases: [
    {
      name: 'model in the VPC with network isolation',
      doc: model({ VpcConfig: VPC, EnableNetworkIsolation: true }),
      address: 'M',
      verdict: 'pass',
    },
    {
      name: 'model with neither VPC nor isolation: one finding each',
      doc: model({}),
      address: 'M',
      verdict: 'fail',
      failingPaths: ['VpcConfig', 'EnableNetworkIsolation'],
    },
    {
      name: 'model in the VPC without isolation',
      doc: model({ VpcConfig: VPC, EnableNetworkIsolation: 'false' }),
      address: 'M',
      verdict: 'fail',
      path: 'EnableNetworkIsolation',
    },
    {
      name: 'model subnets from a parameter',
      doc: model(
        { VpcConfig: { SecurityGroupIds: ['sg'], Subnets: { Ref: 'Subnets' } }, EnableNetworkIsolation: true },
        { Parameters: { Subnets: { Type: 'List<String>' } } },
      ),
      address: 'M',
      verdict: 'unknown',
      path: 'VpcConfig.Subnets',
    },
    {
      name: 'tf model in the VPC with isolation',
      doc: tfModel({ vpc_config: TF_VPC, enable_network_isolation: true }),
      address: 'aws_sagemaker_model.m',
      verdict: 'pass',
    },
    {
      name: 'tf model without vpc_config',
      doc: tfModel({ enable_network_isolation: true }),
      address: 'aws_sagemaker_model.m',
      verdict: 'fail',
      path: 'vpc_config',
    },
    {
      name: 'tf model isolation from a variable',
      doc: tfModel({ vpc_config: TF_VPC, enable_network_isolation: '${var.isolated}' }),
      address: 'aws_sagemaker_model.m',
      verdict: 'unknown',
      path: 'enable_network_isolation',
    },
    {
      name: 'cognitive account private, deny ACL, private endpoint',
      doc: account(PRIVATE),
      address: A,
      verdict: 'pass',
    },
    {
      name: 'cognitive account with the defaults: public, no ACL, no private endpoint',
      doc: account(ACCOUNT, false),
      address: A,
      verdict: 'fail',
      failingPaths: ['public_network_access_enabled', 'network_acls.default_action', 'azurerm_private_endpoint'],
    },
    {
      name: 'cognitive account ACL allowing by default',
      doc: account({ ...PRIVATE, network_acls: [{ default_action: 'Allow' }] }),
      address: A,
      verdict: 'fail',
      path: 'network_acls.default_action',
    },
    {
      name: 'private endpoint targeting another account does not count',
      doc: tf({ azurerm_cognitive_account: { a: PRIVATE }, azurerm_private_endpoint: pe('/subscriptions/x/other') }),
      address: A,
      verdict: 'fail',
      path: 'azurerm_private_endpoint',
    },
    {
      name: 'cognitive account public access from a variable',
      doc: account({ ...PRIVATE, public_network_access_enabled: '${var.public}' }),
      address: A,
      verdict: 'unknown',
      path: 'public_network_access_enabled',
    },
  ],
};
