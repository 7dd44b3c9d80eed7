import { generateKeyPairSync, type KeyObject } from 'crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { LocalKeySigner, signModel } from '../../../lib/model-signing';
import { tempDir } from '../../support/temp-dir';
import { verifyP256Digest } from './ecdsa-digest';

/**
 * The verify-before-deploy handler against models signed by signModel + LocalKeySigner, with
 * stand-in S3 (an in-memory bucket) and KMS (ECDSA over the digest, like KMS Verify DIGEST) clients.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const handler = require('../../../lib/aws/model-registry/verify-handler/index.js') as {
  handle: (e: unknown, c: unknown, clients: unknown, send: unknown) => Promise<{ status: string; reason: string }>;
  verifyModel: (p: Record<string, string>, clients: unknown) => Promise<{ files: number; rootDigest: string }>;
};

const tmp = tempDir('zt-verify-handler');
afterAll(tmp.remove);
const keyPair = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
const signing = keyPair();
const other = keyPair();
const KEY_ARN = 'arn:aws:kms:eu-west-1:111122223333:key/signing';
const BUCKET = 'registry-bucket';
const PREFIX = 'models/churn/';

let model: string;
let bucket: Map<string, Buffer>;

/** Signs a fresh model folder and uploads it (files and model.sig) to the stand-in bucket. */
beforeEach(async () => {
  model = join(tmp.dir, `m-${Math.random().toString(36).slice(2)}`);
  mkdirSync(join(model, 'tokenizer'), { recursive: true });
  writeFileSync(join(model, 'weights.bin'), Buffer.from([1, 2, 3, 4, 5]));
  writeFileSync(join(model, 'config.json'), '{"layers":2}');
  writeFileSync(join(model, 'tokenizer', 'vocab.txt'), 'a\nb\n');
  writeFileSync(join(model, 'model-card.json'), '{"intendedUse":"churn"}');
  const signer = new LocalKeySigner(signing.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(join(model, 'model.sig'), JSON.stringify(await signModel(model, signer)));
  bucket = new Map();
  const upload = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) upload(join(dir, e.name), `${rel}${e.name}/`);
      else bucket.set(`${PREFIX}${rel}${e.name}`, readFileSync(join(dir, e.name)));
    }
  };
  upload(model, '');
});

function clients(kmsKey: KeyObject = signing.publicKey) {
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

const props = { Bucket: BUCKET, Prefix: PREFIX, SignatureKey: `${PREFIX}model.sig`, SigningKeyArn: KEY_ARN };
const verify = (c = clients()) => handler.verifyModel(props, c);

test('a model signed by signModel verifies: every file, through one KMS Verify of the DSSE PAE digest', async () => {
  const c = clients();
  await expect(verify(c)).resolves.toMatchObject({ files: 4, rootDigest: expect.stringMatching(/^[0-9a-f]{64}$/) });
  expect(c.verified).toHaveLength(1);
});

test('a changed byte fails and names the file', async () => {
  const w = Buffer.from(bucket.get(`${PREFIX}weights.bin`)!);
  w[4] ^= 1;
  bucket.set(`${PREFIX}weights.bin`, w);
  await expect(verify()).rejects.toThrow(/changed file: weights\.bin/);
});

test('an extra file fails', async () => {
  bucket.set(`${PREFIX}tokenizer/backdoor.py`, Buffer.from('import os'));
  await expect(verify()).rejects.toThrow('extra file not covered by the signature: tokenizer/backdoor.py');
});

test('a missing file fails (the model card is a signed file like any other)', async () => {
  bucket.delete(`${PREFIX}model-card.json`);
  await expect(verify()).rejects.toThrow('missing file: model-card.json');
});

test('a signature by another key fails', async () => {
  await expect(verify(clients(other.publicKey))).rejects.toThrow(/does not verify with/);
});

test('a statement altered after signing fails the signature check', async () => {
  const bundle = JSON.parse(bucket.get(`${PREFIX}model.sig`)!.toString());
  const payload = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString());
  payload.predicate.resources.pop();
  bundle.dsseEnvelope.payload = Buffer.from(JSON.stringify(payload)).toString('base64');
  bucket.set(`${PREFIX}model.sig`, Buffer.from(JSON.stringify(bundle)));
  await expect(verify()).rejects.toThrow(/does not verify/);
});

test('a missing signature file or property fails', async () => {
  bucket.delete(`${PREFIX}model.sig`);
  await expect(verify()).rejects.toThrow(/NoSuchKey/);
  await expect(handler.verifyModel({ ...props, SigningKeyArn: '' }, clients())).rejects.toThrow(
    'property SigningKeyArn is required',
  );
});

describe('the CloudFormation protocol', () => {
  const event = (RequestType: string) => ({
    RequestType,
    ResponseURL: 'https://example.invalid/response',
    StackId: 'stack',
    RequestId: 'req',
    LogicalResourceId: 'Verification',
    ResourceProperties: props,
  });
  const sent: unknown[][] = [];
  const send = async (...a: unknown[]) => void sent.push(a);

  test('Create of a good model responds SUCCESS with the root digest in the physical id', async () => {
    const r = await handler.handle(event('Create'), {}, clients(), send);
    expect(r.status).toBe('SUCCESS');
    expect(sent.at(-1)?.[2]).toBe('SUCCESS');
    expect(String(sent.at(-1)?.[5])).toMatch(new RegExp(`^${BUCKET}/${PREFIX}@[0-9a-f]{64}$`));
  });

  test('Update of a tampered model responds FAILED with the reason (the deployment fails)', async () => {
    bucket.set(`${PREFIX}extra.bin`, Buffer.from('x'));
    const r = await handler.handle(event('Update'), {}, clients(), send);
    expect(r).toMatchObject({ status: 'FAILED', reason: expect.stringContaining('extra file') });
    expect(sent.at(-1)?.[2]).toBe('FAILED');
  });

  test('Delete succeeds without reading anything', async () => {
    const r = await handler.handle(event('Delete'), {}, { s3: {}, kms: {} }, send);
    expect(r.status).toBe('SUCCESS');
  });
});
