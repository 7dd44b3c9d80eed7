import { Token } from 'cdktf';
import { BlueprintConfigError } from '../core/errors';
import { validateOneOf } from '../core/validate';

/**
 * Azure-specific prop validators (the cloud-neutral ones live in lib/core/validate.ts). A value
 * that is a cdktf token is a reference known only at apply time and is left to Azure.
 */

export function validateGuid(prop: string, value: unknown): string {
  if (typeof value === 'string' && Token.isUnresolved(value)) return value;
  if (typeof value !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
    throw new BlueprintConfigError(prop, 'a GUID like 00000000-0000-0000-0000-000000000000', value);
  }
  return value;
}

export function validateResourceGroupName(prop: string, value: unknown): string {
  if (typeof value === 'string' && Token.isUnresolved(value)) return value;
  if (typeof value !== 'string' || !/^[-\w.()]{1,90}$/.test(value) || value.endsWith('.')) {
    throw new BlueprintConfigError(prop, '1-90 letters, digits, - _ . ( ), not ending with a period', value);
  }
  return value;
}

/** A full ARM resource ID whose tail matches `shape`, e.g. /virtualNetworks/<name>$. */
export function validateResourceId(prop: string, value: unknown, shape: RegExp): string {
  if (typeof value === 'string' && Token.isUnresolved(value)) return value;
  if (typeof value !== 'string' || !value.startsWith('/subscriptions/') || !shape.test(value)) {
    throw new BlueprintConfigError(prop, `an Azure resource ID matching ${shape.source}`, value);
  }
  return value;
}

/** Azure region names as the ARM API spells them: lower-case letters and digits, e.g. westeurope. */
export function validateLocation(prop: string, value: unknown): string {
  if (typeof value !== 'string' || !/^[a-z][a-z0-9]{2,39}$/.test(value)) {
    throw new BlueprintConfigError(prop, 'an Azure region name like westeurope', value);
  }
  return value;
}

/** What a role assignment's principal is; ARM rejects an assignment whose type does not match the principal. */
export const PRINCIPAL_TYPES = ['ServicePrincipal', 'Group', 'User'] as const;
export type PrincipalType = (typeof PRINCIPAL_TYPES)[number];

/** An optional principal type: undefined stays undefined (the assignment then names no type). */
export function validatePrincipalType(prop: string, value: unknown): PrincipalType | undefined {
  return value === undefined ? undefined : validateOneOf(prop, value, PRINCIPAL_TYPES);
}

/**
 * Who a grant is for: an object ID, or the ID with its principal type. With the type, ARM checks
 * it and the pack can tell a person from a group or workload (ZT-IDENTITY-007); without it, whose
 * ID it is stays unknown until deploy time.
 */
export type Principal = string | { readonly id: string; readonly type: PrincipalType };

export interface ResolvedPrincipal {
  readonly id: string;
  readonly type?: PrincipalType;
}

/** A principal: a GUID (or a token), optionally with its type; errors name `prop`. */
export function resolvePrincipal(prop: string, value: unknown): ResolvedPrincipal {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const { id, type } = value as { id?: unknown; type?: unknown };
    return { id: validateGuid(`${prop}.id`, id), type: validateOneOf(`${prop}.type`, type, PRINCIPAL_TYPES) };
  }
  return { id: validateGuid(prop, value) };
}
