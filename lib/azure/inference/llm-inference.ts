import { Construct } from 'constructs';
import { ApiManagement } from '@cdktf/provider-azurerm/lib/api-management';
import { CognitiveAccount } from '@cdktf/provider-azurerm/lib/cognitive-account';
import { CognitiveDeployment } from '@cdktf/provider-azurerm/lib/cognitive-deployment';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { NetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { governanceTags } from '../../core/tags';
import { LlmGuardrails } from '../guardrails/llm-guardrails';
import {
  AccountEncryption,
  createAccount,
  createAccountEncryption,
  createAccountEndpoint,
  createDeployment,
  createDiagnostics,
  Placement,
} from './account';
import { createGateway, createLlmApi, LlmApiParts } from './gateway';
import { createGatewayInsights, GatewayInsights } from './gateway-insights';
import { createGatewayDns, createGatewayNsgRules, GatewayDns } from './gateway-network';
import { LlmInferenceProps, resolveInferenceProps, ResolvedInferenceProps } from './props';

/** Role that lets a principal call the inference data plane of an Azure OpenAI account, nothing more. */
export const OPENAI_USER_ROLE = 'Cognitive Services OpenAI User';

/**
 * Isolated LLM inference on Azure: an Azure OpenAI / AI Services account reachable only through
 * its private endpoint, encrypted with the platform's key, with one model deployment bound to the
 * platform's RAI policy ({@link LlmGuardrails}); in front of it, API Management in Internal mode
 * that authenticates every caller with an Entra ID token, meters each caller (calls, quota,
 * tokens), validates the request, strips logprobs, calls the account with its own managed
 * identity (no keys anywhere) and logs every call to the platform workspace; per-caller token
 * counts are metrics in the gateway's Application Insights.
 *
 * Token validation needs an Entra ID app registration for the API, which this stack does not
 * create (the project has no azuread provider): register it outside (identifier URI, an app role
 * `requiredRole` assigned to each caller) and pass its Application (client) ID as `apiClientId`
 * with the tenant as `tenantId`; both are required GUIDs, checked at synth time. Steps in
 * docs/inference-azure.md.
 */
export class LlmInference extends Construct {
  public readonly resourceGroup: ResourceGroup;
  public readonly account: CognitiveAccount;
  public readonly encryption: AccountEncryption;
  public readonly privateEndpoint: PrivateEndpoint;
  public readonly guardrails: LlmGuardrails;
  public readonly deployment: CognitiveDeployment;
  public readonly gateway: ApiManagement;
  public readonly gatewayNsgRules: readonly NetworkSecurityRule[];
  public readonly gatewayDns: GatewayDns;
  /** APIM's identity holds "Cognitive Services OpenAI User" on the account. */
  public readonly gatewayAccess: RoleAssignment;
  public readonly api: LlmApiParts;
  /** Application Insights of the gateway: request telemetry and the per-caller token metrics. */
  public readonly telemetry: GatewayInsights;
  public readonly diagnostics: {
    readonly account: MonitorDiagnosticSetting;
    readonly gateway: MonitorDiagnosticSetting;
  };
  public readonly resolved: ResolvedInferenceProps;
  public readonly tags: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: LlmInferenceProps) {
    super(scope, id);
    const r = resolveInferenceProps(props, this.node.path);
    this.resolved = r;
    this.tags = governanceTags({
      owner: r.owner,
      classification: r.classification,
      lineage: `${r.project}:inference`,
      project: r.project,
      environment: r.environment,
    });
    this.resourceGroup = new ResourceGroup(this, 'resource-group', {
      name: r.names.resourceGroup,
      location: r.location,
      tags: this.tags,
      lifecycle: { preventDestroy: true },
    });
    const at: Placement = { resourceGroupName: this.resourceGroup.name, location: r.location, tags: this.tags };

    this.encryption = createAccountEncryption(this, r, at, props.encryption);
    const fqdns = props.allowedOutboundFqdns ?? [`${props.encryption.keyVaultName}.vault.azure.net`];
    this.account = createAccount(this, r, at, this.encryption, fqdns);
    this.privateEndpoint = createAccountEndpoint(this, r, at, this.account, props.network);

    this.guardrails = new LlmGuardrails(this, 'guardrails', {
      severityThreshold: props.severityThreshold,
      ...props.guardrails,
      cognitiveAccountId: this.account.id,
      project: r.project,
      environment: r.environment,
      owner: r.owner,
      classification: r.classification,
    });
    this.deployment = createDeployment(this, r, this.account, this.guardrails.policy.name);

    this.gatewayNsgRules = createGatewayNsgRules(this, props.network, r);
    this.gateway = createGateway(this, r, at, props.network.apiManagementSubnetId, [...this.gatewayNsgRules]);
    this.gatewayDns = createGatewayDns(this, r, at, this.gateway, props.network);
    this.gatewayAccess = new RoleAssignment(this, 'gateway-openai-user', {
      scope: this.account.id,
      roleDefinitionName: OPENAI_USER_ROLE,
      principalId: this.gateway.identity.principalId,
      principalType: 'ServicePrincipal',
      description: 'API Management calls the Azure OpenAI data plane with its managed identity (no keys).',
    });

    this.diagnostics = {
      account: createDiagnostics(this, 'account-diagnostics', this.account.id, props.logAnalyticsWorkspaceId, false),
      gateway: createDiagnostics(this, 'gateway-diagnostics', this.gateway.id, props.logAnalyticsWorkspaceId, true),
    };
    this.api = createLlmApi(this, r, at, this.gateway, this.account, this.diagnostics.gateway);
    this.telemetry = createGatewayInsights(this, r, at, this.gateway, props.logAnalyticsWorkspaceId);
  }

  /** The URL callers inside the network use: https://<gateway>.azure-api.net/openai. */
  public get endpointUrl(): string {
    return `${this.gateway.gatewayUrl}/openai`;
  }
}
