import { basename, resolve } from 'path';
import { DEFAULT_IGNORES, digestModel } from './files';
import { pae, toBundleJson } from './bundle';
import { keyHint, type ModelSigner, publicKeyFromPem } from './keys';
import { toStatement } from './statement';

export interface SignOptions {
  /** Extra relative paths left out of the signature (the signature file itself always is). */
  readonly ignorePaths?: readonly string[];
  /** File name of the signature inside the model folder; default model.sig. */
  readonly signatureName?: string;
  readonly allowSymlinks?: boolean;
}

/** Hashes every file of the model and signs the manifest: returns the bundle to write as model.sig. */
export async function signModel(
  modelPath: string,
  signer: ModelSigner,
  options: SignOptions = {},
): Promise<Record<string, unknown>> {
  const root = resolve(modelPath);
  const ignorePaths = [...DEFAULT_IGNORES, options.signatureName ?? 'model.sig', ...(options.ignorePaths ?? [])];
  const allowSymlinks = options.allowSymlinks ?? false;
  const files = await digestModel(root, { ignorePaths, allowSymlinks });
  const statement = toStatement({
    modelName: basename(root),
    files,
    serialization: { method: 'files', hash_type: 'sha256', allow_symlinks: allowSymlinks, ignore_paths: ignorePaths },
  });
  const payload = Buffer.from(JSON.stringify(statement, null, 2));
  const pem = await signer.publicKeyPem();
  const signature = await signer.sign(pae(payload));
  return toBundleJson(payload, signature, keyHint(publicKeyFromPem(pem)));
}
