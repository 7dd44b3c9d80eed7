import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { addZeroTrustValidation } from '../../policies/integrations/cdktf-validation';
import { compliantVault, vaultKey } from '../support/azure-resources';

/**
 * A passing validation hands the JSON it evaluated to the write of cdk.tf.json (one toTerraform()
 * per synth instead of two), and never leaves the hand-over behind. Every synth runs in beforeAll;
 * the spy on TerraformStack.prototype.toTerraform counts the real resolutions and keeps what they
 * returned, i.e. exactly what our validation evaluated.
 */

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-handoff-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const spy = jest.spyOn(TerraformStack.prototype, 'toTerraform');
afterAll(() => spy.mockRestore());

interface Run {
  readonly error?: Error;
  /** Real toTerraform() resolutions during the synth, and what each returned. */
  readonly resolved: unknown[];
}

function synthApp(app: App): Run {
  spy.mockClear();
  try {
    app.synth();
    return { resolved: spy.mock.results.map((r) => r.value) };
  } catch (e) {
    return { error: e as Error, resolved: spy.mock.results.map((r) => r.value) };
  }
}

function compliantStack(app: App, id: string): { stack: TerraformStack; vault: KeyVault } {
  const stack = new TerraformStack(app, id);
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const vault = compliantVault(stack);
  vaultKey(stack, 'key', vault);
  addZeroTrustValidation(stack, { print: false });
  return { stack, vault };
}

const written = (outdir: string, id: string, file = 'cdk.tf.json') =>
  fs.readFileSync(path.join(outdir, 'stacks', id, file), 'utf8');
const plain = (json: unknown) => JSON.parse(JSON.stringify(json));
const hasOverride = (stack: TerraformStack) => Object.prototype.hasOwnProperty.call(stack, 'toTerraform');

describe('hand-over of the validated Terraform JSON to the cdk.tf.json write', () => {
  const outdir = path.join(tmp, 'passing');
  const app = new App({ outdir });
  const { stack, vault } = compliantStack(app, 'lake');
  let first: Run;
  let firstFile: unknown;
  let overrideAfterFirst = true;
  let direct: unknown;
  let directCalls = 0;
  let second: Run;
  let secondFile: unknown;

  beforeAll(() => {
    first = synthApp(app);
    firstFile = JSON.parse(written(outdir, 'lake'));
    overrideAfterFirst = hasOverride(stack);
    // A later change must be seen by a direct call and by the next synth (no stale JSON anywhere).
    vaultKey(stack, 'later', vault);
    spy.mockClear();
    direct = stack.toTerraform();
    directCalls = spy.mock.calls.length;
    second = synthApp(app);
    secondFile = JSON.parse(written(outdir, 'lake'));
  });

  it('resolves the stack once per synth and writes exactly the JSON that was evaluated', () => {
    expect(first.error).toBeUndefined();
    expect(first.resolved).toHaveLength(1); // the validation's call; the write reused its result
    expect(firstFile).toEqual(plain(first.resolved[0]));
    expect(firstFile).toHaveProperty(
      'resource.azurerm_key_vault_key.key.key_vault_id',
      '${azurerm_key_vault.vault.id}',
    );
    expect(overrideAfterFirst).toBe(false);
  });

  it('leaves toTerraform() and a second synth working and reflecting later changes', () => {
    expect(directCalls).toBe(1);
    expect(direct).toHaveProperty('resource.azurerm_key_vault_key.later.name', 'later');
    expect(second.error).toBeUndefined();
    expect(second.resolved).toHaveLength(1);
    expect(secondFile).toEqual(plain(second.resolved[0]));
    expect(secondFile).toHaveProperty('resource.azurerm_key_vault_key.later.name', 'later');
    expect(secondFile).toEqual(plain(direct));
    expect(hasOverride(stack)).toBe(false);
  });
});

describe('no hand-over survives a synth that does not write the validated JSON', () => {
  const failingValidation = (() => {
    const app = new App({ outdir: path.join(tmp, 'ours-fails') });
    const stack = new TerraformStack(app, 'bad');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    new StorageAccount(stack, 'lake', {
      name: 'ztlake',
      resourceGroupName: 'rg',
      location: 'westeurope',
      accountTier: 'Standard',
      accountReplicationType: 'LRS',
    });
    addZeroTrustValidation(stack, { print: false });
    return { app, stack };
  })();
  // Ours passes (the stack is checked first), then a validation on a child fails the stack.
  const laterFailure = (() => {
    const app = new App({ outdir: path.join(tmp, 'other-fails') });
    const { stack, vault } = compliantStack(app, 'other');
    vault.node.addValidation({ validate: () => ['not today'] });
    return { app, stack };
  })();
  const skipped = (() => {
    const app = new App({ outdir: path.join(tmp, 'skipped'), skipValidation: true });
    return { app, stack: compliantStack(app, 'skipped').stack };
  })();
  // HCL output never calls toTerraform(): the unused hand-over must still be dropped.
  const hcl = (() => {
    process.env.SYNTH_HCL_OUTPUT = 'true';
    try {
      const app = new App({ outdir: path.join(tmp, 'hcl') });
      return { app, stack: compliantStack(app, 'hcl').stack };
    } finally {
      delete process.env.SYNTH_HCL_OUTPUT;
    }
  })();
  const runs: Record<string, Run> = {};
  const after: Record<string, { override: boolean; json: unknown; calls: number }> = {};

  beforeAll(() => {
    for (const [name, { app, stack }] of Object.entries({ failingValidation, laterFailure, skipped, hcl })) {
      runs[name] = synthApp(app);
      const override = hasOverride(stack);
      spy.mockClear();
      after[name] = { override, json: stack.toTerraform(), calls: spy.mock.calls.length };
    }
  });

  it('when our validation fails, nothing is written or handed over', () => {
    expect(runs.failingValidation.error?.message).toMatch(/ZT-DATA-005/);
    expect(after.failingValidation).toMatchObject({ override: false, calls: 1 });
  });

  it('when another validation fails after ours passed, the offered JSON is dropped', () => {
    expect(runs.laterFailure.error?.message).toContain('not today');
    expect(runs.laterFailure.error?.message).not.toMatch(/ZT-DATA/);
    expect(after.laterFailure).toMatchObject({ override: false, calls: 1 });
    expect(after.laterFailure.json).toHaveProperty('resource.azurerm_key_vault_key.key');
  });

  it('when validation is skipped, the write resolves the stack itself', () => {
    expect(runs.skipped.error).toBeUndefined();
    expect(runs.skipped.resolved).toHaveLength(1); // the write's own call: our validation did not run
    expect(JSON.parse(written(path.join(tmp, 'skipped'), 'skipped'))).toEqual(plain(runs.skipped.resolved[0]));
    expect(after.skipped).toMatchObject({ override: false, calls: 1 });
  });

  it('when the synthesizer writes HCL, the unused hand-over is removed', () => {
    expect(runs.hcl.error).toBeUndefined();
    expect(written(path.join(tmp, 'hcl'), 'hcl', 'cdk.tf')).toContain('azurerm_key_vault_key');
    expect(after.hcl).toMatchObject({ override: false, calls: 1 });
  });
});
