/**
 * What every azure-native reader shares. azure-native resources are ARM-shaped (camelCase ARM
 * properties, enums as strings), not bridged from azurerm, so each gets a thin reader onto the
 * azurerm attributes the rules judge. A property the reader does not map is left out (the rule then
 * applies the azurerm default, which matches ARM's for every mapped setting); values keep their
 * Pulumi form, so an unknown stays unknown (translate.ts turns it into the engine's unknown).
 */
export type Props = Record<string, unknown>;

/**
 * An ARM input naming another resource (an account id, an API name). Pulumi records dependencies per
 * top-level input (`propertyDependencies`), so the reader says which input carries the link and where
 * its azurerm attribute sits; the translation puts a reference there (links.ts).
 */
export interface Link {
  /** The top-level ARM input whose dependencies name the target. */
  readonly prop: string;
  /** Dotted azurerm path of the attribute; `*` stands for each item of a list. */
  readonly at: string;
  /** azurerm types the target may have (any translated type when absent). */
  readonly to?: readonly string[];
  /** The target's attribute the reference names. @default 'id' */
  readonly attribute?: string;
  /** What a literal without a dependency is compared with: the ARM `id`, or the target's attribute of that name. @default attribute */
  readonly by?: string;
}

export interface Reader {
  readonly type: string;
  /** When one ARM type is several azurerm types (a web app's kind): the type, or undefined to leave it unread. */
  readonly typeOf?: (props: Props) => string | undefined;
  readonly read: (props: Props) => Props;
  readonly links?: readonly Link[];
}

/** A child resource azurerm folds into its parent: the parent's dependency, and the attribute it fills. */
export interface MergedChild {
  readonly parent: string;
  readonly attribute: string;
  readonly read: (p: Props) => Props;
}

export const obj = (v: unknown): Props =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Props) : {};

/** Items of an ARM list; undefined when the list is absent or not a list (an unknown passes as is). */
export const list = (v: unknown): Props[] | undefined => (Array.isArray(v) ? v.map(obj) : undefined);

/** Only keys whose value is present: absent stays absent (the provider default applies). */
export function defined(entries: Record<string, unknown>): Props {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}

/** ARM's "Enabled" / "Disabled" (any case) onto azurerm's boolean; anything else (an unknown) passes through. */
export function enabled(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  if (v.toLowerCase() === 'enabled') return true;
  if (v.toLowerCase() === 'disabled') return false;
  return v;
}

/** ARM's disable* flag as azurerm's *_enabled (a boolean negated; an unknown passes through). */
export const negated = (v: unknown): unknown => (typeof v === 'boolean' ? !v : v);

/** Property names that are azurerm's in camelCase (NSG rules: sourceAddressPrefix, destinationPortRange, ...). */
export const snakeKeys = (r: Props): Props =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase(), v]));
