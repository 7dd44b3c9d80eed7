import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type Check, type CheckResult, fail, pass, unknown } from '../../../engine/rule';
import { eachOf, worstOf } from '../../shared/combine';
import { type CompanionSpec, companionIndex } from '../../shared/companion-index';
import { orphanOnly } from '../../shared/companions';
import { type PolicyElement, parseApimPolicy, section } from '../../shared/apim-policy-xml';
import { isPresent, readBoolean, readString, unknownAt } from '../../shared/read';

/**
 * The effective inbound policy of an API Management API: its own policy, where `<base/>` pulls
 * in the policies of the products it belongs to (a subscribed call passes through exactly one of
 * them, so each must do it) and then the instance's global policy; operation policies without
 * `<base/>` replace the API's. A requirement ("validates a token") is judged once over that
 * chain; elements only inside `<choose>` apply conditionally, so they make the verdict unknown.
 */
export const API_POLICY: CompanionSpec = { type: 'azurerm_api_management_api_policy', targets: ['api_name'] };
export const OPERATION_POLICY: CompanionSpec = {
  type: 'azurerm_api_management_api_operation_policy',
  targets: ['api_name'],
};
const PRODUCT_API: CompanionSpec = { type: 'azurerm_api_management_product_api', targets: ['api_name'] };
const PRODUCT_POLICY: CompanionSpec = { type: 'azurerm_api_management_product_policy', targets: ['product_id'] };
const GLOBAL_POLICY: CompanionSpec = { type: 'azurerm_api_management_policy', targets: ['api_management_id'] };

/** Policy types the effective-policy checks read through the API they apply to. */
export const APIM_POLICY_READS = [
  'azurerm_api_management_product_policy',
  'azurerm_api_management_policy',
  'azurerm_api_management_product_api',
  'azurerm_api_management_api_operation_policy',
];

export interface PolicyRequirement {
  /** What must apply, for messages: "token validation (validate-jwt or validate-azure-ad-token)". */
  readonly what: string;
  readonly matches: (el: PolicyElement) => boolean;
}

export type PolicyRead =
  | { readonly kind: 'policy'; readonly root: PolicyElement }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown'; readonly reason: string };

/** A policy resource's parsed xml_content (once per graph: several rules read it). */
export function readApimPolicy(g: ResourceGraph, res: Resource): PolicyRead {
  return g.memo('apim-policy xml_content', res, (): PolicyRead => {
    const xml = readString(g, res, 'xml_content');
    if (xml.kind === 'unknown')
      return { kind: 'unknown', reason: `xml_content cannot be decided at synth time: ${xml.reason}` };
    if (xml.kind === 'absent') {
      if (isPresent(g, res, 'xml_link'))
        return { kind: 'unknown', reason: 'the policy is fetched from xml_link at apply time' };
      return { kind: 'absent' };
    }
    const parsed = parseApimPolicy(xml.value);
    if (parsed.kind === 'invalid')
      return { kind: 'unknown', reason: `xml_content ${parsed.reason}, so the policy cannot be judged` };
    return parsed;
  });
}

interface Found {
  readonly unconditional?: PolicyElement;
  readonly conditional?: PolicyElement;
  readonly hasBase: boolean;
}

function find(children: readonly PolicyElement[], req: PolicyRequirement, inChoose: boolean, top: boolean): Found {
  let unconditional: PolicyElement | undefined;
  let conditional: PolicyElement | undefined;
  let hasBase = false;
  for (const el of children) {
    if (el.name === 'base' && top) hasBase = true;
    else if (req.matches(el)) {
      if (inChoose) conditional ??= el;
      else unconditional ??= el;
    }
    const inner = find(el.children, req, inChoose || el.name === 'choose', false);
    unconditional ??= inner.unconditional;
    conditional ??= inner.conditional;
  }
  return { unconditional, conditional, hasBase };
}

const rank = (r: CheckResult) => (r.verdict === 'fail' ? 2 : r.verdict === 'unknown' ? 1 : 0);

/** One scope's verdict: its own inbound, or what `<base/>` inherits; no policy at all is `<base/>`. */
function scope(
  g: ResourceGraph,
  policy: Resource | undefined,
  req: PolicyRequirement,
  inherit: () => CheckResult,
): CheckResult {
  if (!policy) return inherit();
  const path = `${policy.address}.xml_content`;
  const read = readApimPolicy(g, policy);
  if (read.kind === 'unknown') return unknown(`${policy.address}: ${read.reason}`, path);
  if (read.kind === 'absent') return inherit();
  const found = find(section(read.root, 'inbound')?.children ?? [], req, false, true);
  if (found.unconditional) return pass(`${path}: inbound applies <${found.unconditional.name}>`, path);
  const cond = found.conditional
    ? unknown(`${path}: <${found.conditional.name}> applies only inside a <choose> branch`, path)
    : undefined;
  if (found.hasBase) {
    const inherited = inherit();
    return inherited.verdict === 'fail' && cond ? cond : inherited;
  }
  return cond ?? fail(`${path}: inbound lacks ${req.what} and has no <base/> to inherit one`, path);
}

function attachedPolicies(g: ResourceGraph, spec: CompanionSpec, target: Resource): Resource[] {
  return (companionIndex(g, spec).attached.get(target) ?? []).map((a) => a.companion);
}

/** The one policy a scope holds (two would be a conflict Terraform cannot apply; the worst counts). */
function scopeOf(g: ResourceGraph, policies: readonly Resource[], req: PolicyRequirement, inherit: () => CheckResult) {
  if (policies.length === 0) return scope(g, undefined, req, inherit);
  return worstOf(policies.map((p) => scope(g, p, req, inherit)))!;
}

function instanceOf(g: ResourceGraph, api: Resource): Resource | undefined {
  const r = g.value(api, 'api_management_name');
  return r.kind === 'reference' && r.to.type === 'azurerm_api_management' ? r.to : undefined;
}

function globalScope(g: ResourceGraph, api: Resource, req: PolicyRequirement): CheckResult {
  const apim = instanceOf(g, api);
  if (!apim)
    return unknownAt(
      'api_management_name',
      `it does not name an azurerm_api_management in this configuration, so whether its global policy applies ${req.what} is unknown`,
    );
  return scopeOf(g, attachedPolicies(g, GLOBAL_POLICY, apim), req, () =>
    fail(`no policy at the API, product or global scope applies ${req.what}`, API_POLICY.type),
  );
}

function productScopes(g: ResourceGraph, api: Resource, req: PolicyRequirement): CheckResult[] {
  return attachedPolicies(g, PRODUCT_API, api).map((link) => {
    const product = g.value(link, 'product_id');
    if (product.kind !== 'reference')
      return unknownAt(
        `${link.address}.product_id`,
        'the product is not in this configuration, so its policy is unknown',
      );
    return scopeOf(g, attachedPolicies(g, PRODUCT_POLICY, product.to), req, () => globalScope(g, api, req));
  });
}

/** What an API's `<base/>` inherits: every product's chain for subscribed calls, else the global policy. */
function inherited(g: ResourceGraph, api: Resource, req: PolicyRequirement): CheckResult {
  const subscribed = readBoolean(g, api, 'subscription_required');
  if (subscribed.kind === 'value' && !subscribed.value) return globalScope(g, api, req);
  const products = productScopes(g, api, req);
  return products.length === 0 ? globalScope(g, api, req) : worstOf(products)!;
}

/** The requirement over the API's effective policy, and over each operation policy that overrides it. */
export function judgeApiPolicy(g: ResourceGraph, api: Resource, req: PolicyRequirement): CheckResult[] {
  let apiResult = scopeOf(g, attachedPolicies(g, API_POLICY, api), req, () => inherited(g, api, req));
  if (rank(apiResult) === 2) {
    const loose = companionIndex(g, API_POLICY).unresolved.get(api.documentId)?.[0];
    if (loose)
      apiResult = unknown(
        `${apiResult.message}; but ${loose.companion.address} may apply here: ${loose.reason}`,
        apiResult.path,
      );
  }
  const operations = attachedPolicies(g, OPERATION_POLICY, api).map((op) => scope(g, op, req, () => apiResult));
  return eachOf([apiResult, ...operations]);
}

/** The check of an API, and that of an API policy whose API is not loaded (judged on its own). */
export function apiPolicyChecks(req: PolicyRequirement): Record<string, Check> {
  return {
    azurerm_api_management_api: (api, { graph }) => judgeApiPolicy(graph, api, req),
    azurerm_api_management_api_policy: orphanOnly(API_POLICY, (p, { graph }) =>
      scope(graph, p, req, () =>
        unknown(
          `${p.address}: inbound inherits (<base/>) from product / global scopes not in this configuration`,
          `${p.address}.xml_content`,
        ),
      ),
    ),
  };
}

/** Every policy document that can apply to the API's calls (for deciding what kind of API it is). */
export function policyRoots(g: ResourceGraph, api: Resource): PolicyElement[] {
  const resources = [
    ...attachedPolicies(g, API_POLICY, api),
    ...attachedPolicies(g, OPERATION_POLICY, api),
    ...attachedPolicies(g, PRODUCT_API, api).flatMap((link) => {
      const p = g.value(link, 'product_id');
      return p.kind === 'reference' ? attachedPolicies(g, PRODUCT_POLICY, p.to) : [];
    }),
    ...(instanceOf(g, api) ? attachedPolicies(g, GLOBAL_POLICY, instanceOf(g, api)!) : []),
  ];
  return resources.flatMap((r) => {
    const read = readApimPolicy(g, r);
    return read.kind === 'policy' ? [read.root] : [];
  });
}
