import { registriesImmutableRule } from '../../../policies/rules/model/zt-model-002-registries-immutable-scanned';
import { RuleCases, cfn, tf } from '../helpers';

const repo = (props: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  cfn({ Repo: { Type: 'AWS::ECR::Repository', Properties: props }, ...extra });
const GOOD = { ImageTagMutability: 'IMMUTABLE', ImageScanningConfiguration: { ScanOnPush: true } };
const tfRepo = (body: Record<string, unknown>, extra: Record<string, Record<string, unknown>> = {}) =>
  tf({ aws_ecr_repository: { r: { name: 'r', ...body } }, ...extra });
const acr = (body: Record<string, unknown>) =>
  tf({ azurerm_container_registry: { acr: { name: 'acr', sku: 'Premium', ...body } } });

export const cases: RuleCases = {
  rule: registriesImmutableRule,
  cases: [
    { name: 'ECR immutable and scanned on push', doc: repo(GOOD), address: 'Repo', verdict: 'pass' },
    {
      name: 'ECR default mutability (MUTABLE)',
      doc: repo({ ImageScanningConfiguration: { ScanOnPush: true } }),
      address: 'Repo',
      verdict: 'fail',
      path: 'ImageTagMutability',
    },
    {
      name: 'ECR without scan on push',
      doc: repo({ ImageTagMutability: 'IMMUTABLE' }),
      address: 'Repo',
      verdict: 'fail',
      path: 'ImageScanningConfiguration.ScanOnPush',
    },
    {
      name: 'ECR mutable and unscanned: two findings',
      doc: repo({}),
      address: 'Repo',
      verdict: 'fail',
      failingPaths: ['ImageTagMutability', 'ImageScanningConfiguration.ScanOnPush'],
    },
    {
      name: 'ECR scanned by a registry scanning configuration of every repository',
      doc: repo(
        { ImageTagMutability: 'IMMUTABLE' },
        {
          Scan: {
            Type: 'AWS::ECR::RegistryScanningConfiguration',
            Properties: {
              ScanType: 'ENHANCED',
              Rules: [
                { ScanFrequency: 'CONTINUOUS_SCAN', RepositoryFilters: [{ Filter: '*', FilterType: 'WILDCARD' }] },
              ],
            },
          },
        },
      ),
      address: 'Repo',
      verdict: 'pass',
    },
    {
      name: 'ECR mutability from a parameter',
      doc: cfn(
        { Repo: { Type: 'AWS::ECR::Repository', Properties: { ...GOOD, ImageTagMutability: { Ref: 'Mut' } } } },
        { Parameters: { Mut: { Type: 'String' } } },
      ),
      address: 'Repo',
      verdict: 'unknown',
    },
    {
      name: 'tf ECR immutable and scanned',
      doc: tfRepo({ image_tag_mutability: 'IMMUTABLE', image_scanning_configuration: [{ scan_on_push: true }] }),
      address: 'aws_ecr_repository.r',
      verdict: 'pass',
    },
    {
      name: 'tf ECR without a scanning block',
      doc: tfRepo({ image_tag_mutability: 'IMMUTABLE' }),
      address: 'aws_ecr_repository.r',
      verdict: 'fail',
      path: 'image_scanning_configuration.scan_on_push',
    },
    {
      name: 'tf ECR MUTABLE',
      doc: tfRepo({ image_tag_mutability: 'MUTABLE', image_scanning_configuration: [{ scan_on_push: true }] }),
      address: 'aws_ecr_repository.r',
      verdict: 'fail',
      path: 'image_tag_mutability',
    },
    {
      name: 'tf ECR scan_on_push from a variable',
      doc: tfRepo({
        image_tag_mutability: 'IMMUTABLE',
        image_scanning_configuration: [{ scan_on_push: '${var.scan}' }],
      }),
      address: 'aws_ecr_repository.r',
      verdict: 'unknown',
    },
    {
      name: 'tf ECR scanned by the registry scanning configuration',
      doc: tfRepo(
        { image_tag_mutability: 'IMMUTABLE' },
        {
          aws_ecr_registry_scanning_configuration: {
            s: {
              scan_type: 'ENHANCED',
              rule: [{ scan_frequency: 'SCAN_ON_PUSH', repository_filter: [{ filter: '*', filter_type: 'WILDCARD' }] }],
            },
          },
        },
      ),
      address: 'aws_ecr_repository.r',
      verdict: 'pass',
    },
    {
      name: 'ACR Premium with retention of untagged manifests',
      doc: acr({ retention_policy_in_days: 7 }),
      address: 'azurerm_container_registry.acr',
      verdict: 'pass',
    },
    {
      name: 'ACR without retention',
      doc: acr({}),
      address: 'azurerm_container_registry.acr',
      verdict: 'fail',
      path: 'retention_policy_in_days',
    },
    {
      name: 'ACR with the azurerm 3.x retention block enabled',
      doc: acr({ retention_policy: [{ enabled: true }] }),
      address: 'azurerm_container_registry.acr',
      verdict: 'pass',
    },
    {
      name: 'ACR with the azurerm 3.x retention block disabled',
      doc: acr({ retention_policy: [{ enabled: false, days: 7 }] }),
      address: 'azurerm_container_registry.acr',
      verdict: 'fail',
      path: 'retention_policy.enabled',
    },
    {
      name: 'ACR Standard',
      doc: acr({ sku: 'Standard', retention_policy_in_days: 7 }),
      address: 'azurerm_container_registry.acr',
      verdict: 'fail',
      path: 'sku',
    },
    {
      name: 'ACR retention from a variable',
      doc: acr({ retention_policy_in_days: '${var.days}' }),
      address: 'azurerm_container_registry.acr',
      verdict: 'unknown',
    },
  ],
};
