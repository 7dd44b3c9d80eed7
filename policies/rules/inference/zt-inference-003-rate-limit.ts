import type { Rule } from '../../engine/rule';
import { awsChecks, awsEquivalents } from './aws/rate-limit';
import { azureChecks, azureEquivalents } from './azure/rate-limit';
import { APIM_POLICY_READS } from './azure/apim-effective';
import { CFN_MANAGED_OVERRIDES } from './aws/quick-create';

/** Inference APIs are rate limited and metered per caller. The verdict per shape lives in ./aws/rate-limit.ts and ./azure/rate-limit.ts. */
export const apiRateLimitRule: Rule = {
  id: 'ZT-INFERENCE-003',
  title: 'Inference APIs are rate limited and metered per caller',
  severity: 'high',
  layer: 'inference',
  rationale:
    'Model extraction and denial-of-wallet attacks need volume. A per-caller rate limit and quota caps how much of the model any one identity can sample, and per-caller metering makes abuse visible; LLM APIs also need a token limit, since one request can cost thousands of tokens.',
  remediation:
    'AWS: API Gateway usage plans with throttle and quota bound to API keys, every method ApiKeyRequired (OPTIONS aside), stage throttling on /* * (CFN MethodSettings, Terraform aws_api_gateway_method_settings method_path "*/*"); HTTP and WebSocket API stages set both default-route throttling limits (CFN DefaultRouteSettings ThrottlingRateLimit / ThrottlingBurstLimit, Terraform default_route_settings throttling_rate_limit / throttling_burst_limit). A quick-created HTTP API (Target) is judged on its managed $default stage: set it in an AWS::ApiGatewayV2::ApiGatewayManagedOverrides, or declare the stage. Azure: API Management rate-limit-by-key and quota-by-key, and on LLM APIs llm-token-limit / azure-openai-token-limit with llm-emit-token-metric / azure-openai-emit-token-metric (per-caller token usage as a metric).',
  controls: [
    { framework: 'NIST-800-53', id: 'SC-5' },
    { framework: 'SOC2', id: 'CC7.2' },
    { framework: 'SOC2', id: 'A1.1' },
    { framework: 'ISO-27001', id: 'A.8.6' },
    { framework: 'ISO-42001', id: 'A.6.2.6' },
  ],
  equivalents: [...awsEquivalents, ...azureEquivalents],
  reads: [
    ...APIM_POLICY_READS,
    'AWS::ApiGateway::UsagePlanKey',
    'aws_api_gateway_usage_plan_key',
    'aws_api_gateway_method_settings',
    CFN_MANAGED_OVERRIDES.type,
  ],
  checks: { ...awsChecks, ...azureChecks },
};
