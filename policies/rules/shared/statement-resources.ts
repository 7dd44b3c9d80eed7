import type { Resolved } from '../../engine/resolved';
import { Opaque, type PolicyValue, type Tri, asList, field } from './policy-document';
import type { StatementTarget } from './statements';

/**
 * Does a statement's `Resource` cover a bucket's objects? A Deny scoped to another bucket's
 * ARN protects nothing here, and `NotResource` exempts what it lists, so neither counts.
 * Recognized forms: `*`, `arn:<partition>:s3:::*`, the bucket's ARN (`Fn::GetAtt Bucket.Arn`,
 * `${aws_s3_bucket.b.arn}`), `arn:...:s3:::` + the bucket's name (`Ref Bucket`, `.id`, `.bucket`,
 * or its literal name), each with or without `/*`.
 */

type Covers = { bucket: boolean; objects: boolean };

const NAME_ATTRIBUTES = new Set([undefined, 'id', 'bucket']);
const ARN_ATTRIBUTES = new Set(['Arn', 'arn']);

function literalCovers(text: string, target: StatementTarget): Covers {
  if (text === '*') return { bucket: true, objects: true };
  const m = /^arn:[^:]+:s3:::(.+)$/.exec(text);
  if (!m) return { bucket: false, objects: false };
  const rest = m[1];
  if (rest === '*') return { bucket: true, objects: true };
  if (rest === '*/*') return { bucket: false, objects: true };
  if (target.name === undefined) return { bucket: false, objects: false };
  return { bucket: rest === target.name, objects: rest === `${target.name}/*` };
}

/** A reference or composed ARN: decided from the parts, opaque when an unknown part could be the bucket. */
function resolvedCovers(r: Resolved, target: StatementTarget): Covers | 'opaque' {
  if (r.kind === 'reference') {
    const isBucketArn = r.to === target.bucket && ARN_ATTRIBUTES.has(r.attribute ?? '');
    return { bucket: isBucketArn, objects: false };
  }
  if (r.kind !== 'composed') return r.kind === 'unknown' ? 'opaque' : { bucket: false, objects: false };
  const refs = r.parts.filter((p) => typeof p !== 'string' && p.kind === 'reference');
  const mine = refs.filter((p) => typeof p !== 'string' && p.kind === 'reference' && p.to === target.bucket);
  if (mine.length !== 1 || refs.length !== 1) {
    const unknownPart = r.parts.some((p) => typeof p !== 'string' && p.kind === 'unknown');
    return unknownPart && refs.length === 0 ? 'opaque' : { bucket: false, objects: false };
  }
  const ref = mine[0] as Extract<Resolved, { kind: 'reference' }>;
  // The shape with the bucket as `{}` and unknown parts (partition) as `?`.
  const shape = r.parts.map((p) => (typeof p === 'string' ? p : p.kind === 'reference' ? '{}' : '?')).join('');
  if (ARN_ATTRIBUTES.has(ref.attribute ?? '')) return { bucket: shape === '{}', objects: shape === '{}/*' };
  if (!NAME_ATTRIBUTES.has(ref.attribute)) return { bucket: false, objects: false };
  const arn = /^arn:[^:]+:s3:::\{\}(\/\*)?$/.exec(shape);
  return { bucket: !!arn && !arn[1], objects: !!arn && !!arn[1] };
}

export function coversBucket(stmt: PolicyValue, target: StatementTarget): Tri {
  if (field(stmt, 'NotResource') !== undefined) return false;
  const resource = field(stmt, 'Resource');
  let objects = false;
  let opaque: Opaque | undefined;
  for (const v of resource instanceof Opaque ? [resource] : asList(resource)) {
    let c: Covers | 'opaque';
    if (v instanceof Opaque) c = v.resolved ? resolvedCovers(v.resolved, target) : 'opaque';
    else c = typeof v === 'string' ? literalCovers(v, target) : { bucket: false, objects: false };
    if (c === 'opaque') opaque ??= v as Opaque;
    else objects ||= c.objects;
  }
  // The data is in the objects: a Deny on `bucket/*` protects it (the bucket ARN alone does not).
  if (objects) return true;
  return opaque ?? false;
}
