import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type Check, type CheckResult, type Equivalent, fail, pass } from '../../../engine/rule';
import { eachOf } from '../../shared/combine';
import { isTrue, judgeSetting } from '../../shared/expect';
import { joinPath, listLength, unknownAt } from '../../shared/read';
import { tfBlock, throughDynamic } from '../../shared/tf-blocks';

/**
 * ZT-INFERENCE-001 on CloudFormation and Terraform aws_*: a SageMaker model runs in the VPC
 * (subnets given) with network isolation, so its containers have no network path of their own.
 * Two findings, one per setting.
 */
interface ModelFields {
  readonly vpc: string;
  readonly subnets: string;
  readonly isolation: string;
}

const CFN: ModelFields = { vpc: 'VpcConfig', subnets: 'Subnets', isolation: 'EnableNetworkIsolation' };
const TF: ModelFields = { vpc: 'vpc_config', subnets: 'subnets', isolation: 'enable_network_isolation' };

function vpcPlacement(g: ResourceGraph, m: Resource, f: ModelFields, tf: boolean): CheckResult {
  const loc = tf ? tfBlock(g, m, '', f.vpc) : { kind: 'static' as const, path: f.vpc };
  const subnets = joinPath(loc.path, f.subnets);
  const n = loc.kind === 'absent' ? ({ kind: 'value', value: 0 } as const) : listLength(g, m, subnets);
  if (n.kind === 'unknown') return unknownAt(subnets, n.reason);
  const count = n.kind === 'value' ? n.value : 0;
  if (count === 0)
    return fail(
      `${f.vpc} is not set: the model's containers run outside the platform VPC, on a SageMaker-managed network; place them in the isolated subnets`,
      f.vpc,
    );
  return throughDynamic(loc, pass(`${f.vpc} places the model in ${count} subnet(s)`, subnets));
}

const isolation = (f: ModelFields) =>
  isTrue(f.isolation, {
    providerDefault: false,
    risk: 'the model containers can make outbound calls (exfiltration of inputs or weights)',
  });

const model =
  (f: ModelFields, tf: boolean): Check =>
  (m, { graph }) =>
    eachOf([vpcPlacement(graph, m, f, tf), judgeSetting(graph, m, isolation(f))]);

export const awsChecks: Readonly<Record<string, Check>> = {
  'AWS::SageMaker::Model': model(CFN, false),
  aws_sagemaker_model: model(TF, true),
};

export const awsEquivalents: readonly Equivalent[] = [
  {
    tool: 'checkov',
    id: 'CKV_AWS_370',
    resourceTypes: ['AWS::SageMaker::Model'],
    paths: ['EnableNetworkIsolation'],
    ignores: ['VpcConfig'],
  },
];
