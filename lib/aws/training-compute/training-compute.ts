import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import { Construct } from 'constructs';
import { buildIsolationPolicy, IamPolicyJson, splitIsolationPolicy } from './isolation-policy';
import { createGpuLaunchTemplate } from './launch-template';
import { resolveTrainingComputeProps, ResolvedTrainingComputeProps, TrainingComputeProps } from './props';
import { createDataScienceRole, createTrainingRole } from './roles';
import { createStudioDomain } from './studio';

/**
 * Private GPU training on SageMaker: a VPC-only Studio domain, a least-privilege training role,
 * the preventive isolation policy that forces every job into the platform's network, keys and GPU
 * types, and a hardened launch template for self-managed GPU nodes.
 *
 * The network (VPC, isolated subnets, security groups, endpoints) comes from training-network;
 * this construct creates no network path of its own.
 */
export class TrainingCompute extends Construct {
  /** CMK for ML volumes, Studio's EFS and GPU node disks. */
  public readonly key: kms.IKey;
  public readonly trainingRole: iam.Role;
  /** Studio users' execution role (isolation policy attached). */
  public readonly dataScienceRole: iam.Role;
  /** Deny-only managed policies (jobs and models; notebooks, Studio and HyperPod): attach both. */
  public readonly isolationPolicies: { readonly jobs: iam.ManagedPolicy; readonly workspaces: iam.ManagedPolicy };
  /**
   * The whole isolation policy as plain IAM JSON (values may be tokens; render with
   * `Stack.of(x).toJsonString(...)`), for a permissions boundary or SCPs (split it with
   * splitIsolationPolicy to stay within the size limits).
   */
  public readonly isolationPolicyDocument: IamPolicyJson;
  public readonly domain: sagemaker.CfnDomain;
  public readonly launchTemplate?: ec2.LaunchTemplate;
  public readonly gpuNodeRole?: iam.Role;
  /** Subnets jobs and nodes must use. */
  public readonly subnetIds: string[];
  public readonly securityGroupIds: string[];
  public readonly allowedInstanceTypes: readonly string[];
  /** Per-job instance ceiling for pipelines (IAM cannot express it; see isolation-policy.ts). */
  public readonly maxInstanceCount: number;
  /** KMS key ARN jobs must name as OutputKmsKeyId (the artifact bucket's key). */
  public readonly outputKeyArn: string;
  /** Where jobs must write: s3://<artifact bucket>/<prefix> (the training role can write nowhere else). */
  public readonly artifactS3Uri: string;

  private readonly resolved: ResolvedTrainingComputeProps;

  constructor(scope: Construct, id: string, props: TrainingComputeProps) {
    super(scope, id);
    const p = resolveTrainingComputeProps(props);
    this.resolved = p;
    this.allowedInstanceTypes = p.allowedInstanceTypes;
    this.maxInstanceCount = p.maxInstanceCount;
    this.subnetIds = props.vpc.selectSubnets(p.subnets).subnetIds;
    this.securityGroupIds = props.securityGroups.map((g) => g.securityGroupId);
    this.key =
      props.key ??
      new kms.Key(this, 'Key', {
        description: `Encrypts ${p.project} ${p.environment} ML volumes, Studio home directories and GPU node disks`,
        alias: `alias/${p.project}-${p.environment}/training-compute`,
        enableKeyRotation: true,
        pendingWindow: Duration.days(30),
        removalPolicy: RemovalPolicy.RETAIN,
      });
    const artifactKey = (props.modelArtifacts.key ?? props.modelArtifacts.bucket.encryptionKey) as kms.IKey;
    this.outputKeyArn = artifactKey.keyArn;
    this.artifactS3Uri = `s3://${props.modelArtifacts.bucket.bucketName}/${p.artifactPrefix}`;

    this.trainingRole = createTrainingRole(this, {
      props,
      resolved: p,
      volumeKey: this.key,
      artifactKey,
      subnetIds: this.subnetIds,
    });

    this.isolationPolicyDocument = buildIsolationPolicy({
      subnetIds: this.subnetIds,
      securityGroupIds: this.securityGroupIds,
      volumeKmsKeyArns: [this.key.keyArn],
      outputKmsKeyArns: [artifactKey.keyArn],
      trainingInstanceTypes: p.allowedInstanceTypes,
      notebookInstanceTypes: p.notebookInstanceTypes,
    });
    const split = splitIsolationPolicy(this.isolationPolicyDocument);
    this.isolationPolicies = {
      jobs: new iam.ManagedPolicy(this, 'JobIsolationPolicy', {
        description:
          'Denies SageMaker jobs and models outside the platform subnets, security groups and KMS keys, without ' +
          'network isolation or inter-container encryption, or on non-approved GPU instance types.',
        document: iam.PolicyDocument.fromJson(split.jobs),
      }),
      workspaces: new iam.ManagedPolicy(this, 'WorkspaceIsolationPolicy', {
        description:
          'Denies SageMaker notebooks, Studio domains and apps, and HyperPod clusters outside the platform network ' +
          'and keys, with direct internet, root access or IMDSv1, or on non-approved instance types.',
        document: iam.PolicyDocument.fromJson(split.workspaces),
      }),
    };

    this.dataScienceRole = createDataScienceRole(this, { props, resolved: p, trainingRole: this.trainingRole });
    this.attachIsolationPolicy(this.dataScienceRole);

    this.domain = createStudioDomain(this, {
      name: `${p.project}-${p.environment}-studio`,
      vpcId: props.vpc.vpcId,
      subnetIds: this.subnetIds,
      securityGroupIds: this.securityGroupIds,
      key: this.key,
      executionRole: this.dataScienceRole,
    });

    if (p.launchTemplate) {
      const lt = createGpuLaunchTemplate(this, p.launchTemplate, this.key, props.securityGroups);
      this.launchTemplate = lt.launchTemplate;
      this.gpuNodeRole = lt.role;
    }
  }

  /** Attaches both isolation (deny) policies to a role that may call SageMaker (pipeline, CI, users). */
  public attachIsolationPolicy(role: iam.IRole): void {
    role.addManagedPolicy(this.isolationPolicies.jobs);
    role.addManagedPolicy(this.isolationPolicies.workspaces);
  }

  /**
   * The isolation policy as a permissions boundary: the denies plus an allow-all, so the boundary
   * caps what the role's own policies grant without granting anything itself. Plain JSON, render
   * with `Stack.of(this).toJsonString(...)`.
   */
  public permissionsBoundaryDocument(): Record<string, unknown> {
    return {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'BoundaryAllowsWhatPoliciesGrant', Effect: 'Allow', Action: '*', Resource: '*' },
        ...this.isolationPolicyDocument.Statement,
      ],
    };
  }

  /** Zones the training role reads. */
  public get readZones(): readonly string[] {
    return this.resolved.readZones;
  }
}
