import { Token } from 'cdktf';
import { BlueprintConfigError } from '../core/errors';

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
