import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type Check, type CheckResult, type Equivalent, fail, pass } from '../../../engine/rule';
import { eachOf } from '../../shared/combine';
import { companionIndex } from '../../shared/companion-index';
import { TF_METHOD_SETTINGS } from '../../shared/companion-specs';
import { orphanOnly, uncertainIfMaybe } from '../../shared/companions';
import { deploymentStageChecks } from '../../shared/deployment-stage';
import { nagEquivalents } from '../../shared/nag-equivalents';
import { joinPath, listLength, readBoolean, unknownAt } from '../../shared/read';
import { forbiddenInBlock, tfBlock } from '../../shared/tf-blocks';

/**
 * ZT-INFERENCE-013 on CloudFormation and Terraform aws_*: every REST API method setting that turns
 * response caching on also encrypts the cache (CacheDataEncrypted / cache_data_encrypted). A
 * stage caching nothing passes: caching is off per method unless a method setting enables it,
 * whatever the stage's cache cluster.
 */
const PLAIN =
  'cached responses (completions, and the prompts they answer) are stored unencrypted in the stage cache cluster';

/** A method setting's verdict, and whether it caches at all (a pass that caches nothing says little). */
interface Judged {
  readonly result: CheckResult;
  readonly cached: boolean;
}

/**
 * One method setting: caching off passes, caching on needs encryption. Unresolved values are
 * unknown; `names` gives the two attributes' names as the document spells them.
 */
function cachedEncrypted(
  g: ResourceGraph,
  res: Resource,
  at: string,
  names: { readonly caching: string; readonly encrypted: string },
  where = at,
): Judged {
  const cachingAt = joinPath(where, names.caching);
  const caching = readBoolean(g, res, joinPath(at, names.caching));
  if (caching.kind === 'unknown') return { result: unknownAt(cachingAt, caching.reason), cached: true };
  if (caching.kind === 'absent' || !caching.value) {
    const is = caching.kind === 'value' ? 'false' : 'not set (false)';
    return { result: pass(`${cachingAt} is ${is}: nothing is cached`, cachingAt), cached: false };
  }
  const encryptedAt = joinPath(where, names.encrypted);
  const encrypted = readBoolean(g, res, joinPath(at, names.encrypted));
  const result =
    encrypted.kind === 'unknown'
      ? unknownAt(encryptedAt, encrypted.reason)
      : encrypted.kind === 'value' && encrypted.value
        ? pass(`${cachingAt} is true and ${encryptedAt} is true: the cache is encrypted`, encryptedAt)
        : fail(
            `${cachingAt} is true but ${encryptedAt} is ${encrypted.kind === 'value' ? 'false' : 'not set (false)'}: ` +
              `${PLAIN}; set it to true`,
            encryptedAt,
          );
  return { result, cached: true };
}

const CFN_NAMES = { caching: 'CachingEnabled', encrypted: 'CacheDataEncrypted' };
const TF_NAMES = { caching: 'caching_enabled', encrypted: 'cache_data_encrypted' };

/** Only the failing and unknown entries are findings; else one pass saying what was seen. */
function judged(all: readonly Judged[], none: string, path: string): CheckResult[] {
  const cached = all.filter((j) => j.cached).map((j) => j.result);
  return cached.length > 0 ? eachOf(cached) : [pass(none, path)];
}

/** The stage's cache cluster, for the message of a stage that caches nothing. */
function clusterNote(g: ResourceGraph, s: Resource, path: string): string {
  const c = readBoolean(g, s, path);
  if (c.kind === 'value' && c.value)
    return `; ${path} is true, but caching defaults to off per method and no method setting enables it, so nothing is cached`;
  return '';
}

/**
 * CFN stage: every MethodSettings entry (the list at `list`) with CachingEnabled true has
 * CacheDataEncrypted true. A deployment's StageDescription (`stageWide`) also sets both for every
 * method, and is judged as one more entry.
 */
const cfnStage =
  (list: string, cluster: string, stageWide?: string): Check =>
  (s, { graph }) => {
    const n = listLength(graph, s, list);
    if (n.kind === 'unknown') return unknownAt(list, n.reason);
    const count = n.kind === 'value' ? n.value : 0;
    const results: Judged[] = stageWide ? [cachedEncrypted(graph, s, stageWide, CFN_NAMES)] : [];
    for (let i = 0; i < count; i++) results.push(cachedEncrypted(graph, s, joinPath(list, i), CFN_NAMES));
    return judged(
      results,
      `no ${list} entry${stageWide ? ` nor ${stageWide}` : ''} enables CachingEnabled: nothing is cached${clusterNote(graph, s, cluster)}`,
      list,
    );
  };

/** One aws_api_gateway_method_settings' settings block (static or dynamic); `where` prefixes its paths. */
function tfSettings(g: ResourceGraph, ms: Resource, where: string): Judged {
  const loc = tfBlock(g, ms, '', 'settings');
  const j = cachedEncrypted(g, ms, loc.path, TF_NAMES, where);
  return { ...j, result: forbiddenInBlock(loc, j.result) };
}

/** Terraform stage: through its aws_api_gateway_method_settings; none caches unencrypted. */
const tfStage: Check = (s, { graph }) => {
  const index = companionIndex(graph, TF_METHOD_SETTINGS);
  const results: Judged[] = [];
  for (const a of index.attached.get(s) ?? []) {
    const ms = a.companion;
    const j = tfSettings(graph, ms, `${ms.address}.settings`);
    results.push(j.result.verdict === 'pass' ? j : { ...j, result: uncertainIfMaybe(a, j.result) });
  }
  return judged(
    results,
    `no ${TF_METHOD_SETTINGS.type} of the stage enables caching_enabled: nothing is cached${clusterNote(graph, s, 'cache_cluster_enabled')}`,
    TF_METHOD_SETTINGS.type,
  );
};

/** A method settings resource whose stage is not in the document: judged on its own. */
const tfOrphanSettings: Check = orphanOnly(
  TF_METHOD_SETTINGS,
  (ms, { graph }) => tfSettings(graph, ms, 'settings').result,
);

export const awsChecks: Readonly<Record<string, Check>> = {
  'AWS::ApiGateway::Stage': cfnStage('MethodSettings', 'CacheClusterEnabled'),
  aws_api_gateway_stage: tfStage,
  aws_api_gateway_method_settings: tfOrphanSettings,
  // Terraform method settings may name the deployment's stage (stage_name = the deployment's): judged as a stage's.
  ...deploymentStageChecks({
    cfn: cfnStage('StageDescription.MethodSettings', 'StageDescription.CacheClusterEnabled', 'StageDescription'),
    tf: tfStage,
  }),
};

export const awsEquivalents: readonly Equivalent[] = [
  ...nagEquivalents(
    ['NIST.800.53.R5-APIGWCacheEnabledAndEncrypted', 'HIPAA.Security-APIGWCacheEnabledAndEncrypted'],
    ['AWS::ApiGateway::Stage'],
    'cdk-nag also requires caching to be enabled on the stage; this rule only requires that whatever is cached is ' +
      'encrypted, and passes a stage that caches nothing.',
  ),
  {
    tool: 'checkov',
    id: 'CKV_AWS_308',
    resourceTypes: ['aws_api_gateway_method_settings'],
    note: 'Method settings attached to a stage in the same document are judged on that stage (one finding per stage); only the others are judged on their own.',
  },
];
