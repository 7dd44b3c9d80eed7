import { App, Stack } from 'aws-cdk-lib';
import { TrainingPipelineProps } from '../../lib/aws/pipeline';
import { BlueprintConfigError } from '../../lib/core/errors';
import { validateSageMakerGpuType } from '../../lib/core/compute';
import { thrown } from '../support/thrown';
import { buildPipeline } from './pipeline-fixture';

// Validation happens in the constructor: nothing here is synthesized.
const stack = new Stack(new App(), 'Props');
let n = 0;
const build = (overrides: Partial<TrainingPipelineProps>) => () =>
  buildPipeline(new Stack(stack, `S${n++}`), overrides);
const error = (fn: () => unknown) => thrown(BlueprintConfigError, fn);

describe('TrainingPipeline props validation', () => {
  test.each([
    ['a CPU instance type', { instanceType: 'ml.m5.xlarge' }, 'TrainingPipeline.instanceType'],
    ['an EC2 (non-SageMaker) type', { instanceType: 'g5.2xlarge' }, 'TrainingPipeline.instanceType'],
    // The shared catalogue knows each family's sizes: g5 has no 3xlarge, p2 is retired, trn1 is no GPU.
    ['a size the GPU family lacks', { instanceType: 'ml.g5.3xlarge' }, 'TrainingPipeline.instanceType'],
    ['a retired GPU family', { instanceType: 'ml.p2.xlarge' }, 'TrainingPipeline.instanceType'],
    ['an accelerator that is not a GPU', { instanceType: 'ml.trn1.32xlarge' }, 'TrainingPipeline.instanceType'],
    ['zero instances', { instanceCount: 0 }, 'TrainingPipeline.instanceCount'],
    ['a fractional count', { instanceCount: 1.5 }, 'TrainingPipeline.instanceCount'],
    ['a volume of 0 GB', { volumeSizeGb: 0 }, 'TrainingPipeline.volumeSizeGb'],
    ['more than 28 days', { maxRuntimeHours: 673 }, 'TrainingPipeline.maxRuntimeHours'],
    ['an upper-case group name', { modelGroupName: 'Models' }, 'TrainingPipeline.modelGroupName'],
    ['no inputs', { inputs: [] }, 'TrainingPipeline.inputs'],
    ['no security groups', { securityGroups: [] }, 'TrainingPipeline.securityGroups'],
    ['no image', { trainingImage: ' ' }, 'TrainingPipeline.trainingImage'],
    ['no guardrail', { jobGuardrail: undefined }, 'TrainingPipeline.jobGuardrail'],
  ])('%s is rejected naming the prop', (_label, overrides, prop) => {
    expect(error(build(overrides as Partial<TrainingPipelineProps>)).prop).toBe(prop);
  });

  test('the GPU error lists the accepted families', () => {
    expect(error(build({ instanceType: 'ml.c5.xlarge' })).message).toMatch(
      /TrainingPipeline\.instanceType: expected a SageMaker GPU instance type .*g4dn, g5, g6, g6e, p3.*p5.*\(got "ml\.c5\.xlarge"\)/,
    );
  });

  test('a bad channel name names its index', () => {
    const e = error(build({ inputs: [{ channelName: 'has space', bucket: undefined as never }] }));
    expect(e.prop).toBe('TrainingPipeline.inputs[0].channelName');
  });

  test.each(['ml.g4dn.xlarge', 'ml.g5.48xlarge', 'ml.g6e.12xlarge', 'ml.p4d.24xlarge', 'ml.p5.48xlarge'])(
    'GPU type %s is accepted',
    (t) => {
      expect(validateSageMakerGpuType('x', t)).toBe(t);
    },
  );

  test('instance count at the bounds is accepted', () => {
    expect(() => build({ instanceCount: 1 })()).not.toThrow();
    expect(() => build({ instanceCount: 100 })()).not.toThrow();
    expect(error(build({ instanceCount: 101 })).prop).toBe('TrainingPipeline.instanceCount');
  });
});
