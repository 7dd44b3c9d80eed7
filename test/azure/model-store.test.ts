import { TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzureModelStoreAccess, MODEL_STORE_ROLES } from '../../lib/azure/model-registry';
import { resolveConfig } from '../../lib/core/config';
import { buildGraph, loadTerraformObject } from '../../policies/engine';
import { noAdminRolesRule } from '../../policies/rules/identity/zt-identity-003-no-admin-roles';
import { AzurePlatformStack } from '../../stacks/azure-platform-stack';
import { allOf, atPath, scratchApp, synthStack, type TfJson } from './synth';

/** The workspace model store's RBAC: training as AzureML Data Scientist, serving read-only, no admin role. */
const WORKSPACE =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw';
const TRAINING = '11111111-1111-1111-1111-111111111111';
const SERVING = ['22222222-2222-2222-2222-222222222222', '33333333-3333-3333-3333-333333333333'];
const build = (props: Partial<ConstructorParameters<typeof AzureModelStoreAccess>[2]> = {}) => {
  return (stack: TerraformStack) =>
    new AzureModelStoreAccess(stack, 'model-store', {
      workspaceId: WORKSPACE,
      trainingPrincipalId: TRAINING,
      servingPrincipalIds: SERVING,
      ...props,
    });
};
const tf = synthStack((app) => {
  const stack = new TerraformStack(app, 'store');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  build()(stack);
  return stack;
});
const assignments = (t: TfJson) => allOf(t, 'azurerm_role_assignment');

/** ZT-IDENTITY-003 verdicts of every role assignment of a synthesized stack. */
function identity003(t: TfJson): string[] {
  const doc = loadTerraformObject(t as never, { file: 'cdk.tf.json' });
  const graph = buildGraph([doc]);
  return doc.resources
    .filter((r) => r.type === 'azurerm_role_assignment')
    .flatMap((r) => {
      const out = noAdminRolesRule.checks[r.type](r, { graph });
      return (Array.isArray(out) ? out : [out]).map((x) => x.verdict);
    });
}

test('the training identity is AzureML Data Scientist on the workspace, as a service principal', () => {
  const training = assignments(tf).find((a) => a.name.includes('training'))!;
  expect(training.body).toMatchObject({
    scope: WORKSPACE,
    role_definition_name: 'AzureML Data Scientist',
    principal_id: TRAINING,
    principal_type: 'ServicePrincipal',
  });
});

test('each serving identity is a Reader of the workspace only', () => {
  const serving = assignments(tf).filter((a) => a.name.includes('serving'));
  expect(serving.map((a) => [a.body.principal_id, a.body.role_definition_name, a.body.scope])).toEqual(
    SERVING.map((p) => [p, 'Reader', WORKSPACE]),
  );
});

test('no Owner, Contributor or access-administrator role, and ZT-IDENTITY-003 passes every assignment', () => {
  const names = assignments(tf).map((a) => String(a.body.role_definition_name));
  expect(names).toHaveLength(3);
  for (const n of names) expect(n).not.toMatch(/Owner|Contributor|Administrator/);
  expect(new Set(Object.values(MODEL_STORE_ROLES))).toEqual(new Set(names));
  expect(identity003(tf)).toEqual(['pass', 'pass', 'pass']);
});

test.each([
  ['workspaceId', { workspaceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/x' }],
  ['trainingPrincipalId', { trainingPrincipalId: 'not-a-guid' }],
  ['servingPrincipalIds[1]', { servingPrincipalIds: [SERVING[0], 'x'] }],
])('bad %s is an error naming it', (field, props) => {
  expect(() => build(props as never)(new TerraformStack(scratchApp(), 's'))).toThrow(
    `Invalid AzureModelStoreAccess.${field}:`,
  );
});

describe('Azure reference stack', () => {
  const ref = synthStack((app) => new AzurePlatformStack(app, 'azure-platform', resolveConfig({})));
  const at = (path: string) => atPath(ref, `azure-platform/${path}`);

  test('its workspace is the production registry, so nobody holds AzureML Data Scientist on it', () => {
    const workspace = at('training-compute/compute/workspace').ref('id');
    const onWorkspace = assignments(ref).filter((a) => a.body.scope === workspace);
    expect(onWorkspace.length).toBeGreaterThan(0);
    expect(onWorkspace.map((a) => a.body.role_definition_name)).not.toContain(MODEL_STORE_ROLES.training);
  });

  test('ZT-IDENTITY-003 still passes every role assignment of the stack', () => {
    const verdicts = identity003(ref);
    expect(verdicts.length).toBeGreaterThan(5);
    expect(verdicts.filter((v) => v !== 'pass')).toEqual([]);
  });
});
