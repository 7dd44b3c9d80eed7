import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CliIo } from '../../policies/cli';
import { run } from '../../policies/cli';

/** Small input files written to a temp dir, and a run() harness that captures output. */

const key = (props: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  Type: 'AWS::KMS::Key',
  Properties: { KeyPolicy: { Version: '2012-10-17', Statement: [] }, ...props },
  DeletionPolicy: 'Retain',
  UpdateReplacePolicy: 'Retain',
  ...extra,
});
const vaultKey = (body: Record<string, unknown>) => ({
  key_vault_id: 'kv-id',
  name: 'lake',
  key_type: 'RSA',
  key_size: 2048,
  key_opts: ['wrapKey', 'unwrapKey'],
  lifecycle: { prevent_destroy: true },
  ...body,
});
const rotation = { rotation_policy: { automatic: { time_before_expiry: 'P30D' }, expire_after: 'P1Y' } };

export const FILES: Record<string, string> = {
  'compliant.template.json': JSON.stringify({ Resources: { DataKey: key({ EnableKeyRotation: true }) } }),
  // Only ZT-DATA-002 (medium) fails: the key does not rotate.
  'no-rotation.template.json': JSON.stringify({ Resources: { DataKey: key({ EnableKeyRotation: false }) } }),
  // Same failure, waived with a reason.
  'waived.template.json': JSON.stringify({
    Resources: {
      DataKey: key(
        { EnableKeyRotation: false },
        {
          Metadata: {
            'zt:waivers': [{ ruleId: 'ZT-DATA-002', reason: 'Key material is rotated by re-keying yearly.' }],
          },
        },
      ),
    },
  }),
  'expired.template.json': JSON.stringify({
    Resources: {
      DataKey: key(
        { EnableKeyRotation: false },
        {
          Metadata: {
            'zt:waivers': [
              { ruleId: 'ZT-DATA-002', reason: 'Key material is rotated by re-keying yearly.', expires: '2020-01-31' },
            ],
          },
        },
      ),
    },
  }),
  // A bucket with no settings: critical and high failures.
  'bare-bucket.yaml': 'Resources:\n  Raw:\n    Type: AWS::S3::Bucket\n',
  // Nothing but a public, unencrypted database: the data-store checks must fail it.
  'public-rds.template.json': JSON.stringify({
    Resources: {
      Db: {
        Type: 'AWS::RDS::DBInstance',
        Properties: {
          Engine: 'postgres',
          EngineVersion: '16.3',
          DBInstanceClass: 'db.t4g.micro',
          AllocatedStorage: '20',
          MasterUsername: 'dbadmin',
          ManageMasterUserPassword: true,
          PubliclyAccessible: true,
          StorageEncrypted: false,
        },
      },
    },
  }),
  // Rotation comes from a parameter: unknown at synth time.
  'parameter.template.json': JSON.stringify({
    Parameters: { Rotate: { Type: 'String', AllowedValues: ['true', 'false'] } },
    Resources: { DataKey: key({ EnableKeyRotation: { Ref: 'Rotate' } }) },
  }),
  'compliant.tf.json': JSON.stringify({ resource: { azurerm_key_vault_key: { lake: vaultKey(rotation) } } }),
  'no-rotation.tf.json': JSON.stringify({ resource: { azurerm_key_vault_key: { lake: vaultKey({}) } } }),
  'malformed.template.json': '{ "Resources": { "DataKey": ',
  'malformed.yaml': 'Resources:\n  Raw:\n    Type: [AWS::S3::Bucket\n',
};

export function writeFixtures(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-cli-'));
  for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

export interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(argv: string[], opts: Partial<CliIo> = {}): Outcome {
  let stdout = '';
  let stderr = '';
  const code = run(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    now: new Date('2025-06-01T00:00:00Z'),
    ...opts,
  });
  return { code, stdout, stderr };
}
