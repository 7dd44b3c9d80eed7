import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, Rule, pass } from '../../engine/rule';
import { eachOf } from '../shared/combine';
import { atLeast, isTrue, judgeSetting, oneOf } from '../shared/expect';
import { joinPath, rawAt } from '../shared/read';
import { tfBlock, throughDynamic } from '../shared/tf-blocks';

/** Where an ECR repository's two facts live in each shape. */
interface EcrFields {
  readonly mutability: string;
  readonly scanBlock: string;
  readonly scanOnPush: string;
  /** The account-level scanning configuration that can stand in for scan on push. */
  readonly registryType: string;
  readonly tf: boolean;
}
const CFN: EcrFields = {
  mutability: 'ImageTagMutability',
  scanBlock: 'ImageScanningConfiguration',
  scanOnPush: 'ScanOnPush',
  registryType: 'AWS::ECR::RegistryScanningConfiguration',
  tf: false,
};
const TF: EcrFields = {
  mutability: 'image_tag_mutability',
  scanBlock: 'image_scanning_configuration',
  scanOnPush: 'scan_on_push',
  registryType: 'aws_ecr_registry_scanning_configuration',
  tf: true,
};

const SCANNING = ['SCAN_ON_PUSH', 'CONTINUOUS_SCAN'];

/**
 * A registry scanning configuration scans every repository when one of its rules scans on push or
 * continuously with the wildcard filter "*". Narrower filters are not matched against repository
 * names here: the repository's own setting then decides.
 */
function registryScansAll(g: ResourceGraph, repo: Resource, f: EcrFields): Resource | undefined {
  const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
  return g.sameDocument(repo, f.registryType).find((cfg) =>
    asList(rawAt(cfg, f.tf ? 'rule' : 'Rules')).some((rule) => {
      const r = rule as Record<string, unknown>;
      const freq = r[f.tf ? 'scan_frequency' : 'ScanFrequency'];
      const filters = asList(r[f.tf ? 'repository_filter' : 'RepositoryFilters']) as Record<string, unknown>[];
      return SCANNING.includes(String(freq)) && filters.some((x) => x[f.tf ? 'filter' : 'Filter'] === '*');
    }),
  );
}

const ecr =
  (f: EcrFields): Check =>
  (repo, { graph }) => {
    const results: CheckResult[] = [
      judgeSetting(
        graph,
        repo,
        oneOf(f.mutability, ['IMMUTABLE'], { providerDefault: 'MUTABLE', risk: 'a pushed tag can be repointed' }),
      ),
    ];
    const registry = registryScansAll(graph, repo, f);
    const path = joinPath(f.scanBlock, f.scanOnPush);
    if (registry) {
      results.push(pass(`${registry.address} scans every repository of the registry`, path));
    } else if (f.tf) {
      const loc = tfBlock(graph, repo, '', f.scanBlock);
      const s = isTrue(f.scanOnPush, { providerDefault: false, risk: 'images are never scanned for CVEs' });
      results.push(
        loc.kind === 'absent'
          ? judgeSetting(graph, repo, { ...s, path })
          : throughDynamic(loc, judgeSetting(graph, repo, s, loc.path)),
      );
    } else {
      results.push(
        judgeSetting(graph, repo, isTrue(path, { providerDefault: false, risk: 'images are never scanned' })),
      );
    }
    return eachOf(results);
  };

/**
 * azurerm expresses neither tag immutability (tag locks are data-plane, `az acr repository update
 * --write-enabled false`) nor scan on push (Defender for Containers scans, outside the resource);
 * what it can say is that the registry is Premium and purges untagged manifests.
 */
const UNPURGED = 'untagged manifests are never purged';
const acr: Check = (registry, { graph }) =>
  eachOf([
    judgeSetting(graph, registry, oneOf('sku', ['Premium'], { risk: 'retention and private link need Premium' })),
    // azurerm 3.x spelled it as a block (retention_policy { enabled, days = 7 }); 4.x as the days.
    rawAt(registry, 'retention_policy') !== undefined && rawAt(registry, 'retention_policy_in_days') === undefined
      ? judgeSetting(graph, registry, isTrue('retention_policy.enabled', { providerDefault: false, risk: UNPURGED }))
      : judgeSetting(graph, registry, atLeast('retention_policy_in_days', 1, { risk: UNPURGED })),
  ]);

export const registriesImmutableRule: Rule = {
  id: 'ZT-MODEL-002',
  title: 'Model and image registries are immutable and scanned',
  severity: 'high',
  layer: 'model',
  rationale:
    'A serving image is named by its tag. When a tag can be repointed, the image that was reviewed, scanned and ' +
    'signed is not necessarily the one that runs; and an image that was never scanned ships its known ' +
    'vulnerabilities into the inference path.',
  remediation:
    'ECR: ImageTagMutability IMMUTABLE and ImageScanningConfiguration.ScanOnPush true (CDK ecr.Repository({ ' +
    'imageTagMutability: IMMUTABLE, imageScanOnPush: true }); ModelRegistry does this), or an account ' +
    'RegistryScanningConfiguration that scans "*" on push. Terraform: image_tag_mutability = "IMMUTABLE", ' +
    'image_scanning_configuration { scan_on_push = true }. Azure: a Premium registry with ' +
    'retention_policy_in_days; scan with Defender for Containers and lock release tags in the pipeline.',
  controls: [
    { framework: 'NIST-800-53', id: 'SI-7' },
    { framework: 'NIST-800-53', id: 'RA-5' },
    { framework: 'NIST-800-53', id: 'CM-14' },
    { framework: 'SOC2', id: 'CC7.1' },
    { framework: 'ISO-27001', id: 'A.8.8' },
    { framework: 'ISO-42001', id: 'A.6.2.5' },
  ],
  equivalents: [
    {
      tool: 'checkov',
      id: 'CKV_AWS_51',
      resourceTypes: ['AWS::ECR::Repository'],
      paths: ['ImageTagMutability'],
      ignores: ['ImageScanningConfiguration.ScanOnPush'],
    },
    {
      tool: 'checkov',
      id: 'CKV_AWS_163',
      resourceTypes: ['aws_ecr_repository'],
      paths: ['image_scanning_configuration.scan_on_push'],
      ignores: ['image_tag_mutability'],
    },
    {
      tool: 'checkov',
      id: 'CKV_AZURE_167',
      resourceTypes: ['azurerm_container_registry'],
      paths: ['retention_policy_in_days', 'retention_policy'],
      ignores: ['sku'],
    },
  ],
  reads: ['AWS::ECR::RegistryScanningConfiguration', 'aws_ecr_registry_scanning_configuration'],
  checks: {
    'AWS::ECR::Repository': ecr(CFN),
    aws_ecr_repository: ecr(TF),
    azurerm_container_registry: acr,
  },
};
