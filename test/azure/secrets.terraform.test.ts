import { execFileSync } from 'child_process';
import { KeyVaultSecrets } from '../../lib/azure/secrets';
import { tempDir, writeFile } from '../support/temp-dir';
import { azureStack, VAULT_ID } from './secrets-fixture';
import { Body, synthStack } from './synth';

/**
 * Runs the synthesized variable blocks through a real `terraform plan` (no provider needed): the
 * expiry validation and the expiry-derived write-only version are Terraform expressions, so only
 * Terraform can prove them. Skipped with a message where terraform is not installed.
 */
function terraform(): boolean {
  try {
    execFileSync('terraform', ['version'], { stdio: 'ignore', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
    return true;
  } catch {
    return false;
  }
}
const available = terraform();
if (!available) console.warn('terraform not installed: the expiry validation test is skipped');
const run = available ? describe : describe.skip;

run('KeyVaultSecrets expiry validation under terraform plan', () => {
  const { dir, remove } = tempDir('tf-expiry');
  const env = { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null', TF_IN_AUTOMATION: '1' };
  let expiryVar = '';
  let valueVar = '';

  beforeAll(() => {
    const tf = synthStack((app) => {
      const stack = azureStack(app);
      new KeyVaultSecrets(stack, 'secrets', {
        keyVaultId: VAULT_ID,
        secrets: [{ name: 'api-token', rotationDays: 30 }],
      });
      return stack;
    });
    const secret = Object.values(tf.resource.azurerm_key_vault_secret)[0];
    expiryVar = /var\.([^}]+)\}/.exec(secret.expiration_date)![1];
    valueVar = /var\.([^}]+)\}/.exec(secret.value_wo)![1];
    const variables = (tf as unknown as { variable: Record<string, Body> }).variable;
    writeFile(dir, 'main.tf.json', { variable: variables, output: { version: { value: secret.value_wo_version } } });
    execFileSync('terraform', ['init', '-backend=false', '-input=false'], { cwd: dir, env, stdio: 'ignore' });
  });
  afterAll(remove);

  const plan = (expiresOn: string): { ok: boolean; out: string } => {
    try {
      const out = execFileSync(
        'terraform',
        ['plan', '-input=false', '-no-color', '-var', `${expiryVar}=${expiresOn}`, '-var', `${valueVar}=s3cr3t`],
        { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      return { ok: true, out };
    } catch (e) {
      return { ok: false, out: String((e as { stderr?: string }).stderr ?? e) };
    }
  };
  const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

  test('an expiry within the rotation window is accepted and sets the write-only version', () => {
    const expires = inDays(10);
    const r = plan(expires);
    expect(r.ok).toBe(true);
    expect(r.out).toContain(`version = ${expires.replace(/\D/g, '').slice(0, 14)}`);
    expect(r.out).not.toContain('s3cr3t');
  });

  test.each([
    ['beyond the rotation window', inDays(31)],
    ['in the past', inDays(-1)],
    ['not a timestamp', '2027-13-45'],
  ])('an expiry %s is rejected at plan', (_label, expires) => {
    const r = plan(expires);
    expect(r.ok).toBe(false);
    expect(r.out).toMatch(/api-token expiry must be an RFC 3339 time in the future/);
  });
});
