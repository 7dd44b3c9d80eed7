import { Stack, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import { Construct } from 'constructs';
import { governanceTags } from '../../core/tags';
import { buildPipelineDefinition } from './definition';
import { createApproverRole, createModelPackageGroup } from './model-package-group';
import { resolveTrainingPipelineProps, TrainingPipelineProps } from './props';
import { createPipelineRole } from './role';

/**
 * The MLOps approval gate on AWS: a SageMaker Pipeline whose Training step runs a GPU job in the
 * isolated subnets with network isolation, inter-container encryption and the platform key on
 * volumes and artifacts, then a RegisterModel step that files the model into a model package group
 * as PendingManualApproval. Nothing is approved by the pipeline: the group's resource policy lets
 * only the approvers change a version's status, and the pipeline role explicitly may not.
 */
export class TrainingPipeline extends Construct {
  public readonly pipeline: sagemaker.CfnPipeline;
  public readonly modelPackageGroup: sagemaker.CfnModelPackageGroup;
  /** The role SageMaker Pipelines runs the steps as. */
  public readonly role: iam.Role;
  public readonly policy: iam.ManagedPolicy;
  /** The created approver role; undefined when `approvers` were given. */
  public readonly approverRole?: iam.Role;
  /** The definition as an object (tokens unresolved); the template holds it as a JSON string. */
  public readonly definition: Record<string, unknown>;
  public readonly modelGroupName: string;

  constructor(scope: Construct, id: string, props: TrainingPipelineProps) {
    super(scope, id);
    const p = resolveTrainingPipelineProps(props);
    this.modelGroupName = p.modelGroupName;

    const { role, policy } = createPipelineRole(this, {
      trainingRole: props.trainingRole,
      encryptionKey: props.encryptionKey,
      modelGroupName: p.modelGroupName,
      jobGuardrail: props.jobGuardrail,
    });
    this.role = role;
    this.policy = policy;
    this.approverRole = props.approvers?.length ? undefined : createApproverRole(this, p.modelGroupName);
    const approvers = props.approvers?.length ? props.approvers : [this.approverRole!];
    this.modelPackageGroup = createModelPackageGroup(
      this,
      p.modelGroupName,
      [role.roleArn],
      approvers.map((a) => a.roleArn),
    );

    const subnets = props.vpc.selectSubnets(props.subnets ?? { subnetType: ec2.SubnetType.PRIVATE_ISOLATED });
    this.definition = buildPipelineDefinition({
      trainingRoleArn: props.trainingRole.roleArn,
      trainingImage: props.trainingImage,
      inferenceImage: props.inferenceImage ?? props.trainingImage,
      inputs: props.inputs.map((input) => ({
        channelName: input.channelName,
        s3Uri: `s3://${input.bucket.bucketName}/${input.prefix ?? ''}`,
      })),
      outputS3Uri: `s3://${props.output.bucket.bucketName}/${p.outputPrefix}`,
      volumeKmsKeyArn: props.encryptionKey.keyArn,
      outputKmsKeyArn: (props.outputKey ?? props.encryptionKey).keyArn,
      subnetIds: subnets.subnetIds,
      securityGroupIds: props.securityGroups.map((sg) => sg.securityGroupId),
      instanceType: p.instanceType,
      instanceCount: p.instanceCount,
      volumeSizeGb: p.volumeSizeGb,
      maxRuntimeSeconds: p.maxRuntimeSeconds,
      modelGroupName: p.modelGroupName,
    });

    this.pipeline = new sagemaker.CfnPipeline(this, 'Pipeline', {
      pipelineName: p.pipelineName,
      pipelineDescription: 'GPU training in the isolated subnets, then registration pending manual approval',
      roleArn: role.roleArn,
      pipelineDefinition: { PipelineDefinitionBody: Stack.of(this).toJsonString(this.definition) },
    });
    // The steps need the role's permissions and the group to exist the moment an execution starts.
    this.pipeline.node.addDependency(policy, this.modelPackageGroup);

    const tags = governanceTags({
      owner: p.owner,
      classification: p.classification,
      lineage: `${p.project}:pipeline`,
      project: p.project,
      environment: p.environment,
    });
    for (const [key, value] of Object.entries(tags)) Tags.of(this).add(key, value);
  }
}
