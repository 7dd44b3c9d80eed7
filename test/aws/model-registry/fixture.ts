import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import { SecureDataLake } from '../../../lib/aws/data-lake';
import { ModelRegistry, type ModelRegistryProps, requireVerifiedModel } from '../../../lib/aws/model-registry';
import { TrainingNetwork } from '../../../lib/aws/training-network';

/** A stack with the lake, the network, a reader role and the registry, plus one gated model and its card. */
export function registryStack(overrides: Partial<ModelRegistryProps> = {}) {
  const stack = new Stack(new App(), 'Registry', { env: { account: '111122223333', region: 'eu-west-1' } });
  const dataLake = new SecureDataLake(stack, 'Lake', { project: 'ztai', environment: 'dev' });
  const network = new TrainingNetwork(stack, 'Net', { s3PrefixListId: 'pl-6da54004' });
  const reader = new iam.Role(stack, 'Reader', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
  const registry = new ModelRegistry(stack, 'Registry', {
    dataLake,
    network,
    readers: [reader],
    project: 'ztai',
    environment: 'dev',
    ...overrides,
  });
  const signed = registry.signedModel('models/churn/3/');
  const verification = registry.verifySignedModel('ChurnV3', signed);
  const model = new sagemaker.CfnModel(stack, 'Model', {
    executionRoleArn: reader.roleArn,
    primaryContainer: {
      image: `${registry.repository.repositoryUri}:churn-3`,
      modelDataUrl: `s3://${signed.bucket.bucketName}/${signed.prefix}`,
    },
  });
  requireVerifiedModel(model, verification);
  const card = registry.addModelCard('ChurnCard', {
    name: 'churn-v3',
    status: 'Approved',
    description: 'Predicts customer churn',
    owner: 'ml-team',
    trainingData: { lineage: 'ztai:data-lake/curated', datasets: ['s3://curated/churn/2026-11/'] },
    intendedUse: { purpose: 'Retention outreach', uses: 'Ranking accounts for outreach', riskRating: 'Medium' },
    limitations: 'Not for credit decisions',
    evaluations: [
      { name: 'holdout', observation: 'AUC on the November holdout', metrics: [{ name: 'auc', value: 0.91 }] },
    ],
    securityConsiderations: 'Trained on pseudonymised data; outputs carry no personal data',
    modelName: model.attrModelName,
    modelArtifact: `s3://${signed.bucket.bucketName}/${signed.prefix}`,
  });
  return { stack, registry, verification, model, card, dataLake, network, reader };
}
