'use strict';
/**
 * Custom::ZtModelSignatureVerification: verify before deploy.
 *
 * On Create / Update it reads the model folder and its OpenSSF Model Signing bundle (model.sig) from
 * the registry bucket, checks the DSSE signature with KMS Verify (the private key never leaves KMS;
 * the function needs no public key of its own), then every object's SHA-256 against the signed
 * statement: a missing, extra or changed file fails the resource, and so the deployment.
 * Delete always succeeds (nothing to undo).
 *
 * Self-contained on purpose (no bundler): Node.js built-ins plus the AWS SDK v3 of the Lambda runtime.
 * The function runs in isolated subnets; S3 (objects and the CloudFormation response URL) is reached
 * through the gateway endpoint and KMS through its interface endpoint.
 */
const crypto = require('crypto');
const https = require('https');

const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
const PREDICATE_TYPE = 'https://model_signing/signature/v1.0';
const PAYLOAD_TYPE = 'application/vnd.in-toto+json';
const DEFAULT_IGNORES = ['.git', '.gitattributes', '.github', '.gitignore'];
const HEX64 = /^[0-9a-f]{64}$/;

class VerificationError extends Error {}

/** DSSE v1 pre-authentication encoding: what the signature is over. */
function pae(payloadType, payload) {
  const type = Buffer.from(payloadType);
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload]);
}

/** The one DSSE envelope of a Sigstore bundle. */
function readBundle(text) {
  let bundle;
  try {
    bundle = JSON.parse(text);
  } catch {
    throw new VerificationError('the signature file is not JSON');
  }
  const env = bundle && bundle.dsseEnvelope;
  if (!env || env.payloadType !== PAYLOAD_TYPE)
    throw new VerificationError('the bundle holds no in-toto DSSE envelope');
  if (!Array.isArray(env.signatures) || env.signatures.length !== 1)
    throw new VerificationError('expected exactly one signature');
  return { payload: Buffer.from(env.payload, 'base64'), signature: Buffer.from(env.signatures[0].sig, 'base64') };
}

/** The signed statement's file list, after checking its shape and its root digest. */
function readStatement(payload) {
  let s;
  try {
    s = JSON.parse(payload.toString('utf8'));
  } catch {
    throw new VerificationError('the signed payload is not JSON');
  }
  if (s._type !== STATEMENT_TYPE || s.predicateType !== PREDICATE_TYPE)
    throw new VerificationError('the payload is not an OpenSSF model signing statement');
  const subject = Array.isArray(s.subject) && s.subject.length === 1 ? s.subject[0] : undefined;
  const rootDigest = subject && subject.digest && subject.digest.sha256;
  const predicate = s.predicate || {};
  const ser = predicate.serialization || {};
  if (ser.method !== 'files' || ser.hash_type !== 'sha256')
    throw new VerificationError('only files/sha256 is supported');
  if (!Array.isArray(predicate.resources)) throw new VerificationError('the predicate has no resources');
  const files = new Map();
  const root = crypto.createHash('sha256');
  for (const r of predicate.resources) {
    if (!r || r.algorithm !== 'sha256' || typeof r.name !== 'string' || !HEX64.test(r.digest) || files.has(r.name))
      throw new VerificationError('malformed or duplicate resource in the statement');
    files.set(r.name, r.digest);
    root.update(Buffer.from(r.digest, 'hex'));
  }
  if (root.digest('hex') !== rootDigest) throw new VerificationError('the subject digest does not match the file list');
  const ignores = [...DEFAULT_IGNORES, ...(Array.isArray(ser.ignore_paths) ? ser.ignore_paths : [])];
  return { modelName: subject.name, files, ignores, rootDigest };
}

const ignored = (name, ignores) => ignores.some((p) => name === p || name.startsWith(`${p}/`));

/**
 * Verifies one model folder. `clients`: { s3: { list(bucket, prefix) -> keys[], get(bucket, key) ->
 * async iterable of chunks }, kms: { verifyDigest(keyId, digest, signature) -> boolean } }.
 * Returns { rootDigest, files, modelName }; throws VerificationError naming every problem.
 */
async function verifyModel(props, clients) {
  for (const p of ['Bucket', 'Prefix', 'SignatureKey', 'SigningKeyArn'])
    if (typeof props[p] !== 'string' || props[p] === '') throw new VerificationError(`property ${p} is required`);
  const prefix = props.Prefix.endsWith('/') ? props.Prefix : `${props.Prefix}/`;
  const sigText = Buffer.concat(await collect(clients.s3.get(props.Bucket, props.SignatureKey))).toString('utf8');
  const { payload, signature } = readBundle(sigText);
  const digest = crypto.createHash('sha256').update(pae(PAYLOAD_TYPE, payload)).digest();
  if (!(await clients.kms.verifyDigest(props.SigningKeyArn, digest, signature)))
    throw new VerificationError(`the signature does not verify with ${props.SigningKeyArn}`);
  const statement = readStatement(payload);
  const sigName = props.SignatureKey.startsWith(prefix) ? props.SignatureKey.slice(prefix.length) : undefined;
  const problems = [];
  const seen = new Set();
  for (const key of await clients.s3.list(props.Bucket, prefix)) {
    const name = key.slice(prefix.length);
    if (name === '' || name.endsWith('/') || name === sigName || ignored(name, statement.ignores)) continue;
    seen.add(name);
    const want = statement.files.get(name);
    if (want === undefined) {
      problems.push(`extra file not covered by the signature: ${name}`);
      continue;
    }
    const hash = crypto.createHash('sha256');
    for await (const chunk of clients.s3.get(props.Bucket, key)) hash.update(chunk);
    const got = hash.digest('hex');
    if (got !== want) problems.push(`changed file: ${name} (sha256 ${got}, signed ${want})`);
  }
  for (const name of statement.files.keys()) if (!seen.has(name)) problems.push(`missing file: ${name}`);
  if (problems.length > 0) throw new VerificationError(problems.join('; '));
  return { rootDigest: statement.rootDigest, files: statement.files.size, modelName: statement.modelName };
}

async function collect(iterable) {
  const chunks = [];
  for await (const c of await iterable) chunks.push(Buffer.from(c));
  return chunks;
}

/** The real clients (AWS SDK v3 of the Lambda runtime), loaded only when the function runs. */
function awsClients() {
  const s3sdk = require('@aws-sdk/client-s3');
  const kmssdk = require('@aws-sdk/client-kms');
  const s3 = new s3sdk.S3Client({});
  const kms = new kmssdk.KMSClient({});
  return {
    s3: {
      async list(Bucket, Prefix) {
        const keys = [];
        let ContinuationToken;
        do {
          const out = await s3.send(new s3sdk.ListObjectsV2Command({ Bucket, Prefix, ContinuationToken }));
          for (const o of out.Contents || []) keys.push(o.Key);
          ContinuationToken = out.IsTruncated ? out.NextContinuationToken : undefined;
        } while (ContinuationToken);
        return keys;
      },
      get: async function* (Bucket, Key) {
        const out = await s3.send(new s3sdk.GetObjectCommand({ Bucket, Key }));
        for await (const chunk of out.Body) yield chunk;
      },
    },
    kms: {
      async verifyDigest(KeyId, Message, Signature) {
        try {
          const out = await kms.send(
            new kmssdk.VerifyCommand({
              KeyId,
              Message,
              MessageType: 'DIGEST',
              Signature,
              SigningAlgorithm: 'ECDSA_SHA_256',
            }),
          );
          return out.SignatureValid === true;
        } catch (e) {
          // KMS reports a bad signature as an exception, not as SignatureValid: false.
          if (e && e.name === 'KMSInvalidSignatureException') return false;
          throw e;
        }
      },
    },
  };
}

/**
 * A sender that PUTs the result to CloudFormation's pre-signed response URL through `transport`
 * (a module with Node's `request(url, options)`): `https` in the function; a test may pass `http`
 * with a local server. The response URL is an S3 pre-signed URL, so the body goes with an empty
 * content type (the signature covers none).
 */
function responder(transport) {
  return (event, context, status, reason, data, physicalId) => {
    const body = JSON.stringify({
      Status: status,
      Reason: reason.slice(0, 3000),
      PhysicalResourceId: physicalId,
      StackId: event.StackId,
      RequestId: event.RequestId,
      LogicalResourceId: event.LogicalResourceId,
      Data: data,
    });
    return new Promise((resolve, reject) => {
      const req = transport.request(event.ResponseURL, {
        method: 'PUT',
        headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) },
      });
      req.on('response', (res) => (res.resume(), resolve()));
      req.on('error', reject);
      req.end(body);
    });
  };
}

/** The function's sender: HTTPS only. */
const respond = responder(https);

async function handle(event, context, clients, send = respond) {
  const props = event.ResourceProperties || {};
  let status = 'SUCCESS';
  let reason = 'deleted: nothing to undo';
  let data = {};
  let physicalId = event.PhysicalResourceId || `${props.Bucket}/${props.Prefix}`;
  if (event.RequestType !== 'Delete') {
    try {
      const result = await verifyModel(props, clients || awsClients());
      data = { RootDigest: result.rootDigest, Files: String(result.files), ModelName: result.modelName };
      // A new model version is a new physical resource: CloudFormation then records the replacement.
      physicalId = `${props.Bucket}/${props.Prefix}@${result.rootDigest}`;
      reason = `verified ${result.files} files`;
    } catch (e) {
      status = 'FAILED';
      reason = `model signature verification failed: ${e && e.message ? e.message : String(e)}`;
    }
  }
  console.log(JSON.stringify({ requestType: event.RequestType, status, reason }));
  await send(event, context, status, reason, data, physicalId);
  return { status, reason, data, physicalId };
}

exports.handler = (event, context) => handle(event, context);
exports.handle = handle;
exports.responder = responder;
exports.respond = respond;
exports.verifyModel = verifyModel;
exports.pae = pae;
exports.VerificationError = VerificationError;
