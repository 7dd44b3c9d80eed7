import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { waive } from '../../lib/azure/waive';
import { addZeroTrustValidation, synthesizedFile } from '../../policies/integrations/cdktf-validation';
import type { ZeroTrustValidationOptions } from '../../policies/integrations/cdktf-validation';
import { compliantVault, vaultKey } from '../support/azure-resources';

/** Each app is synthesized once, in beforeAll; the tests read the outcome. */

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-cdktf-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const REASON = 'Key material is re-keyed yearly by the HSM process instead.';

interface Synth {
  readonly error?: Error;
  readonly printed: string;
  readonly outdir: string;
  /** The stack's Terraform JSON as seen during validation. */
  readonly validated?: unknown;
}

function synth(name: string, build: (stack: TerraformStack) => void, options: ZeroTrustValidationOptions = {}): Synth {
  const outdir = path.join(tmp, name);
  const app = new App({ outdir });
  const stack = new TerraformStack(app, name);
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  build(stack);
  let printed = '';
  let validated: unknown;
  addZeroTrustValidation(stack, { ...options, print: (t) => (printed += t) });
  stack.node.addValidation({ validate: () => ((validated = stack.toTerraform()), []) });
  try {
    app.synth();
    return { printed, outdir, validated };
  } catch (e) {
    return { error: e as Error, printed, outdir, validated };
  }
}

const vault = compliantVault;
const key = vaultKey;

describe('addZeroTrustValidation in cdktf synth', () => {
  let failing: Synth;
  let passing: Synth;
  let belowThreshold: Synth;

  beforeAll(() => {
    failing = synth('failing', (stack) => {
      new StorageAccount(stack, 'lake', {
        name: 'ztlake',
        resourceGroupName: 'rg',
        location: 'westeurope',
        accountTier: 'Standard',
        accountReplicationType: 'LRS',
      });
    });
    passing = synth('passing', (stack) => {
      const kv = vault(stack);
      key(stack, 'rotating', kv, true);
      waive(key(stack, 'waived', kv, false), { ruleId: 'ZT-DATA-002', reason: REASON });
    });
    belowThreshold = synth('threshold', (stack) => key(stack, 'static', vault(stack), false), {
      severityThreshold: 'high',
    });
  });

  it('fails synth with one message per violation, naming rule, resource, property and fix', () => {
    const message = failing.error?.message ?? '';
    expect(message).toMatch(/^Validation failed with the following errors:/);
    expect(message).toContain(
      '[failing] ZT-DATA-005 [critical] azurerm_storage_account.lake: No public or anonymous access to data',
    );
    expect(message).toMatch(
      /ZT-DATA-001 \[high\] azurerm_storage_account\.lake: .*\(property customer_managed_key, construct failing\/lake\)\. Fix: /,
    );
    expect(message).toContain('ZT-DATA-008 [high] azurerm_storage_account.lake');
    // Nothing is written when validation fails.
    expect(fs.existsSync(path.join(failing.outdir, 'stacks', 'failing', 'cdk.tf.json'))).toBe(false);
  });

  it('passes a compliant stack, honours the waiver and prints it', () => {
    expect(passing.error).toBeUndefined();
    expect(passing.printed).toContain('[ZeroTrust policy pack: passing]');
    expect(passing.printed).toMatch(
      /\[applied\] ZT-DATA-002 on azurerm_key_vault_key\.waived in .*stacks\/passing\/cdk\.tf\.json/,
    );
    expect(passing.printed).toContain(REASON);
    expect(passing.printed).toMatch(/PASSED: 0 failing, 0 unknown, 1 waived/);
  });

  it('evaluates exactly the JSON cdktf writes: tokens are resolved the same way during validation', () => {
    const written = JSON.parse(fs.readFileSync(path.join(passing.outdir, 'stacks', 'passing', 'cdk.tf.json'), 'utf8'));
    expect(JSON.parse(JSON.stringify(passing.validated))).toEqual(written);
    expect(written.resource.azurerm_key_vault_key.rotating.key_vault_id).toBe('${azurerm_key_vault.vault.id}');
  });

  it('hands the evaluated JSON to the write: the stack is built once per synth, and afresh next time', () => {
    const outdir = path.join(tmp, 'handover');
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'handover');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    key(stack, 'rotating', vault(stack), true);
    addZeroTrustValidation(stack, { print: () => undefined });
    const build = jest.spyOn(TerraformStack.prototype, 'toTerraform');
    try {
      app.synth();
      expect(build).toHaveBeenCalledTimes(1);
      expect(Object.prototype.hasOwnProperty.call(stack, 'toTerraform')).toBe(false);
      const written = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'handover', 'cdk.tf.json'), 'utf8'));
      expect(JSON.parse(JSON.stringify(stack.toTerraform()))).toEqual(written);
      expect(build).toHaveBeenCalledTimes(2);
    } finally {
      build.mockRestore();
    }
  });

  it('prints failures below the threshold without failing synth', () => {
    expect(belowThreshold.error).toBeUndefined();
    expect(belowThreshold.printed).toContain('FAIL ZT-DATA-002 [medium]');
    expect(belowThreshold.printed).toContain('azurerm_key_vault_key.static (azurerm_key_vault_key) (below threshold)');
  });

  it('names the file cdktf writes, and rejects unknown rule ids', () => {
    const app = new App({ outdir: 'cdktf.out' });
    const stack = new TerraformStack(app, 'azure');
    expect(synthesizedFile(stack)).toBe('cdktf.out/stacks/azure/cdk.tf.json');
    expect(() => addZeroTrustValidation(stack, { rules: ['ZT-NOPE-001'] })).toThrow(
      /unknown rule id\(s\) ZT-NOPE-001 in addZeroTrustValidation\(azure\) options\.rules/,
    );
  });
});
