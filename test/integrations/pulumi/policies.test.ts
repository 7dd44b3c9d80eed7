import { ALL_RULES } from '../../../policies/rules';
import { PULUMI_UNKNOWN, PulumiConfigError, zeroTrustPolicies } from '../../../policies/integrations/pulumi';
import { resource, run } from './harness';

/** The CrossGuard policies: same ids as the rules, resource vs stack policies, unknowns, config waivers. */
test('one policy per rule, by the same id; only resource-scoped rules run per resource', () => {
  const policies = zeroTrustPolicies();
  expect(policies.map((p) => p.name)).toEqual(ALL_RULES.map((r) => r.id));
  for (const r of ALL_RULES) {
    const p = policies.find((x) => x.name === r.id)!;
    expect([r.id, 'validateStack' in p]).toEqual([r.id, r.scope !== 'resource']);
    expect(p.enforcementLevel).toBe(r.severity === 'low' ? 'advisory' : 'mandatory');
  }
});

describe('resource policy (ZT-DATA-002 key rotation on aws:kms/key:Key)', () => {
  test('a key without rotation is a violation naming the property', async () => {
    const v = await run('ZT-DATA-002', [resource('aws:kms/key:Key', 'lake', { enableKeyRotation: false })]);
    expect(v).toEqual([
      { message: expect.stringMatching(/^ZT-DATA-002 .*property enable_key_rotation/), urn: expect.any(String) },
    ]);
  });
  test('a rotating key passes', async () => {
    expect(await run('ZT-DATA-002', [resource('aws:kms/key:Key', 'lake', { enableKeyRotation: true })])).toEqual([]);
  });
  test('a value unknown at preview is never a violation', async () => {
    expect(
      await run('ZT-DATA-002', [resource('aws:kms/key:Key', 'lake', { enableKeyRotation: PULUMI_UNKNOWN })]),
    ).toEqual([]);
  });
});

describe('stack policy (ZT-DATA-005 public access block on a bucket)', () => {
  const bucket = resource('aws:s3/bucketV2:BucketV2', 'training-data', { bucket: PULUMI_UNKNOWN });
  const block = (flags: boolean) =>
    resource(
      'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock',
      'training-data-pab',
      {
        bucket: PULUMI_UNKNOWN,
        blockPublicAcls: flags,
        blockPublicPolicy: flags,
        ignorePublicAcls: flags,
        restrictPublicBuckets: flags,
      },
      { propertyDependencies: { bucket: [{ urn: bucket.urn }] } },
    );

  test('a bucket without a public access block is a violation on the bucket', async () => {
    const v = await run('ZT-DATA-005', [bucket]);
    expect(v.length).toBeGreaterThan(0);
    expect(v.every((x) => x.urn === bucket.urn)).toBe(true);
  });
  test('the block attached through propertyDependencies protects the bucket', async () => {
    expect(await run('ZT-DATA-005', [bucket, block(true)])).toEqual([]);
  });
  test('a block with the flags off fails on the bucket, once per flag', async () => {
    const v = await run('ZT-DATA-005', [bucket, block(false)]);
    expect(v).toHaveLength(4);
    expect(new Set(v.map((x) => x.urn))).toEqual(new Set([bucket.urn]));
  });
});

describe('azure-native readers', () => {
  const account = (props: Record<string, unknown>) => resource('azure-native:storage:StorageAccount', 'lake', props);
  test('a storage account with public network access enabled fails ZT-NETWORK-001', async () => {
    const v = await run('ZT-NETWORK-001', [account({ publicNetworkAccess: 'Enabled' })]);
    expect(v.map((x) => x.message)).toEqual([expect.stringMatching(/^ZT-NETWORK-001 .*public_network_access_enabled/)]);
  });
  test('public network access disabled passes', async () => {
    expect(await run('ZT-NETWORK-001', [account({ publicNetworkAccess: 'Disabled' })])).toEqual([]);
  });
  test('a key vault without purge protection fails ZT-DATA-009; with it passes', async () => {
    const vault = (p: boolean) =>
      resource('azure-native:keyvault:Vault', 'kv', { properties: { enablePurgeProtection: p } });
    expect(await run('ZT-DATA-009', [vault(false)])).toHaveLength(1);
    expect(await run('ZT-DATA-009', [vault(true)])).toEqual([]);
  });
  test('protect: true is the Pulumi form of prevent_destroy (ZT-DATA-008)', async () => {
    const vault = (protect: boolean) =>
      resource(
        'azure-native:keyvault:Vault',
        'kv',
        { properties: { enablePurgeProtection: true } },
        { opts: { protect } },
      );
    expect(await run('ZT-DATA-008', [vault(false)])).toHaveLength(1);
    expect(await run('ZT-DATA-008', [vault(true)])).toEqual([]);
  });
});

describe('waivers from the pack config', () => {
  const key = resource('aws:kms/key:Key', 'legacy-key', { enableKeyRotation: false });
  const waiver = (expires: string) => ({
    waivers: [{ resource: 'legacy-*', reason: 'Imported key, rotated by re-keying every year.', expires }],
  });
  test('a waiver in force matching the name pattern removes the violation', async () => {
    expect(await run('ZT-DATA-002', [key], waiver('2027-06-30'))).toEqual([]);
  });
  test('an expired waiver is a violation of its own', async () => {
    const v = await run('ZT-DATA-002', [key], waiver('2026-01-31'));
    expect(v.map((x) => x.message).join('\n')).toMatch(/expired/);
  });
  test('a waiver for another resource does not apply', async () => {
    expect(
      await run('ZT-DATA-002', [key], {
        waivers: [{ resource: 'other-*', reason: 'Imported key, rotated by re-keying.' }],
      }),
    ).toHaveLength(1);
  });
  test('a malformed waiver (reason too short) is an error naming the entry', async () => {
    await expect(run('ZT-DATA-002', [key], { waivers: [{ resource: 'legacy-*', reason: 'ok' }] })).rejects.toThrow(
      PulumiConfigError,
    );
  });
});
