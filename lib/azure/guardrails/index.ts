export { LlmGuardrails } from './llm-guardrails';
export {
  BASE_POLICY,
  DEFAULT_SEVERITY_THRESHOLD,
  HARM_CATEGORIES,
  resolveGuardrailsProps,
  SEVERITY_THRESHOLDS,
} from './props';
export type {
  ContentFilterSpec,
  HarmCategory,
  LlmGuardrailsProps,
  ResolvedGuardrails,
  SeverityThreshold,
} from './props';
