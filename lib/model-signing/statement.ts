import { createHash } from 'crypto';
import type { FileDigest } from './files';

/** The OpenSSF Model Signing v1.0 in-toto statement (sigstore/model-transparency's `model_signing` format). */
export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const PREDICATE_TYPE = 'https://model_signing/signature/v1.0';
export const PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export interface Serialization {
  readonly method: 'files';
  readonly hash_type: 'sha256';
  readonly allow_symlinks: boolean;
  readonly ignore_paths: readonly string[];
}

export interface ModelManifest {
  readonly modelName: string;
  readonly files: readonly FileDigest[];
  readonly serialization: Serialization;
}

export class StatementError extends Error {}

/** The subject digest: SHA-256 over every file digest, in manifest (name) order. */
export function rootDigest(files: readonly FileDigest[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(Buffer.from(f.sha256, 'hex'));
  return h.digest('hex');
}

export function toStatement(m: ModelManifest): Record<string, unknown> {
  return {
    _type: STATEMENT_TYPE,
    subject: [{ name: m.modelName, digest: { sha256: rootDigest(m.files) } }],
    predicateType: PREDICATE_TYPE,
    predicate: {
      serialization: m.serialization,
      resources: m.files.map((f) => ({ algorithm: 'sha256', name: f.name, digest: f.sha256 })),
    },
  };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const HEX64 = /^[0-9a-f]{64}$/;

/** Parses a signed payload back into a manifest, checking the statement's shape and its root digest. */
export function fromStatement(payload: Buffer): ModelManifest {
  let s: unknown;
  try {
    s = JSON.parse(payload.toString('utf8'));
  } catch {
    throw new StatementError('the signed payload is not JSON');
  }
  if (!isObj(s) || s._type !== STATEMENT_TYPE) throw new StatementError(`the payload is not an ${STATEMENT_TYPE}`);
  if (s.predicateType !== PREDICATE_TYPE)
    throw new StatementError(`predicateType ${String(s.predicateType)} is not ${PREDICATE_TYPE}`);
  const subjects = s.subject;
  if (!Array.isArray(subjects) || subjects.length !== 1 || !isObj(subjects[0]))
    throw new StatementError('the statement must have exactly one subject');
  const subject = subjects[0];
  const digest = isObj(subject.digest) ? subject.digest.sha256 : undefined;
  if (typeof subject.name !== 'string' || typeof digest !== 'string' || !HEX64.test(digest))
    throw new StatementError('the subject needs a name and a sha256 digest');
  const predicate = isObj(s.predicate) ? s.predicate : {};
  const ser = isObj(predicate.serialization) ? predicate.serialization : {};
  if (ser.method !== 'files' || ser.hash_type !== 'sha256')
    throw new StatementError(
      `serialization ${String(ser.method)}/${String(ser.hash_type)} is not supported (only files/sha256)`,
    );
  const resources = Array.isArray(predicate.resources) ? predicate.resources : undefined;
  if (!resources) throw new StatementError('the predicate has no resources list');
  const files = resources.map((r, i) => {
    if (!isObj(r) || r.algorithm !== 'sha256' || typeof r.name !== 'string' || typeof r.digest !== 'string')
      throw new StatementError(`resource ${i} needs algorithm sha256, a name and a digest`);
    if (!HEX64.test(r.digest)) throw new StatementError(`resource ${r.name} has a malformed digest`);
    return { name: r.name, sha256: r.digest };
  });
  if (new Set(files.map((f) => f.name)).size !== files.length)
    throw new StatementError('the manifest names a file twice');
  if (rootDigest(files) !== digest)
    throw new StatementError('the subject digest does not match the listed file digests (the manifest was altered)');
  const ignores = Array.isArray(ser.ignore_paths) ? ser.ignore_paths.filter((p) => typeof p === 'string') : [];
  return {
    modelName: subject.name,
    files,
    serialization: {
      method: 'files',
      hash_type: 'sha256',
      allow_symlinks: ser.allow_symlinks === true,
      ignore_paths: ignores,
    },
  };
}
