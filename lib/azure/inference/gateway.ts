import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { ApiManagement } from '@cdktf/provider-azurerm/lib/api-management';
import { ApiManagementApi } from '@cdktf/provider-azurerm/lib/api-management-api';
import { ApiManagementApiOperation } from '@cdktf/provider-azurerm/lib/api-management-api-operation';
import { ApiManagementApiPolicy } from '@cdktf/provider-azurerm/lib/api-management-api-policy';
import { ApiManagementBackend } from '@cdktf/provider-azurerm/lib/api-management-backend';
import { ApiManagementDiagnostic } from '@cdktf/provider-azurerm/lib/api-management-diagnostic';
import { CognitiveAccount } from '@cdktf/provider-azurerm/lib/cognitive-account';
import { Placement } from './account';
import { buildLlmApiPolicy } from './gateway-policy';
import { ResolvedInferenceProps } from './props';

/** Oldest management API version the service accepts (older ones lack current access controls). */
export const MIN_API_VERSION = '2021-08-01';

/**
 * TLS settings of the gateway, frontend and backend: SSL 3.0, TLS 1.0 / 1.1 off, triple DES off,
 * and every CBC or non-forward-secret (RSA key exchange) cipher off. What remains is TLS 1.2 with
 * ECDHE + AES-GCM and TLS 1.3.
 */
export const GATEWAY_SECURITY = {
  frontendSsl30Enabled: false,
  frontendTls10Enabled: false,
  frontendTls11Enabled: false,
  backendSsl30Enabled: false,
  backendTls10Enabled: false,
  backendTls11Enabled: false,
  tripleDesCiphersEnabled: false,
  tlsEcdheEcdsaWithAes128CbcShaCiphersEnabled: false,
  tlsEcdheEcdsaWithAes256CbcShaCiphersEnabled: false,
  tlsEcdheRsaWithAes128CbcShaCiphersEnabled: false,
  tlsEcdheRsaWithAes256CbcShaCiphersEnabled: false,
  tlsRsaWithAes128CbcSha256CiphersEnabled: false,
  tlsRsaWithAes128CbcShaCiphersEnabled: false,
  tlsRsaWithAes128GcmSha256CiphersEnabled: false,
  tlsRsaWithAes256CbcSha256CiphersEnabled: false,
  tlsRsaWithAes256CbcShaCiphersEnabled: false,
  tlsRsaWithAes256GcmSha384CiphersEnabled: false,
} as const;

/**
 * API Management injected into the API Management subnet in Internal mode: the gateway has a
 * private IP only (no public gateway endpoint, so no public WAF is needed in front of it), a
 * system-assigned identity for backend calls, weak protocols and ciphers off, no self sign-up,
 * no direct management API. `public_network_access_enabled` stays at its default: it governs
 * private-endpoint setups and must be true at creation.
 */
export function createGateway(
  scope: Construct,
  r: ResolvedInferenceProps,
  at: Placement,
  subnetId: string,
  dependsOn: ITerraformDependable[],
): ApiManagement {
  return new ApiManagement(scope, 'gateway', {
    name: r.names.gateway,
    resourceGroupName: at.resourceGroupName,
    location: at.location,
    publisherName: r.publisherName,
    publisherEmail: r.publisherEmail,
    skuName: r.gatewaySku,
    virtualNetworkType: 'Internal',
    virtualNetworkConfiguration: { subnetId },
    identity: { type: 'SystemAssigned' },
    minApiVersion: MIN_API_VERSION,
    protocols: { http2Enabled: true },
    security: { ...GATEWAY_SECURITY },
    signUp: { enabled: false, termsOfService: { enabled: false, consentRequired: false } },
    tenantAccess: { enabled: false },
    tags: at.tags,
    // VNet injection fails unless the subnet's NSG admits the management and health-probe traffic.
    dependsOn,
  });
}

export interface LlmApiParts {
  readonly api: ApiManagementApi;
  readonly operation: ApiManagementApiOperation;
  readonly backend: ApiManagementBackend;
  readonly policy: ApiManagementApiPolicy;
  readonly diagnostic: ApiManagementDiagnostic;
}

/**
 * The LLM API: HTTPS only, one operation (chat completions of the one guarded deployment; any
 * other path is 404 at the gateway), identity from the caller's token rather than shared
 * subscription keys, the account's private endpoint as backend with certificate validation, the
 * API-level policy, and per-request logs of every API to Azure Monitor (no bodies: prompts may
 * hold personal data).
 */
export function createLlmApi(
  scope: Construct,
  r: ResolvedInferenceProps,
  at: Placement,
  gateway: ApiManagement,
  account: CognitiveAccount,
  logsReady: ITerraformDependable,
): LlmApiParts {
  const common = { apiManagementName: gateway.name, resourceGroupName: at.resourceGroupName };
  const api = new ApiManagementApi(scope, 'llm-api', {
    ...common,
    name: r.names.api,
    displayName: 'Azure OpenAI (guarded)',
    revision: '1',
    path: 'openai',
    protocols: ['https'],
    apiType: 'http',
    // Callers are identified by their Entra ID token; a subscription key would be a second,
    // shareable secret that identifies nobody.
    subscriptionRequired: false,
  });
  const operation = new ApiManagementApiOperation(scope, 'llm-chat-completions', {
    ...common,
    apiName: api.name,
    operationId: 'chat-completions',
    displayName: 'Chat completions',
    method: 'POST',
    urlTemplate: `/deployments/${r.names.deployment}/chat/completions`,
    description: `Chat completions of the ${r.names.deployment} deployment, bound to the platform RAI policy.`,
  });
  const backend = new ApiManagementBackend(scope, 'llm-backend', {
    ...common,
    name: r.names.backend,
    protocol: 'http',
    // Resolves to the private endpoint through the linked privatelink zone.
    url: `${account.endpoint}openai`,
    tls: { validateCertificateChain: true, validateCertificateName: true },
    description: 'Azure OpenAI account through its private endpoint; APIM authenticates with its managed identity.',
  });
  const policy = new ApiManagementApiPolicy(scope, 'llm-api-policy', {
    ...common,
    apiName: api.name,
    xmlContent: buildLlmApiPolicy({
      tenantId: r.tenantId,
      audiences: [r.apiClientId, r.audience],
      requiredRole: r.requiredRole,
      callerLimits: r.callerLimits,
      tokensPerMinute: r.tokensPerMinute,
      maxRequestBytes: r.maxRequestBytes,
      allowLogprobs: r.allowLogprobs,
      backendId: r.names.backend,
      kind: r.kind,
      metricNamespace: `${r.project}-${r.environment}-inference`,
    }),
    dependsOn: [backend],
  });
  // Service-level, so it covers every API of the gateway. (The per-API azuremonitor diagnostic is
  // not expressible in azurerm 4.55: its operation_name_format default fails the provider's own
  // check, hashicorp/terraform-provider-azurerm#28547.) Records land in the workspace of the
  // gateway's diagnostic setting through the built-in azuremonitor logger.
  const diagnostic = new ApiManagementDiagnostic(scope, 'gateway-request-logs', {
    ...common,
    identifier: 'azuremonitor',
    apiManagementLoggerId: `${gateway.id}/loggers/azuremonitor`,
    samplingPercentage: 100,
    alwaysLogErrors: true,
    logClientIp: true,
    verbosity: 'information',
    dependsOn: [logsReady],
  });
  return { api, operation, backend, policy, diagnostic };
}
