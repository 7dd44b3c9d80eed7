import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, Rule, fail, pass } from '../../engine/rule';
import { allChecks, eachOf } from '../shared/combine';
import { isTrue, setting } from '../shared/expect';
import { Opaque, type PolicyValue, type Tri, field, readPolicyDocument } from '../shared/policy-document';
import { conditionedOn, mayBeWildcard, opensToEveryone } from '../shared/public-statements';
import { joinPath, listLength, rawAt, unknownAt } from '../shared/read';
import { forbiddenInBlock } from '../shared/tf-blocks';

/**
 * Whoever may use a key decrypts everything it protects, so key access is granted to identities
 * the template names, never to "anyone".
 * - AWS KMS key policies: no Allow for Principal "*" (or {"AWS": "*"}) or with NotPrincipal, unless a
 *   condition ties the caller to an account or organization. A key without a policy gets KMS's
 *   default policy, which names the account root: it passes.
 * - Azure Key Vault: the data plane is authorized by Azure RBAC, not by vault access policies. An
 *   access policy grants its permissions on every key (secret, certificate) of the vault at once,
 *   cannot be scoped to one key, and sits outside role-assignment governance (PIM, deny
 *   assignments, Azure Policy); so every access policy that grants something fails, inline or as an
 *   azurerm_key_vault_access_policy (an RBAC vault ignores them, until someone turns RBAC off).
 */

/**
 * Condition keys that say who signed the request. Source and network keys (aws:SourceArn,
 * aws:SourceAccount, aws:SourceVpce ...) say where a request comes from or on whose behalf a
 * service acts, not who the caller is, so they do not narrow a key policy. kms:CallerAccount is
 * KMS's own name for the caller's account. kms:ViaService is not among them: it names the service
 * that forwarded the request (Secrets Manager, EBS), which serves the principals of every account alike.
 */
const CALLER_KEYS = new Set([
  'kms:calleraccount',
  'aws:principalaccount',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalarn',
]);

/** A principal ARN pattern with a wildcard account (arn:aws:iam::*:role/x) matches every account's principals. */
const ANY_ACCOUNT_ARN = /^arn:[^:]*:(?:iam|sts)::[^:]*[*?][^:]*:/i;

/** A caller value that matches every caller: only wildcards, an any-account ARN, or a parameter that may be either. */
const anyCaller = (v: PolicyValue): Tri =>
  v instanceof Opaque ? mayBeWildcard(v) : typeof v === 'string' && (/^[*?]+$/.test(v) || ANY_ACCOUNT_ARN.test(v));

const callerNarrowed = (stmt: PolicyValue): Tri => conditionedOn(stmt, (k) => CALLER_KEYS.has(k), anyCaller);

/** `absent`: what a key without the property gets ('default': KMS's default policy, naming the account). */
function keyPolicy(path: string, absent: 'default' | 'required'): Check {
  return (key, { graph }) => {
    const doc = readPolicyDocument(graph, key, path);
    if (doc.kind === 'unknown') return unknownAt(path, doc.reason);
    if (doc.kind === 'absent') {
      return absent === 'default'
        ? pass(`${path} is not set: KMS applies the default key policy, which names the account root`, path)
        : unknownAt(path, 'it is required but not set, so the key cannot be created as written');
    }
    const results: CheckResult[] = doc.statements.map((stmt, i) => {
      const at = joinPath(path, 'Statement', i);
      const open = opensToEveryone(stmt, callerNarrowed);
      if (open instanceof Opaque) return unknownAt(at, open.reason);
      if (!open) return pass(`${at} does not open the key to every principal`, at);
      const who =
        field(stmt, 'NotPrincipal') !== undefined ? 'every principal NotPrincipal does not list' : 'Principal "*"';
      return fail(
        `${at} allows ${who}, and no StringEquals/ArnEquals condition on kms:CallerAccount, aws:PrincipalAccount, ` +
          'aws:PrincipalOrgID or aws:PrincipalArn narrows it to an account or organization: any AWS principal ' +
          '(anonymous callers included) may use the key; name the principals',
        at,
      );
    });
    if (results.length === 0) return pass(`${path} has no statement: it grants nothing`, path);
    return eachOf(results, `no statement of ${path} opens the key to every principal`, path);
  };
}

const PERMISSIONS = ['key_permissions', 'secret_permissions', 'certificate_permissions', 'storage_permissions'];
const LEGACY =
  'access policies grant on every key, secret and certificate of the vault at once and are not governed ' +
  'like role assignments; grant an azurerm_role_assignment scoped to the vault or the key instead';

/** An access policy (inline block at `base`, or the resource) that grants any permission fails. */
function judgeGrant(g: ResourceGraph, res: Resource, base: string, what: string): CheckResult {
  let undecided: CheckResult | undefined;
  for (const p of PERMISSIONS) {
    const path = joinPath(base, p);
    const n = listLength(g, res, path);
    if (n.kind === 'unknown') undecided ??= unknownAt(path, n.reason);
    else if (n.kind === 'value' && n.value > 0) return fail(`${what} grants ${p}: ${LEGACY}`, path);
  }
  return undecided ?? pass(`${what} grants no permission`, base === '' ? undefined : base);
}

const RBAC = isTrue('rbac_authorization_enabled', {
  providerDefault: false,
  aliases: ['enable_rbac_authorization'],
  risk: 'the vault authorizes key, secret and certificate access with vault-wide access policies, not Azure RBAC',
});

/** Inline access_policy blocks, static or dynamic (a dynamic one is rendered only if its for_each is not empty). */
const inlineAccessPolicies: Check = (vault, { graph }) => {
  const n = listLength(graph, vault, 'access_policy');
  if (n.kind === 'unknown') return unknownAt('access_policy', n.reason);
  const results: CheckResult[] = [];
  for (let i = 0; n.kind === 'value' && i < n.value; i++) {
    const at = n.value === 1 ? 'access_policy' : joinPath('access_policy', i);
    results.push(judgeGrant(graph, vault, at, `${at} (an inline vault access policy)`));
  }
  if (rawAt(vault, 'dynamic.access_policy') !== undefined) {
    const at = 'dynamic.access_policy.content';
    results.push(forbiddenInBlock({ kind: 'dynamic', path: at }, judgeGrant(graph, vault, at, at)));
  }
  return results.length === 0 ? pass('declares no inline access_policy', 'access_policy') : eachOf(results);
};

const accessPolicyResource: Check = (policy, { graph }) =>
  judgeGrant(graph, policy, '', 'this azurerm_key_vault_access_policy');

export const namedKeyAccessRule: Rule = {
  id: 'ZT-IDENTITY-006',
  title: 'Key access is granted to named identities only',
  severity: 'high',
  layer: 'identity',
  rationale:
    'The keys encrypt the training data, the model artifacts and their signatures: whoever may use a key reads ' +
    'or forges all of it. A KMS key policy that allows Principal "*" (or everyone but a NotPrincipal list) ' +
    'lets any AWS account, and anonymous callers, use the key unless a condition names the account or ' +
    'organization; kms:ViaService alone only says which service forwarded the call. Key Vault access policies ' +
    'grant on every key of the vault at once and bypass role-assignment governance; Azure RBAC grants named ' +
    'identities per vault or per key, reviewable and time-bound.',
  remediation:
    'AWS: every Allow statement of a key policy names its principals (the account root, roles, service ' +
    'principals), with no Principal "*" and no NotPrincipal, unless StringEquals, StringLike, ArnEquals or ' +
    'ArnLike on kms:CallerAccount, aws:PrincipalAccount, aws:PrincipalOrgID or aws:PrincipalArn narrows it to an ' +
    'account or organization; kms:ViaService alone does not. CDK: kms.Key grants (key.grantDecrypt(role)) ' +
    'rather than addToResourcePolicy with an AnyPrincipal or StarPrincipal; CloudFormation: KeyPolicy statements ' +
    'with named principals, or no KeyPolicy (the default policy names the account); Terraform: the same in the ' +
    'policy of aws_kms_key or aws_kms_key_policy. Azure: azurerm_key_vault rbac_authorization_enabled = true ' +
    '(or its deprecated spelling enable_rbac_authorization), no access_policy blocks and no ' +
    'azurerm_key_vault_access_policy resources; key access through azurerm_role_assignment (Key Vault Crypto ' +
    'User, Key Vault Crypto Service Encryption User) scoped to the vault or the key.',
  remediationBy: {
    cdk: 'Grant through the key (key.grantDecrypt(role), key.grantEncryptDecrypt(role)); no key.addToResourcePolicy with new AnyPrincipal() or StarPrincipal unless a kms:CallerAccount or aws:PrincipalOrgID condition narrows it.',
    cdktf:
      'KeyVault({ rbacAuthorizationEnabled: true }) without accessPolicy, no KeyVaultAccessPolicy, and RoleAssignment ' +
      'grants scoped to the vault or key (SecureDataLake does this); KmsKey / KmsKeyPolicy policies name their principals.',
  },
  controls: [
    { framework: 'NIST-800-53', id: 'AC-3' },
    { framework: 'NIST-800-53', id: 'AC-6' },
    { framework: 'NIST-800-53', id: 'SC-12' },
    { framework: 'SOC2', id: 'CC6.1' },
    { framework: 'SOC2', id: 'CC6.3' },
    { framework: 'HIPAA', id: '164.312(a)(1)' },
    { framework: 'GDPR', id: 'Art. 32(1)(b)' },
    { framework: 'ISO-27001', id: 'A.5.15' },
    { framework: 'ISO-27001', id: 'A.8.24' },
  ],
  equivalents: [
    {
      tool: 'checkov',
      id: 'CKV_AWS_33',
      resourceTypes: ['AWS::KMS::Key'],
      note:
        'Checkov fails any wildcard principal; this rule passes one that a kms:CallerAccount, aws:PrincipalAccount, ' +
        'aws:PrincipalOrgID or aws:PrincipalArn condition narrows, and also fails Allow with NotPrincipal.',
    },
  ],
  checks: {
    'AWS::KMS::Key': keyPolicy('KeyPolicy', 'default'),
    'AWS::KMS::ReplicaKey': keyPolicy('KeyPolicy', 'required'),
    aws_kms_key: keyPolicy('policy', 'default'),
    aws_kms_key_policy: keyPolicy('policy', 'required'),
    aws_kms_replica_key: keyPolicy('policy', 'default'),
    aws_kms_external_key: keyPolicy('policy', 'default'),
    aws_kms_replica_external_key: keyPolicy('policy', 'default'),
    azurerm_key_vault: allChecks(setting(RBAC), inlineAccessPolicies),
    azurerm_key_vault_access_policy: accessPolicyResource,
  },
};
