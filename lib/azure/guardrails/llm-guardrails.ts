import { Construct } from 'constructs';
import { CognitiveAccountRaiPolicy } from '@cdktf/provider-azurerm/lib/cognitive-account-rai-policy';
import { resolveGovernance } from '../../core/governance';
import { governanceTags } from '../../core/tags';
import { BASE_POLICY, LlmGuardrailsProps, resolveGuardrailsProps, ResolvedGuardrails } from './props';

/**
 * The platform's Responsible AI policy on an Azure OpenAI / AI Services account: prompt shields
 * (jailbreak, indirect attack) on prompts, the four harm categories on prompts and completions at
 * the configured threshold, protected-material detection on completions, every filter enabled and
 * blocking, and the policy in `Blocking` mode (completions are filtered before they are returned,
 * also when streamed). Deployments bind to it by `policy.name`; the caller cannot choose another
 * policy, because the gateway only routes to deployments bound to this one.
 */
export class LlmGuardrails extends Construct {
  public readonly policy: CognitiveAccountRaiPolicy;
  public readonly resolved: ResolvedGuardrails;

  constructor(scope: Construct, id: string, props: LlmGuardrailsProps) {
    super(scope, id);
    const g = resolveGovernance('LlmGuardrails', props);
    this.resolved = resolveGuardrailsProps(props, g.project, g.environment);
    this.policy = new CognitiveAccountRaiPolicy(this, 'rai-policy', {
      name: this.resolved.name,
      cognitiveAccountId: props.cognitiveAccountId,
      basePolicyName: BASE_POLICY,
      mode: 'Blocking',
      contentFilter: this.resolved.filters.map((f) => ({
        name: f.name,
        source: f.source,
        severityThreshold: f.severityThreshold,
        filterEnabled: true,
        blockEnabled: true,
      })),
      tags: governanceTags({
        owner: g.owner,
        classification: g.classification,
        // Guardrails are part of the serving path: same lineage as the inference layer.
        lineage: `${g.project}:inference`,
        project: g.project,
        environment: g.environment,
      }),
    });
  }
}
