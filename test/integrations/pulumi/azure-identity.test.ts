import { PULUMI_UNKNOWN, translate } from '../../../policies/integrations/pulumi';
import { resource, run } from './harness';

/** azure-native role assignments (ZT-IDENTITY-003): the role by its definition id, as ARM names it. */
const RA = 'azure-native:authorization:RoleAssignment';
const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const role = (guid: string) => `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
const assignment = (props: Record<string, unknown>) =>
  resource(RA, 'ra', {
    scope: `${SUB}/resourceGroups/rg`,
    principalId: 'p-1',
    principalType: 'ServicePrincipal',
    ...props,
  });

describe('ZT-IDENTITY-003 on azure-native:authorization:RoleAssignment', () => {
  test('Owner by role definition id fails', async () => {
    const v = await run('ZT-IDENTITY-003', [
      assignment({ roleDefinitionId: role('8e3af657-a8ff-443c-a75c-2fe8c4bcb635') }),
    ]);
    expect(v).toHaveLength(1);
    expect(v[0].message).toMatch(/Owner/);
  });
  test('a data-plane role (Storage Blob Data Reader) passes', async () => {
    const v = await run('ZT-IDENTITY-003', [
      assignment({ roleDefinitionId: role('2a2b9908-6ea1-4ae2-8e65-a410df84e7d1') }),
    ]);
    expect(v).toEqual([]);
  });
  test('a role definition id unknown at preview is not a violation', async () => {
    expect(await run('ZT-IDENTITY-003', [assignment({ roleDefinitionId: PULUMI_UNKNOWN })])).toEqual([]);
  });
});

/** ZT-IDENTITY-005: AWS classic role trust (bridged onto aws_iam_role) and azure-native federated credentials. */
const FIC = 'azure-native:managedidentity:FederatedIdentityCredential';
const credential = (props: Record<string, unknown>) =>
  resource(FIC, 'fic', {
    resourceName: 'training',
    resourceGroupName: 'rg',
    issuer: 'https://token.actions.githubusercontent.com',
    subject: 'repo:contoso/models:environment:prod',
    audiences: ['api://AzureADTokenExchange'],
    ...props,
  });
const trust = (principal: unknown, condition?: unknown) =>
  resource('aws:iam/role:Role', 'role', {
    assumeRolePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Principal: principal,
          ...(condition ? { Condition: condition } : {}),
        },
      ],
    }),
  });

describe('ZT-IDENTITY-005 on Pulumi inputs', () => {
  test('a role trusting a service passes; one trusting anyone fails', async () => {
    expect(await run('ZT-IDENTITY-005', [trust({ Service: 'sagemaker.amazonaws.com' })])).toEqual([]);
    expect(await run('ZT-IDENTITY-005', [trust({ AWS: '*' })])).toHaveLength(1);
  });
  test('anyone narrowed to the organization passes', async () => {
    const narrowed = trust({ AWS: '*' }, { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } });
    expect(await run('ZT-IDENTITY-005', [narrowed])).toEqual([]);
  });
  test('a federated credential for one environment passes; a wildcard subject or foreign audience fails', async () => {
    expect(await run('ZT-IDENTITY-005', [credential({})])).toEqual([]);
    expect(await run('ZT-IDENTITY-005', [credential({ subject: 'repo:contoso/*' })])).toHaveLength(1);
    expect(await run('ZT-IDENTITY-005', [credential({ audiences: ['api://other'] })])).toHaveLength(1);
  });
  test('a subject unknown at preview is not a violation', async () => {
    expect(await run('ZT-IDENTITY-005', [credential({ subject: PULUMI_UNKNOWN })])).toEqual([]);
  });
});

/** ZT-IDENTITY-006: AWS classic key policies (aws_kms_key) and azure-native vaults (RBAC, inline access policies). */
const vault = (properties: Record<string, unknown>) =>
  resource('azure-native:keyvault:Vault', 'kv', { properties: { enablePurgeProtection: true, ...properties } });
const keyWith = (principal: unknown) =>
  resource('aws:kms/key:Key', 'key', {
    enableKeyRotation: true,
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: principal, Action: 'kms:Decrypt', Resource: '*' }],
    }),
  });

describe('ZT-IDENTITY-006 on Pulumi inputs', () => {
  test('a key policy naming the account passes; one open to anyone fails', async () => {
    expect(await run('ZT-IDENTITY-006', [keyWith({ AWS: 'arn:aws:iam::111122223333:root' })])).toEqual([]);
    expect(await run('ZT-IDENTITY-006', [keyWith('*')])).toHaveLength(1);
  });
  test('an RBAC vault passes; access policies granting permissions fail', async () => {
    expect(await run('ZT-IDENTITY-006', [vault({ enableRbacAuthorization: true })])).toEqual([]);
    const legacy = vault({
      enableRbacAuthorization: true,
      accessPolicies: [{ tenantId: 't', objectId: 'o', permissions: { keys: ['get', 'unwrapKey'] } }],
    });
    expect(await run('ZT-IDENTITY-006', [legacy])).toHaveLength(1);
  });
  test('a vault that leaves RBAC unset fails (ARM default: access policies)', async () => {
    expect(await run('ZT-IDENTITY-006', [vault({})])).toHaveLength(1);
  });
  test('access policies unknown at preview are not a violation', async () => {
    expect(
      await run('ZT-IDENTITY-006', [vault({ enableRbacAuthorization: true, accessPolicies: PULUMI_UNKNOWN })]),
    ).toEqual([]);
  });
});

/** ZT-NETWORK-010 on Pulumi inputs: security groups (bridged) and NSG rules (azure-native). */
describe('ZT-NETWORK-010 on Pulumi inputs', () => {
  const sg = (props: Record<string, unknown>) =>
    resource('aws:ec2/securityGroup:SecurityGroup', 'sg', { vpcId: 'vpc-1', ...props });
  const rule = (props: Record<string, unknown>) =>
    resource('azure-native:network:SecurityRule', 'r', {
      access: 'Allow',
      direction: 'Inbound',
      protocol: 'Tcp',
      destinationPortRange: '443',
      sourceAddressPrefix: 'VirtualNetwork',
      priority: 100,
      ...props,
    });
  test('a described group passes; the provider default description fails', async () => {
    expect(await run('ZT-NETWORK-010', [sg({ description: 'Training nodes reach the VPC endpoints' })])).toEqual([]);
    expect(await run('ZT-NETWORK-010', [sg({ description: 'Managed by Pulumi' })])).toHaveLength(1);
  });
  test('an NSG rule without a description fails; with one passes', async () => {
    expect(await run('ZT-NETWORK-010', [rule({})])).toHaveLength(1);
    expect(await run('ZT-NETWORK-010', [rule({ description: 'APIM management plane' })])).toEqual([]);
  });
});

/** ZT-IDENTITY-007 (who holds the grant) and ZT-IDENTITY-008 (where it applies) on role assignments. */
describe('ZT-IDENTITY-007 / ZT-IDENTITY-008 on azure-native:authorization:RoleAssignment', () => {
  const reader = role('2a2b9908-6ea1-4ae2-8e65-a410df84e7d1');
  test('a grant to a user fails; to a service principal passes', async () => {
    expect(
      await run('ZT-IDENTITY-007', [assignment({ roleDefinitionId: reader, principalType: 'User' })]),
    ).toHaveLength(1);
    expect(await run('ZT-IDENTITY-007', [assignment({ roleDefinitionId: reader })])).toEqual([]);
  });
  test('a principal id taken from an identity of the stack passes without a type', async () => {
    const id = resource('azure-native:managedidentity:UserAssignedIdentity', 'uai', { resourceName: 'training' });
    const ra = resource(
      RA,
      'ra',
      { scope: `${SUB}/resourceGroups/rg`, roleDefinitionId: reader, principalId: PULUMI_UNKNOWN },
      { propertyDependencies: { principalId: [{ urn: id.urn }] } },
    );
    expect(await run('ZT-IDENTITY-007', [id, ra])).toEqual([]);
  });
  test('a grant on the whole subscription fails; on a resource group passes', async () => {
    expect(await run('ZT-IDENTITY-008', [assignment({ roleDefinitionId: reader, scope: SUB })])).toHaveLength(1);
    expect(await run('ZT-IDENTITY-008', [assignment({ roleDefinitionId: reader })])).toEqual([]);
  });
});

describe('ZT-IDENTITY-009 on azure-native:authorization:RoleAssignment', () => {
  const reader = role('2a2b9908-6ea1-4ae2-8e65-a410df84e7d1');
  test('a grant on a resource group fails; on a storage account passes', async () => {
    const group = `${SUB}/resourceGroups/rg`;
    const account = `${group}/providers/Microsoft.Storage/storageAccounts/lake`;
    expect(await run('ZT-IDENTITY-009', [assignment({ roleDefinitionId: reader, scope: group })])).toHaveLength(1);
    expect(await run('ZT-IDENTITY-009', [assignment({ roleDefinitionId: reader, scope: account })])).toEqual([]);
  });
});

/** ZT-IDENTITY-006 on a stand-alone keyvault:AccessPolicy (a policy entry added to an existing vault). */
describe('azure-native:keyvault:AccessPolicy', () => {
  const rbacVault = resource('azure-native:keyvault:Vault', 'kv', {
    vaultName: 'kv-platform',
    properties: { enablePurgeProtection: true, enableRbacAuthorization: true },
  });
  const accessPolicy = (policy: unknown) =>
    resource(
      'azure-native:keyvault:AccessPolicy',
      'reader',
      { resourceGroupName: 'rg', vaultName: 'kv-platform', policy },
      { propertyDependencies: { vaultName: [{ urn: rbacVault.urn }] } },
    );
  test('a policy granting key or secret permissions fails, even on an RBAC vault', async () => {
    const keys = accessPolicy({ tenantId: 't', objectId: 'o', permissions: { keys: ['get', 'unwrapKey'] } });
    expect(await run('ZT-IDENTITY-006', [rbacVault, keys])).toHaveLength(1);
    const secrets = accessPolicy({ tenantId: 't', objectId: 'o', permissions: { secrets: ['get'] } });
    expect(await run('ZT-IDENTITY-006', [rbacVault, secrets])).toHaveLength(1);
  });
  test('a policy granting nothing passes', async () => {
    const empty = accessPolicy({ tenantId: 't', objectId: 'o', permissions: { keys: [], secrets: [] } });
    expect(await run('ZT-IDENTITY-006', [rbacVault, empty])).toEqual([]);
  });
  test('a policy unknown at preview is not a violation', async () => {
    expect(await run('ZT-IDENTITY-006', [rbacVault, accessPolicy(PULUMI_UNKNOWN)])).toEqual([]);
  });
});

test('a stand-alone access policy is linked to its vault by vaultName', () => {
  const vault = resource('azure-native:keyvault:Vault', 'kv', { vaultName: 'kv-platform', properties: {} });
  const entry = { tenantId: 't', objectId: 'o', permissions: { keys: ['get'] } };
  const linked = resource(
    'azure-native:keyvault:AccessPolicy',
    'reader',
    { vaultName: 'kv-platform', policy: entry },
    { propertyDependencies: { vaultName: [{ urn: vault.urn }] } },
  );
  const { document } = translate([vault, linked], new Set(['azurerm_key_vault', 'azurerm_key_vault_access_policy']));
  const policy = document.resources.find((r) => r.type === 'azurerm_key_vault_access_policy');
  expect(policy?.properties).toMatchObject({
    key_vault_id: '${azurerm_key_vault.kv.id}',
    key_permissions: ['get'],
  });
});
