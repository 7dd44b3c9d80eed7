import * as fs from 'fs';
import * as path from 'path';
import { buildGraph, evaluate } from '../../policies/engine';
import { buildMatrix, renderMatrix } from '../../policies/report/matrix';
import { renderRuleDocs } from '../../policies/report/rule-docs';
import { ALL_RULES } from '../../policies/rules';
import { cfn } from '../rules/helpers';

/** docs/rules/*.md and docs/compliance-matrix.md are generated: stale checked-in copies fail here. */
const ROOT = path.resolve(__dirname, '..', '..');
const REGENERATE = 'run `npm run docs` and commit the result';

test(`docs/rules matches the rule metadata (${REGENERATE})`, () => {
  const dir = path.join(ROOT, 'docs', 'rules');
  const { files } = renderRuleDocs(ALL_RULES);
  const onDisk = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
  expect(onDisk).toEqual([...files.keys()].sort());
  for (const [name, text] of files) {
    expect({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }).toEqual({ name, text });
  }
});

test(`docs/compliance-matrix.md matches the rules and the control table (${REGENERATE})`, () => {
  const expected = renderMatrix(buildMatrix(ALL_RULES), 'md');
  expect(fs.readFileSync(path.join(ROOT, 'docs', 'compliance-matrix.md'), 'utf8')).toBe(expected);
});

test('a rule page names the rule, its fix per tool, controls with titles and equivalents', () => {
  const page = renderRuleDocs(ALL_RULES).files.get('ZT-DATA-005.md') as string;
  expect(page).toMatch(/^# ZT-DATA-005: /);
  for (const tool of ['AWS CDK', 'CloudFormation', 'Terraform', 'CDKTF', 'Pulumi'])
    expect([tool, page.includes(`**${tool} (`) || page.includes(`, ${tool} (`)]).toEqual([tool, true]);
  expect(page).toContain('| NIST SP 800-53 Rev. 5 | AC-3 | Access Enforcement |');
  expect(page).toContain('checkov **CKV_AWS_53**');
});

describe('matrix with results', () => {
  // One failing and one passing bucket: the controls of ZT-DATA-001 count 2 resources, 1 fail.
  const doc = cfn({
    Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } },
    Good: {
      Type: 'AWS::S3::Bucket',
      Properties: {
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            {
              ServerSideEncryptionByDefault: {
                SSEAlgorithm: 'aws:kms',
                KMSMasterKeyID: { 'Fn::GetAtt': ['Key', 'Arn'] },
              },
            },
          ],
        },
      },
    },
    Bad: { Type: 'AWS::S3::Bucket', Properties: {} },
  });
  const m = buildMatrix(ALL_RULES, evaluate(buildGraph([doc]), ALL_RULES));

  test('counts each resource once per rule, by its worst finding', () => {
    const nist = m.frameworks.find((f) => f.id === 'NIST-800-53')!;
    const sc28 = nist.controls.find((c) => c.id === 'SC-28(1)')!;
    expect(sc28.rules).toContain('ZT-DATA-001');
    expect(sc28.results).toMatchObject({ resources: 2, pass: 1, fail: 1 });
  });

  test('csv has one row per control with the counts', () => {
    const csv = renderMatrix(m, 'csv').split('\n');
    expect(csv[0]).toBe('framework,control,title,rules,resources,pass,fail,unknown,waived');
    expect(csv.find((l) => l.startsWith('NIST-800-53,SC-28(1),'))).toMatch(/,2,1,1,0,0$/);
  });
});
