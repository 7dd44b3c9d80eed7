/**
 * SageMaker instance families with local NVMe instance storage. SageMaker rejects a KmsKeyId on
 * endpoint configs using them: their instance store is encrypted by a hardware module on the host
 * with a key that never leaves it (EC2's instance-store volume table; SageMaker's "KmsKeyId"
 * reference for CreateEndpointConfig). A family missing here only means a key is required, which
 * SageMaker would then reject: a loud error, never a silent pass.
 */
export const NVME_INSTANCE_FAMILIES: ReadonlySet<string> = new Set([
  'c5d',
  'm5d',
  'r5d',
  'c6gd',
  'm6gd',
  'r6gd',
  'g4dn',
  'g5',
  'g6',
  'g6e',
  'p3dn',
  'p4d',
  'p4de',
  'p5',
  'p5e',
  'p5en',
  'trn1',
  'trn1n',
]);

export const NVME_REASON =
  'its local NVMe instance store is encrypted by the host hardware, and SageMaker rejects a KmsKeyId for it';

/** The family of a SageMaker instance type: "ml.g5.2xlarge" is "g5"; undefined when not of that form. */
export function instanceFamily(instanceType: string): string | undefined {
  const parts = instanceType.split('.');
  return parts.length === 3 && parts[0] === 'ml' ? parts[1] : undefined;
}

export function hasInstanceStore(instanceType: string): boolean {
  const family = instanceFamily(instanceType);
  return family !== undefined && NVME_INSTANCE_FAMILIES.has(family);
}
