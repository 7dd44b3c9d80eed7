import { resolveGovernance } from '../../core/governance';
import { Token } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { DataClassification } from '../../core/classification';
import { DEFAULT_CONFIG } from '../../core/config';
import { BlueprintConfigError } from '../../core/errors';
import {
  AwsInterfaceEndpoint,
  planSubnets,
  SubnetBlock,
  validateAvailabilityZones,
  validateInterfaceEndpoints,
  validateLogRetention,
  validateNetworkCidr,
} from '../../core/network';

const P = 'TrainingNetwork';

/**
 * Props of the AWS {@link TrainingNetwork}. Every field is optional and every default is the
 * compliant choice; the network fields mirror BlueprintConfig.network (one plan for both clouds).
 */
export interface TrainingNetworkProps {
  /** VPC address space, /16 to /24. @default "10.20.0.0/16" (DEFAULT_CONFIG.network.cidr) */
  readonly cidr?: string;
  /** Prefix length of each isolated subnet (one per AZ), up to /28. @default 24 */
  readonly subnetPrefix?: number;
  /**
   * Explicit isolated-subnet CIDRs, one per availability zone in order; each inside `cidr`, none
   * overlapping. @default carved as consecutive /subnetPrefix blocks from the start of `cidr`
   */
  readonly subnetCidrs?: readonly string[];
  /** Number of availability zones, 2-6 (ignored when zoneNames is set). @default 2 */
  readonly availabilityZones?: number;
  /**
   * Explicit AZ names (2-6, one region). Without them the subnets go to the first N zones of the
   * deployment region (Fn::GetAZs), so synth needs neither credentials nor a context lookup.
   * @default undefined
   */
  readonly zoneNames?: readonly string[];
  /** Interface endpoints (private DNS on). @default DEFAULT_INTERFACE_ENDPOINTS */
  readonly interfaceEndpoints?: readonly AwsInterfaceEndpoint[];
  /**
   * ARNs of the S3 buckets training may reach through the gateway endpoint (the endpoint policy
   * allows these and the ECR layer bucket, nothing else). More can be added with allowS3Buckets().
   * @default [] (only ECR image layers)
   */
  readonly bucketArns?: readonly string[];
  /**
   * ID of the region's AWS-managed S3 prefix list (`aws ec2 describe-managed-prefix-lists
   * --filters Name=prefix-list-name,Values=com.amazonaws.<region>.s3`), the workload security
   * group's only S3 destination. CloudFormation cannot look it up, so it is a stack parameter
   * when not given. @default undefined: parameter `<id>S3PrefixListId`
   */
  readonly s3PrefixListId?: string;
  /** Days the flow-log group keeps records. @default 90 */
  readonly logRetentionDays?: number;
  /** Key for the flow-log group. @default a new customer-managed key (rotation on, retained) */
  readonly flowLogKey?: kms.IKey;
  /** Platform name (tags, names). @default "ztai" */
  readonly project?: string;
  /** Environment label (tags, names). @default "dev" */
  readonly environment?: string;
  /** Accountable owner (tag). @default "platform-team" */
  readonly owner?: string;
  /** Sensitivity of the data the network carries (tag). @default "confidential" */
  readonly classification?: DataClassification;
}

export interface ResolvedTrainingNetworkProps {
  readonly cidr: string;
  readonly subnetPrefix: number;
  /** One isolated subnet per AZ, in AZ order. */
  readonly subnets: readonly SubnetBlock[];
  readonly azCount: number;
  readonly zoneNames?: readonly string[];
  readonly interfaceEndpoints: readonly AwsInterfaceEndpoint[];
  readonly bucketArns: readonly string[];
  readonly s3PrefixListId?: string;
  readonly logRetentionDays: number;
  readonly project: string;
  readonly environment: string;
  readonly owner: string;
  readonly classification: DataClassification;
}

/** Applies defaults and validates; throws BlueprintConfigError naming `TrainingNetwork.<prop>`. */
export function resolveTrainingNetworkProps(props: TrainingNetworkProps = {}): ResolvedTrainingNetworkProps {
  const d = DEFAULT_CONFIG.network;
  const cidr = validateNetworkCidr(`${P}.cidr`, props.cidr ?? d.cidr);
  const azs = validateAvailabilityZones(
    props.zoneNames ? `${P}.zoneNames` : `${P}.availabilityZones`,
    props.availabilityZones ?? d.availabilityZones,
    props.zoneNames,
  );
  const subnetPrefix = props.subnetPrefix ?? d.subnetPrefix;
  const names = Array.from({ length: azs.count }, (_, i) => `training${i + 1}`);
  if (props.subnetCidrs !== undefined && props.subnetCidrs.length !== azs.count) {
    throw new BlueprintConfigError(
      `${P}.subnetCidrs`,
      `one CIDR per availability zone (${azs.count})`,
      props.subnetCidrs,
    );
  }
  const explicit = Object.fromEntries((props.subnetCidrs ?? []).map((c, i) => [names[i], c]));
  const subnets = planSubnets(P, cidr, subnetPrefix, names, explicit);
  if (props.subnetCidrs && new Set(subnets.map((s) => s.cidr.split('/')[1])).size > 1) {
    // CDK's VPC allocates every subnet of a group with one mask.
    throw new BlueprintConfigError(`${P}.subnetCidrs`, 'blocks of one prefix length', props.subnetCidrs);
  }
  const bucketArns = [...(props.bucketArns ?? [])];
  bucketArns.forEach((arn, i) => validateBucketArn(`${P}.bucketArns[${i}]`, arn));
  if (props.s3PrefixListId !== undefined && !/^pl-[0-9a-f]{8,17}$/.test(props.s3PrefixListId)) {
    throw new BlueprintConfigError(`${P}.s3PrefixListId`, 'a prefix list ID like pl-63a5400a', props.s3PrefixListId);
  }
  return {
    cidr,
    subnetPrefix: Number(subnets[0].cidr.split('/')[1]),
    subnets,
    azCount: azs.count,
    zoneNames: azs.names,
    interfaceEndpoints: validateInterfaceEndpoints(
      `${P}.interfaceEndpoints`,
      props.interfaceEndpoints ?? d.interfaceEndpoints,
    ),
    bucketArns,
    s3PrefixListId: props.s3PrefixListId,
    logRetentionDays: validateLogRetention(`${P}.logRetentionDays`, props.logRetentionDays ?? d.logRetentionDays),
    ...resolveGovernance(P, props),
  };
}

/** An S3 bucket ARN (arn:<partition>:s3:::<name>), or a token resolved at deploy time. */
export function validateBucketArn(prop: string, arn: unknown): string {
  if (typeof arn === 'string' && Token.isUnresolved(arn)) return arn;
  if (typeof arn !== 'string' || !/^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(arn)) {
    throw new BlueprintConfigError(prop, 'an S3 bucket ARN like arn:aws:s3:::my-bucket (no object path)', arn);
  }
  return arn;
}
