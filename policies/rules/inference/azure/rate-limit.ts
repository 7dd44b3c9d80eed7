import type { Check, CheckResult, Equivalent } from '../../../engine/rule';
import { notApplicable, unknown } from '../../../engine/rule';
import { eachOf } from '../../shared/combine';
import { readBoolean } from '../../shared/read';
import { type PolicyRequirement, apiPolicyChecks, judgeApiPolicy } from './apim-effective';
import { llmApi } from './llm-api';

/**
 * ZT-INFERENCE-003 on Terraform azurerm_*: every API's effective inbound policy limits the rate
 * and the volume (quota) per caller: rate-limit-by-key / quota-by-key, or rate-limit / quota,
 * which count per subscription and so only when the API requires one. APIs fronting an LLM also
 * limit tokens per caller (azure-openai-token-limit / llm-token-limit): one request can cost
 * thousands of tokens; and meter them (azure-openai-emit-token-metric / llm-emit-token-metric): a
 * limit alone shows nobody who spends the budget.
 */
const perCaller = (byKey: string, perSubscription: string, subscribed: boolean, what: string): PolicyRequirement => ({
  what: `a per-caller ${what} (${byKey}${subscribed ? ` or ${perSubscription}` : ''})`,
  matches: (el) => el.name === byKey || (subscribed && el.name === perSubscription),
});

const TOKEN_LIMIT: PolicyRequirement = {
  what: 'a token limit (azure-openai-token-limit or llm-token-limit)',
  matches: (el) => el.name === 'azure-openai-token-limit' || el.name === 'llm-token-limit',
};

const TOKEN_METRIC: PolicyRequirement = {
  what: 'a token metric (azure-openai-emit-token-metric or llm-emit-token-metric)',
  matches: (el) => el.name === 'azure-openai-emit-token-metric' || el.name === 'llm-emit-token-metric',
};

const api: Check = (a, ctx) => {
  const g = ctx.graph;
  const sub = readBoolean(g, a, 'subscription_required');
  const subscribed = !(sub.kind === 'value' && !sub.value);
  const results: CheckResult[] = [
    ...judgeApiPolicy(g, a, perCaller('rate-limit-by-key', 'rate-limit', subscribed, 'rate limit')),
    ...judgeApiPolicy(g, a, perCaller('quota-by-key', 'quota', subscribed, 'quota')),
  ];
  const llm = llmApi(g, a);
  if (llm.kind !== 'no') {
    const tokens = [...judgeApiPolicy(g, a, TOKEN_LIMIT), ...judgeApiPolicy(g, a, TOKEN_METRIC)];
    results.push(
      ...(llm.kind === 'yes'
        ? tokens
        : tokens.map((r) =>
            r.verdict === 'fail' ? unknown(`${r.message}, needed if it fronts an LLM: ${llm.why}`, r.path) : r,
          )),
    );
  } else results.push(notApplicable(`no token limit needed: ${llm.why}`));
  return eachOf(results);
};

const rateLimit = perCaller('rate-limit-by-key', 'rate-limit', true, 'rate limit');

export const azureChecks: Readonly<Record<string, Check>> = {
  ...apiPolicyChecks(rateLimit),
  azurerm_api_management_api: api,
};

export const azureEquivalents: readonly Equivalent[] = [];
