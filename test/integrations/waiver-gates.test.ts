import * as fs from 'fs';
import * as path from 'path';
import { App, CfnResource, Stack, Stage, Validations, aws_kms as kms } from 'aws-cdk-lib';
import { App as TfApp, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { waive as waiveAws } from '../../lib/aws/waive';
import { waive as waiveAzure } from '../../lib/azure/waive';
import { WAIVER_METADATA_KEY } from '../../lib/core/waiver';
import { run } from '../../policies/cli/run';
import { ZeroTrustValidationPlugin } from '../../policies/integrations/cdk-plugin';
import { addZeroTrustValidation } from '../../policies/integrations/cdktf-validation';
import { compliantVault, vaultKey } from '../support/azure-resources';
import { tempDir } from '../support/temp-dir';

/**
 * Every gate reaches the same verdict on the same waivers: the CDK plugin (a real `app.synth()`
 * with the plugin registered, judged by its exception and CDK's validation report), the CDKTF
 * stack validation, and `zt-check` (run()) on the synthesized output. Each case is a key without
 * rotation (fails ZT-DATA-002) waived with an expired, a current (expires today) or a malformed
 * waiver. Each app is synthesized once, at module scope.
 */

const NOW = new Date('2026-06-01T12:00:00Z');
const REASON = 'Key material is re-keyed yearly by the HSM process instead.';
const EXPIRED = '2026-05-31'; // valid through 31 May (UTC): expired on 1 June
const CURRENT = '2026-06-01'; // valid through the end of 1 June: still holds
const INVISIBLE = '\u200b'.repeat(30); // thirty zero-width spaces: no reason at all
const CASES = ['expired', 'current', 'malformed'] as const;
type Case = (typeof CASES)[number];

const tmp = tempDir('waiver-gates');
afterAll(() => tmp.remove());

interface Cli {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(target: string): Cli {
  let stdout = '';
  let stderr = '';
  const code = run([target], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), now: NOW });
  return { code, stdout, stderr };
}

// ---- CDK: the plugin inside app.synth() -------------------------------------------------------

interface CdkSynth {
  readonly error?: Error;
  readonly printed: string;
  readonly report: { pluginReports: PluginReport[] };
  readonly outdir: string;
}
interface PluginReport {
  readonly pluginName: string;
  readonly conclusion: string;
  readonly violations: { ruleName: string; severity: string; ruleMetadata?: Record<string, string> }[];
  readonly suppressedViolations?: unknown[];
  readonly metadata?: Record<string, string>;
}

function cdkSynth(name: Case, build: (stack: Stack, app: App) => void): CdkSynth {
  const outdir = path.join(tmp.dir, `cdk-${name}`);
  const app = new App({
    outdir,
    builtinCloudFormationValidation: false,
    context: { 'aws:cdk:enable-path-metadata': true },
  });
  let printed = '';
  Validations.of(app).addPlugins(new ZeroTrustValidationPlugin({ now: NOW, print: (t) => (printed += t) }));
  build(new Stack(app, 'Keys'), app);
  let error: Error | undefined;
  try {
    app.synth();
  } catch (e) {
    error = e as Error;
  }
  const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
  return { error, printed, report, outdir };
}

const staticKey = (stack: Stack, id: string) => new kms.Key(stack, id, { enableKeyRotation: false });

const cdk: Record<Case, CdkSynth> = {
  expired: cdkSynth('expired', (stack, app) => {
    // What a new user writes: waive() with an expiry that has passed.
    waiveAws(staticKey(stack, 'Waived'), { ruleId: 'ZT-DATA-002', reason: REASON, expires: EXPIRED });
    // The same, plus the CDK acknowledgement waive() used to register, and one on the App: CDK
    // applies acknowledgements to plugin violations, and neither may hide the expired waiver.
    const acked = staticKey(stack, 'Acknowledged');
    waiveAws(acked, { ruleId: 'ZT-DATA-002', reason: REASON, expires: EXPIRED });
    Validations.of(acked).acknowledge({ id: 'ZeroTrust::ZT-DATA-002', reason: REASON });
    Validations.of(app).acknowledge({ id: 'ZeroTrust::ZT-DATA-002', reason: REASON });
    const stage = new Stage(app, 'Prod');
    new kms.Key(new Stack(stage, 'Keys'), 'Rotating', { enableKeyRotation: true });
    Validations.of(stage).acknowledge({ id: 'ZeroTrust::ZT-DATA-008', reason: REASON });
  }),
  current: cdkSynth('current', (stack) => {
    waiveAws(staticKey(stack, 'Waived'), { ruleId: 'ZT-DATA-002', reason: REASON, expires: CURRENT });
  }),
  malformed: cdkSynth('malformed', (stack) => {
    // waive() rejects this at once; written straight into the metadata it reaches the gates.
    const key = staticKey(stack, 'Waived').node.defaultChild as CfnResource;
    key.addMetadata(WAIVER_METADATA_KEY, [{ ruleId: 'ZT-DATA-002', reason: INVISIBLE }]);
  }),
};
const cdkCli = Object.fromEntries(CASES.map((c) => [c, cli(cdk[c].outdir)])) as Record<Case, Cli>;
const zeroTrust = (s: CdkSynth) => s.report.pluginReports.find((r) => r.pluginName === 'ZeroTrust');

// ---- CDKTF: the stack validation inside app.synth() -------------------------------------------

interface TfSynth {
  readonly error?: Error;
  readonly printed: string;
  /** cdktf.out of the same app synthesized without the validation (for zt-check). */
  readonly unvalidated: string;
}

function tfSynth(name: Case, build: (stack: TerraformStack) => void): TfSynth {
  const once = (validate: boolean, outdir: string) => {
    const app = new TfApp({ outdir });
    const stack = new TerraformStack(app, name);
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    build(stack);
    let printed = '';
    if (validate) addZeroTrustValidation(stack, { now: NOW, print: (t) => (printed += t) });
    try {
      app.synth();
      return { printed };
    } catch (e) {
      return { printed, error: e as Error };
    }
  };
  const unvalidated = path.join(tmp.dir, `tf-${name}-plain`);
  once(false, unvalidated);
  return { ...once(true, path.join(tmp.dir, `tf-${name}`)), unvalidated };
}

const tfKey = (stack: TerraformStack) => vaultKey(stack, 'key', compliantVault(stack), false);

const tf: Record<Case, TfSynth> = {
  expired: tfSynth('expired', (stack) =>
    waiveAzure(tfKey(stack), { ruleId: 'ZT-DATA-002', reason: REASON, expires: EXPIRED }),
  ),
  current: tfSynth('current', (stack) =>
    waiveAzure(tfKey(stack), { ruleId: 'ZT-DATA-002', reason: REASON, expires: CURRENT }),
  ),
  malformed: tfSynth('malformed', (stack) =>
    tfKey(stack).addOverride(`//.${WAIVER_METADATA_KEY}`, [{ ruleId: 'ZT-DATA-002', reason: INVISIBLE }]),
  ),
};
const tfCli = Object.fromEntries(CASES.map((c) => [c, cli(tf[c].unvalidated)])) as Record<Case, Cli>;

// ---- the verdicts -----------------------------------------------------------------------------

describe('every gate reaches the same verdict on the same waivers', () => {
  test.each([
    ['expired', 'fail', 1],
    ['current', 'pass', 0],
    ['malformed', 'fail', 2],
  ] as const)('%s waiver: synth gates %s, zt-check exits %d', (c, verdict, code) => {
    const failed = verdict === 'fail';
    expect([!!cdk[c].error, !!tf[c].error]).toEqual([failed, failed]);
    expect([cdkCli[c].code, tfCli[c].code]).toEqual([code, code]);
  });
});

describe('CDK plugin', () => {
  test('an expired waiver fails synth, and no acknowledgement suppresses it', () => {
    const message = cdk.expired.error?.message ?? '';
    expect(message).toContain(`Waiver of ZT-DATA-002 expired on ${EXPIRED}`);
    expect(message).toContain('Keys/Waived');
    expect(message).toContain('Keys/Acknowledged');
    const zt = zeroTrust(cdk.expired);
    expect(zt?.conclusion).toBe('failure');
    expect(zt?.suppressedViolations ?? []).toEqual([]);
    const expired = zt?.violations.filter((v) => v.ruleMetadata?.kind === 'expired-waiver') ?? [];
    expect(expired.map((v) => [v.ruleName, v.severity])).toEqual([
      ['ZT-DATA-002', 'fatal'],
      ['ZT-DATA-002', 'fatal'],
    ]);
  });

  test('acknowledgements on the App or a Stage are named as ignored: zt-check cannot see them', () => {
    expect(cdk.expired.printed).toContain('IGNORED acknowledgement ZeroTrust::ZT-DATA-002 on the App');
    expect(cdk.expired.printed).toContain('IGNORED acknowledgement ZeroTrust::ZT-DATA-008 on Prod:');
    expect(cdk.expired.printed).not.toMatch(/IGNORED .* on Keys/); // inside a stack: in the assembly
    expect(zeroTrust(cdk.expired)?.metadata?.ignoredAcknowledgements).toContain('waives nothing in any gate');
  });

  test('a waiver expiring today still holds: synth passes and lists it as applied', () => {
    expect(cdk.current.error).toBeUndefined();
    expect(zeroTrust(cdk.current)).toBeUndefined(); // CDK lists only plugins with something to say
    expect(cdk.current.printed).toMatch(/\[applied\] ZT-DATA-002 on Waived\w+ .*expires 2026-06-01/);
  });

  test('a malformed waiver fails synth naming the file, resource and field', () => {
    const message = cdk.malformed.error?.message ?? '';
    expect(message).toContain("Validation plugin 'ZeroTrust' failed:");
    expect(message).toMatch(/Keys\.template\.json: resource Waived\w+: zt:waivers\[0\]\.reason: expected a reason/);
    expect(zeroTrust(cdk.malformed)?.conclusion).toBe('failure');
  });
});

describe('CDKTF validation', () => {
  test('an expired waiver fails synth with the expired-waiver finding', () => {
    expect(tf.expired.error?.message).toMatch(
      new RegExp(`ZT-DATA-002 \\[medium\\] azurerm_key_vault_key\\.key: .*Waiver of ZT-DATA-002 expired on ${EXPIRED}`),
    );
  });

  test('a waiver expiring today holds', () => {
    expect(tf.current.error).toBeUndefined();
    expect(tf.current.printed).toMatch(/\[applied\] ZT-DATA-002 on azurerm_key_vault_key\.key/);
  });

  test('a malformed waiver fails synth naming the file, resource and field', () => {
    expect(tf.malformed.error?.message).toMatch(
      /stacks\/malformed\/cdk\.tf\.json: resource azurerm_key_vault_key\.key: zt:waivers\[0\]\.reason: expected a reason of at least 20 visible characters/,
    );
  });
});

describe('zt-check on the synthesized output', () => {
  test.each(['expired', 'current'] as const)('%s waiver: the same verdict from cdk.out and cdktf.out', (c) => {
    for (const out of [cdkCli[c], tfCli[c]]) {
      expect(out.stderr).toBe('');
      if (c === 'expired') expect(out.stdout).toContain(`Waiver of ZT-DATA-002 expired on ${EXPIRED}`);
      else expect(out.stdout).toMatch(/PASSED: 0 failing/);
    }
  });

  test('a malformed waiver is bad input: one line naming file, resource and field', () => {
    for (const out of [cdkCli.malformed, tfCli.malformed]) {
      expect(out.stderr).toMatch(/^zt-check: .*: resource \S+: zt:waivers\[0\]\.reason: expected a reason .*\n$/);
      expect(out.stderr).toContain('\\u200b');
      expect(out.stderr.split('\n')).toHaveLength(2);
    }
  });
});
