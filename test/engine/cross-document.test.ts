import { buildGraph, loadCloudFormationObject, loadTerraformObject } from '../../policies/engine';
import type { Document } from '../../policies/engine';

/**
 * References across documents of one deployment: a nested stack's parameters resolve to what its
 * parent passes, Fn::ImportValue to another stack's Export, Fn::GetAtt Stack.Outputs.X to the
 * nested stack's output, and a cdktf cross-stack output to the producing stack's value. Outside
 * one deployment they stay unknown.
 */

const cfn = (id: string, template: Record<string, unknown>, extra: Partial<Document> = {}): Document => {
  const doc = loadCloudFormationObject(template, { file: `${id}.template.json`, stack: id });
  return { ...doc, outputs: template.Outputs as Record<string, unknown>, ...extra };
};

const KEY = { Type: 'AWS::KMS::Key', Properties: {} };

const parent = cfn(
  'Parent',
  {
    Resources: {
      Key: KEY,
      Child: {
        Type: 'AWS::CloudFormation::Stack',
        Properties: { TemplateURL: 'child.json', Parameters: { KeyArn: { 'Fn::GetAtt': ['Key', 'Arn'] } } },
      },
      FromChild: {
        Type: 'AWS::Logs::LogGroup',
        Properties: { KmsKeyId: { 'Fn::GetAtt': ['Child', 'Outputs.TopicKey'] } },
      },
    },
    Outputs: { KeyOut: { Value: { 'Fn::GetAtt': ['Key', 'Arn'] }, Export: { Name: { 'Fn::Sub': 'shared-key' } } } },
  },
  { deployment: 'cdk.out' },
);

const child = cfn(
  'Parent/Child',
  {
    Parameters: { KeyArn: { Type: 'String' }, Retention: { Type: 'Number', Default: 90 } },
    Resources: {
      ChildKey: KEY,
      Logs: {
        Type: 'AWS::Logs::LogGroup',
        Properties: { KmsKeyId: { Ref: 'KeyArn' }, RetentionInDays: { Ref: 'Retention' } },
      },
    },
    Outputs: { TopicKey: { Value: { Ref: 'ChildKey' } } },
  },
  { deployment: 'cdk.out', parent: { documentId: '', address: 'Child' } },
);
const nested = { ...child, parent: { documentId: parent.id, address: 'Child' } };

const other = cfn(
  'Other',
  {
    Resources: {
      Imported: { Type: 'AWS::Logs::LogGroup', Properties: { KmsKeyId: { 'Fn::ImportValue': 'shared-key' } } },
    },
  },
  { deployment: 'cdk.out' },
);

describe('CloudFormation within one cloud assembly', () => {
  const graph = buildGraph([parent, nested, other]);
  const res = (doc: Document, address: string) => doc.resources.find((r) => r.address === address)!;
  const key = res(parent, 'Key');

  test('a nested-stack parameter resolves to what the parent passes', () => {
    expect(graph.value(res(nested, 'Logs'), 'KmsKeyId')).toEqual({ kind: 'reference', to: key, attribute: 'Arn' });
  });

  test('a parameter the parent does not pass takes the nested stack Default', () => {
    expect(graph.value(res(nested, 'Logs'), 'RetentionInDays')).toEqual({ kind: 'literal', value: 90 });
  });

  test('Fn::ImportValue resolves to the Export of another stack', () => {
    expect(graph.value(res(other, 'Imported'), 'KmsKeyId')).toEqual({ kind: 'reference', to: key, attribute: 'Arn' });
  });

  test('Fn::GetAtt of a nested stack output resolves into the nested stack', () => {
    expect(graph.value(res(parent, 'FromChild'), 'KmsKeyId')).toEqual({
      kind: 'reference',
      to: res(nested, 'ChildKey'),
    });
  });

  test('companions are searched across the deployment', () => {
    expect(graph.sameDeployment(key, 'AWS::Logs::LogGroup').map((r) => r.address)).toEqual([
      'FromChild',
      'Logs',
      'Imported',
    ]);
  });
});

describe('outside one deployment, cross-document references stay unknown', () => {
  test('an import with no deployment', () => {
    const alone = { ...other, deployment: undefined };
    const graph = buildGraph([{ ...parent, deployment: undefined }, alone]);
    const imported = alone.resources[0];
    expect(graph.value(imported, 'KmsKeyId')).toMatchObject({ kind: 'unknown', reason: /Fn::ImportValue/ });
  });
});

describe('cdktf cross-stack outputs', () => {
  const producer: Document = {
    ...loadTerraformObject(
      { resource: { aws_kms_key: { key: {} } } },
      { file: 'cdktf.out/stacks/producer/cdk.tf.json', stack: 'producer' },
    ),
    deployment: 'cdktf.out',
    outputs: { 'cross-stack-output-aws_kms_keykeyarn': { value: '${aws_kms_key.key.arn}', sensitive: true } },
  };
  const consumer: Document = {
    ...loadTerraformObject(
      {
        resource: {
          aws_cloudwatch_log_group: {
            logs: {
              kms_key_id:
                '${data.terraform_remote_state.cross-stack-reference-input-producer.outputs.cross-stack-output-aws_kms_keykeyarn}',
            },
          },
        },
      },
      { file: 'cdktf.out/stacks/consumer/cdk.tf.json', stack: 'consumer' },
    ),
    deployment: 'cdktf.out',
  };

  test('a remote-state output resolves to the producing stack value', () => {
    const graph = buildGraph([producer, consumer]);
    expect(graph.value(consumer.resources[0], 'kms_key_id')).toEqual({
      kind: 'reference',
      to: producer.resources[0],
      attribute: 'arn',
    });
  });

  test('without the producing stack loaded it is unknown', () => {
    const graph = buildGraph([consumer]);
    expect(graph.value(consumer.resources[0], 'kms_key_id')).toMatchObject({ kind: 'unknown' });
  });
});

describe('flattened local modules', () => {
  test('a reference into a module resolves to the flattened resource; an unknown module stays unknown', () => {
    const doc = loadTerraformObject(
      {
        resource: {
          aws_cloudwatch_log_group: {
            logs: { kms_key_id: '${module.keys.aws_kms_key.main.arn}' },
            other: { kms_key_id: '${module.missing.key_arn}' },
          },
        },
      },
      { file: 'root.tf.json' },
    );
    const key = loadTerraformObject({ resource: { aws_kms_key: { main: {} } } }, { file: 'mod.tf.json' }).resources[0];
    const flattened: Document = {
      ...doc,
      resources: [...doc.resources, { ...key, address: 'module.keys.aws_kms_key.main', documentId: doc.id }],
    };
    const graph = buildGraph([flattened]);
    const [logs, other, moduleKey] = flattened.resources;
    expect(graph.value(logs, 'kms_key_id')).toEqual({ kind: 'reference', to: moduleKey, attribute: 'arn' });
    expect(graph.value(other, 'kms_key_id')).toMatchObject({ kind: 'unknown', reason: /module output/ });
  });
});
