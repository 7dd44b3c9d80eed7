import { createHash, createPublicKey, generateKeyPairSync, sign as cryptoSign } from 'crypto';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import {
  AwsKmsSigner,
  AzureKeyVaultSigner,
  awsKmsClient,
  azureKeyVaultClient,
  p1363ToDer,
  type ModelSigner,
  signModel,
  verifyModel,
} from '../../lib/model-signing';
import { tempDir } from '../support/temp-dir';

/**
 * The KMS and Key Vault signers, driven by stand-in clients holding a local key with each service's
 * contract (KMS: DER signature of a digest; Key Vault: raw r || s and a JWK). No cloud is called.
 */
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const PUB = publicKey.export({ type: 'spki', format: 'pem' }) as string;

/**
 * Node cannot sign a bare digest, so the stand-in checks that the digest it is given is the SHA-256 of
 * exactly the bytes the signer was asked to sign, then signs those bytes (the same ECDSA signature).
 */
function recorded(make: (signDigest: (d: Buffer, enc: 'der' | 'ieee-p1363') => Buffer) => ModelSigner): ModelSigner {
  let data: Buffer = Buffer.alloc(0);
  const inner = make((digest, dsaEncoding) => {
    expect(digest).toEqual(createHash('sha256').update(data).digest());
    return cryptoSign('sha256', data, { key: privateKey, dsaEncoding });
  });
  return { publicKeyPem: () => inner.publicKeyPem(), sign: (d) => ((data = d), inner.sign(d)) };
}

const tmp = tempDir('cloud-sign');
afterAll(tmp.remove);
function model(name: string): string {
  const dir = join(tmp.dir, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'weights.bin'), Buffer.alloc(1000, 1));
  return dir;
}

test('AWS KMS signer: DER signature of the digest, public key from GetPublicKey DER', async () => {
  const calls: string[] = [];
  const signer = recorded(
    (signDigest) =>
      new AwsKmsSigner('alias/model-signing', {
        getPublicKey: async (id) => (
          calls.push(`GetPublicKey ${id}`),
          publicKey.export({ type: 'spki', format: 'der' })
        ),
        signDigest: async (id, digest) => (calls.push(`Sign ${id} ${digest.length}`), signDigest(digest, 'der')),
      }),
  );
  const dir = model('kms');
  const bundle = JSON.stringify(await signModel(dir, signer));
  expect(calls).toEqual(['GetPublicKey alias/model-signing', 'Sign alias/model-signing 32']);
  expect(await verifyModel(dir, bundle, PUB)).toMatchObject({ ok: true });
});

test('Azure Key Vault signer: raw r || s converted to DER, public key from the JWK', async () => {
  const jwk = publicKey.export({ format: 'jwk' });
  const signer = recorded(
    (signDigest) =>
      new AzureKeyVaultSigner({
        getPublicJwk: async () => ({ kty: 'EC-HSM', crv: 'P-256', x: Buffer.from(jwk.x!, 'base64url'), y: jwk.y }),
        signDigest: async (digest) => signDigest(digest, 'ieee-p1363'),
      }),
  );
  const dir = model('kv');
  expect(await verifyModel(dir, JSON.stringify(await signModel(dir, signer)), PUB)).toMatchObject({ ok: true });
});

test('a Key Vault key on another curve is refused', async () => {
  const signer = new AzureKeyVaultSigner({
    getPublicJwk: async () => ({ crv: 'P-384' }),
    signDigest: async () => Buffer.alloc(0),
  });
  await expect(signModel(model('kv-384'), signer)).rejects.toThrow(/curve is P-384; P-256 is required/);
});

test('p1363ToDer keeps high-bit and leading-zero integers valid DER', () => {
  const der = p1363ToDer(
    Buffer.concat([Buffer.alloc(32, 0xff), Buffer.concat([Buffer.alloc(31, 0), Buffer.from([1])])]),
  );
  expect(der.toString('hex')).toBe(`3026022100${'ff'.repeat(32)}020101`);
  expect(() => createPublicKey(PUB)).not.toThrow();
});

test('the real SDK adapters say which optional package to install', () => {
  expect(() => awsKmsClient('eu-west-1')).toThrow(/npm install @aws-sdk\/client-kms/);
  expect(() => azureKeyVaultClient('https://v.vault.azure.net/keys/k')).toThrow(/npm install @azure\/keyvault-keys/);
});
