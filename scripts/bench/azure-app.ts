import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { SecureDataLake } from '../../lib/azure/data-lake';
import { waive } from '../../lib/azure/waive';
import { addZeroTrustValidation } from '../../policies/integrations/cdktf-validation';
import type { SynthRun } from './aws-app';
import type { Probe } from './probe';
import { stopwatch } from './timing';

/**
 * A large, realistic CDKTF app: `stacks` stacks, each an Azure data lake with `zones` filesystems.
 * With a probe, every stack gets the ZeroTrust validation, timed, and the probe sees each stack
 * resolution (toTerraform) so it can tell work the validation added from work it moved.
 */
export function synthAzureApp(stacks: number, zones: number, probe?: Probe): SynthRun {
  instrumentResolution();
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-bench-tf-'));
  const elapsed = stopwatch();
  const app = new App({ outdir });
  for (let i = 0; i < stacks; i++) {
    const stack = new TerraformStack(app, `bench${i}`);
    new AzurermProvider(stack, 'azurerm', { features: [{}], storageUseAzuread: true });
    const lake = new SecureDataLake(stack, 'lake', {
      environment: `b${i}`,
      zones: Array.from({ length: zones }, (_, z) => `zone${z}`),
      tenantId: '00000000-0000-0000-0000-000000000000',
    });
    // A stand-alone lake creates its own VNet (a platform's TrainingNetwork supplies one with flow
    // logs): the exception is recorded visibly, in both arms alike.
    waive(lake.vnet!, {
      ruleId: 'ZT-NETWORK-004',
      reason: 'Benchmark app: this stand-alone VNet carries no traffic; platform lakes use the training network.',
    });
    for (const store of [lake.storageAccount, lake.keyVault]) {
      waive(store, {
        ruleId: 'ZT-MONITORING-002',
        reason: 'Benchmark app: no Log Analytics workspace per stack; the platform audit layer adds diagnostics.',
      });
    }
    if (probe) addTimedValidation(stack, probe);
  }
  current = probe;
  try {
    app.synth();
  } finally {
    current = undefined;
  }
  return { outdir, times: elapsed() };
}

/** addZeroTrustValidation, with the validation it registers wrapped in the probe's timer. */
function addTimedValidation(stack: TerraformStack, probe: Probe): void {
  const node = stack.node;
  const add = node.addValidation.bind(node);
  node.addValidation = (v) => add({ validate: () => probe.time(() => v.validate()) });
  try {
    addZeroTrustValidation(stack, { print: false });
  } finally {
    Reflect.deleteProperty(node, 'addValidation');
  }
}

let current: Probe | undefined;
let instrumented = false;

/** Routes every TerraformStack.prototype.toTerraform call through the current probe (both arms pay it). */
function instrumentResolution(): void {
  if (instrumented) return;
  instrumented = true;
  const original = TerraformStack.prototype.toTerraform;
  TerraformStack.prototype.toTerraform = function (this: TerraformStack) {
    const probe = current;
    return probe ? probe.resolve(this, () => original.call(this)) : original.call(this);
  };
}
