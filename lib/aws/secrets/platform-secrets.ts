import { RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { BlueprintConfigError } from '../../core/errors';
import { governanceTags } from '../../core/tags';
import { createSecretsKey } from './key';
import { PlatformSecretsProps, resolvePlatformSecretsProps } from './props';
import { applySecretResourcePolicy, VALUE_READ_ACTIONS } from './resource-policy';
import { createRotationFunction, createRotationRole, RotationFunction } from './rotation-function';

/**
 * Platform secrets in Secrets Manager: generated values encrypted with a customer-managed key,
 * rotated on a schedule by a generic rotation function in the isolated subnets, readable only
 * through the VPC endpoint and only by the principals named here (resource policy), retained on
 * stack deletion. Access is granted with {@link grantRead}, which includes the key's decrypt
 * through Secrets Manager for that secret only.
 *
 * Database credentials belong to the database: use RDS/Aurora `manageMasterUserPassword`, which
 * RDS rotates itself (the hosted rotation that applies there), rather than a secret here.
 */
export class PlatformSecrets extends Construct {
  /** Key of the secrets, the rotation function's environment, its logs and its DLQ. */
  public readonly key: kms.IKey;
  /** Secret name (as given in the spec) -> secret. */
  public readonly secrets: Readonly<Record<string, secretsmanager.Secret>>;
  /** Secret name -> its rotation schedule. */
  public readonly rotationSchedules: Readonly<Record<string, secretsmanager.CfnRotationSchedule>>;
  public readonly rotation: RotationFunction;
  public readonly rotationRole: iam.Role;

  private readonly readerArns: Record<string, string[]> = {};
  private grants = 0;

  constructor(scope: Construct, id: string, props: PlatformSecretsProps) {
    super(scope, id);
    const p = resolvePlatformSecretsProps(props);
    this.key = props.encryptionKey ?? createSecretsKey(this, p.project, p.environment);
    this.rotationRole = createRotationRole(this);

    const secrets: Record<string, secretsmanager.Secret> = {};
    for (const spec of p.secrets) {
      const secret = new secretsmanager.Secret(this, spec.name, {
        secretName: `${p.project}/${p.environment}/${spec.name}`,
        description: spec.description,
        encryptionKey: this.key,
        generateSecretString: {
          passwordLength: p.passwordLength,
          excludeCharacters: p.excludeCharacters,
          requireEachIncludedType: true,
        },
        removalPolicy: RemovalPolicy.RETAIN,
      });
      this.readerArns[spec.name] = [];
      applySecretResourcePolicy(secret, props.secretsManagerEndpoint, this.rotationRole, () => [
        ...this.readerArns[spec.name],
      ]);
      secrets[spec.name] = secret;
    }
    this.secrets = Object.freeze(secrets);

    this.rotation = createRotationFunction(this, {
      role: this.rotationRole,
      key: this.key,
      vpc: props.vpc,
      subnets: props.subnets ?? { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      endpoint: props.secretsManagerEndpoint,
      secrets: Object.values(secrets),
      props: p,
    });

    const schedules: Record<string, secretsmanager.CfnRotationSchedule> = {};
    for (const spec of p.secrets) {
      schedules[spec.name] = this.schedule(spec.name, secrets[spec.name], spec.rotationDays);
      for (const reader of spec.readers ?? []) this.grantRead(reader, spec.name);
    }
    this.rotationSchedules = Object.freeze(schedules);

    const tags = governanceTags({
      owner: p.owner,
      classification: p.classification,
      lineage: `${p.project}:secrets`,
      project: p.project,
      environment: p.environment,
    });
    for (const [key, value] of Object.entries(tags)) Tags.of(this).add(key, value);
  }

  /**
   * Lets `role` read one secret's value (or every secret's when `name` is omitted): GetSecretValue
   * and DescribeSecret on the secret, kms:Decrypt on the key only through Secrets Manager and only
   * for that secret (`kms:EncryptionContext:SecretARN`), and the role's ARN joins the principals the
   * resource policy admits. The statements live in a customer-managed policy attached to the role.
   */
  public grantRead(role: iam.IRole, name?: string): iam.ManagedPolicy {
    if (!role || typeof role.roleArn !== 'string') {
      throw new BlueprintConfigError('PlatformSecrets.grantRead.role', 'an IAM role', role);
    }
    if (name !== undefined && !Object.prototype.hasOwnProperty.call(this.secrets, name)) {
      throw new BlueprintConfigError(
        'PlatformSecrets.grantRead.name',
        `one of ${Object.keys(this.secrets).join(', ')}`,
        name,
      );
    }
    const names = name === undefined ? Object.keys(this.secrets) : [name];
    const arns = names.map((n) => this.secrets[n].secretArn);
    for (const n of names) this.readerArns[n].push(role.roleArn);
    const stack = Stack.of(this);
    this.grants += 1;
    return new iam.ManagedPolicy(this, `Read${this.grants}`, {
      description: `Read ${names.join(', ')} (${this.node.path})`,
      roles: [role],
      statements: [
        new iam.PolicyStatement({
          sid: 'ReadSecretValue',
          actions: [...VALUE_READ_ACTIONS, 'secretsmanager:DescribeSecret'],
          resources: arns,
        }),
        new iam.PolicyStatement({
          sid: 'DecryptThroughSecretsManager',
          actions: ['kms:Decrypt'],
          resources: [this.key.keyArn],
          conditions: {
            StringEquals: { 'kms:ViaService': `secretsmanager.${stack.region}.${stack.urlSuffix}` },
            'ForAnyValue:StringEquals': { 'kms:EncryptionContext:SecretARN': arns },
          },
        }),
      ],
    });
  }

  private schedule(name: string, secret: secretsmanager.Secret, days: number): secretsmanager.CfnRotationSchedule {
    // Only Secrets Manager, and only on behalf of this secret, may invoke the function for it.
    const permission = new lambda.CfnPermission(this, `${name}InvokeRotation`, {
      action: 'lambda:InvokeFunction',
      functionName: this.rotation.function.functionArn,
      principal: 'secretsmanager.amazonaws.com',
      sourceArn: secret.secretArn,
    });
    const schedule = new secretsmanager.CfnRotationSchedule(this, `${name}Rotation`, {
      secretId: secret.secretArn,
      rotationLambdaArn: this.rotation.function.functionArn,
      rotationRules: { automaticallyAfterDays: days },
    });
    // The first rotation runs at creation: the function must be invocable and allowed to rotate.
    schedule.node.addDependency(permission, this.rotation.policy);
    return schedule;
  }
}
