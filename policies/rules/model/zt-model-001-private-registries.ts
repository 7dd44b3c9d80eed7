import { type Check, Rule } from '../../engine/rule';
import { eachOf } from '../shared/combine';
import { isFalse, judgeSetting, oneOf } from '../shared/expect';
import { judgeOpenPolicy } from '../shared/open-resource-policy';

/**
 * Training images and trained models are pulled only by identities of the platform: no resource
 * policy of an ECR repository or a SageMaker model package group allows everyone (Principal "*"
 * without a condition tying it to the organization, an account, a principal or a VPC endpoint), and
 * Azure Container Registries without admin user, anonymous pull, public
 * network or export, on the Premium tier (the one with private endpoints). One finding per
 * offending statement or setting.
 */
const resourcePolicy =
  (path: string, what: string): Check =>
  (res, { graph }) =>
    judgeOpenPolicy(graph, res, path, what);

const ACR_SETTINGS = [
  isFalse('admin_enabled', { providerDefault: false, risk: 'a shared admin user and password bypass Entra ID' }),
  isFalse('public_network_access_enabled', {
    providerDefault: true,
    risk: 'the registry answers from the internet',
  }),
  isFalse('anonymous_pull_enabled', { providerDefault: false, risk: 'anyone can pull images without signing in' }),
  isFalse('export_policy_enabled', {
    providerDefault: true,
    risk: 'images can be exported (imported into another registry) around the private endpoint',
  }),
];
const PREMIUM = oneOf('sku', ['Premium'], {
  risk: 'only Premium registries take private endpoints and export control',
});

const containerRegistry: Check = (acr, { graph }) =>
  eachOf([...ACR_SETTINGS.map((s) => judgeSetting(graph, acr, s)), judgeSetting(graph, acr, PREMIUM)]);

const ACR_PATHS = [...ACR_SETTINGS.map((s) => s.path), PREMIUM.path];
const acrEquivalent = (id: string, path: string, differences?: { resource: string; reason: string }[]) => ({
  tool: 'checkov' as const,
  id,
  resourceTypes: ['azurerm_container_registry'],
  paths: [path],
  ignores: ACR_PATHS.filter((p) => p !== path),
  ...(differences ? { differences } : {}),
});
const ANONYMOUS_BELOW_STANDARD =
  'anonymous_pull_enabled = true asks for anonymous pull; Checkov passes it when the SKU is not Standard or Premium';

export const privateRegistriesRule: Rule = {
  id: 'ZT-MODEL-001',
  title: 'Model and image registries are private',
  severity: 'high',
  layer: 'model',
  rationale:
    'The training image and the registered model are the supply chain of every job and endpoint: a registry anyone ' +
    'can pull from leaks the weights and the code that produced them, and one anyone can push to (or an admin ' +
    'password that bypasses identity) lets an attacker replace them. Only platform identities, over private ' +
    'networks, may read or write them.',
  remediation:
    'ECR repository and SageMaker model package group policies: no Allow for Principal "*" unless a condition ' +
    '(StringEquals aws:PrincipalOrgID / aws:PrincipalAccount / aws:SourceVpce ...) narrows it; Azure' +
    ' Container Registry: sku Premium, admin_enabled = false, ' +
    'anonymous_pull_enabled = false, public_network_access_enabled = false, export_policy_enabled = false, and a ' +
    'private endpoint.',
  remediationBy: {
    cdk: 'ecr.Repository with grants (repository.grantPull(role)) instead of addToResourcePolicy({ principals: [new AnyPrincipal()] }); CfnModelPackageGroup policies that name principals.',
    cdktf:
      'ContainerRegistry({ sku: "Premium", adminEnabled: false, anonymousPullEnabled: false, publicNetworkAccessEnabled: false, exportPolicyEnabled: false }) (TrainingCompute does this).',
  },
  controls: [
    { framework: 'NIST-800-53', id: 'AC-3' },
    { framework: 'NIST-800-53', id: 'AC-6' },
    { framework: 'NIST-800-53', id: 'SC-7' },
    { framework: 'NIST-800-53', id: 'SR-4' },
    { framework: 'SOC2', id: 'CC6.1' },
    { framework: 'SOC2', id: 'CC6.6' },
    { framework: 'GDPR', id: 'Art. 32(1)(b)' },
    { framework: 'ISO-27001', id: 'A.8.3' },
  ],
  equivalents: [
    { tool: 'cdk-nag', id: 'AwsSolutions-ECR1', resourceTypes: ['AWS::ECR::Repository'] },
    {
      tool: 'checkov',
      id: 'CKV_AWS_32',
      resourceTypes: ['AWS::ECR::Repository', 'aws_ecr_repository_policy'],
      note: 'ForAllValues: and ...IfExists conditions do not narrow: both hold when the request lacks the key, as an anonymous one lacks aws:PrincipalOrgID.',
      differences: [
        {
          resource: 'AWS::ECR::Repository.CondAllPass',
          reason: 'ForAllValues:StringEquals aws:PrincipalOrgID holds for anonymous requests (no org ID): still public',
        },
        {
          resource: 'aws_ecr_repository_policy.cond_any_pass',
          reason: 'the condition names local.org_ids, which the fixture does not define: unknown, not a guess',
        },
        {
          resource: 'aws_ecr_repository_policy.pass_conditional',
          reason: 'ForAllValues:StringEquals aws:PrincipalOrgID holds for anonymous requests (no org ID): still public',
        },
      ],
    },
    acrEquivalent('CKV_AZURE_138', 'anonymous_pull_enabled', [
      { resource: 'azurerm_container_registry.ckv_unittest_pass_4', reason: ANONYMOUS_BELOW_STANDARD },
      { resource: 'azurerm_container_registry.ckv_unittest_pass_5', reason: ANONYMOUS_BELOW_STANDARD },
      { resource: 'azurerm_container_registry.ckv_unittest_pass_6', reason: ANONYMOUS_BELOW_STANDARD },
    ]),
    acrEquivalent('CKV_AZURE_139', 'public_network_access_enabled'),
  ],
  checks: {
    'AWS::ECR::Repository': resourcePolicy('RepositoryPolicyText', 'the repository'),
    aws_ecr_repository_policy: resourcePolicy('policy', 'the repository'),
    'AWS::SageMaker::ModelPackageGroup': resourcePolicy('ModelPackageGroupPolicy', 'the model versions'),
    aws_sagemaker_model_package_group_policy: resourcePolicy('resource_policy', 'the model versions'),
    azurerm_container_registry: containerRegistry,
  },
};
