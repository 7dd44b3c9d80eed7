import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, fail, pass } from '../../engine/rule';
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
