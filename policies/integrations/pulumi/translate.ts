import { WAIVER_METADATA_KEY } from '../../../lib/core/waiver';
import { loadTerraformObject } from '../../engine/tf-loader';
import { UNKNOWN_EXPRESSION } from '../../engine/tf-plan';
import type { Document } from '../../engine/model';
import { AZURE_NATIVE, MERGED_CHILDREN } from './azure-native';
import { type Linked, type SubResource, linkReaders } from './links';
import { awsAttribute, awsTerraformType, snake } from './tokens';

/**
 * Pulumi resources onto the Terraform JSON the engine already reads, so every `aws_*` / `azurerm_*`
 * check serves Pulumi unchanged. AWS classic inputs are Terraform's attributes in camelCase with
 * one-item blocks as objects; azure-native ones go through their ARM readers. Preview unknowns
 * become the engine's unknown expression (never a false fail), and a property that depends on one
 * other resource (`propertyDependencies`) becomes a reference to it (for azure-native, where the
 * reader's links say: links.ts), so relational checks (a bucket's public access block, an account's
 * private endpoint) match as they do in Terraform.
 */
export const PULUMI_UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

/** The part of @pulumi/policy's PolicyResource the translation reads (tests build these directly). */
export interface PulumiResource {
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  readonly props: Record<string, unknown>;
  readonly opts?: { readonly protect?: boolean; readonly retainOnDelete?: boolean };
  readonly propertyDependencies?: Readonly<Record<string, readonly { readonly urn: string }[]>>;
}

export interface PulumiWaiver {
  readonly ruleId: string;
  readonly reason: string;
  readonly expires?: string;
}

export interface Translation {
  readonly document: Document;
  /** URN of each translated resource to its Terraform address. */
  readonly addresses: ReadonlyMap<string, string>;
  /** Tokens no rule knows, with counts (coverage is reported, never silent). */
  readonly untranslated: ReadonlyMap<string, number>;
}

// Maps whose keys are user data, not attribute names.
const DATA_MAPS = new Set(['tags', 'tagsAll', 'labels', 'metadata', 'environment', 'variables']);

function toTerraform(value: unknown, key?: string): unknown {
  if (value === PULUMI_UNKNOWN) return UNKNOWN_EXPRESSION;
  if (Array.isArray(value)) return value.map((v) => toTerraform(v));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[key !== undefined && DATA_MAPS.has(key) ? k : snake(k)] = toTerraform(v, k);
  return out;
}

/** An AWS classic resource's inputs in Terraform's shape, the bridge's top-level renames undone. */
function awsInputs(r: PulumiResource): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r.props ?? {})) out[awsAttribute(r.type, k)] = toTerraform(v, k);
  return out;
}

const identifier = (name: string) => {
  // Underscores only: the engine's reference scanner (like many Terraform tools) reads [A-Za-z0-9_] names.
  const s = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(s) ? s : `r_${s}`;
};

function typeOf(r: PulumiResource, known: ReadonlySet<string>): string | undefined {
  if (r.type.startsWith('aws:')) return awsTerraformType(r.type, known);
  const reader = AZURE_NATIVE[r.type];
  return reader?.typeOf ? reader.typeOf(r.props) : reader?.type;
}

export function translate(
  resources: readonly PulumiResource[],
  known: ReadonlySet<string>,
  waiversFor: (r: PulumiResource) => readonly PulumiWaiver[] = () => [],
  file = 'pulumi-stack',
): Translation {
  const addresses = new Map<string, string>();
  const untranslated = new Map<string, number>();
  const used = new Set<string>();
  const plan: { r: PulumiResource; type: string; name: string }[] = [];
  for (const r of resources) {
    const type = typeOf(r, known);
    if (!type) {
      if (!r.type.startsWith('pulumi:')) untranslated.set(r.type, (untranslated.get(r.type) ?? 0) + 1);
      continue;
    }
    let name = identifier(r.name);
    for (let i = 2; used.has(`${type}.${name}`); i++) name = `${identifier(r.name)}_${i}`;
    used.add(`${type}.${name}`);
    addresses.set(r.urn, `${type}.${name}`);
    plan.push({ r, type, name });
  }
  const subs = subResources(resources, addresses);
  const merged = mergedChildren(resources, addresses);
  const read: Linked[] = plan.map(({ r, type, name }) => {
    const reader = AZURE_NATIVE[r.type];
    // unknownsOf also copies: links are set on the copy, never on Pulumi's inputs.
    const attrs = (reader ? unknownsOf(reader.read(r.props)) : awsInputs(r)) as Record<string, unknown>;
    if (!reader) dependencyReferences(r, attrs, addresses);
    return { r, type, address: `${type}.${name}`, attrs, links: reader?.links };
  });
  linkReaders(read, targetsByUrn(plan), subs);
  const body: Record<string, Record<string, unknown>> = {};
  read.forEach(({ r, type, address, attrs }, i) => {
    for (const [attr, value] of Object.entries(merged.get(address) ?? {})) attrs[attr] = unknownsOf(value);
    if (r.opts?.protect || r.opts?.retainOnDelete) attrs.lifecycle = { prevent_destroy: true };
    const waivers = waiversFor(r);
    if (waivers.length > 0) attrs['//'] = { [WAIVER_METADATA_KEY]: waivers };
    (body[type] ??= {})[plan[i].name] = attrs;
  });
  const document = loadTerraformObject({ resource: body }, { file });
  return { document: withOrigin(document), addresses, untranslated };
}

/** AWS classic: a property that depends on one resource becomes a reference to it (its ARN or id). */
function dependencyReferences(
  r: PulumiResource,
  attrs: Record<string, unknown>,
  addresses: ReadonlyMap<string, string>,
) {
  for (const [prop, deps] of Object.entries(r.propertyDependencies ?? {})) {
    const target = deps.length === 1 ? addresses.get(deps[0].urn) : undefined;
    const key = awsAttribute(r.type, prop);
    if (target && (typeof attrs[key] === 'string' || attrs[key] === undefined))
      attrs[key] = `\${${target}.${/arn$/i.test(prop) ? 'arn' : 'id'}}`;
  }
}

const targetsByUrn = (plan: readonly { r: PulumiResource; type: string; name: string }[]) =>
  new Map(plan.map(({ r, type, name }) => [r.urn, { address: `${type}.${name}`, type }]));

/**
 * A blob service is merged into its account (by its accountName dependency); a reference to it
 * (`resourceUri: blobService.id`) stands for `<account id>/blobServices/default`.
 */
function subResources(resources: readonly PulumiResource[], addresses: ReadonlyMap<string, string>) {
  const out = new Map<string, SubResource>();
  for (const r of resources) {
    if (r.type !== 'azure-native:storage:BlobServiceProperties') continue;
    const account = r.propertyDependencies?.accountName?.[0]?.urn;
    const address = account ? addresses.get(account) : undefined;
    if (address) out.set(r.urn, { address, type: 'azurerm_storage_account', suffix: '/blobServices/default' });
  }
  return out;
}

/** A reader keeps Pulumi's unknown marker (alone or inside a string); the engine reads its own. */
function unknownsOf(value: unknown): unknown {
  if (typeof value === 'string') return value.split(PULUMI_UNKNOWN).join(UNKNOWN_EXPRESSION);
  if (Array.isArray(value)) return value.map(unknownsOf);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unknownsOf(v)]));
}

/**
 * ARM resources whose settings azurerm keeps inside their parent (a blob service's in the account's
 * blob_properties, a DNS zone group in the private endpoint's private_dns_zone_group): merged into
 * the parent found through the child's dependency on it.
 */
function mergedChildren(resources: readonly PulumiResource[], addresses: ReadonlyMap<string, string>) {
  const out = new Map<string, Record<string, unknown>>();
  for (const r of resources) {
    const child = MERGED_CHILDREN[r.type];
    const parent = child && addresses.get(r.propertyDependencies?.[child.parent]?.[0]?.urn ?? '');
    if (parent) out.set(parent, { ...out.get(parent), [child.attribute]: child.read(r.props) });
  }
  return out;
}

/** Waivers injected from the pack config are reported with their real origin. */
function withOrigin(doc: Document): Document {
  const resources = doc.resources.map((r) =>
    r.waivers.length === 0 ? r : { ...r, waivers: r.waivers.map((w) => ({ ...w, origin: 'pulumi-policy-config' })) },
  );
  return { ...doc, resources };
}
