import type { ResourceGraph } from '../../engine/graph';
import { hasInstanceStore } from '../shared/instance-store';
import type { Resource } from '../../engine/model';
import { literal } from '../../engine/resolved';
import { type Check, type CheckResult, Rule, fail, pass } from '../../engine/rule';
import { eachOf } from '../shared/combine';
import { isTrue, judgeRead } from '../shared/expect';
import { judgeKeyValue, keyVerdict } from '../shared/kms';
import { Opaque, type PolicyValue } from '../shared/policy-document';
import { type PipelineStep, memberAt, pipelineSteps, readPipelineDefinition } from '../shared/pipeline-definition';
import { type Read, isPresent, readResolved, unknownAt } from '../shared/read';
import { MONITORING_JOB_EQUIVALENTS, monitoringJobChecks } from './monitoring-jobs';

/**
 * Every Training, Processing and Tuning step of a SageMaker pipeline runs like a hardened job: in
 * the platform VPC (subnets and security groups), network-isolated, inter-container traffic
 * encrypted, its volumes and outputs under a customer-managed key. The definition is a JSON string
 * (see shared/pipeline-definition.ts); one finding per step per setting, at
 * `<property>#Steps[<name>].Arguments.<setting>`.
 */
interface JobFields {
  readonly isolation: string;
  readonly traffic: string;
  readonly vpc: string;
  readonly instanceType: string;
  readonly volumeKey: string;
  readonly outputKey: string;
  /** The output block, when a job may have no output at all (a processing job). */
  readonly optionalOutput?: string;
}

const TRAINING: JobFields = {
  isolation: 'EnableNetworkIsolation',
  traffic: 'EnableInterContainerTrafficEncryption',
  vpc: 'VpcConfig',
  instanceType: 'ResourceConfig.InstanceType',
  volumeKey: 'ResourceConfig.VolumeKmsKeyId',
  outputKey: 'OutputDataConfig.KmsKeyId',
};
const PROCESSING: JobFields = {
  isolation: 'NetworkConfig.EnableNetworkIsolation',
  traffic: 'NetworkConfig.EnableInterContainerTrafficEncryption',
  vpc: 'NetworkConfig.VpcConfig',
  instanceType: 'ProcessingResources.ClusterConfig.InstanceType',
  volumeKey: 'ProcessingResources.ClusterConfig.VolumeKmsKeyId',
  outputKey: 'ProcessingOutputConfig.KmsKeyId',
  optionalOutput: 'ProcessingOutputConfig',
};

/** A definition value read as a setting would be (absent, a literal, or unknown with the reason). */
function readValue(v: PolicyValue | undefined, type: 'boolean' | 'string'): Read<boolean | string | number> {
  if (v === undefined || v === null) return { kind: 'absent' };
  if (v instanceof Opaque) return v.resolved ? readResolved(v.resolved, type) : { kind: 'unknown', reason: v.reason };
  return readResolved(literal(v), type);
}

const ISOLATED = isTrue('', { providerDefault: false, risk: 'the container can call out of the job (exfiltration)' });
const TRAFFIC = isTrue('', {
  providerDefault: false,
  risk: 'data and weights cross between instances in clear text',
});

function flag(args: PolicyValue | undefined, base: string, field: string, s: typeof ISOLATED): CheckResult {
  return judgeRead(s, `${base}.${field}`, readValue(memberAt(args, field), 'boolean') as Read<boolean>);
}

function vpcConfig(args: PolicyValue | undefined, base: string, field: string): CheckResult {
  const at = `${base}.${field}`;
  const cfg = memberAt(args, field);
  if (cfg instanceof Opaque) return unknownAt(at, cfg.reason);
  if (cfg === undefined || cfg === null) {
    return fail(
      `${at} is not set: the job runs in SageMaker's service network, outside the platform VPC and its endpoints; set Subnets and SecurityGroupIds`,
      at,
    );
  }
  for (const key of ['Subnets', 'SecurityGroupIds']) {
    const list = memberAt(cfg, key);
    if (list instanceof Opaque) return unknownAt(`${at}.${key}`, list.reason);
    if (!Array.isArray(list) || list.length === 0)
      return fail(`${at}.${key} is empty: name the platform's`, `${at}.${key}`);
  }
  return pass(`${at} places the job in the platform subnets and security groups`, at);
}

function key(args: PolicyValue | undefined, base: string, field: string, absentMeans: string): CheckResult {
  const at = `${base}.${field}`;
  const v = memberAt(args, field);
  if (v === undefined || v === null || v === '') return keyVerdict({ kind: 'absent' }, at, absentMeans);
  if (v instanceof Opaque)
    return v.resolved ? keyVerdict(judgeKeyValue(v.resolved), at, absentMeans) : unknownAt(at, v.reason);
  return keyVerdict(judgeKeyValue(literal(v)), at, absentMeans);
}

function volumeKey(args: PolicyValue | undefined, base: string, f: JobFields): CheckResult {
  const at = `${base}.${f.volumeKey}`;
  const type = readValue(memberAt(args, f.instanceType), 'string');
  if (type.kind === 'value' && hasInstanceStore(String(type.value))) {
    return pass(`${base}.${f.instanceType} ${type.value} has local NVMe storage, encrypted by the instance`, at);
  }
  const result = key(args, base, f.volumeKey, 'the ML storage volume uses an AWS-managed key');
  if (result.verdict === 'fail' && type.kind === 'unknown' && memberAt(args, f.volumeKey) === undefined) {
    return unknownAt(
      at,
      `no key is named and the instance type (which may have local storage) is not known: ${type.reason}`,
    );
  }
  return result;
}

function judgeJob(args: PolicyValue | undefined, base: string, f: JobFields): CheckResult[] {
  const out = [
    vpcConfig(args, base, f.vpc),
    flag(args, base, f.isolation, ISOLATED),
    flag(args, base, f.traffic, TRAFFIC),
    volumeKey(args, base, f),
  ];
  if (f.optionalOutput && memberAt(args, f.optionalOutput) === undefined) {
    out.push(pass(`${base}.${f.optionalOutput} is not set: the job writes no output`, `${base}.${f.optionalOutput}`));
  } else out.push(key(args, base, f.outputKey, 'outputs are encrypted with the AWS-managed aws/s3 key'));
  return out;
}

/** A tuning job's training definitions (one, or a list), each judged like a training job. */
function judgeTuning(args: PolicyValue | undefined, base: string): CheckResult[] {
  const out: CheckResult[] = [];
  const single = memberAt(args, 'TrainingJobDefinition');
  if (single !== undefined) out.push(...judgeJob(single, `${base}.TrainingJobDefinition`, TRAINING));
  const many = memberAt(args, 'TrainingJobDefinitions');
  if (many instanceof Opaque) out.push(unknownAt(`${base}.TrainingJobDefinitions`, many.reason));
  else if (Array.isArray(many))
    many.forEach((d, i) => out.push(...judgeJob(d, `${base}.TrainingJobDefinitions.${i}`, TRAINING)));
  if (out.length === 0) out.push(fail(`${base} has no TrainingJobDefinition`, `${base}.TrainingJobDefinition`));
  return out;
}

function judgeStep(step: PipelineStep, prop: string): CheckResult[] {
  const base = `${prop}#${step.at}.Arguments`;
  if (step.type === 'Training') return judgeJob(step.arguments, base, TRAINING);
  if (step.type === 'Processing') return judgeJob(step.arguments, base, PROCESSING);
  if (step.type === 'Tuning') return judgeTuning(step.arguments, base);
  return [];
}

function pipeline(body: string, s3: string): Check {
  return (res: Resource, { graph }: { graph: ResourceGraph }) => {
    if (!isPresent(graph, res, body)) {
      return isPresent(graph, res, s3)
        ? unknownAt(s3, 'the definition is an S3 object, not part of the template')
        : unknownAt(body, 'no definition is given');
    }
    const def = readPipelineDefinition(graph, res, body);
    if (def.kind === 'unknown') return unknownAt(body, def.reason);
    const steps = pipelineSteps(def.root);
    if (steps instanceof Opaque) return unknownAt(`${body}#Steps`, steps.reason);
    const results = steps.flatMap((s) => judgeStep(s, body));
    if (results.length === 0) return pass(`${body} has no Training, Processing or Tuning step`, body);
    return eachOf(results, `every job step of ${body} runs isolated and encrypted`, body);
  };
}

export const jobIsolationRule: Rule = {
  id: 'ZT-PIPELINE-002',
  title: 'Training jobs, pipeline steps and monitoring jobs run isolated and encrypted',
  severity: 'high',
  layer: 'pipeline',
  rationale:
    'A pipeline step is a training or processing job the pipeline role starts on every execution. Without the ' +
    'platform VPC, network isolation and inter-container encryption, the job container (and every dependency it ' +
    'imports) can send the training data and the weights anywhere, and the instances exchange them in clear text; ' +
    'without a customer-managed key, scratch volumes and model artifacts are readable by anyone the AWS-managed key ' +
    'lets in, and the key cannot be revoked. A Model Monitor data-quality job reads every captured request and ' +
    'answer of an endpoint on each run, so it is held to the same standard.',
  remediation:
    'In each Training / Tuning step: VpcConfig { Subnets, SecurityGroupIds } of the isolated subnets, ' +
    'EnableNetworkIsolation and EnableInterContainerTrafficEncryption true, ResourceConfig.VolumeKmsKeyId (for ' +
    'instance types without local NVMe storage) and OutputDataConfig.KmsKeyId the platform CMK. In Processing ' +
    'steps the same under NetworkConfig, ProcessingResources.ClusterConfig.VolumeKmsKeyId and ' +
    'ProcessingOutputConfig.KmsKeyId. Keep these literal in the definition, not pipeline parameters. In ' +
    'DataQualityJobDefinitions: NetworkConfig { VpcConfig, EnableNetworkIsolation, ' +
    'EnableInterContainerTrafficEncryption }, JobResources.ClusterConfig.VolumeKmsKeyId and ' +
    'DataQualityJobOutputConfig.KmsKeyId.',
  remediationBy: {
    cdk: 'TrainingPipeline (lib/aws/pipeline) and SageMakerInference({ dataQualityBaseline }) write them all; with sagemaker.CfnPipeline build the definition with literal VpcConfig, EnableNetworkIsolation: true, EnableInterContainerTrafficEncryption: true and key.keyArn for both keys.',
    terraform:
      'aws_sagemaker_pipeline pipeline_definition = jsonencode({ Steps = [{ Type = "Training", Arguments = { VpcConfig = {...}, EnableNetworkIsolation = true, EnableInterContainerTrafficEncryption = true, ResourceConfig = { VolumeKmsKeyId = aws_kms_key.k.arn }, OutputDataConfig = { KmsKeyId = aws_kms_key.k.arn } } }] }); aws_sagemaker_data_quality_job_definition network_config { enable_network_isolation = true, enable_inter_container_traffic_encryption = true, vpc_config {...} }, job_resources { cluster_config { volume_kms_key_id } }, data_quality_job_output_config { kms_key_id }.',
  },
  controls: [
    { framework: 'NIST-800-53', id: 'SC-7' },
    { framework: 'NIST-800-53', id: 'SC-8' },
    { framework: 'NIST-800-53', id: 'SC-28' },
    { framework: 'NIST-800-53', id: 'AC-4' },
    { framework: 'SOC2', id: 'CC6.1' },
    { framework: 'SOC2', id: 'CC6.6' },
    { framework: 'HIPAA', id: '164.312(a)(2)(iv)' },
    { framework: 'HIPAA', id: '164.312(e)(1)' },
    { framework: 'GDPR', id: 'Art. 32(1)(a)' },
    { framework: 'ISO-27001', id: 'A.8.24' },
    { framework: 'ISO-42001', id: 'A.6.2.4' },
  ],
  equivalents: MONITORING_JOB_EQUIVALENTS,
  checks: {
    'AWS::SageMaker::Pipeline': pipeline(
      'PipelineDefinition.PipelineDefinitionBody',
      'PipelineDefinition.PipelineDefinitionS3Location',
    ),
    aws_sagemaker_pipeline: pipeline('pipeline_definition', 'pipeline_definition_s3_location'),
    ...monitoringJobChecks,
  },
};
