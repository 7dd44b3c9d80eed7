import { Duration, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import type * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { governanceTags } from '../../core/tags';
import { createZoneBucket } from '../data-lake/buckets';
import { acknowledgeNagRule } from '../waive';
import { ModelCard, type ModelCardProps } from './model-card';
import { type ModelRegistryProps, resolveModelRegistryProps } from './props';
import { createModelRepository } from './repository';
import { createSigningKey } from './signing-key';
import {
  createVerifierFunction,
  createVerifierRole,
  ModelSignatureVerification,
  type SignedModelReference,
} from './verification';

/**
 * The model registry and its supply chain: a model-artifact bucket hardened like the lake's zones
 * (platform CMK, versioning, object lock in governance mode, TLS only, access logs, retained), an
 * ECR repository (immutable tags, scan on push, CMK, lifecycle, platform-only policy), the model
 * signing key (KMS ECC_NIST_P256, SIGN_VERIFY) and the verify-before-deploy gate.
 *
 * The release role is the only identity that may sign, push images or write artifacts; the
 * release pipeline signs with `zt-model sign --aws-kms-key <alias>` and uploads the folder with model.sig.
 */
export class ModelRegistry extends Construct {
  public readonly bucket: s3.Bucket;
  public readonly repository: ecr.Repository;
  public readonly signingKey: kms.CfnKey;
  public readonly signingKeyAlias: kms.CfnAlias;
  public readonly releaseRole: iam.IRole;
  /** The provider function of every verification gate. */
  public readonly verifier: lambda.Function;
  public readonly artifactPrefix: string;
  /** Days every artifact version is locked and kept. */
  public readonly retentionDays: number;
  private readonly props: ModelRegistryProps;

  constructor(scope: Construct, id: string, props: ModelRegistryProps) {
    super(scope, id);
    const p = resolveModelRegistryProps(props);
    this.props = props;
    this.artifactPrefix = p.artifactPrefix;
    this.retentionDays = p.retentionDays;
    const lake = props.dataLake;
    const ownRelease = props.releaseRole
      ? undefined
      : new iam.Role(this, 'ReleaseRole', {
          assumedBy: new iam.AccountRootPrincipal(),
          description: 'Signs model releases and publishes them (artifacts, images) to the model registry',
        });
    this.releaseRole = props.releaseRole ?? ownRelease!;

    this.bucket = createZoneBucket(this, 'Artifacts', lake.key, lake.accessLogBucket, {
      zones: ['models'],
      retentionDays: p.retentionDays,
      classification: lake.classification,
      owner: 'model-registry',
      lineage: `${p.project}:model-registry`,
      // A signed release must not be overwritten or deleted in place: governance-mode object lock.
      objectLock: true,
      project: p.project,
      environment: p.environment,
    });
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DenyWritesExceptRelease',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:PutObject', 's3:DeleteObject', 's3:DeleteObjectVersion', 's3:BypassGovernanceRetention'],
        resources: [this.bucket.arnForObjects('*')],
        conditions: { ArnNotEquals: { 'aws:PrincipalArn': this.releaseRole.roleArn } },
      }),
    );
    props.network.allowS3Buckets(this.bucket.bucketArn);

    const verifierRole = createVerifierRole(this);
    const signing = createSigningKey(this, {
      alias: p.signingKeyAlias,
      signer: this.releaseRole,
      verifiers: [verifierRole, this.releaseRole],
      description: `Signs ${p.project} ${p.environment} model releases (OpenSSF Model Signing, ECDSA P-256)`,
    });
    this.signingKey = signing.key;
    this.signingKeyAlias = signing.alias;
    this.verifier = createVerifierFunction(this, {
      role: verifierRole,
      network: props.network,
      bucket: this.bucket,
      artifactPrefix: p.artifactPrefix,
      signingKey: this.signingKey,
      // Its own key, so the lake key's policy keeps trusting the account alone (no log service principal).
      key: new kms.Key(this, 'OperationsKey', {
        description: `Encrypts the ${p.project} ${p.environment} model verification function's logs, environment and DLQ`,
        alias: `alias/${p.project}-${p.environment}/model-verification`,
        enableKeyRotation: true,
        pendingWindow: Duration.days(30),
        removalPolicy: RemovalPolicy.RETAIN,
      }),
      bucketKey: lake.key,
      logRetentionDays: p.logRetentionDays,
      concurrency: p.verifierConcurrency,
      project: p.project,
      environment: p.environment,
    });

    this.repository = createModelRepository(this, {
      key: lake.key,
      pushers: [this.releaseRole],
      pullers: props.readers,
      maxImages: p.maxImages,
      untaggedImageDays: p.untaggedImageDays,
    });
    if (ownRelease) grantRelease(this, ownRelease, this.bucket, this.signingKey, this.repository, p.artifactPrefix);

    const tags = governanceTags({
      owner: 'model-registry',
      classification: lake.classification,
      lineage: `${p.project}:model-registry`,
      project: p.project,
      environment: p.environment,
    });
    for (const [k, v] of Object.entries(tags)) Tags.of(this).add(k, v);
  }

  /** A reference to a signed model folder in this registry, for the inference constructs. */
  public signedModel(prefix: string): SignedModelReference {
    return { bucket: this.bucket, prefix, signatureKey: this.signingKey };
  }

  /** A verify-before-deploy gate over one signed model folder; see requireVerifiedModel. */
  public verifySignedModel(id: string, model: SignedModelReference): ModelSignatureVerification {
    return new ModelSignatureVerification(this, id, {
      verifier: this.verifier,
      model,
      artifactPrefix: this.artifactPrefix,
    });
  }

  /** A model card encrypted with the platform CMK. */
  public addModelCard(id: string, props: Omit<ModelCardProps, 'key'>): ModelCard {
    return new ModelCard(this, id, { ...props, key: this.props.dataLake.key });
  }
}

/** Publishing rights of the registry's own release role: sign, upload artifacts, push images. */
function grantRelease(
  scope: Construct,
  role: iam.Role,
  bucket: s3.Bucket,
  key: kms.CfnKey,
  repo: ecr.Repository,
  prefix: string,
): void {
  const stack = Stack.of(scope);
  const policy = new iam.ManagedPolicy(scope, 'ReleasePolicy', {
    description: 'Model release: sign with the registry key, publish artifacts and images',
    roles: [role],
    statements: [
      new iam.PolicyStatement({ sid: 'Sign', actions: ['kms:Sign', 'kms:GetPublicKey'], resources: [key.attrArn] }),
      new iam.PolicyStatement({
        sid: 'PublishArtifacts',
        actions: ['s3:PutObject', 's3:GetObject'],
        resources: [bucket.arnForObjects(`${prefix}*`)],
      }),
      new iam.PolicyStatement({
        sid: 'ListArtifacts',
        actions: ['s3:ListBucket'],
        resources: [bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${prefix}*`] } },
      }),
      new iam.PolicyStatement({
        sid: 'LakeKeyThroughS3',
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [bucket.encryptionKey!.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `s3.${stack.region}.${stack.urlSuffix}` } },
      }),
      new iam.PolicyStatement({
        sid: 'PushImages',
        actions: [
          'ecr:BatchCheckLayerAvailability',
          'ecr:BatchGetImage',
          'ecr:GetDownloadUrlForLayer',
          'ecr:PutImage',
          'ecr:InitiateLayerUpload',
          'ecr:UploadLayerPart',
          'ecr:CompleteLayerUpload',
        ],
        resources: [repo.repositoryArn],
      }),
      new iam.PolicyStatement({ sid: 'EcrLogin', actions: ['ecr:GetAuthorizationToken'], resources: ['*'] }),
    ],
  });
  acknowledgeNagRule(
    policy,
    'AwsSolutions-IAM5[Resource::*]',
    'ecr:GetAuthorizationToken supports no resource-level permissions (IAM service authorization reference); ' +
      'pushes are scoped to the one repository, and its policy denies them to anyone but this role.',
  );
  acknowledgeNagRule(
    policy,
    `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket)}.Arn>/${prefix}*]`,
    'A signed release is a folder of many files under the registry prefix; the release role uploads every one.',
  );
}
