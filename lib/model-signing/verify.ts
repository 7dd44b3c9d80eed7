import { verify as cryptoVerify } from 'crypto';
import { resolve } from 'path';
import { fromBundleJson, pae } from './bundle';
import { DEFAULT_IGNORES, digestModel } from './files';
import { hashForKey, keyHint, publicKeyFromPem } from './keys';
import { fromStatement } from './statement';

export interface VerifyOptions {
  readonly ignorePaths?: readonly string[];
  readonly signatureName?: string;
}

export interface VerifyResult {
  readonly ok: boolean;
  readonly modelName?: string;
  readonly files: number;
  /** Why verification failed: wrong key, bad signature, missing / extra / changed files. */
  readonly problems: readonly string[];
}

const failed = (problem: string): VerifyResult => ({ ok: false, files: 0, problems: [problem] });

/**
 * Verifies offline with the public key: the signature over the statement, the statement's root
 * digest, then every file on disk against it (missing, extra and changed files each fail).
 */
export async function verifyModel(
  modelPath: string,
  bundleText: string,
  publicKeyPem: string | Buffer,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const key = publicKeyFromPem(publicKeyPem);
  const signed = fromBundleJson(bundleText);
  if (signed.hint !== undefined && signed.hint !== keyHint(key))
    return failed('the signature names a different public key (key hint mismatch)');
  if (!cryptoVerify(hashForKey(key), pae(signed.payload), key, signed.signature))
    return failed('the signature does not verify with this public key');
  const manifest = fromStatement(signed.payload);
  const ignorePaths = [
    ...DEFAULT_IGNORES,
    options.signatureName ?? 'model.sig',
    ...manifest.serialization.ignore_paths,
    ...(options.ignorePaths ?? []),
  ];
  const actual = await digestModel(resolve(modelPath), {
    ignorePaths,
    allowSymlinks: manifest.serialization.allow_symlinks,
  });
  const expected = new Map(manifest.files.map((f) => [f.name, f.sha256]));
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const f of actual) {
    seen.add(f.name);
    const want = expected.get(f.name);
    if (want === undefined) problems.push(`extra file not covered by the signature: ${f.name}`);
    else if (want !== f.sha256) problems.push(`changed file: ${f.name} (sha256 ${f.sha256}, signed ${want})`);
  }
  for (const name of expected.keys()) if (!seen.has(name)) problems.push(`missing file: ${name}`);
  return { ok: problems.length === 0, modelName: manifest.modelName, files: manifest.files.length, problems };
}
