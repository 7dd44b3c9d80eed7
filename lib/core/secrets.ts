import { BlueprintConfigError } from './errors';
import { validateIntRange, validateNonEmpty, validateUnique } from './validate';

/**
 * The part of a secret's description both clouds share: its name, what it is for, and how often
 * its value is replaced (AWS: the rotation schedule; Azure: the longest validity of a value, i.e.
 * the distance between a value's activation and its `expiration_date`).
 */
export interface SecretSpecCommon {
  /**
   * Secret name: 1-127 letters, digits or hyphens, starting with a letter (the set both Secrets
   * Manager and Key Vault accept); unique within the construct.
   */
  readonly name: string;
  /** What the secret is and who uses it. @default "<name> (managed by the blueprint)" */
  readonly description?: string;
  /**
   * Days between rotations (AWS) / longest validity of one value (Azure), 1-365.
   * @default 30 (DEFAULT_ROTATION_DAYS)
   */
  readonly rotationDays?: number;
}

export interface ResolvedSecretSpecCommon {
  readonly name: string;
  readonly description: string;
  readonly rotationDays: number;
}

export const DEFAULT_ROTATION_DAYS = 30;
/** A year: beyond this a "rotated" secret is effectively static. */
export const MAX_ROTATION_DAYS = 365;

const SECRET_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9-]{0,126}$/;

export function validateSecretName(prop: string, value: unknown): string {
  if (typeof value !== 'string' || !SECRET_NAME_PATTERN.test(value)) {
    throw new BlueprintConfigError(prop, '1-127 letters, digits or hyphens, starting with a letter', value);
  }
  return value;
}

/** Applies defaults to every spec and validates names, uniqueness and rotation; errors name `<prefix>[i].<prop>`. */
export function resolveSecretSpecs<T extends SecretSpecCommon>(
  prefix: string,
  specs: readonly T[] | undefined,
): (T & ResolvedSecretSpecCommon)[] {
  const list = validateNonEmpty(prefix, specs);
  const resolved = list.map((spec, i) => {
    const at = `${prefix}[${i}]`;
    if (typeof spec !== 'object' || spec === null) throw new BlueprintConfigError(at, 'a secret spec object', spec);
    const name = validateSecretName(`${at}.name`, spec.name);
    if (spec.description !== undefined && (typeof spec.description !== 'string' || spec.description.length > 2048)) {
      throw new BlueprintConfigError(`${at}.description`, 'a string of at most 2048 characters', spec.description);
    }
    return {
      ...spec,
      name,
      description: spec.description ?? `${name} (managed by the blueprint)`,
      rotationDays: validateIntRange(
        `${at}.rotationDays`,
        spec.rotationDays ?? DEFAULT_ROTATION_DAYS,
        1,
        MAX_ROTATION_DAYS,
      ),
    };
  });
  // Key Vault names are case-insensitive, so "Api" and "api" would collide there.
  validateUnique(
    prefix,
    resolved.map((s) => s.name.toLowerCase()),
  );
  return resolved;
}
