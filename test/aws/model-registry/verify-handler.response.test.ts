import * as http from 'http';
import type { AddressInfo } from 'net';
import { tempDir } from '../../support/temp-dir';
import { BUCKET, PREFIX, clients, handler, other, props, signedModelBucket } from './verify-fixture';

/**
 * The handler's answer to CloudFormation: what it PUTs to the pre-signed ResponseURL. A local HTTP
 * server on 127.0.0.1 stands in for the S3 response bucket; the handler sends through Node's http
 * module (its own sender is HTTPS only, see the last test) and the real S3 / KMS calls are stand-ins.
 */
interface Received {
  readonly method?: string;
  readonly url?: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Record<string, unknown>;
  readonly raw: string;
}

const tmp = tempDir('zt-verify-response');
const received: Received[] = [];
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks).toString('utf8');
    received.push({ method: req.method, url: req.url, headers: req.headers, raw, body: JSON.parse(raw) });
    res.writeHead(200).end();
  });
});
let responseUrl: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // A pre-signed URL carries its signature in the query string; it must reach S3 unchanged.
  responseUrl = `http://127.0.0.1:${port}/cfn-response/stack-req?X-Amz-Signature=abc123&X-Amz-Expires=7200`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  tmp.remove();
});

let bucket: Map<string, Buffer>;
beforeEach(async () => {
  bucket = await signedModelBucket(tmp.dir);
  received.length = 0;
});

const event = (RequestType: string, extra: Record<string, unknown> = {}) => ({
  RequestType,
  ResponseURL: responseUrl,
  StackId: 'arn:aws:cloudformation:eu-west-1:111122223333:stack/ztai-dev-platform/guid',
  RequestId: 'req-7',
  LogicalResourceId: 'ServedModelVerification',
  ResourceType: 'Custom::ZtModelSignatureVerification',
  ResourceProperties: props,
  ...extra,
});
const send = handler.responder(http);
const only = (): Received => {
  expect(received).toHaveLength(1);
  return received[0];
};

test('Create of a correctly signed model: one PUT with SUCCESS, the digest-bearing physical id and the data', async () => {
  await handler.handle(event('Create'), {}, clients(bucket), send);
  const r = only();
  expect(r.method).toBe('PUT');
  expect(r.url).toBe(new URL(responseUrl).pathname + new URL(responseUrl).search);
  // The pre-signed URL signs no content type: an empty one, and the exact length.
  expect(r.headers['content-type']).toBe('');
  expect(Number(r.headers['content-length'])).toBe(Buffer.byteLength(r.raw));
  expect(r.body).toEqual({
    Status: 'SUCCESS',
    Reason: 'verified 4 files',
    PhysicalResourceId: expect.stringMatching(new RegExp(`^${BUCKET}/${PREFIX}@[0-9a-f]{64}$`)),
    StackId: event('Create').StackId,
    RequestId: 'req-7',
    LogicalResourceId: 'ServedModelVerification',
    Data: { RootDigest: expect.stringMatching(/^[0-9a-f]{64}$/), Files: '4', ModelName: expect.any(String) },
  });
  expect(r.body.PhysicalResourceId).toBe(`${BUCKET}/${PREFIX}@${(r.body.Data as { RootDigest: string }).RootDigest}`);
});

test('Create of a model whose file changed after signing: FAILED, the reason names the file', async () => {
  const w = Buffer.from(bucket.get(`${PREFIX}weights.bin`)!);
  w[0] ^= 0xff;
  bucket.set(`${PREFIX}weights.bin`, w);
  await handler.handle(event('Create'), {}, clients(bucket), send);
  const { body } = only();
  expect(body).toMatchObject({
    Status: 'FAILED',
    // No digest verified, so no versioned id: the failed create leaves nothing to replace.
    PhysicalResourceId: `${BUCKET}/${PREFIX}`,
    StackId: event('Create').StackId,
    RequestId: 'req-7',
    LogicalResourceId: 'ServedModelVerification',
    Data: {},
  });
  expect(body.Reason).toMatch(
    /^model signature verification failed: changed file: weights\.bin \(sha256 [0-9a-f]{64}, signed [0-9a-f]{64}\)$/,
  );
});

test('Update of a model signed with another key: FAILED, the reason names the signing key', async () => {
  const physical = `${BUCKET}/${PREFIX}@${'b'.repeat(64)}`;
  await handler.handle(event('Update', { PhysicalResourceId: physical }), {}, clients(bucket, other.publicKey), send);
  const { body } = only();
  expect(body).toMatchObject({ Status: 'FAILED', PhysicalResourceId: physical, RequestId: 'req-7', Data: {} });
  expect(body.Reason).toBe(
    `model signature verification failed: the signature does not verify with ${props.SigningKeyArn}`,
  );
});

test('a reason longer than CloudFormation keeps is cut to 3000 characters, the body stays JSON', async () => {
  for (let i = 0; i < 100; i++) bucket.set(`${PREFIX}injected/${'x'.repeat(60)}-${i}.py`, Buffer.from('x'));
  await handler.handle(event('Create'), {}, clients(bucket), send);
  const { body } = only();
  expect(body.Status).toBe('FAILED');
  expect(String(body.Reason)).toHaveLength(3000);
  expect(String(body.Reason)).toContain('extra file not covered by the signature: injected/');
});

test('Delete: SUCCESS with the physical id CloudFormation sent, and nothing read or verified', async () => {
  const untouchable = new Proxy({}, { get: (_t, name) => () => Promise.reject(new Error(`called ${String(name)}`)) });
  const physical = `${BUCKET}/${PREFIX}@${'a'.repeat(64)}`;
  await handler.handle(
    event('Delete', { PhysicalResourceId: physical }),
    {},
    { s3: untouchable, kms: untouchable },
    send,
  );
  expect(only().body).toEqual({
    Status: 'SUCCESS',
    Reason: 'deleted: nothing to undo',
    PhysicalResourceId: physical,
    StackId: event('Delete').StackId,
    RequestId: 'req-7',
    LogicalResourceId: 'ServedModelVerification',
    Data: {},
  });
});

test("the function's own sender speaks HTTPS only: a plain-HTTP response URL is refused, nothing is sent", async () => {
  await expect(handler.respond(event('Delete'), {}, 'SUCCESS', 'r', {}, 'id')).rejects.toThrow(
    /Protocol "http:" not supported/,
  );
  expect(received).toHaveLength(0);
});
