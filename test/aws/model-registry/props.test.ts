import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { SecureDataLake } from '../../../lib/aws/data-lake';
import {
  ModelCard,
  type ModelCardProps,
  ModelRegistry,
  type ModelRegistryProps,
} from '../../../lib/aws/model-registry';
import { TrainingNetwork } from '../../../lib/aws/training-network';

/** Bad props fail at synth time with an error naming the prop. */
function base() {
  const stack = new Stack(new App(), 'S');
  const dataLake = new SecureDataLake(stack, 'Lake');
  const network = new TrainingNetwork(stack, 'Net', { s3PrefixListId: 'pl-6da54004' });
  const reader = new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountRootPrincipal() });
  return { stack, props: { dataLake, network, readers: [reader], project: 'ztai', environment: 'dev' } };
}
const registry = (over: Partial<ModelRegistryProps>) => {
  const b = base();
  return () => new ModelRegistry(b.stack, 'R', { ...b.props, ...over } as ModelRegistryProps);
};

test.each([
  [{ artifactPrefix: 'Models' }, 'ModelRegistry.artifactPrefix'],
  [{ readers: [] }, 'ModelRegistry.readers'],
  [{ retentionDays: 0 }, 'ModelRegistry.retentionDays'],
  [{ maxImages: 0 }, 'ModelRegistry.maxImages'],
  [{ untaggedImageDays: 1000 }, 'ModelRegistry.untaggedImageDays'],
  [{ signingKeyAlias: 'alias/aws/mine' }, 'ModelRegistry.signingKeyAlias'],
  [{ logRetentionDays: 30 }, 'ModelRegistry.logRetentionDays'],
  [{ verifierConcurrency: 0 }, 'ModelRegistry.verifierConcurrency'],
  [{ verifierConcurrency: 2.5 }, 'ModelRegistry.verifierConcurrency'],
])('%j -> error naming %s', (over, prop) => {
  expect(registry(over as Partial<ModelRegistryProps>)).toThrow(prop);
});

test('a network without the kms endpoint is refused', () => {
  const b = base();
  const network = new TrainingNetwork(b.stack, 'Net2', { s3PrefixListId: 'pl-6da54004', interfaceEndpoints: ['sts'] });
  expect(() => new ModelRegistry(b.stack, 'R', { ...b.props, network })).toThrow(
    'ModelRegistry.network.interfaceEndpoints',
  );
});

test('a gate outside the registry prefix is refused', () => {
  const b = base();
  const r = new ModelRegistry(b.stack, 'R', b.props);
  expect(() => r.verifySignedModel('G', r.signedModel('other/m/'))).toThrow(
    'ModelSignatureVerification(G).model.prefix',
  );
});

describe('model card props', () => {
  const stack = new Stack();
  const key = new kms.Key(stack, 'K');
  const good: ModelCardProps = {
    name: 'churn',
    description: 'd',
    owner: 'o',
    trainingData: { lineage: 'ztai:data-lake/curated', datasets: ['s3://b/p/'] },
    intendedUse: { purpose: 'p', uses: 'u', riskRating: 'Low' },
    limitations: 'l',
    evaluations: [{ name: 'e', observation: 'o', metrics: [{ name: 'auc', value: 0.9 }] }],
    securityConsiderations: 's',
    key,
  };
  let n = 0;
  const card = (p: Partial<ModelCardProps>) => () =>
    new ModelCard(stack, `C${n++}`, { ...good, ...p } as ModelCardProps);
  test('good props default to Draft', () => expect(card({})().status).toBe('Draft'));
  test.each([
    [{ name: 'bad name' }, '.name'],
    [{ status: 'Live' }, '.status'],
    [{ description: ' ' }, '.description'],
    [{ trainingData: { lineage: 'x', datasets: [] } }, '.trainingData.datasets'],
    [{ trainingData: { lineage: '', datasets: ['s3://b/'] } }, '.trainingData.lineage'],
    [{ intendedUse: { purpose: 'p', uses: 'u', riskRating: 'Severe' } }, '.intendedUse.riskRating'],
    [{ limitations: '' }, '.limitations'],
    [{ securityConsiderations: '' }, '.securityConsiderations'],
    [{ evaluations: [] }, '.evaluations'],
    [
      { evaluations: [{ name: 'e', observation: 'o', metrics: [{ name: 'auc', value: NaN }] }] },
      '.evaluations[0].metrics[0].value',
    ],
  ])('%j -> error naming %s', (p, prop) => {
    expect(card(p as Partial<ModelCardProps>)).toThrow(prop);
  });
});
