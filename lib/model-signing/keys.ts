import { createHash, createPrivateKey, createPublicKey, sign as cryptoSign, type KeyObject } from 'crypto';

/**
 * Signs the DSSE pre-authentication encoding of a model statement. One interface for local keys,
 * AWS KMS and Azure Key Vault: the cloud signers only differ in who holds the private key.
 */
export interface ModelSigner {
  /** SPKI PEM of the verifying key; its SHA-256 is the key hint recorded in the bundle. */
  publicKeyPem(): Promise<string>;
  /** DER-encoded ECDSA signature over `data`. */
  sign(data: Buffer): Promise<Buffer>;
}

export class KeyError extends Error {}

/** ECDSA hash by curve, as model_signing pairs them (P-256/SHA-256, P-384/SHA-384, P-521/SHA-512). */
export function hashForKey(key: KeyObject): 'sha256' | 'sha384' | 'sha512' {
  if (key.asymmetricKeyType !== 'ec') throw new KeyError(`the key is ${key.asymmetricKeyType}; an EC key is required`);
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (curve === 'prime256v1') return 'sha256';
  if (curve === 'secp384r1') return 'sha384';
  if (curve === 'secp521r1') return 'sha512';
  throw new KeyError(`curve ${curve} is not supported (P-256, P-384 or P-521)`);
}

export function publicKeyFromPem(pem: string | Buffer): KeyObject {
  try {
    return createPublicKey(pem);
  } catch (e) {
    throw new KeyError(`not a PEM public key (${(e as Error).message})`);
  }
}

/** The bundle's key hint: SHA-256 (hex) of the key's SPKI PEM text, as model_signing writes it. */
export function keyHint(key: KeyObject): string {
  return createHash('sha256')
    .update(key.export({ type: 'spki', format: 'pem' }) as string)
    .digest('hex');
}

/** A PEM private key on disk or in memory (tests, air-gapped signing). */
export class LocalKeySigner implements ModelSigner {
  private readonly key: KeyObject;
  constructor(privateKeyPem: string | Buffer, passphrase?: string) {
    try {
      this.key = createPrivateKey({ key: privateKeyPem, passphrase });
    } catch (e) {
      throw new KeyError(`not a PEM private key (${(e as Error).message})`);
    }
    hashForKey(this.key);
  }
  async publicKeyPem(): Promise<string> {
    return createPublicKey(this.key).export({ type: 'spki', format: 'pem' }) as string;
  }
  async sign(data: Buffer): Promise<Buffer> {
    return cryptoSign(hashForKey(this.key), data, this.key);
  }
}

/** IEEE P1363 (r || s, as Key Vault returns it) to the DER form DSSE verifiers expect. */
export function p1363ToDer(sig: Buffer): Buffer {
  if (sig.length === 0 || sig.length % 2 !== 0) throw new KeyError(`a ${sig.length}-byte signature is not r || s`);
  const integer = (b: Buffer) => {
    let i = 0;
    while (i < b.length - 1 && b[i] === 0) i++;
    const v = b[i] & 0x80 ? Buffer.concat([Buffer.from([0]), b.subarray(i)]) : b.subarray(i);
    return Buffer.concat([Buffer.from([0x02, v.length]), v]);
  };
  const half = sig.length / 2;
  const body = Buffer.concat([integer(sig.subarray(0, half)), integer(sig.subarray(half))]);
  const len = body.length < 0x80 ? [body.length] : [0x81, body.length];
  return Buffer.concat([Buffer.from([0x30, ...len]), body]);
}
