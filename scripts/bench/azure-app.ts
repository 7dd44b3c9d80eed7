import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { SecureDataLake } from '../../lib/azure/data-lake';
import { addZeroTrustValidation } from '../../policies/integrations/cdktf-validation';

/** A large, realistic CDKTF app: `stacks` stacks, each an Azure data lake with `zones` filesystems. */
export function synthAzureApp(stacks: number, zones: number, withValidation: boolean): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-bench-tf-'));
  const app = new App({ outdir });
  for (let i = 0; i < stacks; i++) {
    const stack = new TerraformStack(app, `bench${i}`);
    new AzurermProvider(stack, 'azurerm', { features: [{}], storageUseAzuread: true });
    new SecureDataLake(stack, 'lake', {
      environment: `b${i}`,
      zones: Array.from({ length: zones }, (_, z) => `zone${z}`),
      tenantId: '00000000-0000-0000-0000-000000000000',
    });
    if (withValidation) addZeroTrustValidation(stack);
  }
  app.synth();
  return outdir;
}
