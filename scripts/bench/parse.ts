/**
 * Loader throughput (npm run bench:parse): loadInputs on generated CloudFormation and Terraform JSON
 * of 20k and 100k resources, with key lines and the duplicate-key check (json-positions.ts), against
 * plain JSON.parse of the same text. Usage: ts-node --transpile-only scripts/bench/parse.ts
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadInputs } from '../../policies/engine';
import { fmt, median, perSecond, timeMs } from './timing';

const RUNS = 5;

function cfn(n: number): unknown {
  const resources: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    resources[`Bucket${i}`] = {
      Type: 'AWS::S3::Bucket',
      DeletionPolicy: 'Retain',
      Properties: {
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            {
              ServerSideEncryptionByDefault: {
                SSEAlgorithm: 'aws:kms',
                KMSMasterKeyID: { 'Fn::GetAtt': ['Key', 'Arn'] },
              },
            },
          ],
        },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true },
        Tags: [{ Key: 'zone', Value: `z${i}` }],
      },
      Metadata: { 'aws:cdk:path': `App/Bucket${i}/Resource` },
    };
  }
  return { Resources: resources };
}

function tf(n: number): unknown {
  const buckets: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    buckets[`b${i}`] = {
      bucket: `b${i}`,
      tags: { zone: `z${i}` },
      lifecycle: { prevent_destroy: true },
      '//': { metadata: { path: `app/b${i}` } },
    };
  }
  return { resource: { aws_s3_bucket: buckets } };
}

function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-bench-parse-'));
  try {
    for (const [kind, make, name] of [
      ['CloudFormation', cfn, 'template.json'],
      ['Terraform', tf, 'main.tf.json'],
    ] as const) {
      for (const n of [20_000, 100_000]) {
        const text = JSON.stringify(make(n), null, 1);
        const file = path.join(dir, name);
        fs.writeFileSync(file, text);
        const parse = median(Array.from({ length: RUNS }, () => timeMs(() => JSON.parse(text))));
        const load = median(Array.from({ length: RUNS }, () => timeMs(() => loadInputs([file]))));
        const mb = (text.length / 1e6).toFixed(1);
        console.log(
          `${kind} ${n} resources (${mb} MB): JSON.parse ${fmt(parse)}, loadInputs ${fmt(load)} = ` +
            `${perSecond(n / (load / 1000))} resources/s`,
        );
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
