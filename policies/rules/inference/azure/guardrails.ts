import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type Check, type CheckResult, type Equivalent, fail, pass } from '../../../engine/rule';
import { eachOf } from '../../shared/combine';
import { oneOf, judgeSetting } from '../../shared/expect';
import { joinPath, listLength, readBoolean, readString, unknownAt } from '../../shared/read';
import { tfBlock } from '../../shared/tf-blocks';

/**
 * ZT-INFERENCE-009 on Terraform azurerm_*: every model deployment names the platform's RAI
 * policy (without one, Microsoft's default applies, with no indirect-attack shield and nothing the
 * platform controls), and that policy blocks jailbreaks and indirect attacks in prompts and
 * harmful content in prompts and completions. Filtering runs before content is returned (not the
 * asynchronous mode, which streams first and filters after).
 */
const BUILT_IN = ['Microsoft.Default', 'Microsoft.DefaultV2', 'Microsoft.Nil'];

const deployment: Check = (d, { graph }) => {
  const r = graph.value(d, 'rai_policy_name');
  if (r.kind === 'absent')
    return fail(
      "rai_policy_name is not set: Microsoft's default content policy applies, without the platform's prompt shields",
      'rai_policy_name',
    );
  if (r.kind === 'reference' || r.kind === 'composed')
    return pass('rai_policy_name names a RAI policy of this configuration', 'rai_policy_name');
  const name = readString(graph, d, 'rai_policy_name');
  if (name.kind === 'unknown') {
    if (r.kind === 'unknown' && r.target?.type === 'azurerm_cognitive_account_rai_policy')
      return pass(`rai_policy_name names ${r.target.address}`, 'rai_policy_name');
    return unknownAt('rai_policy_name', name.reason);
  }
  if (name.kind === 'value' && BUILT_IN.includes(name.value))
    return fail(
      `rai_policy_name is the built-in ${name.value}, not the platform's policy (no indirect-attack shield)`,
      'rai_policy_name',
    );
  return pass(
    `rai_policy_name is ${name.kind === 'value' ? name.value : ''}, a policy defined outside this configuration`,
    'rai_policy_name',
  );
};

interface Filter {
  readonly name: string;
  readonly source: string;
  readonly blocking: boolean;
}

/** Each required (filter, source) pair must be enabled and blocking. */
const REQUIRED: readonly [string, string][] = [
  ['Jailbreak', 'Prompt'],
  ['Indirect Attack', 'Prompt'],
  ...['Hate', 'Sexual', 'Violence', 'SelfHarm'].flatMap((n): [string, string][] => [
    [n, 'Prompt'],
    [n, 'Completion'],
  ]),
];

const same = (a: string, b: string) => a.toLowerCase().replace(' ', '') === b.toLowerCase().replace(' ', '');

function filters(g: ResourceGraph, p: Resource): Filter[] | CheckResult {
  if (tfBlock(g, p, '', 'content_filter').kind === 'dynamic')
    return unknownAt('content_filter', 'the filters come from a dynamic block whose for_each is decided at plan time');
  const n = listLength(g, p, 'content_filter');
  if (n.kind === 'unknown') return unknownAt('content_filter', n.reason);
  const out: Filter[] = [];
  for (let i = 0; n.kind === 'value' && i < n.value; i++) {
    const base = joinPath('content_filter', i);
    const name = readString(g, p, joinPath(base, 'name'));
    const source = readString(g, p, joinPath(base, 'source'));
    const on = readBoolean(g, p, joinPath(base, 'filter_enabled'));
    const block = readBoolean(g, p, joinPath(base, 'block_enabled'));
    const unresolved = [name, source, on, block].find((r) => r.kind === 'unknown');
    if (unresolved) return unknownAt(base, 'a filter setting is unresolved');
    if (name.kind !== 'value' || source.kind !== 'value') continue;
    out.push({
      name: name.value,
      source: source.value,
      blocking: on.kind === 'value' && on.value && block.kind === 'value' && block.value,
    });
  }
  return out;
}

const raiPolicy: Check = (p, { graph }) => {
  const list = filters(graph, p);
  if (!Array.isArray(list)) return list;
  const missing = REQUIRED.filter(
    ([name, source]) => !list.some((f) => same(f.name, name) && f.source === source && f.blocking),
  );
  const results: CheckResult[] = missing.map(([name, source]) =>
    fail(`content_filter has no enabled, blocking ${name} filter on ${source}`, `content_filter.${name}.${source}`),
  );
  results.push(
    judgeSetting(
      graph,
      p,
      oneOf('mode', ['Default', 'Blocking'], {
        providerDefault: 'Default',
        risk: 'content reaches the caller before it is filtered',
      }),
    ),
  );
  return eachOf(results, 'prompt shields and content filters block on prompt and completion', 'content_filter');
};

export const azureChecks: Readonly<Record<string, Check>> = {
  azurerm_cognitive_deployment: deployment,
  azurerm_cognitive_account_rai_policy: raiPolicy,
};

export const azureEquivalents: readonly Equivalent[] = [];
