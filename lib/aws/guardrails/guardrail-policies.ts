import * as bedrock from 'aws-cdk-lib/aws-bedrock';
import { CONTENT_FILTER_TYPES, type GuardrailSettings } from '../../core/guardrail';

/**
 * CloudFormation policy blocks of a Bedrock guardrail, from the shared settings. Pure functions of
 * the settings, so the version hash (platform-guardrail.ts) is a hash of exactly what they produce.
 */
export interface GuardrailPolicyBlocks {
  readonly contentPolicyConfig: bedrock.CfnGuardrail.ContentPolicyConfigProperty;
  readonly sensitiveInformationPolicyConfig?: bedrock.CfnGuardrail.SensitiveInformationPolicyConfigProperty;
  readonly topicPolicyConfig?: bedrock.CfnGuardrail.TopicPolicyConfigProperty;
  readonly wordPolicyConfig?: bedrock.CfnGuardrail.WordPolicyConfigProperty;
  readonly contextualGroundingPolicyConfig?: bedrock.CfnGuardrail.ContextualGroundingPolicyConfigProperty;
}

export function guardrailPolicyBlocks(g: GuardrailSettings): GuardrailPolicyBlocks {
  const filters: bedrock.CfnGuardrail.ContentFilterConfigProperty[] = [
    // Bedrock evaluates prompt attacks on input only; OutputStrength must be NONE.
    { type: 'PROMPT_ATTACK', inputStrength: g.promptAttackStrength, outputStrength: 'NONE' },
    ...CONTENT_FILTER_TYPES.map((type) => ({
      type,
      inputStrength: g.contentInputStrength,
      outputStrength: g.contentOutputStrength,
    })),
  ];
  const grounding = [
    ...(g.groundingThreshold === undefined ? [] : [{ type: 'GROUNDING', threshold: g.groundingThreshold / 100 }]),
    ...(g.relevanceThreshold === undefined ? [] : [{ type: 'RELEVANCE', threshold: g.relevanceThreshold / 100 }]),
  ];
  const words = g.blockedWords.map((text) => ({ text }));
  return {
    contentPolicyConfig: { filtersConfig: filters },
    ...(g.piiEntities.length > 0
      ? {
          sensitiveInformationPolicyConfig: {
            piiEntitiesConfig: g.piiEntities.map((e) => ({ type: e.type, action: e.action })),
          },
        }
      : {}),
    ...(g.deniedTopics.length > 0
      ? {
          topicPolicyConfig: {
            topicsConfig: g.deniedTopics.map((t) => ({
              name: t.name,
              definition: t.definition,
              type: 'DENY',
              ...(t.examples?.length ? { examples: [...t.examples] } : {}),
            })),
          },
        }
      : {}),
    ...(words.length > 0 || g.profanityFilter
      ? {
          wordPolicyConfig: {
            ...(words.length > 0 ? { wordsConfig: words } : {}),
            ...(g.profanityFilter ? { managedWordListsConfig: [{ type: 'PROFANITY' }] } : {}),
          },
        }
      : {}),
    ...(grounding.length > 0 ? { contextualGroundingPolicyConfig: { filtersConfig: grounding } } : {}),
  };
}
