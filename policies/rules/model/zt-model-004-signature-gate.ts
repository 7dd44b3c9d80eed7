import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import type { Resolved } from '../../engine/resolved';
import { type Check, type CheckResult, Rule, fail, notApplicable, pass, unknown } from '../../engine/rule';

/** The deploy-time gate lib/aws/model-registry writes (VERIFICATION_RESOURCE_TYPE there; policies never import lib/). */
const VERIFICATION_TYPE = 'Custom::ZtModelSignatureVerification';

const ARTIFACT_PATHS = ['PrimaryContainer.ModelDataUrl', 'PrimaryContainer.ModelDataSource.S3DataSource.S3Uri'];

function dependsOn(r: Resource): string[] {
  const d = r.attributes.DependsOn;
  return typeof d === 'string' ? [d] : Array.isArray(d) ? d.filter((x): x is string => typeof x === 'string') : [];
}

/** Gates the model depends on directly, or through an endpoint config that serves it. */
function gatesOf(g: ResourceGraph, model: Resource): Resource[] {
  const gates = g.sameDocument(model, VERIFICATION_TYPE);
  const configs = g.referencedBy(model, 'AWS::SageMaker::EndpointConfig').map((ref) => ref.from);
  const names = new Set([model, ...configs].flatMap(dependsOn));
  return gates.filter((v) => names.has(v.address));
}

function artifacts(g: ResourceGraph, model: Resource): { path: string; value: Resolved }[] {
  const out = ARTIFACT_PATHS.map((path) => ({ path, value: g.value(model, path) }));
  const containers = g.value(model, 'Containers');
  if (containers.kind === 'literal' && Array.isArray(containers.value)) {
    containers.value.forEach((_, i) => {
      for (const p of ['ModelDataUrl', 'ModelDataSource.S3DataSource.S3Uri'])
        out.push({ path: `Containers.${i}.${p}`, value: g.value(model, `Containers.${i}.${p}`) });
    });
  }
  return out.filter((a) => a.value.kind !== 'absent');
}

/** Splits an S3 URL value into (bucket: resource key or literal name, rest of the key text). */
function location(v: Resolved): { bucket: string; rest: string } | { unknown: string } {
  if (v.kind === 'literal' && typeof v.value === 'string') {
    const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(v.value);
    return m ? { bucket: `name:${m[1]}`, rest: m[2] } : { unknown: `${v.value} is not an s3:// URL` };
  }
  if (
    v.kind === 'composed' &&
    v.parts[0] === 's3://' &&
    typeof v.parts[1] === 'object' &&
    v.parts[1].kind === 'reference'
  ) {
    const rest = v.parts.slice(2);
    if (rest.some((p) => typeof p !== 'string')) return { unknown: 'the key part of the URL is not literal' };
    return { bucket: `ref:${v.parts[1].to.key}`, rest: (rest as string[]).join('').replace(/^\//, '') };
  }
  return { unknown: `the model data URL is ${v.kind} at synth time` };
}

function gateLocation(g: ResourceGraph, gate: Resource): { bucket: string; prefix: string } | undefined {
  const b = g.value(gate, 'Bucket');
  const p = g.value(gate, 'Prefix');
  if (p.kind !== 'literal' || typeof p.value !== 'string') return undefined;
  if (b.kind === 'reference') return { bucket: `ref:${b.to.key}`, prefix: p.value };
  if (b.kind === 'literal' && typeof b.value === 'string') return { bucket: `name:${b.value}`, prefix: p.value };
  return undefined;
}

const model: Check = (res, { graph }) => {
  const arts = artifacts(graph, res);
  if (arts.length === 0) return notApplicable('the model has no S3 artifact (image only): ZT-MODEL-002 covers images');
  const gates = gatesOf(graph, res);
  if (gates.length === 0) {
    return fail(
      `the model (and any endpoint config serving it) depends on no ${VERIFICATION_TYPE}: it deploys unverified`,
      'DependsOn',
    );
  }
  const verified = gates.map((gate) => gateLocation(graph, gate)).filter((x) => x !== undefined);
  return arts.map(({ path, value }): CheckResult => {
    const loc = location(value);
    if ('unknown' in loc) return unknown(loc.unknown, path);
    if (verified.length === 0) return unknown('the gate names its bucket or prefix only at deploy time', path);
    const match = verified.find((v) => v.bucket === loc.bucket && loc.rest.startsWith(v.prefix));
    if (match) return pass(`${path} is in the verified folder ${match.prefix}`, path);
    return fail(`${path} is not in a folder a ${VERIFICATION_TYPE} it depends on verified`, path);
  });
};

export const signatureGateRule: Rule = {
  id: 'ZT-MODEL-004',
  title: 'Inference models deploy only after their signature is verified',
  severity: 'critical',
  layer: 'model',
  rationale:
    'A signature nobody checks is decoration. Serving a model whose files were swapped in the bucket after ' +
    'release (a poisoned weight file, an extra pickle) is the supply-chain attack on AI; verifying every ' +
    "file's digest against the signed statement at deploy time, and making the model depend on that " +
    'verification, stops the deployment instead of serving the tampered model.',
  remediation:
    'Take the model from the registry (ModelRegistry.signedModel(prefix)), create a gate with ' +
    'registry.verifySignedModel(id, model) and call requireVerifiedModel(cfnModel, gate): the model then has ' +
    `DependsOn the ${VERIFICATION_TYPE} whose Bucket and Prefix hold its ModelDataUrl.`,
  controls: [
    { framework: 'NIST-800-53', id: 'SI-7' },
    { framework: 'NIST-800-53', id: 'CM-14' },
    { framework: 'NIST-800-53', id: 'SR-4' },
    { framework: 'SOC2', id: 'CC8.1' },
    { framework: 'ISO-42001', id: 'A.6.2.5' },
  ],
  equivalents: [],
  reads: [VERIFICATION_TYPE, 'AWS::SageMaker::EndpointConfig'],
  checks: { 'AWS::SageMaker::Model': model },
};
