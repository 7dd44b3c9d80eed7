import { type KeyObject } from 'crypto';

/**
 * ECDSA P-256 verification of a precomputed SHA-256 digest, as KMS Verify does with MessageType
 * DIGEST. Node's crypto always hashes the message itself, so the test stand-in for KMS does the
 * curve arithmetic here (BigInt, affine coordinates; slow but a handful of calls per test).
 */
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const A = P - 3n;
const G: Pt = [
  0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
  0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
];
type Pt = [bigint, bigint] | null;

const mod = (a: bigint, m: bigint) => ((a % m) + m) % m;
function inv(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [mod(a, m), m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
  }
  return mod(s0, m);
}
function add(p: Pt, q: Pt): Pt {
  if (!p) return q;
  if (!q) return p;
  if (p[0] === q[0] && mod(p[1] + q[1], P) === 0n) return null;
  const l =
    p[0] === q[0] && p[1] === q[1]
      ? mod((3n * p[0] * p[0] + A) * inv(2n * p[1], P), P)
      : mod((q[1] - p[1]) * inv(q[0] - p[0], P), P);
  const x = mod(l * l - p[0] - q[0], P);
  return [x, mod(l * (p[0] - x) - p[1], P)];
}
function mul(k: bigint, p: Pt): Pt {
  let r: Pt = null;
  for (let q = p; k > 0n; k >>= 1n, q = add(q, q)) if (k & 1n) r = add(r, q);
  return r;
}
const big = (b: Buffer) => BigInt(`0x${b.toString('hex') || '0'}`);

/** r and s of a DER ECDSA-Sig-Value (short lengths only: P-256). */
function derToRs(der: Buffer): [bigint, bigint] {
  if (der[0] !== 0x30) throw new Error('not a DER signature');
  const rLen = der[3];
  const r = der.subarray(4, 4 + rLen);
  const s = der.subarray(6 + rLen, 6 + rLen + der[5 + rLen]);
  return [big(r), big(s)];
}

export function verifyP256Digest(key: KeyObject, digest: Buffer, signature: Buffer): boolean {
  const jwk = key.export({ format: 'jwk' });
  const Q: Pt = [big(Buffer.from(jwk.x!, 'base64url')), big(Buffer.from(jwk.y!, 'base64url'))];
  let r: bigint, s: bigint;
  try {
    [r, s] = derToRs(signature);
  } catch {
    return false;
  }
  if (r <= 0n || r >= N || s <= 0n || s >= N) return false;
  const w = inv(s, N);
  const X = add(mul(mod(big(digest) * w, N), G), mul(mod(r * w, N), Q));
  return X !== null && mod(X[0], N) === r;
}
