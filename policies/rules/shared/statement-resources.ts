import type { Resolved } from '../../engine/resolved';
import { Opaque, type PolicyValue, type Tri, field } from './policy-document';
import type { StatementTarget } from './statements';

/**
 * Does a statement's `Resource` cover a bucket's objects? A Deny scoped to another bucket's
 * ARN protects nothing here, and `NotResource` exempts what it lists, so neither counts.
 * Recognized forms: `*`, `arn:<partition>:s3:::*`, the bucket's ARN (`Fn::GetAtt Bucket.Arn`,
 * `${aws_s3_bucket.b.arn}`), `arn:...:s3:::` + the bucket's name (`Ref Bucket`, `.id`, `.bucket`,
 * or its literal name), each with or without `/*`.
 */

type Covers = { readonly bucket: boolean; readonly objects: boolean };

// The four possible answers, shared (one is returned per Resource entry of every statement judged).
const NEITHER: Covers = Object.freeze({ bucket: false, objects: false });
const BUCKET_ONLY: Covers = Object.freeze({ bucket: true, objects: false });
const OBJECTS_ONLY: Covers = Object.freeze({ bucket: false, objects: true });
const BOTH: Covers = Object.freeze({ bucket: true, objects: true });
const covers = (bucket: boolean, objects: boolean): Covers =>
  bucket ? (objects ? BOTH : BUCKET_ONLY) : objects ? OBJECTS_ONLY : NEITHER;

const NAME_ATTRIBUTES = new Set([undefined, 'id', 'bucket']);
const ARN_ATTRIBUTES = new Set(['Arn', 'arn']);
const S3_ARN = /^arn:[^:]+:s3:::.+$/;
const S3_NAME_ARN_SHAPE = /^arn:[^:]+:s3:::\{\}(\/\*)?$/;

function literalCovers(text: string, target: StatementTarget): Covers {
  if (text === '*') return BOTH;
  if (!S3_ARN.test(text)) return NEITHER;
  // What follows `arn:<partition>:s3:::`, compared in place (the partition has no colon).
  const at = text.indexOf(':', 4) + ':s3:::'.length;
  const restLength = text.length - at;
  if (restLength === 1 && text[at] === '*') return BOTH;
  if (restLength === 3 && text.endsWith('*/*')) return OBJECTS_ONLY;
  const name = target.name;
  if (name === undefined) return NEITHER;
  if (restLength === name.length) return covers(text.startsWith(name, at), false);
  const objects = restLength === name.length + 2 && text.startsWith(name, at) && text.endsWith('/*');
  return covers(false, objects);
}

type Reference = Extract<Resolved, { kind: 'reference' }>;

/** A reference or composed ARN: decided from the parts, opaque when an unknown part could be the bucket. */
function resolvedCovers(r: Resolved, target: StatementTarget): Covers | 'opaque' {
  if (r.kind === 'reference') return covers(r.to === target.bucket && ARN_ATTRIBUTES.has(r.attribute ?? ''), false);
  if (r.kind !== 'composed') return r.kind === 'unknown' ? 'opaque' : NEITHER;
  // One pass over the parts (no filtered copies): the references, whether one is the bucket, any unknown part.
  let refs = 0;
  let ref: Reference | undefined;
  let unknownPart = false;
  for (const p of r.parts) {
    if (typeof p === 'string') continue;
    if (p.kind === 'reference') {
      refs++;
      if (p.to === target.bucket) ref = p;
    } else if (p.kind === 'unknown') unknownPart = true;
  }
  if (refs !== 1 || ref === undefined) return unknownPart && refs === 0 ? 'opaque' : NEITHER;
  // The shape with the bucket as `{}` and unknown parts (partition) as `?`.
  let shape = '';
  for (const p of r.parts) shape += typeof p === 'string' ? p : p.kind === 'reference' ? '{}' : '?';
  if (ARN_ATTRIBUTES.has(ref.attribute ?? '')) return covers(shape === '{}', shape === '{}/*');
  if (!NAME_ATTRIBUTES.has(ref.attribute)) return NEITHER;
  if (!S3_NAME_ARN_SHAPE.test(shape)) return NEITHER;
  const objects = shape.endsWith('/*');
  return covers(!objects, objects);
}

/** One entry of `Resource`. */
function entryCovers(v: PolicyValue, target: StatementTarget): Covers | 'opaque' {
  if (v instanceof Opaque) return v.resolved ? resolvedCovers(v.resolved, target) : 'opaque';
  return typeof v === 'string' ? literalCovers(v, target) : NEITHER;
}

export function coversBucket(stmt: PolicyValue, target: StatementTarget): Tri {
  if (field(stmt, 'NotResource') !== undefined) return false;
  const resource = field(stmt, 'Resource');
  let objects = false;
  let opaque: Opaque | undefined;
  // A list is walked in place; a single entry is judged alone (no one-element list per statement).
  const count = Array.isArray(resource) ? resource.length : resource === undefined || resource === null ? 0 : 1;
  for (let i = 0; i < count; i++) {
    const v = Array.isArray(resource) ? resource[i] : (resource as PolicyValue);
    const c = entryCovers(v, target);
    if (c === 'opaque') opaque ??= v as Opaque;
    else objects ||= c.objects;
  }
  // The data is in the objects: a Deny on `bucket/*` protects it (the bucket ARN alone does not).
  if (objects) return true;
  return opaque ?? false;
}
