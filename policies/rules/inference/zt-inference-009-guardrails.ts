import type { Rule } from '../../engine/rule';
import { awsChecks, awsEquivalents } from './aws/guardrails';
import { azureChecks, azureEquivalents } from './azure/guardrails';

/** Every LLM deployment and invocation path applies the platform guardrail. The verdict per shape lives in ./aws/guardrails.ts and ./azure/guardrails.ts. */
export const llmGuardrailsRule: Rule = {
  id: 'ZT-INFERENCE-009',
  title: 'Every LLM deployment and invocation path applies the platform guardrail',
  severity: 'critical',
  layer: 'inference',
  rationale:
    'Prompt injection, jailbreaks, harmful content and PII leakage are stopped only where a guardrail is applied. If a deployment has no content policy, or a caller may invoke a model without the guardrail, the filter is optional and an attacker opts out.',
  remediation:
    'AWS: a Bedrock guardrail with a PROMPT_ATTACK input filter and content filters on input and output, applied by every invocation path (InvokeModel integrations set X-Amzn-Bedrock-GuardrailIdentifier from a fixed value; Converse integrations write guardrailConfig in every request template with PassthroughBehavior NEVER), IAM policies allowing bedrock:InvokeModel* / Converse* only with the bedrock:GuardrailIdentifier condition, and Bedrock agents with GuardrailConfiguration / guardrail_configuration naming the guardrail and a numbered GuardrailVersion (not DRAFT). Azure: cognitive deployments with rai_policy_name naming the platform RAI policy, whose content_filter blocks Jailbreak and Indirect Attack on Prompt and Hate, Sexual, Violence, SelfHarm on Prompt and Completion (filter_enabled and block_enabled), mode Default or Blocking.',
  controls: [
    { framework: 'NIST-800-53', id: 'SI-10' },
    { framework: 'NIST-800-53', id: 'SI-4' },
    { framework: 'SOC2', id: 'CC7.2' },
    { framework: 'ISO-42001', id: 'A.6.2.4' },
    { framework: 'ISO-42001', id: 'A.9.3' },
  ],
  equivalents: [...awsEquivalents, ...azureEquivalents],
  checks: { ...awsChecks, ...azureChecks },
};
