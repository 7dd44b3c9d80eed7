import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type Check, type CheckResult, type Equivalent, fail, pass } from '../../../engine/rule';
import { eachOf } from '../../shared/combine';
import { hasInstanceStore, NVME_REASON } from '../../shared/instance-store';
import { judgeKmsKey, requireCustomerKey } from '../../shared/kms';
import { isPresent, joinPath, listLength, readBoolean, readString, unknownAt } from '../../shared/read';

/**
 * ZT-INFERENCE-008 on CloudFormation and Terraform aws_*: an endpoint config encrypts the
 * instances' storage with the platform CMK, unless every variant is an NVMe instance-store type
 * (SageMaker rejects the key there; the hardware encrypts), and encrypts captured requests and
 * responses with a CMK whenever capture is on. One finding each.
 */
interface ConfigFields {
  readonly key: string;
  readonly variants: string;
  readonly instanceType: string;
  readonly capture: string;
  readonly enable: string;
  readonly captureKey: string;
}

const CFN: ConfigFields = {
  key: 'KmsKeyId',
  variants: 'ProductionVariants',
  instanceType: 'InstanceType',
  capture: 'DataCaptureConfig',
  enable: 'EnableCapture',
  captureKey: 'KmsKeyId',
};
const TF: ConfigFields = {
  key: 'kms_key_arn',
  variants: 'production_variants',
  instanceType: 'instance_type',
  capture: 'data_capture_config',
  enable: 'enable_capture',
  captureKey: 'kms_key_id',
};

/** Whether every production variant runs on an NVMe instance-store type (the key exception). */
function allInstanceStore(g: ResourceGraph, c: Resource, f: ConfigFields): CheckResult | true {
  const n = listLength(g, c, f.variants);
  if (n.kind === 'unknown') return unknownAt(f.variants, n.reason);
  const count = n.kind === 'value' ? n.value : 0;
  const without: string[] = [];
  for (let i = 0; i < count; i++) {
    const path = joinPath(f.variants, i, f.instanceType);
    const t = readString(g, c, path);
    if (t.kind === 'unknown')
      return unknownAt(path, `${t.reason}; whether it has an NVMe instance store decides if ${f.key} is required`);
    if (t.kind === 'absent' || !hasInstanceStore(t.value)) without.push(t.kind === 'value' ? t.value : 'serverless');
  }
  if (count > 0 && without.length === 0) return true;
  return fail(
    `${f.key} is not set, so the endpoint's storage volumes use an AWS-owned key; variants without an NVMe instance store (${without.join(', ') || 'none declared'}) need the platform CMK`,
    f.key,
  );
}

function storageKey(g: ResourceGraph, c: Resource, f: ConfigFields): CheckResult {
  if (judgeKmsKey(g, c, f.key).kind !== 'absent') return requireCustomerKey(g, c, f.key, 'an AWS-owned key is used');
  const nvme = allInstanceStore(g, c, f);
  if (nvme !== true) return nvme;
  return pass(`${f.key} is not set and every variant is an NVMe instance-store type: ${NVME_REASON}`, f.key);
}

function captureKey(g: ResourceGraph, c: Resource, f: ConfigFields): CheckResult {
  if (!isPresent(g, c, f.capture))
    return pass(`${f.capture} is not set: no requests or responses are captured`, f.capture);
  const enable = joinPath(f.capture, f.enable);
  const on = readBoolean(g, c, enable);
  if (on.kind === 'unknown') return unknownAt(enable, on.reason);
  if (on.kind === 'value' && !on.value) return pass(`${enable} is false: nothing is captured`, enable);
  return requireCustomerKey(
    g,
    c,
    joinPath(f.capture, f.captureKey),
    'captured payloads are encrypted with the bucket default only',
  );
}

const endpointConfig =
  (f: ConfigFields): Check =>
  (c, { graph }) =>
    eachOf([storageKey(graph, c, f), captureKey(graph, c, f)]);

export const awsChecks: Readonly<Record<string, Check>> = {
  'AWS::SageMaker::EndpointConfig': endpointConfig(CFN),
  aws_sagemaker_endpoint_configuration: endpointConfig(TF),
};

export const awsEquivalents: readonly Equivalent[] = [
  {
    tool: 'checkov',
    id: 'CKV_AWS_98',
    resourceTypes: ['aws_sagemaker_endpoint_configuration'],
    paths: ['kms_key_arn'],
  },
  {
    tool: 'cdk-nag',
    id: 'NIST.800.53.R5-SageMakerEndpointConfigurationKMSKeyConfigured',
    resourceTypes: ['AWS::SageMaker::EndpointConfig'],
    paths: ['KmsKeyId'],
    note: 'cdk-nag requires KmsKeyId on every endpoint config; we accept its absence when every variant is an NVMe instance-store type, which SageMaker requires',
  },
  {
    tool: 'cdk-nag',
    id: 'HIPAA.Security-SageMakerEndpointConfigurationKMSKeyConfigured',
    resourceTypes: ['AWS::SageMaker::EndpointConfig'],
    paths: ['KmsKeyId'],
    note: 'cdk-nag requires KmsKeyId on every endpoint config; we accept its absence when every variant is an NVMe instance-store type, which SageMaker requires',
  },
];
