import { type Check, fail, pass } from '../../../engine/rule';
import { cfnRetained, tfPreventDestroy } from '../../shared/deletion';
import { allChecks } from '../../shared/combine';
import type { CompanionSpec } from '../../shared/companion-index';
import { orphanOnly, withCompanions } from '../../shared/companions';
import { isFalse, isTrue, oneOf, setting } from '../../shared/expect';
import { isPresent, listLength, unknownAt } from '../../shared/read';
import { encryptedWithKey } from './aws-common';
import { allowsEveryoneUnconditionally, forbidStatement } from './aws-policy';
import type { StoreChecks } from './store-checks';

/**
 * OpenSearch Service domains (the vector / search store of RAG pipelines). CloudFormation and
 * Terraform name the same options differently; `Shape` holds the names, the verdicts are shared.
 */
interface Shape {
  readonly atRest: string;
  readonly atRestKey: string;
  readonly endpoint: string;
  readonly https: string;
  readonly tlsPolicy: string;
  readonly nodeToNode: string;
  readonly subnets: string;
  readonly policy: string;
  readonly security: string;
  readonly anonymous: string;
  readonly internalUsers: string;
  /** Terraform's enforce_https defaults to true inside the block; the API's (CloudFormation's) to false. */
  readonly httpsDefaultInBlock: boolean;
}

const CFN: Shape = {
  atRest: 'EncryptionAtRestOptions.Enabled',
  atRestKey: 'EncryptionAtRestOptions.KmsKeyId',
  endpoint: 'DomainEndpointOptions',
  https: 'DomainEndpointOptions.EnforceHTTPS',
  tlsPolicy: 'DomainEndpointOptions.TLSSecurityPolicy',
  nodeToNode: 'NodeToNodeEncryptionOptions.Enabled',
  subnets: 'VPCOptions.SubnetIds',
  policy: 'AccessPolicies',
  security: 'AdvancedSecurityOptions.Enabled',
  anonymous: 'AdvancedSecurityOptions.AnonymousAuthEnabled',
  internalUsers: 'AdvancedSecurityOptions.InternalUserDatabaseEnabled',
  httpsDefaultInBlock: false,
};

const TF: Shape = {
  atRest: 'encrypt_at_rest.enabled',
  atRestKey: 'encrypt_at_rest.kms_key_id',
  endpoint: 'domain_endpoint_options',
  https: 'domain_endpoint_options.enforce_https',
  tlsPolicy: 'domain_endpoint_options.tls_security_policy',
  nodeToNode: 'node_to_node_encryption.enabled',
  subnets: 'vpc_options.subnet_ids',
  policy: 'access_policies',
  security: 'advanced_security_options.enabled',
  anonymous: 'advanced_security_options.anonymous_auth_enabled',
  internalUsers: 'advanced_security_options.internal_user_database_enabled',
  httpsDefaultInBlock: true,
};

const HTTP = 'plain HTTP requests are accepted';
const OPEN = 'an unconditional Allow for every principal';

const enforceHttps =
  (s: Shape): Check =>
  (res, ctx) =>
    !isPresent(ctx.graph, res, s.endpoint)
      ? fail(`${s.endpoint} is not set, so the domain accepts plain HTTP; set ${s.https} to true`, s.https)
      : setting(isTrue(s.https, { providerDefault: s.httpsDefaultInBlock, risk: HTTP }))(res, ctx);

/** A domain without VPC subnets gets a public endpoint (only its access policy stands between it and the internet). */
const inVpc =
  (s: Shape): Check =>
  (res, { graph }) => {
    const n = listLength(graph, res, s.subnets);
    if (n.kind === 'unknown') return unknownAt(s.subnets, n.reason);
    return n.kind === 'value' && n.value > 0
      ? pass(`${s.subnets} places the domain in a VPC`, s.subnets)
      : fail(`${s.subnets} is not set, so the domain has a public endpoint; place it in VPC subnets`, s.subnets);
  };

/** Only the TLS 1.2 policies; no default is assumed (the service default has changed over time). */
const TLS12 = ['Policy-Min-TLS-1-2-2019-07', 'Policy-Min-TLS-1-2-PFS-2023-10'];

const checks = (s: Shape) => ({
  cmk: encryptedWithKey(
    s.atRest,
    { providerDefault: false },
    s.atRestKey,
    'OpenSearch uses the AWS-managed aws/es key',
  ),
  tls: allChecks(
    enforceHttps(s),
    setting(isTrue(s.nodeToNode, { providerDefault: false, risk: 'traffic between data nodes is unencrypted' })),
  ),
  minTls: setting(oneOf(s.tlsPolicy, TLS12, { risk: 'clients may negotiate TLS 1.0/1.1' })),
  network: inVpc(s),
  anonymous: ((res, { graph }) => forbidStatement(graph, res, s.policy, OPEN, allowsEveryoneUnconditionally)) as Check,
  identity: allChecks(
    setting(
      isTrue(s.security, {
        providerDefault: false,
        risk: 'no fine-grained access control: any allowed request sees all indices',
      }),
    ),
    setting(isFalse(s.anonymous, { providerDefault: false, risk: 'unauthenticated requests are served' })),
    setting(isFalse(s.internalUsers, { providerDefault: false, risk: 'local users with passwords bypass IAM' })),
  ),
});

const cfn = checks(CFN);
const tf = checks(TF);

/** Terraform may hold the access policy in an aws_opensearch_domain_policy, which then replaces access_policies. */
const TF_DOMAIN_POLICY: CompanionSpec = { type: 'aws_opensearch_domain_policy', targets: ['domain_name'] };
const tfAnonymous = withCompanions({
  spec: TF_DOMAIN_POLICY,
  judge: (g, p) => forbidStatement(g, p, 'access_policies', OPEN, allowsEveryoneUnconditionally),
  inline: (g, domain) => forbidStatement(g, domain, 'access_policies', OPEN, allowsEveryoneUnconditionally),
});
const TYPE = 'AWS::OpenSearchService::Domain';

export const opensearchChecks: StoreChecks = {
  cmk: { [TYPE]: cfn.cmk, aws_opensearch_domain: tf.cmk },
  tls: { [TYPE]: cfn.tls, aws_opensearch_domain: tf.tls },
  minTls: { [TYPE]: cfn.minTls, aws_opensearch_domain: tf.minTls },
  network: { [TYPE]: cfn.network, aws_opensearch_domain: tf.network },
  anonymous: {
    [TYPE]: cfn.anonymous,
    aws_opensearch_domain: tfAnonymous,
    aws_opensearch_domain_policy: orphanOnly(TF_DOMAIN_POLICY, (p, { graph }) =>
      forbidStatement(graph, p, 'access_policies', OPEN, allowsEveryoneUnconditionally),
    ),
  },
  identity: { [TYPE]: cfn.identity, aws_opensearch_domain: tf.identity },
  retain: { [TYPE]: cfnRetained(TYPE), aws_opensearch_domain: tfPreventDestroy },
};
