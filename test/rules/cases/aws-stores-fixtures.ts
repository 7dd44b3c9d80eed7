import type { RuleCase } from '../helpers';
import { cfn, tf } from '../helpers';
import type { Verdict } from '../../../policies/engine';

/** Builders shared by the AWS data-store case tables: one store resource named R / r, next to a KMS key. */
export const KEY_ARN = { 'Fn::GetAtt': ['Key', 'Arn'] };
export const TF_KEY = '${aws_kms_key.k.arn}';
const KEY = { Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } } };
const KMS_TF = { aws_kms_key: { k: { enable_key_rotation: true } } };

/** A CloudFormation template with the key, resource R and any `more` resources / attributes on R. */
export const cfnStore = (
  type: string,
  props: Record<string, unknown>,
  more: Record<string, unknown> = {},
  attrs: Record<string, unknown> = {},
) =>
  cfn({ ...KEY, R: { Type: type, Properties: props, ...attrs }, ...more }, { Parameters: { P: { Type: 'String' } } });

/** Terraform JSON with the key, `type.r` and any `more` resource types. */
export const tfStore = (
  type: string,
  body: Record<string, unknown>,
  more: Record<string, Record<string, unknown>> = {},
) => tf({ ...KMS_TF, [type]: { r: body }, ...more }, { variable: { v: {} } });

/** A case on R (CloudFormation) or `type.r` (Terraform). */
export function on(
  kind: 'cfn' | 'tf',
  type: string,
  name: string,
  doc: ReturnType<typeof cfn>,
  verdict: Verdict,
  extra: Partial<RuleCase> = {},
): RuleCase {
  return { name: `${type}: ${name}`, doc, address: kind === 'cfn' ? 'R' : `${type}.r`, verdict, ...extra };
}

export const cfnCase = (
  type: string,
  name: string,
  props: Record<string, unknown>,
  verdict: Verdict,
  extra: Partial<RuleCase> = {},
) => on('cfn', type, name, cfnStore(type, props), verdict, extra);

export const tfCase = (
  type: string,
  name: string,
  body: Record<string, unknown>,
  verdict: Verdict,
  extra: Partial<RuleCase> = {},
) => on('tf', type, name, tfStore(type, body), verdict, extra);
