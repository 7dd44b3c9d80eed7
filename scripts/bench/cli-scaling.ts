/**
 * The `zt-check` CLI on generated CloudFormation templates of growing size (npm run bench:cli):
 * whole-process wall time and peak RSS per size, and the marginal rate between sizes (what one
 * more resource costs once start-up is paid). Each template holds N/2 buckets with a bucket policy
 * each, so companion matching is exercised at scale; the buckets are compliant (as the constructs
 * synthesize them, with the account's audit trail recording their data events: one trail more
 * than N) unless CLI_INPUT=failing, where they fail most rules and every failure is reported. Env: CLI_SIZES (default 20000,50000,100000),
 * CLI_RUNS (default 3, the median is reported), CLI_FORMAT (default text; json lists every finding,
 * passing ones included, so it keeps one record per result). The report is written to /dev/null.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const SIZES = (process.env.CLI_SIZES ?? '20000,50000,100000').split(',').map(Number);
const RUNS = Number(process.env.CLI_RUNS ?? 3);
const MARGINAL_TARGET = 30_000;
const MEMORY_TARGET_MIB = 1024;
const FORMAT = process.env.CLI_FORMAT ?? 'text';

/** CLI_INPUT=failing: buckets that fail most rules (every failing finding is reported). */
const COMPLIANT = process.env.CLI_INPUT !== 'failing';

/** A bucket as SecureDataLake synthesizes one: every data-layer rule passes. */
function compliantBucket(i: number): unknown {
  return {
    Type: 'AWS::S3::Bucket',
    DeletionPolicy: 'Retain',
    UpdateReplacePolicy: 'Retain',
    Properties: {
      BucketName: `bench-${i}`,
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          {
            ServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: 'arn:aws:kms:eu-west-1:111122223333:key/k',
            },
          },
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: 'logs' },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    },
  };
}

/** The account trail SecureDataLake is composed with (AuditTrail): S3 data events of every bucket. */
const TRAIL = {
  Type: 'AWS::CloudTrail::Trail',
  Properties: {
    IsLogging: true,
    IsMultiRegionTrail: true,
    IncludeGlobalServiceEvents: true,
    EnableLogFileValidation: true,
    KMSKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/k',
    S3BucketName: 'audit-logs',
    CloudWatchLogsLogGroupArn: 'arn:aws:logs:eu-west-1:111122223333:log-group:trail:*',
    CloudWatchLogsRoleArn: 'arn:aws:iam::111122223333:role/trail-logs',
    EventSelectors: [
      {
        ReadWriteType: 'All',
        IncludeManagementEvents: true,
        DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }],
      },
    ],
  },
};

function template(resources: number): string {
  const out: Record<string, unknown> = COMPLIANT ? { Trail: TRAIL } : {};
  for (let i = 0; i < resources / 2; i++) {
    out[`Bucket${i}`] = COMPLIANT
      ? compliantBucket(i)
      : {
          Type: 'AWS::S3::Bucket',
          Properties: { VersioningConfiguration: { Status: 'Enabled' }, BucketName: `bench-${i}` },
        };
    out[`Policy${i}`] = {
      Type: 'AWS::S3::BucketPolicy',
      Properties: {
        Bucket: { Ref: `Bucket${i}` },
        PolicyDocument: {
          Statement: [
            {
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Action: 's3:*',
              Resource: [{ 'Fn::GetAtt': [`Bucket${i}`, 'Arn'] }, { 'Fn::Sub': `\${Bucket${i}.Arn}/*` }],
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
            {
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Action: 's3:*',
              Resource: [{ 'Fn::GetAtt': [`Bucket${i}`, 'Arn'] }, { 'Fn::Sub': `\${Bucket${i}.Arn}/*` }],
              Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } },
            },
          ],
        },
      },
    };
  }
  return JSON.stringify({ Resources: out });
}

interface Run {
  readonly wallMs: number;
  /** user + system CPU time of the process: steadier than wall time on a shared machine. */
  readonly cpuMs: number;
  readonly rssMiB: number;
}

/** One whole `zt-check` process under /usr/bin/time (GNU time prints user s, system s, peak RSS KiB). */
function runCli(file: string): Run {
  // The compiled CLI, as an installed package runs it (`npm run build` first); else from source.
  const built = path.join(__dirname, '..', '..', 'dist', 'bin', 'zt-check.js');
  const bin = fs.existsSync(built) ? built : path.join(__dirname, '..', '..', 'bin', 'zt-check.js');
  const started = process.hrtime.bigint();
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', '%U %S %M', process.execPath, bin, file, '--format', FORMAT, '--output', os.devNull],
    {
      encoding: 'utf8',
    },
  );
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`zt-check exited ${r.status}: ${r.stderr}`);
  const [user, system, kib] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { wallMs, cpuMs: (user + system) * 1000, rssMiB: kib / 1024 };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-cli-bench-'));
  try {
    const rows = SIZES.map((n) => {
      const file = path.join(dir, `t${n}.template.json`);
      fs.writeFileSync(file, template(n));
      const runs = Array.from({ length: RUNS }, () => runCli(file));
      const row = {
        n,
        wallMs: median(runs.map((r) => r.wallMs)),
        cpuMs: median(runs.map((r) => r.cpuMs)),
        rssMiB: Math.max(...runs.map((r) => r.rssMiB)),
      };
      console.log(
        `  ${n} resources: wall median ${(row.wallMs / 1000).toFixed(2)} s, CPU median ` +
          `${(row.cpuMs / 1000).toFixed(2)} s, peak RSS ${row.rssMiB.toFixed(0)} MiB`,
      );
      return row;
    });
    for (let i = 1; i < rows.length; i++) {
      const n = rows[i].n - rows[i - 1].n;
      const rate = n / ((rows[i].wallMs - rows[i - 1].wallMs) / 1000);
      const cpuRate = n / ((rows[i].cpuMs - rows[i - 1].cpuMs) / 1000);
      const ok = rate >= MARGINAL_TARGET ? 'met' : 'MISSED';
      console.log(
        `  marginal ${rows[i - 1].n} -> ${rows[i].n}: ${Math.round(rate)} resources/s wall ` +
          `(target ${MARGINAL_TARGET}: ${ok}), ${Math.round(cpuRate)} resources/s CPU`,
      );
    }
    const perResource = rows.map((r) => ((r.wallMs / r.n) * 1000).toFixed(1)).join(', ');
    console.log(`  wall time per resource (µs): ${perResource}  (roughly constant = linear)`);
    const peak = Math.max(...rows.map((r) => r.rssMiB));
    console.log(
      `  peak RSS ${peak.toFixed(0)} MiB (target < ${MEMORY_TARGET_MIB}: ${peak < MEMORY_TARGET_MIB ? 'met' : 'MISSED'})`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// CLI_WRITE=file CLI_N=n writes one template (for profiling) instead of running the benchmark.
if (process.env.CLI_WRITE) fs.writeFileSync(process.env.CLI_WRITE, template(Number(process.env.CLI_N)));
else main();
