import type { ResourceGraph } from '../../../engine/graph';
import { referencedResources } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type PolicyElement, allText } from '../../shared/apim-policy-xml';
import { describeResolved, readString } from '../../shared/read';
import { policyRoots } from './apim-effective';

/**
 * Whether an API Management API fronts an LLM (Azure OpenAI / AI Services / AI Foundry models):
 * its service_url or a backend it routes to is such an endpoint or a cognitive account, or its
 * policies use the LLM policies (azure-openai-*, llm-*) or authenticate to Cognitive Services.
 */
export type LlmApi =
  { readonly kind: 'yes' | 'no'; readonly why: string } | { readonly kind: 'unknown'; readonly why: string };

const HOSTS = ['openai.azure.com', 'cognitiveservices.azure.com', 'services.ai.azure.com', 'models.ai.azure.com'];
const mentionsHost = (text: string) => HOSTS.some((h) => text.toLowerCase().includes(h));

function urlIsLlm(g: ResourceGraph, res: Resource, path: string): LlmApi | undefined {
  const v = g.value(res, path);
  if (v.kind === 'absent') return undefined;
  if (v.kind === 'literal')
    return typeof v.value === 'string' && mentionsHost(v.value)
      ? { kind: 'yes', why: `${path} is ${v.value}` }
      : undefined;
  const unloaded = v.kind === 'composed' ? v.parts.filter((p) => typeof p !== 'string' && p.kind === 'unknown') : [];
  if (
    unloaded.some(
      (p) => typeof p !== 'string' && p.kind === 'unknown' && p.target?.type === 'azurerm_cognitive_account',
    )
  )
    return { kind: 'yes', why: `${path} is built from a cognitive account's endpoint` };
  if (referencedResources(v).some((r) => r.type === 'azurerm_cognitive_account'))
    return { kind: 'yes', why: `${path} is a cognitive account's endpoint` };
  if (v.kind === 'composed' && mentionsHost(v.parts.filter((p): p is string => typeof p === 'string').join('')))
    return { kind: 'yes', why: `${path} is an Azure OpenAI / AI Services endpoint` };
  if (unloaded.some((p) => typeof p !== 'string' && p.kind === 'unknown' && !p.target))
    return { kind: 'unknown', why: `${res.address}.${path} is built from values decided at plan time` };
  if (v.kind === 'unknown' && v.target?.type === 'azurerm_cognitive_account')
    return { kind: 'yes', why: `${path} is the endpoint of ${v.target.address}` };
  if (v.kind === 'unknown')
    return { kind: 'unknown', why: `${res.address}.${path} cannot be decided at synth time: ${describeResolved(v)}` };
  return undefined;
}

function nameOf(g: ResourceGraph, r: Resource): string | undefined {
  const n = readString(g, r, 'name');
  return n.kind === 'value' ? n.value : undefined;
}

function walk(el: PolicyElement, visit: (el: PolicyElement) => void): void {
  visit(el);
  for (const c of el.children) walk(c, visit);
}

export function llmApi(g: ResourceGraph, api: Resource): LlmApi {
  return g.memo('apim llm-api', api, () => {
    let verdict: LlmApi | undefined = urlIsLlm(g, api, 'service_url');
    if (verdict?.kind === 'yes') return verdict;
    const backends = g.sameDocument(api, 'azurerm_api_management_backend');
    for (const root of policyRoots(g, api)) {
      walk(root, (el) => {
        if (verdict?.kind === 'yes') return;
        if (el.name.startsWith('azure-openai-') || el.name.startsWith('llm-'))
          verdict = { kind: 'yes', why: `its policy uses <${el.name}>` };
        else if (el.name === 'authentication-managed-identity' && mentionsHost(el.attributes.resource ?? ''))
          verdict = { kind: 'yes', why: 'its policy authenticates to Cognitive Services' };
        else if (el.name === 'set-backend-service') {
          if (mentionsHost(allText(el)))
            verdict = { kind: 'yes', why: 'its policy routes to an Azure OpenAI / AI Services endpoint' };
          const id = el.attributes['backend-id'];
          const backend = id ? backends.find((b) => nameOf(g, b) === id) : undefined;
          const viaBackend = backend ? urlIsLlm(g, backend, 'url') : undefined;
          if (viaBackend?.kind === 'yes')
            verdict = { kind: 'yes', why: `it routes to backend ${backend!.address}: ${viaBackend.why}` };
          else if (viaBackend && verdict === undefined) verdict = viaBackend;
          else if (id && !backend && verdict === undefined)
            verdict = { kind: 'unknown', why: `it routes to backend "${id}", which is not in this configuration` };
        }
      });
    }
    return (
      verdict ?? { kind: 'no', why: 'neither its service_url, its backends nor its policies point at an LLM endpoint' }
    );
  });
}
