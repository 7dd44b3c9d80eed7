import { Construct } from 'constructs';
import { Fn, ITerraformDependable, TerraformVariable, Token } from 'cdktf';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { KeyVaultSecret } from '@cdktf/provider-azurerm/lib/key-vault-secret';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { BlueprintConfigError } from '../../core/errors';
import { governanceTags } from '../../core/tags';
import { type Principal, type ResolvedPrincipal, resolvePrincipal } from '../validate';
import { KeyVaultSecretsProps, resolveKeyVaultSecretsProps, ResolvedKeyVaultSecretsProps } from './props';

/** Data-plane role that reads secret values and nothing else. */
export const SECRET_READER_ROLE = 'Key Vault Secrets User';
/** Data-plane role the deployer needs to create secrets in an RBAC-only vault. */
export const SECRET_WRITER_ROLE = 'Key Vault Secrets Officer';

/** The two inputs an operator (or the rotation job) supplies per secret at apply time. */
export interface SecretInputs {
  /** Sensitive, ephemeral: the value is written once (value_wo) and never stored in state or plan. */
  readonly value: TerraformVariable;
  /** RFC 3339 expiry; must lie in the future and at most rotationDays ahead of the plan. */
  readonly expiresOn: TerraformVariable;
}

/**
 * Key Vault secrets in an existing vault (the data lake's): each with a content type and an
 * expiry, its value written through the write-only `value_wo` argument from an ephemeral
 * Terraform variable, so no value ever appears in the synthesized JSON, the plan or the state.
 * Each reading identity gets "Key Vault Secrets User" scoped to the one secret (its versionless
 * ARM ID), never a vault-wide role and never an access policy.
 *
 * A value's version is derived from its expiry: supplying a new value means supplying a new
 * expiry, and an expiry cannot be extended without a new value.
 */
export class KeyVaultSecrets extends Construct {
  /** Secret name -> secret. */
  public readonly secrets: Readonly<Record<string, KeyVaultSecret>>;
  /** Secret name -> the Terraform variables that feed it. */
  public readonly inputs: Readonly<Record<string, SecretInputs>>;
  /** The deployer's "Key Vault Secrets Officer" assignment, when deployerAccess is on. */
  public readonly deployerAssignment?: RoleAssignment;
  public readonly tags: Readonly<Record<string, string>>;

  private readonly resolved: ResolvedKeyVaultSecretsProps;
  private grantCount = 0;

  constructor(scope: Construct, id: string, props: KeyVaultSecretsProps) {
    super(scope, id);
    const p = resolveKeyVaultSecretsProps(props);
    this.resolved = p;
    this.tags = governanceTags({
      owner: p.owner,
      classification: p.classification,
      lineage: `${p.project}:secrets`,
      project: p.project,
      environment: p.environment,
    });
    const dependsOn: ITerraformDependable[] = [...(props.dependsOn ?? [])];
    if (p.deployerAccess) {
      const client = new DataAzurermClientConfig(this, 'client');
      this.deployerAssignment = new RoleAssignment(this, 'deployer-secrets-officer', {
        scope: p.keyVaultId,
        roleDefinitionName: SECRET_WRITER_ROLE,
        principalId: client.objectId,
        principalType: p.deployerPrincipalType,
        description: 'Lets the deploying identity write the platform secrets (RBAC-only vault).',
      });
      dependsOn.push(this.deployerAssignment);
    }

    const secrets: Record<string, KeyVaultSecret> = {};
    const inputs: Record<string, SecretInputs> = {};
    for (const spec of p.secrets) {
      const input = secretInputs(this, spec.name, spec.rotationDays);
      inputs[spec.name] = input;
      secrets[spec.name] = new KeyVaultSecret(this, `secret-${spec.name}`, {
        name: spec.name,
        keyVaultId: p.keyVaultId,
        valueWo: input.value.stringValue,
        // A new value needs a new version number to be written; the expiry provides it.
        valueWoVersion: Token.asNumber(Fn.tonumber(Fn.formatdate('YYYYMMDDhhmmss', input.expiresOn.stringValue))),
        contentType: spec.contentType,
        expirationDate: input.expiresOn.stringValue,
        tags: { ...this.tags, description: spec.description.slice(0, 256) },
        dependsOn,
        lifecycle: { preventDestroy: true },
      });
    }
    this.secrets = Object.freeze(secrets);
    this.inputs = Object.freeze(inputs);
    for (const spec of p.secrets) for (const reader of spec.readers) this.grantTo(reader, spec.name);
  }

  /**
   * Lets one identity read one secret's value ("Key Vault Secrets User" on that secret only), or
   * every secret's when `name` is omitted (one assignment per secret: still never vault-wide).
   */
  public grantRead(principal: Principal, name?: string): RoleAssignment[] {
    return this.grantTo(resolvePrincipal('KeyVaultSecrets.grantRead.principalId', principal), name);
  }

  private grantTo(principal: ResolvedPrincipal, name: string | undefined): RoleAssignment[] {
    if (name !== undefined && !Object.prototype.hasOwnProperty.call(this.secrets, name)) {
      throw new BlueprintConfigError(
        'KeyVaultSecrets.grantRead.name',
        `one of ${Object.keys(this.secrets).join(', ')}`,
        name,
      );
    }
    const names = name === undefined ? this.resolved.secrets.map((s) => s.name) : [name];
    return names.map((n) => {
      this.grantCount += 1;
      return new RoleAssignment(this, `read-${n}-${this.grantCount}`, {
        scope: this.secrets[n].resourceVersionlessId,
        roleDefinitionName: SECRET_READER_ROLE,
        principalId: principal.id,
        principalType: principal.type,
        description: `Reads the ${n} secret only.`,
      });
    });
  }
}

function secretInputs(scope: Construct, name: string, rotationDays: number): SecretInputs {
  const slug = name.toLowerCase().replace(/-/g, '_');
  const value = new TerraformVariable(scope, `secret_${slug}_value`, {
    type: 'string',
    sensitive: true,
    nullable: false,
    description: `Value of the ${name} secret (write-only; set it again, with a new expiry, to rotate).`,
  });
  // Terraform >= 1.10: an ephemeral variable is kept out of saved plans and state altogether.
  value.addOverride('ephemeral', true);
  const expiresOn = new TerraformVariable(scope, `secret_${slug}_expires_on`, {
    type: 'string',
    nullable: false,
    description: `Expiry of the current ${name} value (RFC 3339, at most ${rotationDays} days after the plan).`,
  });
  // A bare `var.<id>` reference: the condition is one HCL expression, not an interpolated string.
  const v = `var.${expiresOn.friendlyUniqueId}`;
  const horizon = `timeadd(plantimestamp(), "${rotationDays * 24}h")`;
  // try(): a malformed timestamp makes timecmp fail, which must read as "invalid", not as an error.
  expiresOn.addValidation({
    condition: `\${try(timecmp(${v}, plantimestamp()) > 0 && timecmp(${v}, ${horizon}) <= 0, false)}`,
    errorMessage: `The ${name} expiry must be an RFC 3339 time in the future and at most ${rotationDays} days ahead: rotate the value.`,
  });
  return { value, expiresOn };
}
