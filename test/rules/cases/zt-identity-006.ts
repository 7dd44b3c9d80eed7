import { namedKeyAccessRule } from '../../../policies/rules/identity/zt-identity-006-named-key-access';
import { RuleCases, cfn, tf } from '../helpers';

const ROOT = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] };
const admin = { Sid: 'Root', Effect: 'Allow', Principal: { AWS: ROOT }, Action: 'kms:*', Resource: '*' };
const use = (principal: unknown, condition?: Record<string, unknown>, effect = 'Allow') => ({
  Effect: effect,
  Principal: principal,
  Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
  Resource: '*',
  ...(condition ? { Condition: condition } : {}),
});
const policy = (...statements: unknown[]) => ({ Version: '2012-10-17', Statement: statements });
const key = (keyPolicy?: unknown, extra: Record<string, unknown> = {}, type = 'AWS::KMS::Key') =>
  cfn({ K: { Type: type, Properties: keyPolicy === undefined ? {} : { KeyPolicy: keyPolicy } } }, extra);
const anyone = { AWS: '*' };
const viaSecrets = { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' };
const ACCOUNT = '111122223333';

const tfKey = (type: string, args: Record<string, unknown>) => tf({ [type]: { k: args } });
const accountRoot = use({ AWS: `arn:aws:iam::${ACCOUNT}:root` });
const open = JSON.stringify(policy(accountRoot, use('*')));
const named = JSON.stringify(policy(accountRoot));

const vault = (args: Record<string, unknown>) =>
  tf({
    azurerm_key_vault: {
      v: { name: 'v', location: 'westeurope', resource_group_name: 'rg', tenant_id: 't', sku_name: 'premium', ...args },
    },
  });
const grant = (perms: Record<string, unknown>) => ({ tenant_id: 't', object_id: 'o', ...perms });
const accessPolicy = (perms: Record<string, unknown>) =>
  tf({ azurerm_key_vault_access_policy: { p: { key_vault_id: 'kv-id', ...grant(perms) } } });

const cfnCases: RuleCases['cases'] = [
  { name: 'key without KeyPolicy (default policy names the account)', doc: key(), address: 'K', verdict: 'pass' },
  { name: 'key policy naming the account root', doc: key(policy(admin)), address: 'K', verdict: 'pass' },
  {
    name: 'key policy naming a role of the template',
    doc: cfn({
      R: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: policy() } },
      K: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: policy(use({ AWS: { 'Fn::GetAtt': ['R', 'Arn'] } })) } },
    }),
    address: 'K',
    verdict: 'pass',
  },
  {
    name: 'Allow for Principal "*"',
    doc: key(policy(admin, use('*'))),
    address: 'K',
    verdict: 'fail',
    path: 'KeyPolicy.Statement.1',
  },
  {
    name: 'Allow for {"AWS": "*"} narrowed by kms:ViaService alone (any account may call the service)',
    doc: key(policy(use(anyone, { StringEquals: viaSecrets }))),
    address: 'K',
    verdict: 'fail',
    path: 'KeyPolicy.Statement.0',
  },
  {
    name: 'Allow for {"AWS": "*"} with kms:CallerAccount and kms:ViaService (the EBS pattern)',
    doc: key(policy(use(anyone, { StringEquals: { ...viaSecrets, 'kms:CallerAccount': ACCOUNT } }))),
    address: 'K',
    verdict: 'pass',
  },
  {
    name: 'Allow for {"AWS": "*"} with kms:CallerAccount the stack account',
    doc: key(policy(use(anyone, { StringEquals: { 'kms:CallerAccount': { Ref: 'AWS::AccountId' } } }))),
    address: 'K',
    verdict: 'pass',
  },
  {
    name: 'Allow for {"AWS": "*"} with aws:PrincipalOrgID',
    doc: key(policy(use(anyone, { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } }))),
    address: 'K',
    verdict: 'pass',
  },
  {
    name: 'aws:PrincipalOrgID from a parameter',
    doc: key(policy(use(anyone, { StringEquals: { 'aws:PrincipalOrgID': { Ref: 'Org' } } })), {
      Parameters: { Org: { Type: 'String' } },
    }),
    address: 'K',
    verdict: 'unknown',
    path: 'KeyPolicy.Statement.0',
  },
  {
    name: 'StringEqualsIfExists aws:PrincipalOrgID (holds for requests without the key)',
    doc: key(policy(use(anyone, { StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc123' } }))),
    address: 'K',
    verdict: 'fail',
    path: 'KeyPolicy.Statement.0',
  },
  {
    name: 'aws:SourceVpce says where the call comes from, not who makes it',
    doc: key(policy(use(anyone, { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c' } }))),
    address: 'K',
    verdict: 'fail',
    path: 'KeyPolicy.Statement.0',
  },
  {
    name: 'StringLike kms:CallerAccount "*" matches every account',
    doc: key(policy(use(anyone, { StringLike: { 'kms:CallerAccount': '*' } }))),
    address: 'K',
    verdict: 'fail',
    path: 'KeyPolicy.Statement.0',
  },
  {
    name: 'ArnLike aws:PrincipalArn with a wildcard account',
    doc: key(policy(use(anyone, { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/ml-*' } }))),
    address: 'K',
    verdict: 'fail',
    path: 'KeyPolicy.Statement.0',
  },
  {
    name: 'ArnLike aws:PrincipalArn within one account',
    doc: key(policy(use(anyone, { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/ml-*` } }))),
    address: 'K',
    verdict: 'pass',
  },
  {
    name: 'Allow with NotPrincipal (everyone but those listed)',
    doc: key(policy({ Effect: 'Allow', NotPrincipal: { AWS: ROOT }, Action: 'kms:Decrypt', Resource: '*' })),
    address: 'K',
    verdict: 'fail',
    path: 'KeyPolicy.Statement.0',
  },
  {
    name: 'Deny for Principal "*" grants nothing',
    doc: key(policy(admin, use(anyone, { Bool: { 'aws:SecureTransport': 'false' } }, 'Deny'))),
    address: 'K',
    verdict: 'pass',
  },
  {
    name: 'principal from a parameter',
    doc: key(policy(use({ AWS: { Ref: 'Who' } })), { Parameters: { Who: { Type: 'String' } } }),
    address: 'K',
    verdict: 'unknown',
    path: 'KeyPolicy.Statement.0',
  },
  {
    name: 'one finding per open statement',
    doc: key(policy(use('*'), admin, use(anyone, { StringEquals: viaSecrets }))),
    address: 'K',
    verdict: 'fail',
    failingPaths: ['KeyPolicy.Statement.0', 'KeyPolicy.Statement.2'],
  },
  {
    name: 'replica key naming the account root',
    doc: key(policy(admin), {}, 'AWS::KMS::ReplicaKey'),
    address: 'K',
    verdict: 'pass',
  },
  {
    name: 'replica key allowing Principal "*"',
    doc: key(policy(use('*')), {}, 'AWS::KMS::ReplicaKey'),
    address: 'K',
    verdict: 'fail',
    path: 'KeyPolicy.Statement.0',
  },
  {
    name: 'replica key without its required KeyPolicy',
    doc: key(undefined, {}, 'AWS::KMS::ReplicaKey'),
    address: 'K',
    verdict: 'unknown',
    path: 'KeyPolicy',
  },
];

/** Each Terraform key type: no policy (KMS default) passes except where required, "*" fails, a named principal passes. */
const tfTypeCases = (type: string, required = false): RuleCases['cases'] => [
  {
    name: `${type} without policy`,
    doc: tfKey(type, { key_id: 'k' }),
    address: `${type}.k`,
    verdict: required ? 'unknown' : 'pass',
  },
  {
    name: `${type} naming the account root`,
    doc: tfKey(type, { policy: named }),
    address: `${type}.k`,
    verdict: 'pass',
  },
  {
    name: `${type} allowing Principal "*"`,
    doc: tfKey(type, { policy: open }),
    address: `${type}.k`,
    verdict: 'fail',
    path: 'policy.Statement.1',
  },
];

const tfCases: RuleCases['cases'] = [
  ...tfTypeCases('aws_kms_key'),
  ...tfTypeCases('aws_kms_key_policy', true),
  ...tfTypeCases('aws_kms_replica_key'),
  ...tfTypeCases('aws_kms_external_key'),
  ...tfTypeCases('aws_kms_replica_external_key'),
  {
    name: 'aws_kms_key policy from a variable',
    doc: tfKey('aws_kms_key', { policy: '${var.key_policy}' }),
    address: 'aws_kms_key.k',
    verdict: 'unknown',
    path: 'policy',
  },
  {
    name: 'aws_kms_key kms:CallerAccount from a data source: undecidable',
    doc: tfKey('aws_kms_key', {
      policy: JSON.stringify(
        policy(use(anyone, { StringEquals: { 'kms:CallerAccount': '${data.aws_caller_identity.me.account_id}' } })),
      ),
    }),
    address: 'aws_kms_key.k',
    verdict: 'unknown',
    path: 'policy.Statement.0',
  },
];

const azureCases: RuleCases['cases'] = [
  {
    name: 'vault with rbac_authorization_enabled',
    doc: vault({ rbac_authorization_enabled: true }),
    address: 'azurerm_key_vault.v',
    verdict: 'pass',
  },
  {
    name: 'vault with the older enable_rbac_authorization',
    doc: vault({ enable_rbac_authorization: true }),
    address: 'azurerm_key_vault.v',
    verdict: 'pass',
  },
  {
    name: 'vault leaving RBAC off (provider default false)',
    doc: vault({}),
    address: 'azurerm_key_vault.v',
    verdict: 'fail',
    path: 'rbac_authorization_enabled',
  },
  {
    name: 'vault turning RBAC off in the older spelling',
    doc: vault({ rbac_authorization_enabled: true, enable_rbac_authorization: false }),
    address: 'azurerm_key_vault.v',
    verdict: 'fail',
    path: 'enable_rbac_authorization',
  },
  {
    name: 'vault RBAC from a variable',
    doc: vault({ rbac_authorization_enabled: '${var.rbac}' }),
    address: 'azurerm_key_vault.v',
    verdict: 'unknown',
    path: 'rbac_authorization_enabled',
  },
  {
    name: 'RBAC vault that still declares an inline access policy',
    doc: vault({ rbac_authorization_enabled: true, access_policy: [grant({ key_permissions: ['Get', 'UnwrapKey'] })] }),
    address: 'azurerm_key_vault.v',
    verdict: 'fail',
    path: 'access_policy.key_permissions',
  },
  {
    name: 'vault with several inline access policies, one granting secrets',
    doc: vault({
      rbac_authorization_enabled: true,
      access_policy: [grant({ key_permissions: [] }), grant({ secret_permissions: ['Get'] })],
    }),
    address: 'azurerm_key_vault.v',
    verdict: 'fail',
    failingPaths: ['access_policy.1.secret_permissions'],
  },
  {
    name: 'vault inline access policies from a variable',
    doc: vault({ rbac_authorization_enabled: true, access_policy: '${var.policies}' }),
    address: 'azurerm_key_vault.v',
    verdict: 'unknown',
    path: 'access_policy',
  },
  {
    name: 'vault with a dynamic access policy (rendered if for_each is not empty)',
    doc: vault({
      rbac_authorization_enabled: true,
      dynamic: {
        access_policy: [{ for_each: '${var.readers}', content: [grant({ key_permissions: ['Get'] })] }],
      },
    }),
    address: 'azurerm_key_vault.v',
    verdict: 'unknown',
    path: 'dynamic.access_policy.content.key_permissions',
  },
  {
    name: 'azurerm_key_vault_access_policy granting key permissions',
    doc: accessPolicy({ key_permissions: ['Get', 'WrapKey', 'UnwrapKey'] }),
    address: 'azurerm_key_vault_access_policy.p',
    verdict: 'fail',
    path: 'key_permissions',
  },
  {
    name: 'azurerm_key_vault_access_policy granting certificate permissions',
    doc: accessPolicy({ key_permissions: [], certificate_permissions: ['Get'] }),
    address: 'azurerm_key_vault_access_policy.p',
    verdict: 'fail',
    path: 'certificate_permissions',
  },
  {
    name: 'azurerm_key_vault_access_policy granting nothing',
    doc: accessPolicy({ key_permissions: [], secret_permissions: [] }),
    address: 'azurerm_key_vault_access_policy.p',
    verdict: 'pass',
  },
  {
    name: 'azurerm_key_vault_access_policy permissions from a variable',
    doc: accessPolicy({ key_permissions: '${var.perms}' }),
    address: 'azurerm_key_vault_access_policy.p',
    verdict: 'unknown',
    path: 'key_permissions',
  },
];

export const cases: RuleCases = { rule: namedKeyAccessRule, cases: [...cfnCases, ...tfCases, ...azureCases] };
