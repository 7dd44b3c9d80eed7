import { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { StorageBlob } from '@cdktf/provider-azurerm/lib/storage-blob';
import { BlueprintConfigError } from '../../core/errors';
import { MODEL_REGISTRY_DEFAULTS, type ModelRegistrySettings } from '../../core/model-registry';
import { validateName } from '../../core/validate';

/** Days between automatic versions of the signing key; old versions stay to verify old releases. */
export const SIGNING_KEY_ROTATION_DAYS = 365;

/** The model card written next to a signed model (model-card.json): one of the files the signature covers. */
export interface AzureModelCard {
  /** Model folder under the registry prefix, ending in "/" (e.g. "churn/3/"). */
  readonly folder: string;
  readonly description: string;
  readonly owner: string;
  readonly status: 'Draft' | 'PendingReview' | 'Approved' | 'Archived';
  readonly trainingData: { readonly lineage: string; readonly datasets: readonly string[] };
  readonly intendedUse: string;
  readonly limitations: string;
  readonly evaluation: Readonly<Record<string, number>>;
  readonly securityConsiderations: string;
}

export interface AzureModelRegistryProps extends ModelRegistrySettings {
  readonly project: string;
  readonly environment: string;
  /** The data lake's vault: the signing key lives next to the lake's CMK. */
  readonly keyVaultId: string;
  /** The vault is premium (HSM-backed keys). @default true, the data lake's default SKU */
  readonly hsm?: boolean;
  /** Storage account and container (filesystem) that hold signed model folders. */
  readonly storage: { readonly accountName: string; readonly containerName: string };
  readonly modelCards?: readonly AzureModelCard[];
  /** What key and blob creation wait for (the vault's and storage's private endpoints). */
  readonly dependsOn?: ITerraformDependable[];
  readonly tags?: Readonly<Record<string, string>>;
}

const P = 'AzureModelRegistry';

/**
 * The Azure half of the model registry: the signing key and the model cards. Images and models
 * are held by the Premium container registry of the training layer (retention of untagged
 * manifests, no admin user, private only) and the lake's storage (immutability, CMK).
 *
 * Signing key: EC-HSM (EC on a standard vault) P-256, key_opts exactly sign and verify. Unlike AWS
 * KMS, Key Vault rotates EC keys: a rotation adds a version under the same name, the release
 * pipeline signs with the newest, and verification with an older version's public key keeps
 * working, so the key carries a yearly rotation policy (which ZT-DATA-002 also asks of every key).
 *
 * Terraform cannot gate an apply on a signature; the release pipeline runs `zt-model verify` and
 * only the release identity may write the models container (docs/model-registry.md).
 */
export class AzureModelRegistry extends Construct {
  public readonly signingKey: KeyVaultKey;
  public readonly modelCards: readonly StorageBlob[];
  public readonly artifactPrefix: string;

  constructor(scope: Construct, id: string, props: AzureModelRegistryProps) {
    super(scope, id);
    const project = validateName(`${P}.project`, props.project);
    const environment = validateName(`${P}.environment`, props.environment);
    const prefix = props.artifactPrefix ?? MODEL_REGISTRY_DEFAULTS.artifactPrefix;
    if (!/^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*\/$/.test(prefix)) {
      throw new BlueprintConfigError(
        `${P}.artifactPrefix`,
        'a prefix like "models/" (lower case, ending in /)',
        prefix,
      );
    }
    this.artifactPrefix = prefix;
    const hsm = props.hsm ?? true;
    this.signingKey = new KeyVaultKey(this, 'signing-key', {
      name: `${project}-${environment}-model-signing`,
      keyVaultId: props.keyVaultId,
      keyType: hsm ? 'EC-HSM' : 'EC',
      curve: 'P-256',
      keyOpts: ['sign', 'verify'],
      rotationPolicy: {
        automatic: { timeAfterCreation: `P${SIGNING_KEY_ROTATION_DAYS}D` },
        expireAfter: `P${SIGNING_KEY_ROTATION_DAYS + 30}D`,
        notifyBeforeExpiry: 'P29D',
      },
      tags: { ...props.tags },
      dependsOn: props.dependsOn,
      // Old releases are verified with this key's versions: never destroyed with the stack.
      lifecycle: { preventDestroy: true },
    });
    this.modelCards = (props.modelCards ?? []).map((card, i) => {
      const where = `${P}.modelCards[${i}]`;
      if (!/^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*\/$/.test(card.folder)) {
        throw new BlueprintConfigError(`${where}.folder`, 'a model folder like "churn/3/"', card.folder);
      }
      for (const k of ['description', 'owner', 'intendedUse', 'limitations', 'securityConsiderations'] as const) {
        if (typeof card[k] !== 'string' || card[k].trim() === '') {
          throw new BlueprintConfigError(`${where}.${k}`, 'a non-empty string', card[k]);
        }
      }
      if (!card.trainingData?.lineage || card.trainingData.datasets.length === 0) {
        throw new BlueprintConfigError(
          `${where}.trainingData`,
          'a lineage and at least one dataset',
          card.trainingData,
        );
      }
      return new StorageBlob(this, `model-card-${i}`, {
        name: `${prefix}${card.folder}model-card.json`,
        storageAccountName: props.storage.accountName,
        storageContainerName: props.storage.containerName,
        type: 'Block',
        contentType: 'application/json',
        sourceContent: JSON.stringify(modelCardDocument(card), null, 2),
        dependsOn: props.dependsOn,
      });
    });
  }
}

/** The card document: the same sections as the AWS SageMaker model card. */
export function modelCardDocument(card: AzureModelCard): Record<string, unknown> {
  return {
    schema: 'zt-ai/model-card/v1',
    status: card.status,
    model_overview: { model_description: card.description, model_owner: card.owner },
    intended_uses: { intended_uses: card.intendedUse },
    training_details: { lineage: card.trainingData.lineage, training_datasets: [...card.trainingData.datasets] },
    evaluation_details: card.evaluation,
    additional_information: {
      caveats_and_recommendations: card.limitations,
      security_considerations: card.securityConsiderations,
    },
  };
}
