import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, Rule, fail, pass } from '../../engine/rule';
import { eachOf } from '../shared/combine';
import { describeResolved, joinPath, listLength, unknownAt } from '../shared/read';
import { judgeTrustPolicy } from './aws/trust-policy';

/**
 * Who may become an identity: the trust policy of an AWS role (aws/trust-policy.ts says what fails),
 * and the federated credentials of an Azure user-assigned identity, which let an external token
 * issuer's subject act as it. An Azure credential must name one subject exactly, for Entra's token
 * exchange audience only, from an https issuer. azurerm 4.55 (the pinned provider) has no flexible
 * (claims-matching) credentials, so none are judged.
 */
const AZURE_AUDIENCE = 'api://AzureADTokenExchange';

const awsRole =
  (path: string): Check =>
  (res, { graph }) => {
    const results = judgeTrustPolicy(graph, res, path);
    if (results === 'absent') return pass(`${path} is not set: nobody may assume the role`, path);
    return eachOf(results, 'every trust statement names the principals that may assume the role', path);
  };

/** The subject is one literal workload (Entra matches it exactly: a wildcard is a mistake, not a pattern). */
function subject(g: ResourceGraph, res: Resource): CheckResult {
  const path = 'subject';
  const v = g.value(res, path);
  if (v.kind === 'absent' || (v.kind === 'literal' && (v.value === null || v.value === ''))) {
    return fail(`${path} is not set: name the one workload (e.g. system:serviceaccount:<ns>:<name>)`, path);
  }
  const texts = v.kind === 'literal' ? [v.value] : v.kind === 'composed' ? v.parts : [];
  if (texts.some((t) => typeof t === 'string' && /[*?]/.test(t))) {
    return fail(`${path} holds a wildcard; name the one workload that may act as the identity`, path);
  }
  if (v.kind === 'literal' && typeof v.value !== 'string') return unknownAt(path, `expected a string`);
  if (v.kind === 'unknown') return unknownAt(path, v.reason);
  if (v.kind === 'composed' && v.parts.some((p) => typeof p !== 'string' && p.kind === 'unknown')) {
    return unknownAt(path, describeResolved(v));
  }
  return pass(`${path} names one workload`, path);
}

/** Every audience is Entra's token exchange audience (another one accepts tokens minted for other apps). */
function audience(g: ResourceGraph, res: Resource): CheckResult[] {
  const n = listLength(g, res, 'audience');
  if (n.kind === 'unknown') return [unknownAt('audience', n.reason)];
  if (n.kind === 'absent' || n.value === 0)
    return [fail(`audience is empty; set it to ["${AZURE_AUDIENCE}"]`, 'audience')];
  const out: CheckResult[] = [];
  for (let i = 0; i < n.value; i++) {
    const at = joinPath('audience', i);
    const v = g.value(res, at);
    if (v.kind === 'literal' && typeof v.value === 'string') {
      out.push(
        v.value === AZURE_AUDIENCE
          ? pass(`${at} is ${AZURE_AUDIENCE}`, at)
          : fail(`${at} is ${JSON.stringify(v.value)}; the only audience is "${AZURE_AUDIENCE}"`, at),
      );
    } else out.push(unknownAt(at, describeResolved(v)));
  }
  return out;
}

/** The issuer's discovery document and keys are fetched over https, or anyone on the path can mint tokens. */
function issuer(g: ResourceGraph, res: Resource): CheckResult {
  const path = 'issuer';
  const v = g.value(res, path);
  if (v.kind === 'absent' || (v.kind === 'literal' && (v.value === null || v.value === ''))) {
    return fail(`${path} is not set`, path);
  }
  // An attribute of another resource (an AKS cluster's oidc_issuer_url, loaded or not) is an Azure-issued https URL.
  if (v.kind === 'reference' || (v.kind === 'unknown' && v.target?.attribute === 'oidc_issuer_url')) {
    return pass(`${path} is ${describeResolved(v)}`, path);
  }
  // Composed text decides when its fixed start already carries the scheme ("https://${var.host}").
  const start = v.kind === 'literal' ? v.value : v.kind === 'composed' ? v.parts[0] : undefined;
  const decided = typeof start === 'string' && (v.kind === 'literal' || start.includes('://'));
  if (!decided) return unknownAt(path, v.kind === 'literal' ? 'expected a URL' : describeResolved(v));
  return /^https:\/\//i.test(start)
    ? pass(`${path} is an https issuer`, path)
    : fail(`${path} is not an https URL: the issuer's signing keys could be replaced in transit`, path);
}

const federatedCredential: Check = (res, { graph }) =>
  eachOf([subject(graph, res), ...audience(graph, res), issuer(graph, res)]);

const ROLE_TYPES = ['AWS::IAM::Role', 'aws_iam_role'];

export const namedTrustRule: Rule = {
  id: 'ZT-IDENTITY-005',
  title: 'Identities can be assumed only by the principals they name',
  severity: 'high',
  layer: 'identity',
  rationale:
    'A role or managed identity carries the training pipeline\u2019s, registry\u2019s or endpoint\u2019s ' +
    'permissions to whoever can become it. A trust policy for Principal "*" (or NotPrincipal) lets any AWS ' +
    'account assume the role; a web-identity trust without an audience or subject condition lets every token ' +
    'of the provider in (for GitHub Actions: every workflow of every repository on github.com); an Azure ' +
    'federated credential with a wildcard subject, a foreign audience or a plain-http issuer lets tokens the ' +
    'owner never meant for the identity act as it. Zero trust names each principal that may assume an identity.',
  remediation:
    'AWS: name the principals of every trust statement (a service principal, an account or role ARN), never ' +
    'Principal "*", {"AWS": "*"} or NotPrincipal without an aws:PrincipalOrgID, aws:PrincipalAccount, ' +
    'aws:PrincipalArn, aws:SourceAccount or aws:SourceArn condition (StringEquals or ArnLike, not ...IfExists); ' +
    'give web-identity trust a StringEquals on <provider>:aud and <provider>:sub (GitHub Actions: ' +
    'token.actions.githubusercontent.com:sub = "repo:<owner>/<repo>:..."). CDK: new iam.Role({ assumedBy: new ' +
    'iam.ServicePrincipal(...) }), or iam.WebIdentityPrincipal / OpenIdConnectPrincipal with conditions, never ' +
    'iam.AnyPrincipal or iam.StarPrincipal. CloudFormation: write those statements in AssumeRolePolicyDocument. ' +
    'Terraform: write them in aws_iam_role assume_role_policy. Azure: azurerm_federated_identity_credential ' +
    'subject names one workload exactly (system:serviceaccount:<namespace>:<name>, ' +
    'repo:<owner>/<repo>:environment:<env>), audience = ["api://AzureADTokenExchange"], issuer an https URL.',
  remediationBy: {
    cdk:
      'new iam.Role({ assumedBy: new iam.ServicePrincipal("...") }) or a role ARN; web identity through ' +
      'iam.OpenIdConnectPrincipal(provider, { StringEquals: { "<provider>:aud": ..., "<provider>:sub": ... } }); ' +
      'never iam.AnyPrincipal / iam.StarPrincipal without a PrincipalOrgID or SourceArn condition.',
    cdktf:
      'IamRole assumeRolePolicy naming the principals (no "*", no NotPrincipal) with an aud/sub condition on ' +
      'web-identity trust (aws); FederatedIdentityCredential subject exact, audience ["api://AzureADTokenExchange"], ' +
      'https issuer (azurerm).',
  },
  controls: [
    { framework: 'NIST-800-53', id: 'AC-3' },
    { framework: 'NIST-800-53', id: 'AC-6' },
    { framework: 'NIST-800-53', id: 'IA-9' },
    { framework: 'SOC2', id: 'CC6.1' },
    { framework: 'SOC2', id: 'CC6.3' },
    { framework: 'HIPAA', id: '164.312(a)(1)' },
    { framework: 'HIPAA', id: '164.312(d)' },
    { framework: 'ISO-27001', id: 'A.5.15' },
    { framework: 'ISO-27001', id: 'A.8.2' },
    { framework: 'ISO-27001', id: 'A.8.5' },
  ],
  // cdk-nag has no rule on trust policies (its IAM rules judge permissions policies only).
  equivalents: [
    {
      tool: 'checkov',
      id: 'CKV_AWS_60',
      resourceTypes: ROLE_TYPES,
      note: 'Checkov fails an AWS "*" principal alone; this rule also fails Service / Federated "*", NotPrincipal and web-identity trust without aud/sub, and passes a "*" narrowed by an organization, account or source condition.',
    },
  ],
  checks: {
    'AWS::IAM::Role': awsRole('AssumeRolePolicyDocument'),
    aws_iam_role: awsRole('assume_role_policy'),
    azurerm_federated_identity_credential: federatedCredential,
  },
};
