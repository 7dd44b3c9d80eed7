import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, Rule, fail, notApplicable, pass } from '../../engine/rule';
import { eachOf } from '../shared/combine';
import { nagEquivalents } from '../shared/nag-equivalents';
import { describeResolved, eachListed, isIntrinsic, isPlainObject, joinPath, rawAt, unknownAt } from '../shared/read';

/**
 * In a deny-by-default network every allowance is an exception; one nobody can explain cannot be
 * reviewed or removed safely. Each security group, each of its rules and each NSG rule must carry a
 * description that says why. A tool's placeholder is no explanation, so these fail like a missing one:
 * - Terraform's aws_security_group default "Managed by Terraform" (Pulumi's bridged provider fills in
 *   "Managed by Pulumi" before policies see the inputs);
 * - CDK's GroupDescription default (the construct path) and its rule default `from|to <peer>:<port>`,
 *   which restates what the rule admits, not why (recognized only in CDK-synthesized templates).
 * A reference passes only when it resolves to a non-blank string; parameters and variables are unknown.
 */
const RISK = 'an allowance nobody can explain cannot be reviewed or removed safely';
const TF_DEFAULT = 'Managed by Terraform';
const PROVIDER_DEFAULTS = new Set([TF_DEFAULT, 'Managed by Pulumi']);
/** Port.toString() forms CDK writes after the peer: 443, 80-81, ALL TRAFFIC, ALL PORTS, UDP 53, ICMP Type 8 ... */
const CDK_RULE = /^(from|to) \S+:(ALL TRAFFIC|ALL PORTS|ALL ICMP(V6)?|ICMP(V6)? .+|UDP .+|\d+(-\d+)?)$/;

/** Why a literal description is a tool's placeholder (undefined when it is the author's own). */
type Placeholder = (res: Resource, text: string) => string | undefined;

const terraformDefault: Placeholder = (_res, text) =>
  PROVIDER_DEFAULTS.has(text) ? `the provider default "${text}"` : undefined;
const cdkGroupDefault: Placeholder = (res, text) => {
  const path = res.source.constructPath?.replace(/\/Resource$/, '');
  return path !== undefined && text === path ? 'CDK\u2019s default (the construct path)' : undefined;
};
const cdkRuleDefault: Placeholder = (res, text) =>
  res.source.constructPath !== undefined && CDK_RULE.test(text)
    ? 'CDK\u2019s generated default (peer and port: what the rule admits, not why)'
    : undefined;

function described(
  g: ResourceGraph,
  res: Resource,
  path: string,
  placeholder?: Placeholder,
  unset = 'is not set',
): CheckResult {
  const r = g.value(res, path);
  if (r.kind === 'absent' || (r.kind === 'literal' && (r.value === null || r.value === undefined))) {
    return fail(`${path} ${unset}: ${RISK}; say why it exists`, path);
  }
  if (r.kind === 'literal' && typeof r.value === 'string') {
    if (r.value.trim() === '') return fail(`${path} is blank: ${RISK}; say why it exists`, path);
    const tool = placeholder?.(res, r.value);
    if (tool) return fail(`${path} is ${tool}: ${RISK}; say why it exists`, path);
    return pass(`${path} says ${JSON.stringify(r.value)}`, path);
  }
  // Text joined with references is never empty when its literal text is not.
  if (r.kind === 'composed' && r.parts.some((p) => typeof p === 'string' && p.trim() !== '')) {
    return pass(`${path} is composed from non-blank text and references`, path);
  }
  if (r.kind === 'literal') return unknownAt(path, `expected a string, found ${JSON.stringify(r.value)}`);
  return unknownAt(path, describeResolved(r));
}

/**
 * Dynamic blocks: whatever for_each renders carries the content's description, so the content is judged
 * as a static block would be (described content passes, undescribed content fails) without waiting for
 * for_each, unless for_each is a literal empty collection (nothing is rendered). The pack's
 * throughDynamic makes a passing content unknown because its blocks must exist; nothing here must exist.
 */
function dynamicBlocks(g: ResourceGraph, res: Resource, name: string): CheckResult[] {
  const raw = rawAt(res, joinPath('dynamic', name));
  if (raw === undefined) return [];
  const blocks = Array.isArray(raw) ? raw : [raw];
  const out: CheckResult[] = [];
  blocks.forEach((block, j) => {
    const base = blocks.length === 1 ? joinPath('dynamic', name) : joinPath('dynamic', name, j);
    const each = isPlainObject(block) ? block.for_each : undefined;
    if ((Array.isArray(each) && each.length === 0) || (isPlainObject(each) && Object.keys(each).length === 0)) return;
    const at = joinPath(base, 'content', 'description');
    out.push(described(g, res, at));
  });
  return out;
}

/** Each static and dynamic inline block of a list (`ingress`, `security_rule`), each its own finding. */
function inline(g: ResourceGraph, res: Resource, list: string, field: string, p?: Placeholder) {
  const judge = (at: string) => [described(g, res, joinPath(at, field), p)];
  // Terraform JSON may write a single block as an object rather than a list of one.
  const single = isPlainObject(rawAt(res, list)) && !isIntrinsic(rawAt(res, list));
  return [...(single ? judge(list) : eachListed(g, res, list, judge)), ...dynamicBlocks(g, res, list)];
}

const cfnGroup: Check = (sg, { graph }) =>
  eachOf([
    described(graph, sg, 'GroupDescription', cdkGroupDefault),
    ...inline(graph, sg, 'SecurityGroupIngress', 'Description', cdkRuleDefault),
    ...inline(graph, sg, 'SecurityGroupEgress', 'Description', cdkRuleDefault),
  ]);

const cfnRule: Check = (rule, { graph }) => described(graph, rule, 'Description', cdkRuleDefault);

const tfGroup: Check = (sg, { graph }) =>
  eachOf([
    described(graph, sg, 'description', terraformDefault, `is not set (defaults to "${TF_DEFAULT}")`),
    ...inline(graph, sg, 'ingress', 'description'),
    ...inline(graph, sg, 'egress', 'description'),
  ]);

const tfRule: Check = (rule, { graph }) => described(graph, rule, 'description');

/**
 * Azure: every rule is judged, Deny as well as Allow. An NSG's rules are evaluated by priority, so a Deny
 * is what keeps a broader Allow (or Azure's AllowVnetInBound defaults) from applying: removing one nobody
 * can explain opens a path as surely as adding an Allow. The messages still speak of allowances, which
 * most rules are; the description is the same review aid for both.
 */
const nsg: Check = (group, { graph }) => {
  const results = inline(graph, group, 'security_rule', 'description');
  if (results.length === 0)
    return notApplicable('declares no inline security_rule (azurerm_network_security_rule resources are judged)');
  return eachOf(results);
};

export const describedRulesRule: Rule = {
  id: 'ZT-NETWORK-010',
  title: 'Every network allowance says why it exists',
  severity: 'low',
  layer: 'network',
  rationale:
    'In a deny-by-default network every allowance is an exception to the policy. A security group, security ' +
    'group rule or NSG rule without a description (or with a tool\u2019s placeholder such as "Managed by ' +
    'Terraform" or CDK\u2019s "from 10.0.0.0/16:443") cannot be reviewed against its purpose, and nobody can ' +
    'remove it safely when the need has gone, so exceptions accumulate and the boundary erodes.',
  remediation:
    'Give every security group and every rule a description of the need it serves. CDK: ec2.SecurityGroup({ ' +
    'description }) and the description argument of connections.allowFrom / allowTo, addIngressRule / ' +
    'addEgressRule. CloudFormation: GroupDescription, and Description on each SecurityGroupIngress / ' +
    'SecurityGroupEgress entry and AWS::EC2::SecurityGroupIngress / Egress. Terraform: description on ' +
    'aws_security_group (not "Managed by Terraform"), on each ingress / egress block, on aws_security_group_rule ' +
    'and aws_vpc_security_group_ingress_rule / _egress_rule. Azure: description on every ' +
    'azurerm_network_security_rule and inline security_rule block, Deny rules included.',
  remediationBy: {
    cdk: 'ec2.SecurityGroup({ vpc, description: "why" }); sg.connections.allowTo(peer, ec2.Port.tcp(443), "why this peer needs it").',
    cdktf: 'NetworkSecurityRule / NSG securityRule: description: "why it exists" (Deny rules too).',
  },
  controls: [
    { framework: 'NIST-800-53', id: 'CM-6' },
    { framework: 'NIST-800-53', id: 'CM-7' },
    { framework: 'NIST-800-53', id: 'AC-4' },
    { framework: 'NIST-800-53', id: 'SC-7' },
    { framework: 'SOC2', id: 'CC6.6' },
    { framework: 'SOC2', id: 'CC8.1' },
    { framework: 'ISO-27001', id: 'A.8.9' },
    { framework: 'ISO-27001', id: 'A.8.20' },
  ],
  equivalents: nagEquivalents(
    ['AwsSolutions-EC27'],
    ['AWS::EC2::SecurityGroup'],
    'cdk-nag judges GroupDescription only (fails it when shorter than 2 characters) and accepts CDK\u2019s ' +
      'construct-path default; this rule also judges every rule\u2019s Description and fails CDK\u2019s defaults.',
  ),
  scope: 'resource',
  checks: {
    'AWS::EC2::SecurityGroup': cfnGroup,
    'AWS::EC2::SecurityGroupIngress': cfnRule,
    'AWS::EC2::SecurityGroupEgress': cfnRule,
    aws_security_group: tfGroup,
    aws_security_group_rule: tfRule,
    aws_vpc_security_group_ingress_rule: tfRule,
    aws_vpc_security_group_egress_rule: tfRule,
    azurerm_network_security_rule: tfRule,
    azurerm_network_security_group: nsg,
  },
};
