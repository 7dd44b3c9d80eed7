/**
 * Instance families whose hosts carry local NVMe instance-store volumes, from EC2's instance-store
 * table (the SageMaker `ml.` names are the EC2 names with a prefix). SageMaker rejects a `KmsKeyId`
 * in an endpoint config that uses them: the volumes are encrypted by the Nitro hardware with keys
 * that never leave the instance. The constructs omit the key for them and the policy rule accepts
 * its absence for them only, so both read this one list. Dependency-free on purpose: lib/ and
 * policies/ may both import it.
 */
export const INSTANCE_STORE_FAMILIES: readonly string[] = [
  // general purpose / compute / memory optimized with a "d" (local disk) suffix
  'm5d',
  'm6id',
  'c5d',
  'c6id',
  'r5d',
  'r6id',
  // GPU families (every size carries NVMe)
  'g4dn',
  'g4ad',
  'g5',
  'g6',
  'g6e',
  'p3dn',
  'p4d',
  'p4de',
  'p5',
  'p5e',
  'p5en',
  // Trainium
  'trn1',
  'trn1n',
  'trn2',
];

/** EC2's "d" attribute (c5d, m5ad, r6gd, ...): families with local NVMe disks besides those listed. */
const D_ATTRIBUTE = /^[a-z]+\d+[a-z-]*d/;

/** Family of an instance type with or without the `ml.` prefix: ml.g5.xlarge -> g5; undefined if malformed. */
export function instanceFamily(instanceType: string): string | undefined {
  const m = /^(?:ml\.)?([a-z0-9-]+)\.[a-z0-9-]+$/.exec(instanceType);
  return m ? m[1] : undefined;
}

/** True when the instance type's hosts have local NVMe instance storage (so no KmsKeyId). */
export function hasInstanceStore(instanceType: string): boolean {
  const family = instanceFamily(instanceType);
  return family !== undefined && (INSTANCE_STORE_FAMILIES.includes(family) || D_ATTRIBUTE.test(family));
}

/** Why a missing KmsKeyId is accepted for these types (the rule's pass message). */
export const NVME_REASON =
  'its local NVMe instance store is encrypted by the host hardware, and SageMaker rejects a KmsKeyId for it';
