import { createHash } from 'crypto';
import { ITerraformDependable } from 'cdktf';
import { AzureInferenceSettings, DEFAULT_CONFIG } from '../../core/config';
import { BlueprintConfigError } from '../../core/errors';
import { GovernanceProps, resolveGovernance } from '../../core/governance';
import { CallerLimits, validateCallerLimits } from '../../core/inference-limits';
import { validateCidr, validateIntRange, validateOneOf } from '../../core/validate';
import { LlmGuardrailsProps } from '../guardrails/props';
import { validateGuid, validateLocation } from '../validate';

const P = 'LlmInference';

/** Account kinds that serve the Azure OpenAI API. */
export const ACCOUNT_KINDS = ['OpenAI', 'AIServices'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/** Deployment SKUs; the data-zone and regional ones keep processing inside the data zone / region. */
export const DEPLOYMENT_SKUS = ['DataZoneStandard', 'Standard', 'GlobalStandard', 'ProvisionedManaged'] as const;

/** Only these API Management tiers support injection into a VNet in Internal mode (classic tiers). */
const GATEWAY_SKU = /^(Developer_1|Premium_([1-9]|1[0-2]))$/;

/** Largest body APIM's validate-content checks without a support request (100 KiB). */
export const MAX_REQUEST_BYTES = 102_400;

/** Where the inference layer plugs into the platform network. */
export interface InferenceNetwork {
  readonly virtualNetworkId: string;
  /** Subnet of the account's private endpoint. */
  readonly privateEndpointSubnetId: string;
  /** Dedicated subnet of the API Management service (Internal mode). */
  readonly apiManagementSubnetId: string;
  /** Its address block: NSG rules admit callers to it. */
  readonly apiManagementSubnetCidr: string;
  /** The subnet's NSG: the layer adds the rules API Management needs. */
  readonly apiManagementNsg: { readonly name: string; readonly resourceGroupName: string };
  /** Address blocks allowed to call the gateway on 443 (e.g. the training subnet, a peered client range). */
  readonly clientCidrs: readonly string[];
  /** Shared zones the account's private endpoint registers in. */
  readonly privateDnsZoneIds: { readonly openai: string; readonly cognitiveServices: string };
  /** What must exist first (the zones' VNet links). */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/** The platform vault that holds the account's customer-managed key. */
export interface InferenceEncryption {
  readonly keyVaultId: string;
  readonly keyVaultName: string;
  /** What must exist before a key is created in it (its private endpoint, the deployer's role). */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/** Props of {@link LlmInference}; the settings of BlueprintConfig.azure.inference plus the placement. */
export interface LlmInferenceProps extends GovernanceProps, AzureInferenceSettings {
  readonly network: InferenceNetwork;
  readonly encryption: InferenceEncryption;
  /** Resource ID of the platform Log Analytics workspace (diagnostics). */
  readonly logAnalyticsWorkspaceId: string;
  /** Entra ID tenant whose tokens the gateway accepts (GUID). Required. */
  readonly tenantId: string;
  /**
   * Application (client) ID of the API's Entra ID app registration (GUID). Required: the gateway
   * accepts tokens issued for it (v2 tokens carry it as `aud`). The registration is created outside
   * this stack (the project has no azuread provider): see docs/inference-azure.md.
   */
  readonly apiClientId: string;
  /** @default "westeurope" */
  readonly location?: string;
  /** Extra input to the hash of globally unique names. @default "" */
  readonly nameSeed?: string;
  /** @default "OpenAI" */
  readonly kind?: AccountKind;
  /** Application ID URI of that registration, also accepted as audience (v1 tokens). @default "api://<apiClientId>" */
  readonly audience?: string;
  /** Publisher name of the API Management service. @default the owner */
  readonly publisherName?: string;
  /**
   * The only FQDNs the account may call out to (outbound access is restricted).
   * @default the platform vault's host (the account's one dependency: its key)
   */
  readonly allowedOutboundFqdns?: readonly string[];
  /** RAI policy settings (severityThreshold defaults to the one above). */
  readonly guardrails?: Omit<LlmGuardrailsProps, 'cognitiveAccountId' | keyof GovernanceProps>;
}

export interface ResolvedInferenceProps {
  readonly project: string;
  readonly environment: string;
  readonly owner: string;
  readonly classification: NonNullable<GovernanceProps['classification']>;
  readonly location: string;
  readonly tenantId: string;
  readonly kind: AccountKind;
  readonly model: { readonly name: string; readonly version: string };
  readonly deploymentSku: string;
  readonly capacity: number;
  readonly callerLimits: CallerLimits;
  readonly tokensPerMinute: number;
  readonly maxRequestBytes: number;
  readonly allowLogprobs: boolean;
  readonly requiredRole: string;
  readonly apiClientId: string;
  readonly audience: string;
  readonly gatewaySku: string;
  readonly publisherEmail: string;
  readonly publisherName: string;
  readonly clientCidrs: readonly string[];
  readonly names: {
    readonly resourceGroup: string;
    readonly account: string;
    readonly identity: string;
    readonly key: string;
    readonly gateway: string;
    readonly deployment: string;
    readonly api: string;
    readonly backend: string;
    readonly insights: string;
  };
}

export const DEFAULT_MODEL = { name: 'gpt-4o-mini', version: '2024-07-18' } as const;
export const DEFAULT_CALLER_LIMITS: CallerLimits = {
  rate: 60,
  ratePeriodSeconds: 60,
  quota: 5000,
  quotaPeriodSeconds: 86_400,
};

const MODEL_PART = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Applies defaults and validates; throws BlueprintConfigError naming `LlmInference.<prop>`. */
export function resolveInferenceProps(props: LlmInferenceProps, path: string): ResolvedInferenceProps {
  const g = resolveGovernance(P, props);
  for (const part of ['network', 'encryption'] as const) {
    if (typeof props[part] !== 'object' || props[part] === null) {
      throw new BlueprintConfigError(`${P}.${part}`, `the platform ${part} the serving path plugs into`, props[part]);
    }
  }
  const location = validateLocation(`${P}.location`, props.location ?? DEFAULT_CONFIG.azure.location);
  const tenantId = validateGuid(`${P}.tenantId`, props.tenantId);
  if (props.apiClientId === undefined || props.apiClientId === '') {
    throw new BlueprintConfigError(
      `${P}.apiClientId`,
      "the Application (client) ID, a GUID, of the API's Entra ID app registration (created outside the stack)",
      props.apiClientId,
    );
  }
  const apiClientId = validateGuid(`${P}.apiClientId`, props.apiClientId);
  const model = props.model ?? DEFAULT_MODEL;
  for (const part of ['name', 'version'] as const) {
    if (typeof model[part] !== 'string' || !MODEL_PART.test(model[part])) {
      throw new BlueprintConfigError(`${P}.model.${part}`, 'a model catalogue name / version', model[part]);
    }
  }
  const capacity = validateIntRange(`${P}.capacity`, props.capacity ?? 10, 1, 10_000);
  const callerLimits = validateCallerLimits(`${P}.callerLimits`, { ...DEFAULT_CALLER_LIMITS, ...props.callerLimits });
  // rate-limit-by-key renews over at most 300 s.
  validateIntRange(`${P}.callerLimits.ratePeriodSeconds`, callerLimits.ratePeriodSeconds, 1, 300);
  const tokensPerMinute = validateIntRange(`${P}.tokensPerMinute`, props.tokensPerMinute ?? 5000, 1, capacity * 1000);
  const maxRequestBytes = validateIntRange(
    `${P}.maxRequestBytes`,
    props.maxRequestBytes ?? 65_536,
    1024,
    MAX_REQUEST_BYTES,
  );
  const gatewaySku = props.gatewaySku ?? 'Developer_1';
  if (typeof gatewaySku !== 'string' || !GATEWAY_SKU.test(gatewaySku)) {
    throw new BlueprintConfigError(
      `${P}.gatewaySku`,
      'Developer_1 or Premium_<units> (the tiers that run inside a VNet in Internal mode)',
      gatewaySku,
    );
  }
  // example.com is reserved (RFC 2606): set publisherEmail to a monitored mailbox for real deployments.
  const publisherEmail = props.publisherEmail ?? `${g.project}-${g.environment}-apim@example.com`;
  if (typeof publisherEmail !== 'string' || !EMAIL.test(publisherEmail)) {
    throw new BlueprintConfigError(`${P}.publisherEmail`, 'an e-mail address', publisherEmail);
  }
  const requiredRole = props.requiredRole ?? 'Inference.Invoke';
  if (typeof requiredRole !== 'string' || !/^[A-Za-z][\w.-]{0,119}$/.test(requiredRole)) {
    throw new BlueprintConfigError(`${P}.requiredRole`, 'an app role value like "Inference.Invoke"', requiredRole);
  }
  const audience = props.audience ?? `api://${apiClientId}`;
  if (typeof audience !== 'string' || !/^(api:\/\/|https:\/\/)[^\s/]\S*$/i.test(audience)) {
    throw new BlueprintConfigError(`${P}.audience`, 'an Application ID URI (api://... or https://...)', audience);
  }
  const clientCidrs = props.network.clientCidrs;
  if (!Array.isArray(clientCidrs) || clientCidrs.length === 0) {
    throw new BlueprintConfigError(`${P}.network.clientCidrs`, 'at least one caller address block', clientCidrs);
  }
  clientCidrs.forEach((c, i) => validateCidr(`${P}.network.clientCidrs[${i}]`, c, 8, 32));

  const suffix = createHash('sha256')
    .update([g.project, g.environment, location, props.nameSeed ?? '', path].join('|'))
    .digest('hex')
    .slice(0, 6);
  const base = `${g.project}-${g.environment}`;
  return {
    ...g,
    location,
    tenantId,
    kind: validateOneOf(`${P}.kind`, props.kind ?? 'OpenAI', ACCOUNT_KINDS),
    model: { name: model.name, version: model.version },
    deploymentSku: validateOneOf(`${P}.deploymentSku`, props.deploymentSku ?? 'DataZoneStandard', DEPLOYMENT_SKUS),
    capacity,
    callerLimits,
    tokensPerMinute,
    maxRequestBytes,
    allowLogprobs: props.allowLogprobs ?? false,
    requiredRole,
    apiClientId,
    audience,
    gatewaySku,
    publisherEmail,
    publisherName: props.publisherName ?? g.owner,
    clientCidrs,
    names: {
      resourceGroup: `rg-${base}-inference`,
      // Globally unique: the account name is also its custom subdomain.
      account: `oai-${base}-${suffix}`,
      identity: `id-${base}-inference-cmk`,
      key: `cmk-${base}-inference`,
      gateway: `apim-${base}-${suffix}`,
      deployment: model.name,
      api: 'azure-openai',
      backend: 'azure-openai-private',
      insights: `appi-${base}-gateway`,
    },
  };
}
