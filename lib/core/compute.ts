import { hasInstanceStore } from '../../policies/rules/shared/instance-store';
import { BlueprintConfigError } from './errors';
import { validateIntRange, validateNonEmpty, validateUnique } from './validate';

/**
 * GPU compute vocabulary shared by both clouds: which instance types / VM sizes count as GPU, and
 * the scale bounds every training cluster obeys. One table per cloud, one validation, so a bad size
 * fails the same way on AWS and Azure.
 */

/**
 * SageMaker GPU instance families and the sizes SageMaker training offers (NVIDIA only). The EC2
 * names are the same without the `ml.` prefix. Trainium (trn*) and Inferentia (inf*) are
 * accelerators but not GPUs, and retired families (p2) are left out on purpose.
 */
export const SAGEMAKER_GPU_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  g4dn: ['xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'], // T4
  g5: ['xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '48xlarge'], // A10G
  g6: ['xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '48xlarge'], // L4
  g6e: ['xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '48xlarge'], // L40S
  p3: ['2xlarge', '8xlarge', '16xlarge'], // V100
  p3dn: ['24xlarge'], // V100 32 GB
  p4d: ['24xlarge'], // A100 40 GB
  p4de: ['24xlarge'], // A100 80 GB
  p5: ['4xlarge', '48xlarge'], // H100
  p5e: ['48xlarge'], // H200
  p5en: ['48xlarge'], // H200, EFAv3
};

/** Every SageMaker GPU instance type, e.g. ml.g5.2xlarge. */
export const SAGEMAKER_GPU_INSTANCE_TYPES: readonly string[] = Object.entries(SAGEMAKER_GPU_FAMILIES).flatMap(
  ([family, sizes]) => sizes.map((size) => `ml.${family}.${size}`),
);

/**
 * Whether a SageMaker instance type (`ml.<family>.<size>`) has local NVMe storage instead of EBS:
 * its hardware encrypts it and SageMaker refuses a VolumeKmsKeyId / KmsKeyId for it. One list
 * (policies/rules/shared/instance-store.ts) serves the constructs and the rules.
 */
export function sageMakerHasLocalStorage(instanceType: string): boolean {
  return hasInstanceStore(instanceType);
}

/**
 * Azure N-series sizes with whole NVIDIA or AMD data-centre GPUs that Azure ML compute clusters
 * run. Deliberately absent: NP (FPGA, not GPU), NVv4 and the NV6/12/18ads_A10_v5 sizes (fractions
 * of a GPU, for virtual desktops), NG (Radeon for gaming/VDI), and the retired NC v1/v2, ND v1 and
 * NV v1 series.
 */
export const AZURE_GPU_SERIES: Readonly<Record<string, readonly string[]>> = {
  'NCv3 (V100)': ['Standard_NC6s_v3', 'Standard_NC12s_v3', 'Standard_NC24s_v3', 'Standard_NC24rs_v3'],
  'NCasT4_v3 (T4)': ['Standard_NC4as_T4_v3', 'Standard_NC8as_T4_v3', 'Standard_NC16as_T4_v3', 'Standard_NC64as_T4_v3'],
  'NC A100 v4': ['Standard_NC24ads_A100_v4', 'Standard_NC48ads_A100_v4', 'Standard_NC96ads_A100_v4'],
  'NCads H100 v5': ['Standard_NC40ads_H100_v5', 'Standard_NC80adis_H100_v5'],
  'NDv2 (V100)': ['Standard_ND40rs_v2'],
  'ND A100 v4': ['Standard_ND96asr_v4', 'Standard_ND96amsr_A100_v4'],
  'ND H100 v5': ['Standard_ND96isr_H100_v5'],
  'ND H200 v5': ['Standard_ND96isr_H200_v5'],
  'ND MI300X v5': ['Standard_ND96isr_MI300X_v5'],
  'NVv3 (M60)': ['Standard_NV12s_v3', 'Standard_NV24s_v3', 'Standard_NV48s_v3'],
  'NVads A10 v5 (whole GPUs)': ['Standard_NV36ads_A10_v5', 'Standard_NV36adms_A10_v5', 'Standard_NV72ads_A10_v5'],
};

export const AZURE_GPU_VM_SIZES: readonly string[] = Object.values(AZURE_GPU_SERIES).flat();

/** Largest cluster either construct accepts: a guard against typos that would bill hundreds of GPUs. */
export const MAX_GPU_INSTANCE_COUNT = 100;

export const DEFAULT_SAGEMAKER_GPU_TYPES: readonly string[] = ['ml.g5.xlarge', 'ml.g5.2xlarge', 'ml.g6.xlarge'];
export const DEFAULT_AZURE_GPU_VM_SIZE = 'Standard_NC4as_T4_v3';
export const DEFAULT_MAX_INSTANCE_COUNT = 4;

/** A SageMaker GPU instance type (`ml.<family>.<size>`); errors list the accepted families. */
export function validateSageMakerGpuType(prop: string, value: unknown): string {
  if (typeof value !== 'string' || !SAGEMAKER_GPU_INSTANCE_TYPES.includes(value)) {
    throw new BlueprintConfigError(
      prop,
      `a SageMaker GPU instance type (ml.<family>.<size>, families ${Object.keys(SAGEMAKER_GPU_FAMILIES).join(', ')})`,
      value,
    );
  }
  return value;
}

/** An EC2 GPU instance type: a SageMaker GPU type without `ml.`, e.g. g5.2xlarge. */
export function validateEc2GpuType(prop: string, value: unknown): string {
  if (typeof value !== 'string' || !SAGEMAKER_GPU_INSTANCE_TYPES.includes(`ml.${value}`)) {
    throw new BlueprintConfigError(
      prop,
      `an EC2 GPU instance type (<family>.<size>, families ${Object.keys(SAGEMAKER_GPU_FAMILIES).join(', ')})`,
      value,
    );
  }
  return value;
}

/** An Azure N-series GPU VM size with whole GPUs, spelled as ARM does (Standard_NC4as_T4_v3). */
export function validateAzureGpuVmSize(prop: string, value: unknown): string {
  if (typeof value !== 'string' || !AZURE_GPU_VM_SIZES.includes(value)) {
    throw new BlueprintConfigError(
      prop,
      `an Azure GPU VM size from the N-series (${Object.keys(AZURE_GPU_SERIES).join('; ')}), e.g. ${DEFAULT_AZURE_GPU_VM_SIZE}`,
      value,
    );
  }
  return value;
}

/** Instances of one training job or cluster: 1..MAX_GPU_INSTANCE_COUNT. */
export function validateGpuInstanceCount(prop: string, value: unknown): number {
  return validateIntRange(prop, value, 1, MAX_GPU_INSTANCE_COUNT);
}

/** Scale bounds of a training cluster: min nodes (idle floor) and max nodes (cost ceiling). */
export interface ScaleBounds {
  readonly minInstanceCount: number;
  readonly maxInstanceCount: number;
}

/**
 * Validates `min` (0..MAX) and `max` (1..MAX) and `min <= max`. A zero floor is the compliant
 * default: idle GPUs cost money and are attack surface.
 */
export function validateScaleBounds(prefix: string, min: unknown, max: unknown): ScaleBounds {
  const maxInstanceCount = validateGpuInstanceCount(`${prefix}.maxInstanceCount`, max);
  const minInstanceCount = validateIntRange(`${prefix}.minInstanceCount`, min, 0, MAX_GPU_INSTANCE_COUNT);
  if (minInstanceCount > maxInstanceCount) {
    throw new BlueprintConfigError(
      `${prefix}.minInstanceCount`,
      `at most maxInstanceCount (${maxInstanceCount})`,
      minInstanceCount,
    );
  }
  return { minInstanceCount, maxInstanceCount };
}

/** A non-empty, duplicate-free list of SageMaker GPU instance types. */
export function validateSageMakerGpuTypes(prop: string, value: readonly unknown[] | undefined): string[] {
  const list = validateNonEmpty(prop, value);
  const types = list.map((t, i) => validateSageMakerGpuType(`${prop}[${i}]`, t));
  validateUnique(prop, types);
  return types;
}
