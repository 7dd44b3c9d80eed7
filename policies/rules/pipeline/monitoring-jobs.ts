import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, type Equivalent, fail, pass } from '../../engine/rule';
import { eachOf } from '../shared/combine';
import { isTrue, judgeSetting } from '../shared/expect';
import { hasInstanceStore } from '../shared/instance-store';
import { requireCustomerKey } from '../shared/kms';
import { joinPath, listLength, rawAt, readString, unknownAt } from '../shared/read';

/**
 * ZT-PIPELINE-002 on Model Monitor job definitions: a data-quality job reads the captured requests
 * and answers of an endpoint, so it runs like every other job of the platform: in the platform VPC,
 * network-isolated, inter-container traffic encrypted, its volume and reports under a
 * customer-managed key. One finding per setting.
 */
interface MonitorFields {
  readonly network: string;
  readonly vpc: string;
  readonly subnets: string;
  readonly groups: string;
  readonly isolation: string;
  readonly traffic: string;
  readonly cluster: string;
  readonly instanceType: string;
  readonly volumeKey: string;
  readonly outputKey: string;
}

const CFN: MonitorFields = {
  network: 'NetworkConfig',
  vpc: 'VpcConfig',
  subnets: 'Subnets',
  groups: 'SecurityGroupIds',
  isolation: 'EnableNetworkIsolation',
  traffic: 'EnableInterContainerTrafficEncryption',
  cluster: 'JobResources.ClusterConfig',
  instanceType: 'InstanceType',
  volumeKey: 'VolumeKmsKeyId',
  outputKey: 'DataQualityJobOutputConfig.KmsKeyId',
};
const TF: MonitorFields = {
  network: 'network_config',
  vpc: 'vpc_config',
  subnets: 'subnets',
  groups: 'security_group_ids',
  isolation: 'enable_network_isolation',
  traffic: 'enable_inter_container_traffic_encryption',
  cluster: 'job_resources.cluster_config',
  instanceType: 'instance_type',
  volumeKey: 'volume_kms_key_id',
  outputKey: 'data_quality_job_output_config.kms_key_id',
};

function vpc(g: ResourceGraph, res: Resource, f: MonitorFields): CheckResult {
  const at = joinPath(f.network, f.vpc);
  for (const list of [f.subnets, f.groups]) {
    const path = joinPath(at, list);
    const n = listLength(g, res, path);
    if (n.kind === 'unknown') return unknownAt(path, n.reason);
    if (n.kind !== 'value' || n.value === 0) {
      return fail(
        `${path} is empty or not set: the monitoring job runs in SageMaker's service network, outside the platform VPC; name the isolated subnets and the endpoint's security group`,
        path,
      );
    }
  }
  return pass(`${at} places the job in the platform subnets and security groups`, at);
}

function volumeKey(g: ResourceGraph, res: Resource, f: MonitorFields): CheckResult {
  const type = readString(g, res, joinPath(f.cluster, f.instanceType));
  const at = joinPath(f.cluster, f.volumeKey);
  if (type.kind === 'value' && hasInstanceStore(type.value)) {
    return pass(`${f.cluster} ${type.value} has local NVMe storage, encrypted by the instance`, at);
  }
  return requireCustomerKey(g, res, at, 'the ML storage volume uses an AWS-managed key');
}

const monitorJob =
  (f: MonitorFields, tf: boolean): Check =>
  (res, { graph }) => {
    if (tf && rawAt(res, 'dynamic') !== undefined) {
      return unknownAt('dynamic', 'a dynamic block is rendered at plan time; judge the plan instead');
    }
    return eachOf([
      vpc(graph, res, f),
      judgeSetting(
        graph,
        res,
        isTrue(f.isolation, {
          providerDefault: false,
          risk: 'the job container can call out (exfiltration of captured data)',
        }),
        f.network,
      ),
      judgeSetting(
        graph,
        res,
        isTrue(f.traffic, { providerDefault: false, risk: 'captured data crosses between instances in clear text' }),
        f.network,
      ),
      volumeKey(graph, res, f),
      requireCustomerKey(graph, res, f.outputKey, 'reports are encrypted with the AWS-managed aws/s3 key'),
    ]);
  };

export const monitoringJobChecks: Readonly<Record<string, Check>> = {
  'AWS::SageMaker::DataQualityJobDefinition': monitorJob(CFN, false),
  aws_sagemaker_data_quality_job_definition: monitorJob(TF, true),
};

/** What the job's checks judge one by one beyond Checkov's three (the VPC, network isolation). */
const otherSettings = (f: MonitorFields) => [
  joinPath(f.network, f.vpc, f.subnets),
  joinPath(f.network, f.vpc, f.groups),
  joinPath(f.network, f.isolation),
];

/** Checkov judges one setting of a data-quality job per check: each compares with our finding for it. */
const perSetting = (
  id: string,
  path: (f: MonitorFields) => string,
  types = Object.keys(monitoringJobChecks),
): Equivalent => ({
  tool: 'checkov',
  id,
  resourceTypes: types,
  paths: [path(CFN), path(TF)],
  ignores: [...otherSettings(CFN), ...otherSettings(TF)],
});

export const MONITORING_JOB_EQUIVALENTS: readonly Equivalent[] = [
  // Checkov has the output-key check for Terraform only.
  perSetting('CKV_AWS_367', (f) => f.outputKey, ['aws_sagemaker_data_quality_job_definition']),
  perSetting('CKV_AWS_368', (f) => joinPath(f.cluster, f.volumeKey)),
  perSetting('CKV_AWS_369', (f) => joinPath(f.network, f.traffic)),
];
