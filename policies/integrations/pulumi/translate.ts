import { WAIVER_METADATA_KEY } from '../../../lib/core/waiver';
import { loadTerraformObject } from '../../engine/tf-loader';
import { UNKNOWN_EXPRESSION } from '../../engine/tf-plan';
import type { Document } from '../../engine/model';
import { AZURE_NATIVE, blobServiceProperties } from './azure-native';
import { awsTerraformType, snake } from './tokens';

/**
 * Pulumi resources onto the Terraform JSON the engine already reads, so every `aws_*` / `azurerm_*`
 * check serves Pulumi unchanged. AWS classic inputs are Terraform's attributes in camelCase with
 * one-item blocks as objects; azure-native ones go through their ARM readers. Preview unknowns
 * become the engine's unknown expression (never a false fail), and a property that depends on one
 * other resource (`propertyDependencies`) becomes a reference to it, so relational checks (a bucket's
 * public access block) match as they do in Terraform.
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

const identifier = (name: string) => {
  // Underscores only: the engine's reference scanner (like many Terraform tools) reads [A-Za-z0-9_] names.
  const s = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(s) ? s : `r_${s}`;
};

function typeOf(r: PulumiResource, known: ReadonlySet<string>): string | undefined {
  if (r.type.startsWith('aws:')) return awsTerraformType(r.type, known);
  return AZURE_NATIVE[r.type]?.type;
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
  const blobProps = mergedBlobProperties(resources, addresses);
  const body: Record<string, Record<string, unknown>> = {};
  for (const { r, type, name } of plan) {
    const reader = AZURE_NATIVE[r.type];
    const attrs = (reader ? reader.read(r.props) : toTerraform(r.props)) as Record<string, unknown>;
    for (const [prop, deps] of Object.entries(r.propertyDependencies ?? {})) {
      const target = deps.length === 1 ? addresses.get(deps[0].urn) : undefined;
      const key = reader ? undefined : snake(prop);
      if (target && key && (typeof attrs[key] === 'string' || attrs[key] === undefined))
        attrs[key] = `\${${target}.${/arn$/i.test(prop) ? 'arn' : 'id'}}`;
    }
    const blob = blobProps.get(r.urn);
    if (blob) attrs.blob_properties = blob;
    if (r.opts?.protect || r.opts?.retainOnDelete) attrs.lifecycle = { prevent_destroy: true };
    const waivers = waiversFor(r);
    if (waivers.length > 0) attrs['//'] = { [WAIVER_METADATA_KEY]: waivers };
    (body[type] ??= {})[name] = attrs;
  }
  const document = loadTerraformObject({ resource: body }, { file });
  return { document: withOrigin(document), addresses, untranslated };
}

/** storage:BlobServiceProperties is its own ARM resource: its settings belong to the account's blob_properties. */
function mergedBlobProperties(resources: readonly PulumiResource[], addresses: ReadonlyMap<string, string>) {
  const out = new Map<string, Record<string, unknown>>();
  for (const r of resources) {
    if (r.type !== 'azure-native:storage:BlobServiceProperties') continue;
    const account = r.propertyDependencies?.accountName?.[0]?.urn;
    if (account && addresses.has(account)) out.set(account, blobServiceProperties(r.props));
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
