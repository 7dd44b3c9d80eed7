import { type Check, notApplicable } from '../../../engine/rule';
import { allChecks } from '../../shared/combine';
import { type SettingOptions, isTrue, judgeSetting } from '../../shared/expect';
import { requireCustomerKey } from '../../shared/kms';
import { isPresent, readString, unknownAt } from '../../shared/read';

/** Pieces the AWS store files share: the encryption pattern most stores follow, and applicability guards. */

/** A key property names a customer-managed KMS key; `fallback` says what the service uses without one. */
export const customerKey =
  (path: string, fallback: string): Check =>
  (res, { graph }) =>
    requireCustomerKey(graph, res, path, fallback);

/**
 * "Encrypted, with a customer key": an on/off flag (each store's own default) and a key property.
 * Both are reported, so a store left unencrypted shows both properties to set.
 */
export function encryptedWithKey(
  flag: string,
  flagOptions: SettingOptions<boolean>,
  key: string,
  fallback: string,
): Check {
  return allChecks(
    (res, { graph }) => judgeSetting(graph, res, isTrue(flag, { risk: 'data is stored unencrypted', ...flagOptions })),
    customerKey(key, fallback),
  );
}

/** Not applicable when `path` is set: another resource holds the setting (an Aurora instance's cluster). */
export const unlessSet =
  (path: string, why: string, check: Check): Check =>
  (res, ctx) =>
    isPresent(ctx.graph, res, path) ? notApplicable(`${path} is set: ${why}`) : check(res, ctx);

/**
 * Not applicable when the string at `path` is a literal matching `skip` (an engine or file-system
 * type the setting does not exist for); judged otherwise, including when the value is unresolved.
 */
export const unlessValue =
  (path: string, skip: RegExp, why: string, check: Check): Check =>
  (res, ctx) => {
    const v = readString(ctx.graph, res, path);
    return v.kind === 'value' && skip.test(v.value) ? notApplicable(`${path} is ${v.value}: ${why}`) : check(res, ctx);
  };

/**
 * A boolean whose provider default depends on another property's literal value (Aurora Serverless
 * v1 clusters are always encrypted); an unresolved deciding property leaves the default unknown.
 */
export function defaultFrom(
  flag: string,
  by: string,
  defaults: (value: string | undefined) => boolean,
  risk: string,
): Check {
  return (res, { graph }) => {
    const v = readString(graph, res, by);
    if (v.kind === 'unknown' && !isPresent(graph, res, flag)) {
      return unknownAt(flag, `it is not set and its default depends on ${by}, which is unresolved (${v.reason})`);
    }
    const providerDefault = defaults(v.kind === 'value' ? v.value : undefined);
    return judgeSetting(graph, res, isTrue(flag, { providerDefault, risk }));
  };
}
