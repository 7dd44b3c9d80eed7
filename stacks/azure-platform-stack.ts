import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { BlueprintConfig } from '../lib/core/config';
import { SecureDataLake } from '../lib/azure/data-lake';
import { KeyVaultSecrets } from '../lib/azure/secrets';
import { TrainingNetwork } from '../lib/azure/training-network';
import { validateGuid } from '../lib/azure/validate';
import { addAzureTrainingLayers, type AzureTrainingLayers } from './azure-training-layers';
import { LlmInference } from '../lib/azure/inference';
import { addAzureInferenceLayers } from './azure-inference-layers';
import { addOperationsLayers, type AzureOperationsLayers } from './azure-operations-layers';
import { addAzureModelLayers } from './azure-model-layers';
import type { AzureModelRegistry } from '../lib/azure/model-registry';

/**
 * The Azure reference platform, driven by one BlueprintConfig: the training network (VNet, NSGs,
 * the one set of private DNS zones, Log Analytics, flow logs), the encrypted data lake, whose
 * private endpoints sit in the network's endpoint subnet and register in its zones, the platform
 * secrets, and the training layers (stacks/azure-training-layers.ts: ML workspace, registry, GPU
 * cluster, model release gate); later layers (inference, monitoring) join the same stack.
 *
 * Synthesis needs no credentials: tenant and subscription default to placeholder GUIDs (override
 * with ZT_AZURE_TENANT_ID / ZT_AZURE_SUBSCRIPTION_ID, read in bin/azure.ts).
 *
 * Deploy-time caveat: the data lake's Key Vault and storage account accept private traffic only,
 * yet Terraform creates the key and the filesystems through their data planes. Run the apply
 * from a network with line of sight to the private endpoints (a runner inside or peered with
 * the VNet, or a VPN). The defaults stay closed for the first apply too.
 */
export class AzurePlatformStack extends TerraformStack {
  public readonly network: TrainingNetwork;
  public readonly dataLake: SecureDataLake;
  public readonly secrets: KeyVaultSecrets;
  public readonly training: AzureTrainingLayers;
  /** Azure OpenAI behind internal API Management, with the platform RAI policy. */
  public readonly inference: LlmInference;
  public readonly operations: AzureOperationsLayers;
  public readonly models: AzureModelRegistry;

  constructor(scope: Construct, id: string, config: BlueprintConfig) {
    super(scope, id);
    const { azure } = config;
    new AzurermProvider(this, 'azurerm', {
      subscriptionId: validateGuid('BlueprintConfig.azure.subscriptionId', azure.subscriptionId),
      tenantId: validateGuid('BlueprintConfig.azure.tenantId', azure.tenantId),
      // Shared keys are off on every storage account: data-plane calls must use Entra ID.
      storageUseAzuread: true,
      features: [
        {
          keyVault: [
            {
              // A destroy must never purge: soft-deleted vaults and keys stay recoverable.
              purgeSoftDeleteOnDestroy: false,
              purgeSoftDeletedKeysOnDestroy: false,
              purgeSoftDeletedSecretsOnDestroy: false,
              purgeSoftDeletedCertificatesOnDestroy: false,
              recoverSoftDeletedKeyVaults: true,
              recoverSoftDeletedKeys: true,
            },
          ],
          // Deleting a resource group must not sweep away resources Terraform does not manage.
          resourceGroup: [{ preventDeletionIfContainsResources: true }],
        },
      ],
    });

    const { network } = config;
    this.network = new TrainingNetwork(this, 'training-network', {
      project: config.name,
      environment: config.environment,
      location: azure.location,
      owner: config.owner,
      classification: config.classification,
      nameSeed: azure.subscriptionId,
      cidr: network.cidr,
      subnetPrefix: network.subnetPrefix,
      logRetentionDays: network.logRetentionDays,
    });
    const zones = this.network.privateDnsZoneIds;

    this.dataLake = new SecureDataLake(this, 'data-lake', {
      project: config.name,
      environment: config.environment,
      location: azure.location,
      owner: config.owner,
      classification: config.classification,
      tenantId: azure.tenantId,
      nameSeed: azure.subscriptionId,
      existingNetwork: {
        virtualNetworkId: this.network.vnet.id,
        subnetId: this.network.subnets.privateEndpoints.id,
        privateDnsZoneIds: { blob: zones.blob, dfs: zones.dfs, vault: zones.vault },
      },
      zones: config.dataLake.zones,
      retentionDays: config.dataLake.retentionDays,
      objectLock: config.dataLake.objectLock,
      deployerPrincipalType: azure.deployerPrincipalType,
    });
    // Raw flow logs are encrypted with the lake's rotating customer-managed key.
    this.network.enableFlowLogs({ keyVault: this.dataLake.keyVault, key: this.dataLake.key });
    // Platform secrets live in the lake's vault (one HSM-backed, purge-protected vault to govern);
    // values arrive through write-only variables, never in the synthesized JSON.
    this.secrets = new KeyVaultSecrets(this, 'secrets', {
      keyVaultId: this.dataLake.keyVault.id,
      dependsOn: [this.dataLake.privateEndpoints.vault],
      secrets: [{ name: 'api-token' }],
      deployerPrincipalType: azure.deployerPrincipalType,
      project: config.name,
      environment: config.environment,
      owner: config.owner,
      classification: config.classification,
    });
    this.training = addAzureTrainingLayers(this, config, this.network, this.dataLake);
    this.inference = addAzureInferenceLayers(this, config, { network: this.network, dataLake: this.dataLake });
    // Audit (diagnostics, activity log, opt-in Defender) and alerts into the network's workspace.
    this.operations = addOperationsLayers(this, config, this.network, this.dataLake, this.training, this.inference);
    this.models = addAzureModelLayers(this, config, this.dataLake);
  }
}
