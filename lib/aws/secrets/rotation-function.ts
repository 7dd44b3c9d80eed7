import { Duration, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  createVpcFunction,
  createVpcFunctionSupport,
  type VpcFunctionSupport,
  vpcFunctionStatements,
  acknowledgeEniResources,
  vpcNetworkInterfacesStatements,
} from '../vpc-function';
import { acknowledgeNagRule } from '../waive';
import { ResolvedPlatformSecretsProps } from './props';
import { ROTATION_CODE, ROTATION_HANDLER } from './rotation-code';

/** The pieces of the generic rotation function, exposed as escape hatches. */
export interface RotationFunction {
  readonly function: lambda.Function;
  readonly policy: iam.ManagedPolicy;
  readonly securityGroup: ec2.SecurityGroup;
  readonly logGroup: logs.LogGroup;
  readonly deadLetterQueue: sqs.Queue;
}

export interface RotationFunctionInputs {
  readonly role: iam.Role;
  readonly key: kms.IKey;
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;
  readonly endpoint: ec2.IInterfaceVpcEndpoint;
  /** The secrets this function rotates: the only ones it may read or write. */
  readonly secrets: readonly secretsmanager.Secret[];
  readonly props: ResolvedPlatformSecretsProps;
}

/**
 * The newest Python runtime the CloudFormation resource schema accepts (cfn-lint E3030). CDK
 * 2.276 already lists python3.15, which cdk-nag's AwsSolutions-L1 then calls "latest"; the
 * template must deploy, so we stay on python3.14 and acknowledge L1 with that reason.
 */
export const ROTATION_RUNTIME = lambda.Runtime.PYTHON_3_14;

/** The newest Python runtime CDK lists (what cdk-nag's AwsSolutions-L1 compares against). */
export function latestCdkPythonRuntime(): lambda.Runtime {
  const version = (r: lambda.Runtime) => Number(r.name.slice('python3.'.length));
  return lambda.Runtime.ALL.filter((r) => /^python3\.\d+$/.test(r.name)).sort((a, b) => version(b) - version(a))[0];
}

/** The role is created before the secrets, whose resource policies name it. */
export function createRotationRole(scope: Construct): iam.Role {
  return new iam.Role(scope, 'RotationRole', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: 'Generic secret rotation function: reads and writes only the secrets it rotates',
  });
}

/**
 * The generic rotation function: in the isolated subnets, reaching only the Secrets Manager
 * endpoint (its security group has one egress rule, to the endpoint's group on 443), with
 * reserved concurrency, a KMS-encrypted environment, a KMS-encrypted log group with retention and
 * a KMS-encrypted dead-letter queue.
 *
 * Every permission of its role is in one customer-managed policy written here: the function is
 * given the role without policy updates, so neither CDK's VPC managed policy nor any implicit
 * grant widens it behind the reader's back.
 */
export function createRotationFunction(scope: Construct, i: RotationFunctionInputs): RotationFunction {
  const stack = Stack.of(scope);
  const { props } = i;
  const support = createVpcFunctionSupport(scope, {
    idPrefix: 'Rotation',
    key: i.key,
    logGroupName: `/${props.project}/${props.environment}/secrets-rotation/${scope.node.addr.slice(0, 8)}`,
    logRetentionDays: props.logRetentionDays,
    vpc: i.vpc,
    securityGroupDescription: 'Secret rotation function: egress to the Secrets Manager endpoint only',
  });
  const { logGroup, deadLetterQueue, securityGroup } = support;
  i.endpoint.connections.allowDefaultPortFrom(securityGroup, 'Secret rotation function to Secrets Manager');

  const policy = new iam.ManagedPolicy(scope, 'RotationPolicy', {
    description: 'Least privilege of the generic secret rotation function',
    roles: [i.role],
    statements: rotationStatements(stack, i, support),
  });
  acknowledgeNagRule(
    policy,
    'AwsSolutions-IAM5[Resource::*]',
    'secretsmanager:GetRandomPassword and the ec2 Describe calls a VPC function needs support no resource-level ' +
      'permissions, per the IAM service authorization reference; everything else is scoped to ARNs.',
  );
  acknowledgeEniResources(policy);

  const fn = createVpcFunction(scope, 'RotationFunction', support, {
    description: 'Rotates generated platform secrets (four-step Secrets Manager protocol)',
    runtime: ROTATION_RUNTIME,
    handler: ROTATION_HANDLER,
    code: lambda.Code.fromInline(ROTATION_CODE),
    timeout: Duration.seconds(30),
    memorySize: 256,
    role: i.role,
    policy,
    vpc: i.vpc,
    subnets: i.subnets,
    environment: {
      PASSWORD_LENGTH: String(props.passwordLength),
      EXCLUDE_CHARACTERS: props.excludeCharacters,
    },
    // Rotations are rare and per secret; a cap stops a runaway loop from starving the account.
    reservedConcurrentExecutions: props.rotationConcurrency,
  });
  if (latestCdkPythonRuntime().name !== ROTATION_RUNTIME.name) {
    acknowledgeNagRule(
      fn,
      'AwsSolutions-L1',
      `The rotation function runs ${ROTATION_RUNTIME.name}, the newest Python runtime the CloudFormation ` +
        `resource schema accepts (cfn-lint E3030 rejects ${latestCdkPythonRuntime().name}, which this CDK ` +
        'version already lists); move up when the schema does.',
    );
  }
  return { function: fn, policy, securityGroup, logGroup, deadLetterQueue };
}

function rotationStatements(
  stack: Stack,
  i: RotationFunctionInputs,
  support: VpcFunctionSupport,
): iam.PolicyStatement[] {
  const secretArns = i.secrets.map((s) => s.secretArn);
  const via = (service: string) => ({ 'kms:ViaService': `${service}.${stack.region}.${stack.urlSuffix}` });
  return [
    new iam.PolicyStatement({
      sid: 'RotateOwnSecrets',
      actions: [
        'secretsmanager:DescribeSecret',
        'secretsmanager:GetSecretValue',
        'secretsmanager:PutSecretValue',
        'secretsmanager:UpdateSecretVersionStage',
      ],
      resources: secretArns,
    }),
    new iam.PolicyStatement({
      sid: 'GenerateValues',
      actions: ['secretsmanager:GetRandomPassword'],
      resources: ['*'],
    }),
    new iam.PolicyStatement({
      sid: 'SecretsKeyThroughSecretsManager',
      actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
      resources: [i.key.keyArn],
      conditions: {
        StringEquals: via('secretsmanager'),
        'ForAnyValue:StringEquals': { 'kms:EncryptionContext:SecretARN': secretArns },
      },
    }),
    ...vpcFunctionStatements(support),
    new iam.PolicyStatement({
      sid: 'DeadLetterKeyThroughSqs',
      actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
      resources: [i.key.keyArn],
      conditions: { StringEquals: via('sqs') },
    }),
    new iam.PolicyStatement({
      sid: 'EnvironmentKeyThroughLambda',
      actions: ['kms:Decrypt'],
      resources: [i.key.keyArn],
      conditions: { StringEquals: via('lambda') },
    }),
    ...vpcNetworkInterfacesStatements(),
  ];
}
