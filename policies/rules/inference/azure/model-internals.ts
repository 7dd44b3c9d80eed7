import type { Check, CheckResult, Equivalent } from '../../../engine/rule';
import { notApplicable, unknown } from '../../../engine/rule';
import { type PolicyElement, allText } from '../../shared/apim-policy-xml';
import { type PolicyRequirement, judgeApiPolicy } from './apim-effective';
import { llmApi } from './llm-api';

/**
 * ZT-INFERENCE-010 on Terraform azurerm_*: an API fronting an LLM removes the parameters that
 * ask for model internals (logprobs, top_logprobs) before forwarding: a set-body that rewrites
 * the request naming them, or a <choose> whose branch on them returns an error. The expression
 * is C#, so it is judged by what it names, not executed. An API owner who allows them records a
 * waiver of this rule with the reason.
 */
const mentions = (el: PolicyElement) => allText(el).includes('logprobs');

function rejects(el: PolicyElement): boolean {
  return el.children.some(
    (w) =>
      w.name === 'when' &&
      (w.attributes.condition ?? '').includes('logprobs') &&
      w.children.some((c) => c.name === 'return-response'),
  );
}

const STRIPS: PolicyRequirement = {
  what: 'a request rewrite removing logprobs / top_logprobs (set-body naming them, or a <choose> rejecting them)',
  matches: (el) => (el.name === 'set-body' && mentions(el)) || (el.name === 'choose' && rejects(el)),
};

const api: Check = (a, { graph }) => {
  const llm = llmApi(graph, a);
  if (llm.kind === 'no') return notApplicable(`not an LLM API: ${llm.why}`);
  const results: CheckResult[] = judgeApiPolicy(graph, a, STRIPS);
  if (llm.kind === 'yes') return results;
  return results.map((r) =>
    r.verdict === 'fail' ? unknown(`${r.message}, needed if it fronts an LLM: ${llm.why}`, r.path) : r,
  );
};

export const azureChecks: Readonly<Record<string, Check>> = { azurerm_api_management_api: api };

export const azureEquivalents: readonly Equivalent[] = [];
