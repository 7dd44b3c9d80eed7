export { ACCOUNT_KEY_ROTATION_DAYS, ACCOUNT_KEY_SIZE } from './account';
export type { AccountEncryption } from './account';
export { GATEWAY_SECURITY, MIN_API_VERSION } from './gateway';
export {
  APIM_TELEMETRY_API_VERSION,
  GATEWAY_DIAGNOSTIC_ID,
  GATEWAY_INSIGHTS_RETENTION_DAYS,
  GATEWAY_LOGGER_NAME,
  gatewayTelemetryTemplate,
  METRICS_PUBLISHER_ROLE,
} from './gateway-insights';
export type { GatewayInsights } from './gateway-insights';
export type { LlmApiParts } from './gateway';
export { gatewayNsgRules } from './gateway-network';
export type { GatewayDns, GatewayNsgRule } from './gateway-network';
export {
  buildLlmApiPolicy,
  CALLER_DIMENSION,
  CALLER_VARIABLE,
  COGNITIVE_SERVICES_RESOURCE,
  LOGPROB_PARAMETERS,
  TOKEN_VARIABLE,
  TOTAL_TOKENS_METRIC,
} from './gateway-policy';
export type { LlmPolicyOptions } from './gateway-policy';
export { LlmInference, OPENAI_USER_ROLE } from './llm-inference';
export {
  ACCOUNT_KINDS,
  DEFAULT_CALLER_LIMITS,
  DEFAULT_MODEL,
  DEPLOYMENT_SKUS,
  MAX_REQUEST_BYTES,
  resolveInferenceProps,
} from './props';
export type {
  AccountKind,
  InferenceEncryption,
  InferenceNetwork,
  LlmInferenceProps,
  ResolvedInferenceProps,
} from './props';
