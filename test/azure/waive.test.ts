import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { BlueprintConfigError } from '../../lib/core/errors';
import { WAIVER_METADATA_KEY } from '../../lib/core/waiver';
import { waive, waiversOf } from '../../lib/azure/waive';
import { atPath, synthStack, TfJson } from './synth';

const REASON_A = 'The rule does not apply to this test resource for a documented reason.';
const REASON_B = 'A second, different reason that is long enough to be accepted.';

let tf: TfJson;
let errors: Record<string, unknown> = {};
let waivedTwice: ResourceGroup;

beforeAll(() => {
  tf = synthStack((app) => {
    const stack = new TerraformStack(app, 'waivers');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    const rg = new ResourceGroup(stack, 'rg', { name: 'rg-test', location: 'westeurope' });
    waive(rg, { ruleId: 'ZT-DATA-007', reason: REASON_A });
    waive(rg, { ruleId: 'ZT-DATA-008', reason: REASON_B, expires: '2030-01-31' });

    const again = new ResourceGroup(stack, 'rg-again', { name: 'rg-again', location: 'westeurope' });
    waive(again, { ruleId: 'ZT-DATA-007', reason: REASON_A });
    waive(again, { ruleId: 'ZT-DATA-007', reason: REASON_B });

    const group = new Construct(stack, 'group');
    new UserAssignedIdentity(group, 'one', { name: 'id-one', location: 'westeurope', resourceGroupName: rg.name });
    const nested = new Construct(group, 'nested');
    new UserAssignedIdentity(nested, 'two', { name: 'id-two', location: 'westeurope', resourceGroupName: rg.name });
    new DataAzurermClientConfig(nested, 'client');
    waive(group, { ruleId: 'ZT-NETWORK-001', reason: REASON_A });

    new ResourceGroup(stack, 'untouched', { name: 'rg-untouched', location: 'westeurope' });

    errors = {
      badRule: catchError(() => waive(rg, { ruleId: 'DATA-7', reason: REASON_A })),
      shortReason: catchError(() => waive(rg, { ruleId: 'ZT-DATA-001', reason: 'because' })),
      badExpiry: catchError(() => waive(rg, { ruleId: 'ZT-DATA-001', reason: REASON_A, expires: '31/01/2030' })),
      invisibleReason: catchError(() => waive(rg, { ruleId: 'ZT-DATA-001', reason: '\u200b'.repeat(40) })),
      impossibleDate: catchError(() => waive(rg, { ruleId: 'ZT-DATA-001', reason: REASON_A, expires: '2030-02-30' })),
      emptyScope: catchError(() => waive(new Construct(stack, 'empty'), { ruleId: 'ZT-DATA-001', reason: REASON_A })),
    };
    waivedTwice = rg;
    return stack;
  });
});

function catchError(fn: () => void): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('waive()', () => {
  it('writes the waiver into "//" next to the cdktf metadata', () => {
    const meta = atPath(tf, 'waivers/rg').body['//'];
    expect(meta.metadata).toEqual(expect.objectContaining({ path: 'waivers/rg' }));
    expect(meta[WAIVER_METADATA_KEY]).toBeDefined();
  });

  it('accumulates waivers for different rules, in order, with the expiry when given', () => {
    expect(atPath(tf, 'waivers/rg').body['//'][WAIVER_METADATA_KEY]).toEqual([
      { ruleId: 'ZT-DATA-007', reason: REASON_A },
      { ruleId: 'ZT-DATA-008', reason: REASON_B, expires: '2030-01-31' },
    ]);
  });

  it('reports the recorded waivers through waiversOf()', () => {
    expect(waiversOf(waivedTwice).map((w) => w.ruleId)).toEqual(['ZT-DATA-007', 'ZT-DATA-008']);
  });

  it('replaces an earlier waiver for the same rule instead of listing it twice', () => {
    expect(atPath(tf, 'waivers/rg-again').body['//'][WAIVER_METADATA_KEY]).toEqual([
      { ruleId: 'ZT-DATA-007', reason: REASON_B },
    ]);
  });

  it('applies a scope waiver to every resource beneath the scope, and to nothing else', () => {
    for (const path of ['waivers/group/one', 'waivers/group/nested/two']) {
      expect(atPath(tf, path).body['//'][WAIVER_METADATA_KEY]).toEqual([
        { ruleId: 'ZT-NETWORK-001', reason: REASON_A },
      ]);
    }
    expect(atPath(tf, 'waivers/group/nested/client', true).body['//'][WAIVER_METADATA_KEY]).toBeUndefined();
    expect(atPath(tf, 'waivers/untouched').body['//'][WAIVER_METADATA_KEY]).toBeUndefined();
  });

  it('leaves the resource arguments alone', () => {
    expect(atPath(tf, 'waivers/rg').body).toEqual(expect.objectContaining({ name: 'rg-test', location: 'westeurope' }));
  });

  it.each([
    ['badRule', 'waiver(waivers/rg).ruleId'],
    ['shortReason', 'waiver(waivers/rg).reason'],
    ['invisibleReason', 'waiver(waivers/rg).reason'],
    ['badExpiry', 'waiver(waivers/rg).expires'],
    ['impossibleDate', 'waiver(waivers/rg).expires'],
    ['emptyScope', 'waive.target'],
  ])('rejects %s with a BlueprintConfigError naming %s', (key, prop) => {
    const error = errors[key];
    expect(error).toBeInstanceOf(BlueprintConfigError);
    expect((error as BlueprintConfigError).prop).toBe(prop);
  });

  it('records nothing when it rejects a waiver', () => {
    const list = atPath(tf, 'waivers/rg').body['//'][WAIVER_METADATA_KEY] as { ruleId: string }[];
    expect(list.map((w) => w.ruleId)).not.toContain('ZT-DATA-001');
  });
});
