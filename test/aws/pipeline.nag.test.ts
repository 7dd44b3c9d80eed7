import { Stack } from 'aws-cdk-lib';
import { NagFinding, synthWithNag, tempApp } from './secrets-fixture';
import { buildPipeline } from './pipeline-fixture';

// cdk-nag (AwsSolutions, NIST 800-53 R5, HIPAA Security) and the zero-trust pack, one synth.
const { app, remove } = tempApp('pipeline-nag');
buildPipeline(new Stack(app, 'S'));
const result = synthWithNag(app);
afterAll(remove);
const mine = (f: NagFinding) => f.path.startsWith('S/Pipeline/');

test('no open finding from any pack on the construct', () => {
  expect(result.open.filter(mine)).toEqual([]);
});

test('acknowledgements: only the IAM5 wildcards SageMaker naming imposes, each with its reason', () => {
  const acks = result.acknowledged.filter(mine);
  expect(acks.map((a) => [a.rule, a.path]).sort()).toEqual(
    [
      ['AwsSolutions-IAM5[Resource::*]', 'S/Pipeline/ApproverPolicy/Resource'],
      [
        'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:sagemaker:<AWS::Region>:<AWS::AccountId>:model-package/ztai-dev-models/*]',
        'S/Pipeline/ApproverPolicy/Resource',
      ],
      [
        'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:sagemaker:<AWS::Region>:<AWS::AccountId>:model-package/ztai-dev-models/*]',
        'S/Pipeline/PipelinePolicy/Resource',
      ],
      [
        'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:sagemaker:<AWS::Region>:<AWS::AccountId>:training-job/pipelines-*]',
        'S/Pipeline/PipelinePolicy/Resource',
      ],
    ].sort(),
  );
  for (const a of acks) expect(a.reason!.length).toBeGreaterThan(80);
});
