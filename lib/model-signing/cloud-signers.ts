import { createHash, createPublicKey } from 'crypto';
import { KeyError, type ModelSigner, p1363ToDer } from './keys';

/**
 * Cloud-held signing keys. The clients are narrow interfaces so tests drive the signers with local
 * keys; the real SDK adapters load their packages only when used (optional: a consumer who signs
 * with AWS installs @aws-sdk/client-kms, an Azure one @azure/keyvault-keys and @azure/identity).
 */
export interface KmsLikeClient {
  /** DER SubjectPublicKeyInfo of the key (KMS GetPublicKey). */
  getPublicKey(keyId: string): Promise<Uint8Array>;
  /** DER ECDSA signature of a SHA-256 digest (KMS Sign, MessageType DIGEST, ECDSA_SHA_256). */
  signDigest(keyId: string, digest: Buffer): Promise<Uint8Array>;
}

export interface KeyVaultLikeClient {
  /** The key's public JWK (Key Vault getKey). */
  getPublicJwk(): Promise<{ kty?: string; crv?: string; x?: Uint8Array | string; y?: Uint8Array | string }>;
  /** Raw r || s signature of a SHA-256 digest (CryptographyClient.sign('ES256')). */
  signDigest(digest: Buffer): Promise<Uint8Array>;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();
const pem = (der: Uint8Array) =>
  createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' }).export({
    type: 'spki',
    format: 'pem',
  }) as string;

/** An AWS KMS ECC_NIST_P256 SIGN_VERIFY key. KMS signs the digest, so model size never matters. */
export class AwsKmsSigner implements ModelSigner {
  constructor(
    private readonly keyId: string,
    private readonly client: KmsLikeClient,
  ) {}
  async publicKeyPem(): Promise<string> {
    return pem(await this.client.getPublicKey(this.keyId));
  }
  async sign(data: Buffer): Promise<Buffer> {
    return Buffer.from(await this.client.signDigest(this.keyId, sha256(data)));
  }
}

const b64u = (v: Uint8Array | string | undefined) =>
  v === undefined ? undefined : typeof v === 'string' ? v : Buffer.from(v).toString('base64url');

/** An Azure Key Vault EC-HSM P-256 key with sign/verify operations. */
export class AzureKeyVaultSigner implements ModelSigner {
  constructor(private readonly client: KeyVaultLikeClient) {}
  async publicKeyPem(): Promise<string> {
    const jwk = await this.client.getPublicJwk();
    if (jwk.crv !== 'P-256') throw new KeyError(`the Key Vault key's curve is ${jwk.crv}; P-256 is required`);
    const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: b64u(jwk.x), y: b64u(jwk.y) }, format: 'jwk' });
    return key.export({ type: 'spki', format: 'pem' }) as string;
  }
  async sign(data: Buffer): Promise<Buffer> {
    return p1363ToDer(Buffer.from(await this.client.signDigest(sha256(data))));
  }
}

function load(pkg: string, purpose: string): Record<string, unknown> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(pkg) as Record<string, unknown>;
  } catch {
    throw new KeyError(`${purpose} needs the optional package ${pkg}: npm install ${pkg}`);
  }
}

type Ctor = new (...args: unknown[]) => Record<string, (...a: unknown[]) => Promise<Record<string, unknown>>>;

/** The real KMS client (credentials from the default AWS chain). */
export function awsKmsClient(region?: string): KmsLikeClient {
  const sdk = load('@aws-sdk/client-kms', 'signing with AWS KMS');
  const client = new (sdk.KMSClient as Ctor)({ region });
  const send = (command: string, input: unknown) => client.send(new (sdk[command] as Ctor)(input));
  return {
    getPublicKey: async (KeyId) => (await send('GetPublicKeyCommand', { KeyId })).PublicKey as Uint8Array,
    signDigest: async (KeyId, digest) =>
      (await send('SignCommand', { KeyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' }))
        .Signature as Uint8Array,
  };
}

/** The real Key Vault client for a key URL (https://<vault>.vault.azure.net/keys/<name>/<version>). */
export function azureKeyVaultClient(keyUrl: string): KeyVaultLikeClient {
  const keys = load('@azure/keyvault-keys', 'signing with Azure Key Vault');
  const identity = load('@azure/identity', 'signing with Azure Key Vault');
  const credential = new (identity.DefaultAzureCredential as Ctor)();
  const crypto = new (keys.CryptographyClient as Ctor)(keyUrl, credential);
  return {
    getPublicJwk: async () => ((await crypto.getKey()).key ?? {}) as Record<string, string>,
    signDigest: async (digest) => (await crypto.sign('ES256', digest)).result as Uint8Array,
  };
}
