import { resolveGovernance } from '../../core/governance';
import { ITerraformDependable } from 'cdktf';
import { DataClassification } from '../../core/classification';
import { BlueprintConfigError } from '../../core/errors';
import { ResolvedSecretSpecCommon, resolveSecretSpecs, SecretSpecCommon } from '../../core/secrets';
import {
  type Principal,
  type PrincipalType,
  type ResolvedPrincipal,
  resolvePrincipal,
  validatePrincipalType,
  validateResourceId,
} from '../validate';

/** One secret of {@link KeyVaultSecrets}. */
export interface KeyVaultSecretSpec extends SecretSpecCommon {
  /** MIME type of the value (Key Vault `content_type`). @default "text/plain" */
  readonly contentType?: string;
  /**
   * The identities that read the value (object IDs, or `{ id, type }` to state what each is); each
   * gets "Key Vault Secrets User" scoped to this secret only. Add more later with `grantRead`.
   * @default [] (nobody reads it until granted)
   */
  readonly readers?: readonly Principal[];
}

/** Props of {@link KeyVaultSecrets}; every optional field defaults to the compliant choice. */
export interface KeyVaultSecretsProps {
  /** Resource ID of the vault (the data lake's: RBAC-only, purge-protected, private). */
  readonly keyVaultId: string;
  /** The secrets to create (at least one). */
  readonly secrets: readonly KeyVaultSecretSpec[];
  /**
   * Grant the identity running Terraform "Key Vault Secrets Officer" on the vault: in an RBAC-only
   * vault there is no other way to create the secrets. Turn off when the pipeline identity holds it.
   * @default true
   */
  readonly deployerAccess?: boolean;
  /**
   * What the identity running Terraform is, written on its role assignment (ARM rejects a wrong one).
   * Unset, the assignment names no type and the pack reports it unknown. @default undefined
   */
  readonly deployerPrincipalType?: PrincipalType;
  /**
   * What must exist before a secret is written: the vault's private endpoint and DNS record (the
   * vault accepts no public traffic), e.g. `[dataLake.privateEndpoints.vault]`.
   * @default []
   */
  readonly dependsOn?: readonly ITerraformDependable[];
  /** @default "ztai" */
  readonly project?: string;
  /** @default "dev" */
  readonly environment?: string;
  /** @default "platform-team" */
  readonly owner?: string;
  /** @default "confidential" */
  readonly classification?: DataClassification;
}

export interface ResolvedKeyVaultSecretsProps {
  readonly keyVaultId: string;
  readonly secrets: (Omit<KeyVaultSecretSpec, 'readers'> &
    ResolvedSecretSpecCommon & { contentType: string; readers: ResolvedPrincipal[] })[];
  readonly deployerAccess: boolean;
  readonly deployerPrincipalType?: PrincipalType;
  readonly project: string;
  readonly environment: string;
  readonly owner: string;
  readonly classification: DataClassification;
}

const P = 'KeyVaultSecrets';
const CONTENT_TYPE = /^[\w.+-]+\/[\w.+-]+$/;

/** Applies defaults and validates; throws BlueprintConfigError naming `KeyVaultSecrets.<prop>`. */
export function resolveKeyVaultSecretsProps(props: KeyVaultSecretsProps): ResolvedKeyVaultSecretsProps {
  if (!props || typeof props !== 'object') throw new BlueprintConfigError(P, 'a props object', props);
  const keyVaultId = validateResourceId(
    `${P}.keyVaultId`,
    props.keyVaultId,
    /\/providers\/Microsoft\.KeyVault\/vaults\/[A-Za-z0-9-]{3,24}$/,
  );
  const secrets = resolveSecretSpecs(`${P}.secrets`, props.secrets).map((s, i) => {
    const contentType = s.contentType ?? 'text/plain';
    if (typeof contentType !== 'string' || !CONTENT_TYPE.test(contentType)) {
      throw new BlueprintConfigError(`${P}.secrets[${i}].contentType`, 'a MIME type like text/plain', contentType);
    }
    const readers = (s.readers ?? []).map((r, j) => resolvePrincipal(`${P}.secrets[${i}].readers[${j}]`, r));
    return { ...s, contentType, readers };
  });
  const deployerAccess = props.deployerAccess ?? true;
  if (typeof deployerAccess !== 'boolean') {
    throw new BlueprintConfigError(`${P}.deployerAccess`, 'true or false', deployerAccess);
  }
  return {
    keyVaultId,
    secrets,
    deployerAccess,
    deployerPrincipalType: validatePrincipalType(`${P}.deployerPrincipalType`, props.deployerPrincipalType),
    ...resolveGovernance(P, props),
  };
}
