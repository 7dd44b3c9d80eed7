import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type CheckResult, Rule, fail, pass } from '../../engine/rule';
import { joinPath, unknownAt } from '../shared/read';
import { Opaque, type PolicyValue, asList, field } from '../shared/policy-document';
import {
  CFN_IDENTITY_TYPES,
  TF_IDENTITY_POLICY_TYPES,
  eachAllowStatement,
  identityDocumentChecks,
} from './aws/identity-documents';

/**
 * No identity policy allows every action (`*`, `*:*`) or every action of a service (`s3:*`): one
 * finding per offending action, at its path. Admin managed policies and admin role assignments are
 * ZT-IDENTITY-003.
 * `*` as Resource is ZT-IDENTITY-009's (it needs the per-action table of which actions support
 * resource-level permissions).
 */
function judgeAction(path: string, a: PolicyValue): CheckResult {
  if (a instanceof Opaque) return unknownAt(path, a.reason);
  if (typeof a !== 'string') return unknownAt(path, `expected an action name, found ${JSON.stringify(a)}`);
  if (/^\*+(?::\*+)?$/.test(a)) return fail(`${path} is "*": the policy allows every action of every service`, path);
  if (/^[a-z0-9-]+:\*$/i.test(a))
    return fail(`${path} is "${a}": every action of the service, writes and deletes included`, path);
  return pass(`${path} is ${a}`, path);
}

/** An Allow statement's actions; an Allow with NotAction allows everything not listed. */
function judgeStatement(stmt: PolicyValue, at: string): CheckResult[] {
  const out: CheckResult[] = [];
  if (field(stmt, 'NotAction') !== undefined) {
    out.push(fail(`${at} allows NotAction: every action except those listed`, joinPath(at, 'NotAction')));
  }
  const actions = field(stmt, 'Action');
  if (actions instanceof Opaque) return [...out, unknownAt(joinPath(at, 'Action'), actions.reason)];
  const single = !Array.isArray(actions);
  asList(actions).forEach((a, j) =>
    out.push(judgeAction(single ? joinPath(at, 'Action') : joinPath(at, 'Action', j), a)),
  );
  return out;
}

const judgeDocument = (g: ResourceGraph, res: Resource, path: string): CheckResult[] =>
  eachAllowStatement(g, res, path, judgeStatement);

const CFN_TYPES = CFN_IDENTITY_TYPES;
const TF_POLICY_TYPES = TF_IDENTITY_POLICY_TYPES;

export const noWildcardActionsRule: Rule = {
  id: 'ZT-IDENTITY-002',
  title: 'No wildcard IAM actions',
  severity: 'high',
  layer: 'identity',
  rationale:
    'A training or pipeline role that may call every action (`*`, `s3:*`, `iam:*`) turns any code it runs \u2014 a ' +
    'dependency of the training script, a poisoned notebook \u2014 into an administrator of that service: it can ' +
    'delete the data lake, open a bucket or mint credentials. Least privilege names the actions a workload needs.',
  remediation:
    'List the actions the workload calls (CDK grants: bucket.grantRead(role), key.grantDecrypt(role)) instead of ' +
    '"*" or "<service>:*", and never Allow with NotAction (admin managed policies: ZT-IDENTITY-003; ' +
    'resources named: ZT-IDENTITY-009).',
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
      tool: 'cdk-nag',
      id: 'NIST.800.53.R5-IAMPolicyNoStatementsWithAdminAccess',
      resourceTypes: CFN_TYPES,
      note: 'cdk-nag fails Action "*" on Resource "*"; this rule fails Action "*" on any resource.',
    },
    { tool: 'cdk-nag', id: 'NIST.800.53.R5-IAMPolicyNoStatementsWithFullAccess', resourceTypes: CFN_TYPES },
    {
      tool: 'checkov',
      id: 'CKV_AWS_62',
      resourceTypes: [...CFN_TYPES, ...TF_POLICY_TYPES],
      note: 'Checkov fails only Action "*" on Resource "*"; its fixtures allow no service-wide wildcard, so the verdicts meet.',
    },
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
  checks: identityDocumentChecks(judgeDocument, 'no statement allows a wildcard action'),
};
