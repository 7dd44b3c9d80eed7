import { generateKeyPairSync, type KeyObject } from 'crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { LocalKeySigner, signModel } from '../../../lib/model-signing';
import { verifyP256Digest } from './ecdsa-digest';

/**
 * The verify-before-deploy handler and its stand-ins: a model folder signed by signModel +
 * LocalKeySigner and uploaded to an in-memory bucket, and S3 / KMS clients over it (KMS: ECDSA over
 * the digest, like KMS Verify DIGEST).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const handler = require('../../../lib/aws/model-registry/verify-handler/index.js') as {
  handle: (e: unknown, c: unknown, clients: unknown, send?: unknown) => Promise<{ status: string; reason: string }>;
  verifyModel: (p: Record<string, string>, clients: unknown) => Promise<{ files: number; rootDigest: string }>;
  responder: (transport: unknown) => (...args: unknown[]) => Promise<void>;
  respond: (...args: unknown[]) => Promise<void>;
};

const keyPair = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
export const signing = keyPair();
export const other = keyPair();
export const KEY_ARN = 'arn:aws:kms:eu-west-1:111122223333:key/signing';
export const BUCKET = 'registry-bucket';
export const PREFIX = 'models/churn/';
export const props = { Bucket: BUCKET, Prefix: PREFIX, SignatureKey: `${PREFIX}model.sig`, SigningKeyArn: KEY_ARN };

/** Signs a fresh model folder under `dir` and returns the stand-in bucket holding it and model.sig. */
export async function signedModelBucket(dir: string): Promise<Map<string, Buffer>> {
  const model = join(dir, `m-${Math.random().toString(36).slice(2)}`);
  mkdirSync(join(model, 'tokenizer'), { recursive: true });
  writeFileSync(join(model, 'weights.bin'), Buffer.from([1, 2, 3, 4, 5]));
  writeFileSync(join(model, 'config.json'), '{"layers":2}');
  writeFileSync(join(model, 'tokenizer', 'vocab.txt'), 'a\nb\n');
  writeFileSync(join(model, 'model-card.json'), '{"intendedUse":"churn"}');
  const signer = new LocalKeySigner(signing.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(join(model, 'model.sig'), JSON.stringify(await signModel(model, signer)));
  const bucket = new Map<string, Buffer>();
  const upload = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) upload(join(d, e.name), `${rel}${e.name}/`);
      else bucket.set(`${PREFIX}${rel}${e.name}`, readFileSync(join(d, e.name)));
    }
  };
  upload(model, '');
  return bucket;
}

/** S3 and KMS stand-ins over `bucket`; `verified` records every digest sent to KMS. */
export function clients(bucket: Map<string, Buffer>, kmsKey: KeyObject = signing.publicKey) {
  const verified: Buffer[] = [];
  return {
    verified,
    s3: {
      list: async (b: string, prefix: string) => {
        expect(b).toBe(BUCKET);
        return [...bucket.keys()].filter((k) => k.startsWith(prefix)).sort();
      },
      get: async function* (b: string, key: string) {
        expect(b).toBe(BUCKET);
        const body = bucket.get(key);
        if (!body) throw Object.assign(new Error(`NoSuchKey ${key}`), { name: 'NoSuchKey' });
        // Two chunks: the handler must hash a stream, not assume one buffer.
        yield body.subarray(0, 2);
        yield body.subarray(2);
      },
    },
    kms: {
      verifyDigest: async (keyId: string, digest: Buffer, sig: Buffer) => {
        expect(keyId).toBe(KEY_ARN);
        expect(digest).toHaveLength(32);
        verified.push(digest);
        return verifyP256Digest(kmsKey, digest, sig);
      },
    },
  };
}
