import * as path from 'path';
import { buildGraph, evaluate, loadPaths } from '../../policies/engine';
import { namedResourcesRule } from '../../policies/rules/identity/zt-identity-009-named-resources';
import { tempDir, writeFile } from '../support/temp-dir';

/**
 * `jsonencode({...})` policies, as HCL writes them and as .tf.json / cdktf stacks carry them
 * ("${jsonencode({...})}"): a literal argument is read as the JSON it encodes, so the IAM rules
 * judge it (one verdict whichever syntax); a non-literal one stays an expression (unknown).
 */
const tmp = tempDir('tf-jsonencode');
afterAll(() => tmp.remove());

const HCL = `
resource "aws_iam_policy" "wide" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "*" }]
  })
}
resource "aws_iam_policy" "named" {
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "\${aws_s3_bucket.lake.arn}/*" }]
  })
}
resource "aws_iam_policy" "newline" {
  policy = jsonencode(
    {
      Statement = [{ Effect = "Allow", Action = "kms:Decrypt", Resource = "*" }]
    }
  )
}
resource "aws_iam_policy" "local" {
  policy = jsonencode(local.policy)
}
resource "aws_s3_bucket" "lake" {
  bucket = "lake"
}
`;
const JSON_CONFIG = {
  resource: {
    aws_iam_policy: {
      wide: {
        policy: '${jsonencode({\n  Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "*" }]\n})}',
      },
      named: {
        policy:
          '${jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "${aws_s3_bucket.lake.arn}/*" }] })}',
      },
      newline: {
        policy:
          '${jsonencode(\n  {\n    Statement = [{ Effect = "Allow", Action = "kms:Decrypt", Resource = "*" }]\n  }\n)}',
      },
      local: { policy: '${jsonencode(local.policy)}' },
    },
    aws_s3_bucket: { lake: { bucket: 'lake' } },
  },
};

const verdicts = (dir: string): Record<string, string> => {
  const result = evaluate(buildGraph(loadPaths([dir])), [namedResourcesRule]);
  return Object.fromEntries(result.findings.map((f) => [f.resource.address, f.verdict]));
};

describe('jsonencode policies', () => {
  const expected = {
    'aws_iam_policy.wide': 'fail',
    'aws_iam_policy.named': 'pass',
    // The argument may start on the next line (HCL allows it inside the call's parentheses).
    'aws_iam_policy.newline': 'fail',
    'aws_iam_policy.local': 'unknown',
  };
  test('HCL: a literal document is judged; jsonencode(local.x) is unknown', () => {
    const dir = path.join(tmp.dir, 'hcl');
    writeFile(dir, 'main.tf', HCL);
    expect(verdicts(dir)).toEqual(expected);
  });
  test('Terraform JSON: the same verdicts from "${jsonencode(...)}" strings', () => {
    const dir = path.join(tmp.dir, 'json');
    writeFile(dir, 'main.tf.json', JSON_CONFIG);
    expect(verdicts(dir)).toEqual(expected);
  });
  test('a single .tf.json file loaded on its own reads them too', () => {
    const dir = path.join(tmp.dir, 'single');
    writeFile(dir, 'stack.tf.json', JSON_CONFIG);
    expect(verdicts(path.join(dir, 'stack.tf.json'))).toEqual(expected);
  });
});
