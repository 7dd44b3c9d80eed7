import { ArnFormat, Aws, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct, IConstruct } from 'constructs';
import { acknowledgeNagRule } from './waive';

/**
 * What every platform Lambda in the isolated subnets stands on: a log group encrypted with the
 * function's key (retained, with retention), a KMS-encrypted TLS-only dead-letter queue, and a
 * security group with no egress until the caller opens the one path it needs (HTTPS to its
 * endpoints). The function gets its role without policy updates, so the caller's one managed
 * policy (with {@link vpcFunctionStatements}) is all it may do.
 */
export interface VpcFunctionSupportInputs {
  /** Prefix of the construct ids (`<prefix>Logs`, `<prefix>Dlq`, `<prefix>Sg`): the logical IDs derive from it. */
  readonly idPrefix: string;
  /** Encrypts the log group, the dead-letter queue and the function's environment. */
  readonly key: kms.IKey;
  readonly logGroupName: string;
  /** Sid of the key-policy statement letting CloudWatch Logs use the key for this log group. */
  readonly logKeySid?: string;
  readonly logRetentionDays: number;
  readonly vpc: ec2.IVpc;
  readonly securityGroupDescription: string;
}

export interface VpcFunctionSupport {
  readonly key: kms.IKey;
  readonly logGroup: logs.LogGroup;
  readonly deadLetterQueue: sqs.Queue;
  readonly securityGroup: ec2.SecurityGroup;
}

export function createVpcFunctionSupport(scope: Construct, i: VpcFunctionSupportInputs): VpcFunctionSupport {
  allowLogGroupEncryption(i.key, i.logGroupName, i.logKeySid);
  const logGroup = new logs.LogGroup(scope, `${i.idPrefix}Logs`, {
    logGroupName: i.logGroupName,
    encryptionKey: i.key,
    retention: i.logRetentionDays as logs.RetentionDays,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const deadLetterQueue = new sqs.Queue(scope, `${i.idPrefix}Dlq`, {
    encryption: sqs.QueueEncryption.KMS,
    encryptionMasterKey: i.key,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  const securityGroup = new ec2.SecurityGroup(scope, `${i.idPrefix}Sg`, {
    vpc: i.vpc,
    description: i.securityGroupDescription,
    allowAllOutbound: false,
  });
  return { key: i.key, logGroup, deadLetterQueue, securityGroup };
}

/** The function's own log group and dead-letter queue, in the statement order both functions use. */
export function vpcFunctionStatements(s: VpcFunctionSupport): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({
      sid: 'WriteOwnLogs',
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [s.logGroup.logGroupArn],
    }),
    new iam.PolicyStatement({
      sid: 'DeadLetters',
      actions: ['sqs:SendMessage'],
      resources: [s.deadLetterQueue.queueArn],
    }),
  ];
}

/**
 * The ARNs of the EC2 resources an ENI call acts on, in this account and region: EC2 picks the
 * interface IDs at creation, so the interfaces, subnets and security groups are named by type.
 */
const ENI_RESOURCE_TYPES = ['network-interface', 'subnet', 'security-group'];
export const ENI_RESOURCE_ARNS: readonly string[] = ENI_RESOURCE_TYPES.map(
  (t) => `arn:${Aws.PARTITION}:ec2:${Aws.REGION}:${Aws.ACCOUNT_ID}:${t}/*`,
);

/** The EC2 describe calls SageMaker makes to place a job or endpoint in the platform subnets (Resource "*"). */
export const SAGEMAKER_VPC_DESCRIBE_ACTIONS: readonly string[] = [
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeVpcs',
  'ec2:DescribeDhcpOptions',
  'ec2:DescribeSubnets',
  'ec2:DescribeSecurityGroups',
];

/** Reason for the cdk-nag IAM5 acknowledgements of the ENI statements below. */
export const ENI_WILDCARD_REASON =
  'EC2 chooses network-interface IDs at creation, so the ENI lifecycle actions are limited to the network ' +
  'interfaces, subnets and security groups of this account and region; the Describe calls support no ' +
  'resource-level permission (IAM service authorization reference) and need Resource "*".';

/** cdk-nag IAM5 acknowledgements of the account-wide ENI resource ARNs on `policy`, with their reason. */
export function acknowledgeEniResources(policy: IConstruct): void {
  for (const t of ENI_RESOURCE_TYPES) {
    acknowledgeNagRule(
      policy,
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ec2:<AWS::Region>:<AWS::AccountId>:${t}/*]`,
      ENI_WILDCARD_REASON,
    );
  }
}

/**
 * The ENI calls Lambda makes for a VPC function: the describes on "*" (they support no
 * resource-level permission), the lifecycle actions on the account's EC2 resources (they do).
 */
export function vpcNetworkInterfacesStatements(): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({
      sid: 'VpcNetworkInterfaces',
      actions: [
        'ec2:CreateNetworkInterface',
        'ec2:DeleteNetworkInterface',
        'ec2:AssignPrivateIpAddresses',
        'ec2:UnassignPrivateIpAddresses',
      ],
      resources: [...ENI_RESOURCE_ARNS],
    }),
    new iam.PolicyStatement({
      sid: 'VpcNetworkDescribe',
      actions: ['ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets'],
      resources: ['*'],
    }),
  ];
}

/**
 * Upper bound of a platform function's reserved concurrency (the props that set one validate
 * against it): a ceiling is only one while small, and every reserved execution is taken from the
 * account's shared pool, of which AWS keeps at least 100 unreserved.
 */
export const MAX_FUNCTION_CONCURRENCY = 100;

export type VpcFunctionProps = Omit<
  lambda.FunctionProps,
  'role' | 'vpc' | 'vpcSubnets' | 'securityGroups' | 'environmentEncryption' | 'logGroup' | 'deadLetterQueue'
> & {
  /** The function's role, with every permission in `policy`. */
  readonly role: iam.Role;
  readonly policy: iam.ManagedPolicy;
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;
};

/** The function on its support: environment under the support key, in the VPC, created after its policy. */
export function createVpcFunction(
  scope: Construct,
  id: string,
  s: VpcFunctionSupport,
  p: VpcFunctionProps,
): lambda.Function {
  const { role, policy, vpc, subnets, ...rest } = p;
  const fn = new lambda.Function(scope, id, {
    ...rest,
    role: role.withoutPolicyUpdates(),
    vpc,
    vpcSubnets: subnets,
    securityGroups: [s.securityGroup],
    environmentEncryption: s.key,
    logGroup: s.logGroup,
    deadLetterQueue: s.deadLetterQueue,
  });
  // Lambda checks the role's ENI permissions when it creates a VPC function.
  fn.node.addDependency(policy);
  return fn;
}

/**
 * CloudWatch Logs encrypts a log group with the caller-independent service principal, so the key
 * policy must name it, limited to the one log group (encryption context aws:logs:arn).
 */
export function allowLogGroupEncryption(key: kms.IKey, logGroupName: string, sid = 'AllowRotationLogGroup'): void {
  const stack = Stack.of(key);
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid,
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.${stack.urlSuffix}`)],
      actions: [
        'kms:Encrypt',
        'kms:Decrypt',
        'kms:ReEncryptFrom',
        'kms:ReEncryptTo',
        'kms:GenerateDataKey',
        'kms:GenerateDataKeyWithoutPlaintext',
        'kms:DescribeKey',
      ],
      resources: ['*'],
      conditions: {
        ArnEquals: {
          'kms:EncryptionContext:aws:logs:arn': stack.formatArn({
            service: 'logs',
            resource: 'log-group',
            resourceName: logGroupName,
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        },
      },
    }),
  );
}
