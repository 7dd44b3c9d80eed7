import {
  ModelReleaseGate,
  ModelReleaseGateProps,
  READER_ACTIONS,
  REGISTRAR_ACTIONS,
  resourceGroupOf,
} from '../../lib/azure/pipeline';
import { BlueprintConfigError } from '../../lib/core/errors';
import { thrown } from '../support/thrown';
import { azureStack, OTHER_READER, READER, zeroTrustFindings } from './secrets-fixture';
import { allOf, atPath, scratchApp, synthStack, TfJson } from './synth';

const WORKSPACE =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ztai-dev-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw-ztai-dev-prod';
const RESOURCE_GROUP = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ztai-dev-ml';
const FEDERATION = {
  issuer: 'https://token.actions.githubusercontent.com',
  subject: 'repo:example/ml-models:environment:production',
};
const base: ModelReleaseGateProps = { registryWorkspaceId: WORKSPACE, resourceGroupName: 'rg-ztai-dev-ml' };

// One synth for the template tests.
const tf: TfJson = synthStack((app) => {
  const stack = azureStack(app, 'gate');
  const gate = new ModelReleaseGate(stack, 'release', {
    ...base,
    readerPrincipalIds: [{ id: READER, type: 'Group' }],
    releaseFederation: FEDERATION,
  });
  gate.grantModelRead({ id: OTHER_READER, type: 'Group' });
  return stack;
});
const at = (id: string) => atPath(tf, `gate/release/${id}`);
const assignments = () => allOf(tf, 'azurerm_role_assignment').map((a) => a.body);

describe('ModelReleaseGate', () => {
  test('a user-assigned release identity', () => {
    expect(at('release-identity').body).toMatchObject({
      name: 'id-ztai-dev-model-release',
      resource_group_name: 'rg-ztai-dev-ml',
      location: 'westeurope',
    });
  });

  test('the registrar role: only model read/write actions, defined in the workspace resource group', () => {
    // Custom roles cannot be made assignable at a single resource; the assignments are (below).
    const role = at('registrar-role').body;
    expect(role.scope).toBe(RESOURCE_GROUP);
    expect(role.assignable_scopes).toEqual([RESOURCE_GROUP]);
    expect(role.permissions).toEqual([{ actions: REGISTRAR_ACTIONS, not_actions: [] }]);
    const actions: string[] = role.permissions[0].actions;
    expect(actions.filter((a) => a.includes('*') || /delete|action$|onlineEndpoints|jobs|computes/.test(a))).toEqual(
      [],
    );
  });

  test('resourceGroupOf cuts a literal resource ID to its resource group', () => {
    expect(resourceGroupOf(WORKSPACE)).toBe(RESOURCE_GROUP);
  });

  test('the reader role reads models only', () => {
    expect(at('reader-role').body.assignable_scopes).toEqual([RESOURCE_GROUP]);
    expect(at('reader-role').body.permissions).toEqual([{ actions: READER_ACTIONS, not_actions: [] }]);
    expect(READER_ACTIONS.every((a) => a.endsWith('/read'))).toBe(true);
  });

  test('only the release identity holds the registrar role, at the registry workspace', () => {
    const registrar = assignments().filter(
      (a) => a.role_definition_id === at('registrar-role').ref('role_definition_resource_id'),
    );
    expect(registrar).toEqual([
      expect.objectContaining({
        scope: WORKSPACE,
        principal_id: at('release-identity').ref('principal_id'),
        principal_type: 'ServicePrincipal',
      }),
    ]);
  });

  test('data scientists get the reader role, never a built-in write role', () => {
    const readers = assignments().filter(
      (a) => a.role_definition_id === at('reader-role').ref('role_definition_resource_id'),
    );
    expect(readers.map((a) => [a.principal_id, a.scope])).toEqual([
      [READER, WORKSPACE],
      [OTHER_READER, WORKSPACE],
    ]);
    expect(assignments().every((a) => a.role_definition_name === undefined)).toBe(true);
  });

  test('only the named CI/CD job may act as the release identity', () => {
    expect(at('release-federation').body).toMatchObject({
      parent_id: at('release-identity').ref('id'),
      issuer: FEDERATION.issuer,
      subject: FEDERATION.subject,
      audience: ['api://AzureADTokenExchange'],
    });
  });

  test('the zero-trust pack: no failing or unknown finding', () => {
    expect(zeroTrustFindings(tf).filter((f) => f.status === 'fail' || f.status === 'unknown')).toEqual([]);
  });
});

describe('ModelReleaseGate props validation', () => {
  const stack = azureStack(scratchApp(), 'props');
  let n = 0;
  const build = (o: Partial<ModelReleaseGateProps>) => () => new ModelReleaseGate(stack, `g${n++}`, { ...base, ...o });
  test.each([
    [
      'a vault ID as workspace',
      { registryWorkspaceId: WORKSPACE.replace('MachineLearningServices/workspaces', 'KeyVault/vaults') },
      'ModelReleaseGate.registryWorkspaceId',
    ],
    ['a bad resource group', { resourceGroupName: 'rg.' }, 'ModelReleaseGate.resourceGroupName'],
    ['a reader that is no object ID', { readerPrincipalIds: ['alice'] }, 'ModelReleaseGate.readerPrincipalIds[0]'],
    [
      'an http issuer',
      { releaseFederation: { ...FEDERATION, issuer: 'http://issuer' } },
      'ModelReleaseGate.releaseFederation.issuer',
    ],
    [
      'a wildcard subject',
      { releaseFederation: { ...FEDERATION, subject: 'repo:example/*' } },
      'ModelReleaseGate.releaseFederation.subject',
    ],
  ])('%s is rejected naming the prop', (_label, overrides, prop) => {
    expect(thrown(BlueprintConfigError, build(overrides as Partial<ModelReleaseGateProps>)).prop).toBe(prop);
  });

  test('without a federation binding no credential is created', () => {
    expect(build({})().federatedCredential).toBeUndefined();
  });
});
