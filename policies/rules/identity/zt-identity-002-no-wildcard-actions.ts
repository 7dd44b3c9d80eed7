import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, Rule, fail, pass } from '../../engine/rule';
import { eachOf } from '../shared/combine';
import { joinPath, listLength, readString, unknownAt } from '../shared/read';
import { Opaque, type PolicyValue, asList, field, readPolicyDocument } from '../shared/policy-document';

/**
 * No identity policy allows every action (`*`) or every action of a service (`s3:*`), and no AWS
 * managed admin policy is attached: one finding per offending action or attachment, at its path.
 * Not judged here: `*` as Resource. Many read and list actions support no resource-level
 * permission at all, so a "no * resource" verdict needs the per-action table of the IAM Service
 * Authorization Reference; without it the check would be either noisy or wrong.
 */
const ADMIN_POLICIES = new Set(['AdministratorAccess', 'PowerUserAccess', 'IAMFullAccess']);

function judgeAction(path: string, a: PolicyValue): CheckResult {
  if (a instanceof Opaque) return unknownAt(path, a.reason);
  if (typeof a !== 'string') return unknownAt(path, `expected an action name, found ${JSON.stringify(a)}`);
  if (a === '*') return fail(`${path} is "*": the policy allows every action of every service`, path);
  if (/^[a-z0-9-]+:\*$/i.test(a))
    return fail(`${path} is "${a}": every action of the service, writes and deletes included`, path);
  return pass(`${path} is ${a}`, path);
}

/** Every Allow statement's actions; an Allow with NotAction allows everything not listed. */
function judgeDocument(g: ResourceGraph, res: Resource, path: string): CheckResult[] {
  const doc = readPolicyDocument(g, res, path);
  if (doc.kind === 'absent') return [];
  if (doc.kind === 'unknown') return [unknownAt(path, doc.reason)];
  const out: CheckResult[] = [];
  doc.statements.forEach((stmt, i) => {
    const at = joinPath(path, 'Statement', i);
    const effect = field(stmt, 'Effect');
    if (effect instanceof Opaque) return void out.push(unknownAt(joinPath(at, 'Effect'), effect.reason));
    if (typeof effect !== 'string' || effect.toLowerCase() !== 'allow') return;
    if (field(stmt, 'NotAction') !== undefined) {
      out.push(fail(`${at} allows NotAction: every action except those listed`, joinPath(at, 'NotAction')));
    }
    const actions = field(stmt, 'Action');
    if (actions instanceof Opaque) return void out.push(unknownAt(joinPath(at, 'Action'), actions.reason));
    const list = asList(actions);
    const single = !Array.isArray(actions);
    list.forEach((a, j) => out.push(judgeAction(single ? joinPath(at, 'Action') : joinPath(at, 'Action', j), a)));
  });
  return out;
}

/** A managed policy ARN naming an AWS admin policy. */
function judgeArn(g: ResourceGraph, res: Resource, path: string): CheckResult[] {
  const r = readString(g, res, path);
  if (r.kind === 'absent') return [];
  if (r.kind === 'unknown') {
    const v = g.value(res, path);
    if (v.kind === 'composed') {
      const text = v.parts.filter((p): p is string => typeof p === 'string').join('');
      const name = /:iam::aws:policy\/(.+)$/.exec(text)?.[1];
      if (name && !ADMIN_POLICIES.has(name)) return [pass(`${path} is the AWS managed policy ${name}`, path)];
      if (name) return [fail(`${path} attaches the AWS managed ${name} policy`, path)];
    }
    if (v.kind === 'reference') return [pass(`${path} is a policy of this template (judged itself)`, path)];
    return [unknownAt(path, r.reason)];
  }
  const name = /^arn:[^:]+:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(r.value)?.[1];
  return name && ADMIN_POLICIES.has(name)
    ? [fail(`${path} attaches the AWS managed ${name} policy`, path)]
    : [pass(`${path} is ${r.value}`, path)];
}

function eachListed(
  g: ResourceGraph,
  res: Resource,
  list: string,
  judge: (path: string) => CheckResult[],
): CheckResult[] {
  const n = listLength(g, res, list);
  if (n.kind === 'unknown') return [unknownAt(list, n.reason)];
  const out: CheckResult[] = [];
  for (let i = 0; n.kind === 'value' && i < n.value; i++) out.push(...judge(joinPath(list, i)));
  return out;
}

const verdict = (results: readonly CheckResult[]): CheckResult[] =>
  results.length === 0
    ? [pass('no statement allows a wildcard action and no admin policy is attached')]
    : eachOf(results);

const doc =
  (path: string): Check =>
  (res, { graph }) =>
    verdict(judgeDocument(graph, res, path));

const cfnIdentity: Check = (res, { graph }) =>
  verdict([
    ...eachListed(graph, res, 'Policies', (p) => judgeDocument(graph, res, joinPath(p, 'PolicyDocument'))),
    ...eachListed(graph, res, 'ManagedPolicyArns', (p) => judgeArn(graph, res, p)),
  ]);

const tfRole: Check = (res, { graph }) =>
  verdict([
    ...eachListed(graph, res, 'inline_policy', (p) => judgeDocument(graph, res, joinPath(p, 'policy'))),
    ...eachListed(graph, res, 'managed_policy_arns', (p) => judgeArn(graph, res, p)),
  ]);

const attachment: Check = (res, { graph }) => verdict(judgeArn(graph, res, 'policy_arn'));

const CFN_TYPES = ['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::User', 'AWS::IAM::Group'];
const TF_POLICY_TYPES = [
  'aws_iam_policy',
  'aws_iam_role_policy',
  'aws_iam_user_policy',
  'aws_iam_group_policy',
  'aws_ssoadmin_permission_set_inline_policy',
];

export const noWildcardActionsRule: Rule = {
  id: 'ZT-IDENTITY-002',
  title: 'No wildcard IAM actions and no admin policies',
  severity: 'high',
  layer: 'identity',
  rationale:
    'A training or pipeline role that may call every action (`*`, `s3:*`, `iam:*`) turns any code it runs \u2014 a ' +
    'dependency of the training script, a poisoned notebook \u2014 into an administrator of that service: it can ' +
    'delete the data lake, open a bucket or mint credentials. Least privilege names the actions a workload needs.',
  remediation:
    'List the actions the workload calls (CDK grants: bucket.grantRead(role), key.grantDecrypt(role)) instead of ' +
    '"*" or "<service>:*", never Allow with NotAction, and attach no AdministratorAccess, PowerUserAccess or ' +
    'IAMFullAccess to workload identities. Resource scoping is left to review: see the rule source for why.',
  controls: [
    { framework: 'NIST-800-53', id: 'AC-6' },
    { framework: 'NIST-800-53', id: 'AC-6(10)' },
    { framework: 'SOC2', id: 'CC6.3' },
    { framework: 'HIPAA', id: '164.308(a)(4)(ii)(B)' },
    { framework: 'GDPR', id: 'Art. 25(2)' },
    { framework: 'ISO-27001', id: 'A.5.15' },
    { framework: 'ISO-27001', id: 'A.8.2' },
  ],
  equivalents: [
    {
      tool: 'checkov',
      id: 'CKV_AWS_63',
      resourceTypes: [...CFN_TYPES, ...TF_POLICY_TYPES],
      note: 'Checkov fails only "*"; this rule also fails "<service>:*" and Allow + NotAction.',
      differences: [
        {
          resource: 'aws_iam_policy.test_success_service_star',
          reason: 'Allows "ec2:*": every EC2 action, writes and deletes included (service-wide wildcard)',
        },
        {
          resource: 'AWS::IAM::Policy.rIamPolicy',
          reason: 'PolicyDocument is a list (an Fn::If inside one), not a policy document object: unknown, not a guess',
        },
      ],
    },
  ],
  checks: {
    'AWS::IAM::Role': cfnIdentity,
    'AWS::IAM::User': cfnIdentity,
    'AWS::IAM::Group': cfnIdentity,
    'AWS::IAM::Policy': doc('PolicyDocument'),
    'AWS::IAM::ManagedPolicy': doc('PolicyDocument'),
    aws_iam_role: tfRole,
    aws_iam_policy: doc('policy'),
    aws_iam_role_policy: doc('policy'),
    aws_iam_user_policy: doc('policy'),
    aws_iam_group_policy: doc('policy'),
    aws_ssoadmin_permission_set_inline_policy: doc('inline_policy'),
    aws_iam_role_policy_attachment: attachment,
  },
};
