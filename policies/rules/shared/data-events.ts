import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import type { Resolved } from '../../engine/resolved';
import { type CompanionSpec, companionIndex } from './companion-index';
import { listLength, readString } from './read';

/**
 * Whether a trail records S3 data events (object reads and writes) for a bucket, from its classic
 * event selectors (DataResources of type AWS::S3::Object, values naming the bucket or all of S3)
 * or its advanced selectors (eventCategory Data, resources.type AWS::S3::Object, resources.ARN
 * absent or naming the bucket). One shape table per tool; the logic is shared.
 */
export interface TrailShape {
  readonly type: string;
  readonly selectors: string;
  readonly readWrite: string;
  readonly dataResources: string;
  readonly drType: string;
  readonly drValues: string;
  readonly advanced: string;
  readonly fields: string;
  readonly field: string;
  readonly equals: string;
  readonly startsWith: string;
  /** Properties naming the trail's own delivery bucket. */
  readonly deliveryBucket: string;
}

export const CFN_TRAIL: TrailShape = {
  type: 'AWS::CloudTrail::Trail',
  selectors: 'EventSelectors',
  readWrite: 'ReadWriteType',
  dataResources: 'DataResources',
  drType: 'Type',
  drValues: 'Values',
  advanced: 'AdvancedEventSelectors',
  fields: 'FieldSelectors',
  field: 'Field',
  equals: 'Equals',
  startsWith: 'StartsWith',
  deliveryBucket: 'S3BucketName',
};

export const TF_TRAIL: TrailShape = {
  type: 'aws_cloudtrail',
  selectors: 'event_selector',
  readWrite: 'read_write_type',
  dataResources: 'data_resource',
  drType: 'type',
  drValues: 'values',
  advanced: 'advanced_event_selector',
  fields: 'field_selector',
  field: 'field',
  equals: 'equals',
  startsWith: 'starts_with',
  deliveryBucket: 's3_bucket_name',
};

/** all: reads and writes; partial: one of them; none; unknown (with the path and reason). */
export type Coverage =
  | { readonly kind: 'all'; readonly path: string }
  | { readonly kind: 'partial'; readonly path: string; readonly which: string }
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown'; readonly path: string; readonly reason: string };

type Match = 'yes' | 'no' | { unknown: string };

const ALL_S3 = /^arn:[^:]+:s3(:::)?$/;

/** Does one selector value (an ARN or ARN prefix) name objects of `bucket`? */
function names(bucket: Resource, v: Resolved, bucketName: string | undefined): Match {
  switch (v.kind) {
    case 'literal': {
      if (typeof v.value !== 'string') return 'no';
      if (ALL_S3.test(v.value)) return 'yes';
      const m = /^arn:[^:]+:s3:::([^/]+)/.exec(v.value);
      return m && bucketName !== undefined && m[1] === bucketName ? 'yes' : 'no';
    }
    case 'reference':
      return v.to === bucket ? 'yes' : 'no';
    case 'composed':
      if (v.parts.some((p) => typeof p !== 'string' && p.kind === 'reference' && p.to === bucket)) return 'yes';
      return v.parts.some((p) => typeof p !== 'string' && p.kind === 'unknown')
        ? { unknown: 'a selector value is built from values decided at deploy time' }
        : 'no';
    case 'unknown':
      return { unknown: v.reason };
    default:
      return 'no';
  }
}

const count = (g: ResourceGraph, res: Resource, path: string): number | string => {
  const n = listLength(g, res, path);
  return n.kind === 'value' ? n.value : n.kind === 'unknown' ? n.reason : 0;
};

function classic(g: ResourceGraph, t: Resource, bucket: Resource, name: string | undefined, s: TrailShape): Coverage[] {
  const out: Coverage[] = [];
  const n = count(g, t, s.selectors);
  if (typeof n === 'string') return [{ kind: 'unknown', path: s.selectors, reason: n }];
  for (let i = 0; i < n; i++) {
    const sel = `${s.selectors}.${i}`;
    const rw = readString(g, t, `${sel}.${s.readWrite}`);
    const m = count(g, t, `${sel}.${s.dataResources}`);
    if (typeof m === 'string') {
      out.push({ kind: 'unknown', path: `${sel}.${s.dataResources}`, reason: m });
      continue;
    }
    for (let j = 0; j < m; j++) {
      const dr = `${sel}.${s.dataResources}.${j}`;
      const type = readString(g, t, `${dr}.${s.drType}`);
      if (type.kind !== 'value' || type.value !== 'AWS::S3::Object') continue;
      const k = count(g, t, `${dr}.${s.drValues}`);
      if (typeof k === 'string') {
        out.push({ kind: 'unknown', path: `${dr}.${s.drValues}`, reason: k });
        continue;
      }
      for (let x = 0; x < k; x++) {
        const path = `${dr}.${s.drValues}.${x}`;
        const hit = names(bucket, g.value(t, path), name);
        if (hit === 'no') continue;
        if (typeof hit === 'object') out.push({ kind: 'unknown', path, reason: hit.unknown });
        else if (rw.kind === 'unknown') out.push({ kind: 'unknown', path: `${sel}.${s.readWrite}`, reason: rw.reason });
        else if (rw.kind === 'absent' || rw.value === 'All') out.push({ kind: 'all', path });
        else out.push({ kind: 'partial', path: `${sel}.${s.readWrite}`, which: rw.value });
      }
    }
  }
  return out;
}

function advanced(
  g: ResourceGraph,
  t: Resource,
  bucket: Resource,
  name: string | undefined,
  s: TrailShape,
): Coverage[] {
  const out: Coverage[] = [];
  const n = count(g, t, s.advanced);
  if (typeof n === 'string') return [{ kind: 'unknown', path: s.advanced, reason: n }];
  for (let i = 0; i < n; i++) {
    const base = `${s.advanced}.${i}.${s.fields}`;
    const m = count(g, t, base);
    if (typeof m === 'string') {
      out.push({ kind: 'unknown', path: base, reason: m });
      continue;
    }
    const fields = new Map<string, number>();
    for (let j = 0; j < m; j++) {
      const f = readString(g, t, `${base}.${j}.${s.field}`);
      if (f.kind === 'value') fields.set(f.value, j);
    }
    const equalsOnly = (field: string, want: string): boolean => {
      const j = fields.get(field);
      if (j === undefined) return false;
      const v = g.value(t, `${base}.${j}.${s.equals}`);
      return v.kind === 'literal' && Array.isArray(v.value) && v.value.length === 1 && v.value[0] === want;
    };
    if (!equalsOnly('eventCategory', 'Data') || !equalsOnly('resources.type', 'AWS::S3::Object')) continue;
    const arn = fields.get('resources.ARN');
    const path = `${s.advanced}.${i}`;
    let hit: Match = 'yes';
    if (arn !== undefined) {
      hit = 'no';
      for (const op of [s.equals, s.startsWith]) {
        const k = count(g, t, `${base}.${arn}.${op}`);
        if (typeof k === 'string') hit = { unknown: k };
        else
          for (let x = 0; x < k && hit !== 'yes'; x++) {
            const r = names(bucket, g.value(t, `${base}.${arn}.${op}.${x}`), name);
            if (r !== 'no') hit = r;
          }
      }
    }
    if (hit === 'no') continue;
    if (typeof hit === 'object') {
      out.push({ kind: 'unknown', path, reason: hit.unknown });
      continue;
    }
    const ro = fields.get('readOnly');
    out.push(ro === undefined ? { kind: 'all', path } : { kind: 'partial', path: `${base}.${ro}`, which: 'readOnly' });
  }
  return out;
}

/** The best coverage the trails give the bucket (all > unknown > partial > none). */
export function dataEventCoverage(g: ResourceGraph, bucket: Resource, s: TrailShape, nameProp: string): Coverage {
  const name = readString(g, bucket, nameProp);
  const bucketName = name.kind === 'value' ? name.value : undefined;
  // Each trail's classic then advanced selectors, in order, without joining them into one list.
  let unknown: Coverage | undefined;
  let partial: Coverage | undefined;
  for (const t of g.sameDeployment(bucket, s.type)) {
    for (const list of [classic(g, t, bucket, bucketName, s), advanced(g, t, bucket, bucketName, s)]) {
      for (const c of list) {
        if (c.kind === 'all') return c;
        if (c.kind === 'unknown') unknown ??= c;
        else if (c.kind === 'partial') partial ??= c;
      }
    }
  }
  return unknown ?? partial ?? NO_COVERAGE;
}

const NO_COVERAGE: Coverage = Object.freeze({ kind: 'none' });

/** Resources that name a bucket as a log destination, each read only at the property that does. */
interface LogSource {
  readonly spec: CompanionSpec;
  readonly role: string;
}

const LOG_SOURCES: Readonly<Record<string, readonly LogSource[]>> = {
  [CFN_TRAIL.type]: [
    { spec: { type: CFN_TRAIL.type, targets: [CFN_TRAIL.deliveryBucket] }, role: 'the delivery bucket' },
    {
      spec: { type: 'AWS::S3::Bucket', targets: ['LoggingConfiguration.DestinationBucketName'] },
      role: 'the access-log destination',
    },
  ],
  [TF_TRAIL.type]: [
    { spec: { type: TF_TRAIL.type, targets: [TF_TRAIL.deliveryBucket] }, role: 'the delivery bucket' },
    { spec: { type: 'aws_s3_bucket_logging', targets: ['target_bucket'] }, role: 'the access-log destination' },
  ],
};

/**
 * Log stores are not data stores: a trail's delivery bucket and a server-access-log destination
 * hold records about the data, and recording reads of them would log the logging. Decided from
 * an index of the trails and logging settings only (companion-index.ts), not from every
 * reference of the template: a large template is not walked whole for it.
 */
export function isLogStore(g: ResourceGraph, bucket: Resource, s: TrailShape): string | undefined {
  for (const source of LOG_SOURCES[s.type] ?? []) {
    const attached = companionIndex(g, source.spec).attached.get(bucket);
    if (attached !== undefined) return `${source.role} of ${attached[0].companion.address}`;
  }
  return undefined;
}
