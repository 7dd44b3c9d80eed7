import { tempDir } from '../../support/temp-dir';
import { BUCKET, PREFIX, clients as standIns, handler, other, props, signedModelBucket } from './verify-fixture';

/**
 * The verify-before-deploy handler against models signed by signModel + LocalKeySigner, with
 * stand-in S3 (an in-memory bucket) and KMS (ECDSA over the digest, like KMS Verify DIGEST) clients.
 */
const tmp = tempDir('zt-verify-handler');
afterAll(tmp.remove);

let bucket: Map<string, Buffer>;
beforeEach(async () => {
  bucket = await signedModelBucket(tmp.dir);
});
const clients = (key?: Parameters<typeof standIns>[1]) => standIns(bucket, key);

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
