import { BlueprintConfigError } from '../../lib/core/errors';
import { SAGEMAKER_GPU_FAMILIES, validateGpuInstanceCount, validateSageMakerGpuType } from '../../lib/core/compute';
import { validateModelGroupName } from '../../lib/core/pipeline';
import { DEFAULT_ROTATION_DAYS, resolveSecretSpecs, validateSecretName } from '../../lib/core/secrets';
import { thrown } from '../support/thrown';

describe('shared secret specs', () => {
  test('defaults: description and the 30-day rotation', () => {
    expect(resolveSecretSpecs('X', [{ name: 'api' }])).toEqual([
      { name: 'api', description: 'api (managed by the blueprint)', rotationDays: DEFAULT_ROTATION_DAYS },
    ]);
  });

  test.each(['', '1abc', 'has_underscore', 'dot.ted', 'a'.repeat(128)])('name %p is rejected', (name) => {
    expect(thrown(BlueprintConfigError, () => validateSecretName('X.name', name)).prop).toBe('X.name');
  });

  test('a 127-character name is accepted', () => {
    expect(validateSecretName('X', `a${'b'.repeat(126)}`)).toHaveLength(127);
  });

  test('a non-object spec and a long description name their index', () => {
    expect(thrown(BlueprintConfigError, () => resolveSecretSpecs('X', [null as never])).prop).toBe('X[0]');
    const long = [{ name: 'a', description: 'd'.repeat(2049) }];
    expect(thrown(BlueprintConfigError, () => resolveSecretSpecs('X', long)).prop).toBe('X[0].description');
  });
});

describe('shared pipeline validators', () => {
  test.each(Object.entries(SAGEMAKER_GPU_FAMILIES).map(([f, sizes]) => `ml.${f}.${sizes[0]}`))(
    '%s is a GPU type (the one catalogue pipeline and compute share)',
    (t) => {
      expect(validateSageMakerGpuType('T', t)).toBe(t);
    },
  );

  test.each(['ml.m5.xlarge', 'ml.t3.medium', 'ml.inf2.xlarge', 'ml.trn1.32xlarge', 'g5.xlarge', 'ml.g5', 42])(
    '%p is not a SageMaker GPU type',
    (t) => {
      expect(thrown(BlueprintConfigError, () => validateSageMakerGpuType('T', t)).prop).toBe('T');
    },
  );

  test('instance count 1..100, shared with training compute', () => {
    expect(validateGpuInstanceCount('C', 1)).toBe(1);
    expect(validateGpuInstanceCount('C', 100)).toBe(100);
    expect(thrown(BlueprintConfigError, () => validateGpuInstanceCount('C', 0)).message).toContain('from 1 to 100');
  });

  test('model group names: lower-case, 3-63', () => {
    expect(validateModelGroupName('G', 'ztai-dev-models')).toBe('ztai-dev-models');
    expect(thrown(BlueprintConfigError, () => validateModelGroupName('G', 'ab')).prop).toBe('G');
    expect(thrown(BlueprintConfigError, () => validateModelGroupName('G', 'a'.repeat(64))).prop).toBe('G');
  });
});
