import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { TrainingPipeline, TrainingPipelineProps } from '../../lib/aws/pipeline';
import { networkFixture } from './secrets-fixture';

/** Stand-ins for the data-lake and training-compute outputs the pipeline takes as props. */
export function pipelineInputs(stack: Stack): TrainingPipelineProps & { bucket: s3.Bucket; key: kms.Key } {
  const net = networkFixture(stack);
  const key = new kms.Key(stack, 'PlatformKey', { enableKeyRotation: true });
  const bucket = new s3.Bucket(stack, 'Curated', { encryptionKey: key, enforceSSL: true });
  const trainingRole = new iam.Role(stack, 'TrainingRole', {
    assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com'),
  });
  const jobGuardrail = new iam.ManagedPolicy(stack, 'Guardrail', {
    statements: [
      new iam.PolicyStatement({
        effect: iam.Effect.DENY,
        actions: ['sagemaker:CreateTrainingJob'],
        resources: ['*'],
        conditions: { Null: { 'sagemaker:VpcSubnets': 'true' } },
      }),
    ],
  });
  return {
    vpc: net.vpc,
    securityGroups: [net.trainingSg],
    encryptionKey: key,
    trainingRole,
    jobGuardrail,
    trainingImage: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/train:1.0',
    inputs: [{ channelName: 'train', bucket, prefix: 'train/' }],
    output: { bucket },
    bucket,
    key,
  };
}

export function buildPipeline(stack: Stack, overrides: Partial<TrainingPipelineProps> = {}, id = 'Pipeline') {
  const inputs = pipelineInputs(stack);
  return { inputs, pipeline: new TrainingPipeline(stack, id, { ...inputs, ...overrides }) };
}
