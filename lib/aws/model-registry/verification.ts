import { readFileSync } from 'fs';
import { join } from 'path';
import { CustomResource, Duration, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import { Construct, type IDependable } from 'constructs';
import { BlueprintConfigError } from '../../core/errors';
import type { TrainingNetwork } from '../training-network';
import {
  createVpcFunction,
  createVpcFunctionSupport,
  vpcFunctionStatements,
  acknowledgeEniResources,
  vpcNetworkInterfacesStatements,
} from '../vpc-function';
import { acknowledgeNagRule } from '../waive';

/** The CloudFormation type of the gate; ZT-MODEL-004 looks for it. */
export const VERIFICATION_RESOURCE_TYPE = 'Custom::ZtModelSignatureVerification';

/**
 * Node.js runtime of the gate: the newest CDK lists (cdk-nag AwsSolutions-L1) and the CloudFormation
 * schema of cfn-lint 1.51 accepts; its AWS SDK v3 is all the handler needs.
 */
export const VERIFY_RUNTIME = lambda.Runtime.NODEJS_24_X;

/** A signed model folder in the registry: what an inference construct takes (`signedModel`). */
export interface SignedModelReference {
  readonly bucket: s3.IBucket;
  /** The model folder, ending in "/" (e.g. "models/churn/3/"). */
  readonly prefix: string;
  /** The KMS key the model was signed with (ECC_NIST_P256, SIGN_VERIFY). */
  readonly signatureKey: kms.CfnKey;
  /** Object key of the OpenSSF Model Signing bundle. @default `${prefix}model.sig` */
  readonly signatureFile?: string;
}

/** The verification function, shared by every gate of the registry. */
export interface VerifierFunctionInputs {
  /** From createVerifierRole: created before the signing key, whose policy names it. */
  readonly role: iam.Role;
  readonly network: TrainingNetwork;
  readonly bucket: s3.IBucket;
  readonly artifactPrefix: string;
  readonly signingKey: kms.CfnKey;
  /** Encrypts the function's logs, environment and dead-letter queue (the registry's own key). */
  readonly key: kms.Key;
  /** The bucket's key (the platform CMK), used only through S3. */
  readonly bucketKey: kms.IKey;
  readonly logRetentionDays: number;
  /** Reserved concurrent executions (ModelRegistry.verifierConcurrency, validated there). */
  readonly concurrency: number;
  readonly project: string;
  readonly environment: string;
}

/**
 * The provider function: in the training network's isolated subnets, reaching S3 through the
 * gateway endpoint (prefix list egress) and KMS through its interface endpoint. Its role may list
 * and read the artifact prefix, decrypt through S3, verify with the signing key, and nothing else.
 * It answers CloudFormation itself (the response URL is an S3 pre-signed URL, reached through the
 * gateway endpoint, whose policy admits CloudFormation's response bucket).
 */
export function createVerifierRole(scope: Construct): iam.Role {
  return new iam.Role(scope, 'VerifierRole', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: 'Verifies signed models before deployment: reads the artifact prefix, kms:Verify only',
  });
}

export function createVerifierFunction(scope: Construct, i: VerifierFunctionInputs): lambda.Function {
  const stack = Stack.of(scope);
  const support = createVpcFunctionSupport(scope, {
    idPrefix: 'Verifier',
    key: i.key,
    logGroupName: `/${i.project}/${i.environment}/model-verification/${scope.node.addr.slice(0, 8)}`,
    logKeySid: 'AllowModelVerificationLogGroup',
    logRetentionDays: i.logRetentionDays,
    vpc: i.network.vpc,
    securityGroupDescription: 'Model signature verification: HTTPS to the VPC endpoints and S3 only',
  });
  const sg = support.securityGroup;
  i.network.admitToEndpoints(sg, 'model signature verification');
  sg.addEgressRule(ec2.Peer.prefixList(i.network.s3PrefixListId), ec2.Port.tcp(443), 'S3 through the gateway endpoint');
  i.network.allowCloudFormationResponses();

  const role = i.role;
  const via = { 'kms:ViaService': `s3.${stack.region}.${stack.urlSuffix}` };
  const policy = new iam.ManagedPolicy(scope, 'VerifierPolicy', {
    description: 'Least privilege of the model signature verification function',
    roles: [role],
    statements: [
      new iam.PolicyStatement({
        sid: 'ReadSignedModels',
        actions: ['s3:GetObject'],
        resources: [i.bucket.arnForObjects(`${i.artifactPrefix}*`)],
      }),
      new iam.PolicyStatement({
        sid: 'ListSignedModels',
        actions: ['s3:ListBucket'],
        resources: [i.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${i.artifactPrefix}*`] } },
      }),
      new iam.PolicyStatement({
        sid: 'DecryptThroughS3',
        actions: ['kms:Decrypt'],
        resources: [i.bucketKey.keyArn],
        conditions: { StringEquals: via },
      }),
      new iam.PolicyStatement({ sid: 'VerifySignatures', actions: ['kms:Verify'], resources: [i.signingKey.attrArn] }),
      ...vpcFunctionStatements(support),
      new iam.PolicyStatement({
        sid: 'KeyThroughSqsAndLambda',
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: [i.key.keyArn],
        conditions: {
          StringEquals: { 'kms:ViaService': ['sqs', 'lambda'].map((s) => `${s}.${stack.region}.${stack.urlSuffix}`) },
        },
      }),
      ...vpcNetworkInterfacesStatements(),
    ],
  });
  acknowledgeNagRule(
    policy,
    'AwsSolutions-IAM5[Resource::*]',
    'The ec2 Describe calls a VPC function needs support no resource-level permissions (IAM service ' +
      'authorization reference); every other statement is scoped to the bucket, prefix or key.',
  );
  acknowledgeEniResources(policy);
  acknowledgeNagRule(
    policy,
    `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(i.bucket.node.defaultChild as s3.CfnBucket)}.Arn>/${i.artifactPrefix}*]`,
    'Signed models are folders of many files under the registry prefix; the function must read every one.',
  );

  return createVpcFunction(scope, 'VerifierFunction', support, {
    description: 'Verifies an OpenSSF model signature and every file digest before deployment',
    runtime: VERIFY_RUNTIME,
    handler: 'index.handler',
    code: lambda.Code.fromInline(readFileSync(join(__dirname, 'verify-handler', 'index.js'), 'utf8')),
    // Hashing multi-GB weights streams them once; the CloudFormation custom resource limit is 1 hour.
    timeout: Duration.minutes(15),
    memorySize: 1024,
    role,
    policy,
    vpc: i.network.vpc,
    subnets: i.network.subnetSelection,
    // Verification is one gate per model release: a small ceiling keeps a burst from starving the account.
    reservedConcurrentExecutions: i.concurrency,
  });
}

export interface ModelSignatureVerificationProps {
  readonly verifier: lambda.IFunction;
  readonly model: SignedModelReference;
  /** The registry prefix the verifier may read; the model must be under it. */
  readonly artifactPrefix: string;
}

/**
 * One gate: a Custom::ZtModelSignatureVerification over one signed model folder. Make what deploys
 * the model depend on it ({@link requireVerifiedModel}); a failed verification fails the stack.
 */
export class ModelSignatureVerification extends Construct {
  public readonly resource: CustomResource;
  /** Root digest of the verified statement (the `subject` digest). */
  public readonly rootDigest: string;

  constructor(scope: Construct, id: string, props: ModelSignatureVerificationProps) {
    super(scope, id);
    const { prefix } = props.model;
    if (typeof prefix !== 'string' || !prefix.startsWith(props.artifactPrefix) || !prefix.endsWith('/')) {
      throw new BlueprintConfigError(
        `ModelSignatureVerification(${id}).model.prefix`,
        `a model folder under ${props.artifactPrefix}, ending in /`,
        prefix,
      );
    }
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: props.verifier.functionArn,
      resourceType: VERIFICATION_RESOURCE_TYPE,
      properties: {
        Bucket: props.model.bucket.bucketName,
        Prefix: prefix,
        SignatureKey: props.model.signatureFile ?? `${prefix}model.sig`,
        SigningKeyArn: props.model.signatureKey.attrArn,
      },
    });
    this.rootDigest = this.resource.getAttString('RootDigest');
  }
}

/**
 * Gates a SageMaker model on a verification: CloudFormation creates the model (and so any endpoint
 * config and endpoint built on it) only after the signature and every digest verified.
 */
export function requireVerifiedModel(model: sagemaker.CfnModel, verification: IDependable): void {
  model.node.addDependency(verification);
}
