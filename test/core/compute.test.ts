import {
  AZURE_GPU_VM_SIZES,
  SAGEMAKER_GPU_INSTANCE_TYPES,
  validateAzureGpuVmSize,
  validateEc2GpuType,
  validateSageMakerGpuType,
  validateScaleBounds,
} from '../../lib/core/compute';
import { BlueprintConfigError } from '../../lib/core/errors';
import { thrown } from '../support/thrown';

describe('SageMaker / EC2 GPU types', () => {
  test.each([
    'ml.g4dn.xlarge',
    'ml.g5.48xlarge',
    'ml.g6e.12xlarge',
    'ml.p3.2xlarge',
    'ml.p4d.24xlarge',
    'ml.p4de.24xlarge',
    'ml.p5.48xlarge',
    'ml.p5e.48xlarge',
  ])('accepts %s', (t) => expect(validateSageMakerGpuType('p', t)).toBe(t));
  test.each([
    'ml.m5.xlarge',
    'ml.c5.2xlarge',
    'ml.trn1.32xlarge',
    'ml.inf2.xlarge',
    'ml.p2.xlarge',
    'ml.g5.3xlarge',
    'g5.xlarge',
    'ML.G5.XLARGE',
    7,
  ])('rejects %p naming the prop', (t) =>
    expect(thrown(BlueprintConfigError, () => validateSageMakerGpuType('x.types[0]', t)).prop).toBe('x.types[0]'),
  );
  test('EC2 names are the SageMaker names without ml.', () => {
    expect(validateEc2GpuType('p', 'p4d.24xlarge')).toBe('p4d.24xlarge');
    expect(() => validateEc2GpuType('p', 'ml.g5.xlarge')).toThrow(BlueprintConfigError);
    expect(() => validateEc2GpuType('p', 'm5.large')).toThrow(/EC2 GPU instance type/);
  });
  test('every listed type is ml.<family>.<size>', () => {
    for (const t of SAGEMAKER_GPU_INSTANCE_TYPES) expect(t).toMatch(/^ml\.(g|p)[0-9a-z-]+\.[0-9]*xlarge$/);
  });
});

describe('Azure GPU VM sizes', () => {
  test.each([
    'Standard_NC4as_T4_v3',
    'Standard_NC24ads_A100_v4',
    'Standard_ND96isr_H100_v5',
    'Standard_NC6s_v3',
    'Standard_NV36ads_A10_v5',
  ])('accepts %s', (s) => expect(validateAzureGpuVmSize('p', s)).toBe(s));
  test.each([
    'Standard_D4s_v5', // general purpose
    'Standard_NP10s', // N-family but FPGA
    'Standard_NV6ads_A10_v5', // a sixth of a GPU
    'Standard_NV4as_v4', // fractional AMD GPU
    'Standard_NC6', // retired K80
    'standard_nc4as_t4_v3',
  ])('rejects %s naming the prop', (s) => {
    const e = thrown(BlueprintConfigError, () => validateAzureGpuVmSize('Cluster.vmSize', s));
    expect(e.prop).toBe('Cluster.vmSize');
    expect(e.message).toMatch(/N-series/);
  });
  test('every listed size is an NC, ND or NV size', () => {
    for (const s of AZURE_GPU_VM_SIZES) expect(s).toMatch(/^Standard_N[CDV]/);
  });
});

describe('scale bounds', () => {
  test('0..N is accepted', () =>
    expect(validateScaleBounds('C', 0, 4)).toEqual({ minInstanceCount: 0, maxInstanceCount: 4 }));
  test.each([
    [0, 0, 'C.maxInstanceCount'],
    [0, -1, 'C.maxInstanceCount'],
    [0, 101, 'C.maxInstanceCount'],
    [-1, 2, 'C.minInstanceCount'],
    [3, 2, 'C.minInstanceCount'],
  ])('min %p max %p -> %s', (min, max, prop) => {
    expect(thrown(BlueprintConfigError, () => validateScaleBounds('C', min, max)).prop).toBe(prop);
  });
});
