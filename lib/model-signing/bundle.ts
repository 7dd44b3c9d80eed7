import {
  bundleFromJSON,
  bundleToJSON,
  isBundleWithDsseEnvelope,
  toDSSEBundle,
  ValidationError,
} from '@sigstore/bundle';
import { dsse } from '@sigstore/core';
import { PAYLOAD_TYPE } from './statement';

/**
 * The signature file is a Sigstore bundle (v0.3) holding a DSSE envelope, keyed by a public-key hint:
 * the layout model_signing writes for key-based signing. @sigstore/bundle builds and validates it and
 * @sigstore/core supplies the DSSE pre-authentication encoding, so this module only wires them.
 */
export class BundleError extends Error {}

export const pae = (payload: Buffer): Buffer => dsse.preAuthEncoding(PAYLOAD_TYPE, payload);

export function toBundleJson(payload: Buffer, signature: Buffer, hint: string): Record<string, unknown> {
  const json = bundleToJSON(toDSSEBundle({ artifact: payload, artifactType: PAYLOAD_TYPE, signature, keyHint: hint }));
  // model_signing leaves the envelope's keyid empty and names the key in the verification material.
  const env = json.dsseEnvelope as { signatures: { keyid: string }[] } | undefined;
  env?.signatures.forEach((s) => (s.keyid = ''));
  return json as unknown as Record<string, unknown>;
}

export interface SignedPayload {
  readonly payload: Buffer;
  readonly signature: Buffer;
  /** The public-key hint, when the bundle carries one. */
  readonly hint?: string;
}

export function fromBundleJson(text: string): SignedPayload {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BundleError('the signature file is not JSON');
  }
  let bundle;
  try {
    bundle = bundleFromJSON(raw);
  } catch (e) {
    throw new BundleError(`not a Sigstore bundle: ${e instanceof ValidationError ? e.message : String(e)}`);
  }
  if (!isBundleWithDsseEnvelope(bundle)) throw new BundleError('the bundle holds no DSSE envelope');
  const env = bundle.content.dsseEnvelope;
  if (env.payloadType !== PAYLOAD_TYPE) throw new BundleError(`payloadType ${env.payloadType} is not ${PAYLOAD_TYPE}`);
  if (env.signatures.length !== 1) throw new BundleError(`expected one signature, found ${env.signatures.length}`);
  const vm = bundle.verificationMaterial.content;
  const hint = vm.$case === 'publicKey' && vm.publicKey.hint ? vm.publicKey.hint : undefined;
  return { payload: env.payload, signature: env.signatures[0].sig, hint };
}
