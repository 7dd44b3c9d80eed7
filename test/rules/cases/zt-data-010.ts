import { secretRotationRule } from '../../../policies/rules/data/zt-data-010-secret-rotation';
import { RuleCases, cfn, tf } from '../helpers';

const SECRET = { Type: 'AWS::SecretsManager::Secret', Properties: { KmsKeyId: 'alias/platform' } };
const schedule = (props: Record<string, unknown>) => ({
  Type: 'AWS::SecretsManager::RotationSchedule',
  Properties: { SecretId: { Ref: 'Secret' }, RotationLambdaARN: 'arn:aws:lambda:eu-west-1:1:function:r', ...props },
});
const tfRotation = (rules: Record<string, unknown> | undefined, secretId = '${aws_secretsmanager_secret.s.id}') =>
  tf({
    aws_secretsmanager_secret: { s: { name: 's' } },
    aws_secretsmanager_secret_rotation: {
      r: { secret_id: secretId, rotation_lambda_arn: 'arn', ...(rules ? { rotation_rules: [rules] } : {}) },
    },
  });
const orphan = (rules: Record<string, unknown>) =>
  tf({
    aws_secretsmanager_secret_rotation: {
      r: { secret_id: '${aws_secretsmanager_secret.elsewhere.id}', rotation_rules: [rules] },
    },
  });
const kvSecret = (body: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  tf({ azurerm_key_vault_secret: { s: { name: 's', value: 'v', key_vault_id: 'kv', ...body } } }, extra);

export const cases: RuleCases = {
  rule: secretRotationRule,
  cases: [
    {
      name: 'CFN secret with a 30-day rotation schedule',
      doc: cfn({ Secret: SECRET, Rotation: schedule({ RotationRules: { AutomaticallyAfterDays: 30 } }) }),
      address: 'Secret',
      verdict: 'pass',
    },
    {
      name: 'CFN secret with a rate(7 days) schedule expression',
      doc: cfn({ Secret: SECRET, Rotation: schedule({ RotationRules: { ScheduleExpression: 'rate(7 days)' } }) }),
      address: 'Secret',
      verdict: 'pass',
    },
    {
      name: 'CFN secret without a rotation schedule',
      doc: cfn({ Secret: SECRET }),
      address: 'Secret',
      verdict: 'fail',
      path: 'AWS::SecretsManager::RotationSchedule',
    },
    {
      name: 'CFN secret rotated every 180 days',
      doc: cfn({ Secret: SECRET, Rotation: schedule({ RotationRules: { AutomaticallyAfterDays: 180 } }) }),
      address: 'Secret',
      verdict: 'fail',
      path: 'Rotation.RotationRules.AutomaticallyAfterDays',
    },
    {
      name: 'CFN secret whose schedule has no rotation rules',
      doc: cfn({ Secret: SECRET, Rotation: schedule({}) }),
      address: 'Secret',
      verdict: 'fail',
      path: 'Rotation.RotationRules',
    },
    {
      name: 'CFN secret rotation interval from a parameter',
      doc: cfn(
        { Secret: SECRET, Rotation: schedule({ RotationRules: { AutomaticallyAfterDays: { Ref: 'Days' } } }) },
        { Parameters: { Days: { Type: 'Number' } } },
      ),
      address: 'Secret',
      verdict: 'unknown',
    },
    {
      name: 'CFN schedule of another secret does not count',
      doc: cfn({
        Secret: SECRET,
        Other: SECRET,
        Rotation: schedule({ SecretId: { Ref: 'Other' }, RotationRules: { AutomaticallyAfterDays: 30 } }),
      }),
      address: 'Secret',
      verdict: 'fail',
    },
    {
      name: 'CFN rotation schedule for a secret of another stack, monthly cron',
      doc: cfn({
        Rotation: schedule({ SecretId: 'arn:secret', RotationRules: { ScheduleExpression: 'cron(0 12 1 * ? *)' } }),
      }),
      address: 'Rotation',
      verdict: 'pass',
    },
    {
      name: 'CFN rotation schedule for a secret of another stack, every 120 days',
      doc: cfn({
        Rotation: schedule({ SecretId: 'arn:secret', RotationRules: { ScheduleExpression: 'rate(120 days)' } }),
      }),
      address: 'Rotation',
      verdict: 'fail',
      path: 'RotationRules.ScheduleExpression',
    },
    {
      name: 'tf secret with a 30-day rotation',
      doc: tfRotation({ automatically_after_days: 30 }),
      address: 'aws_secretsmanager_secret.s',
      verdict: 'pass',
    },
    {
      name: 'tf secret without a rotation',
      doc: tf({ aws_secretsmanager_secret: { s: { name: 's' } } }),
      address: 'aws_secretsmanager_secret.s',
      verdict: 'fail',
      path: 'aws_secretsmanager_secret_rotation',
    },
    {
      name: 'tf secret rotated every 91 days',
      doc: tfRotation({ automatically_after_days: 91 }),
      address: 'aws_secretsmanager_secret.s',
      verdict: 'fail',
      path: 'aws_secretsmanager_secret_rotation.r.rotation_rules.automatically_after_days',
    },
    {
      name: 'tf secret rotation interval from a variable',
      doc: tfRotation({ automatically_after_days: '${var.days}' }),
      address: 'aws_secretsmanager_secret.s',
      verdict: 'unknown',
    },
    {
      name: 'tf secret whose rotation target is a variable',
      doc: tfRotation({ automatically_after_days: 30 }, '${var.secret}'),
      address: 'aws_secretsmanager_secret.s',
      verdict: 'unknown',
    },
    {
      name: 'tf rotation of a secret elsewhere, rate(4 hours)',
      doc: orphan({ schedule_expression: 'rate(4 hours)' }),
      address: 'aws_secretsmanager_secret_rotation.r',
      verdict: 'pass',
    },
    {
      name: 'tf rotation of a secret elsewhere, rate(180 days)',
      doc: orphan({ schedule_expression: 'rate(180 days)' }),
      address: 'aws_secretsmanager_secret_rotation.r',
      verdict: 'fail',
      path: 'rotation_rules.schedule_expression',
    },
    {
      name: 'tf rotation attached to a loaded secret is judged there',
      doc: tfRotation({ automatically_after_days: 30 }),
      address: 'aws_secretsmanager_secret_rotation.r',
      verdict: 'not_applicable',
    },
    {
      name: 'Key Vault secret with an expiration date',
      doc: kvSecret({ expiration_date: '2027-06-30T00:00:00Z', content_type: 'password' }),
      address: 'azurerm_key_vault_secret.s',
      verdict: 'pass',
    },
    {
      name: 'Key Vault secret expiry from a time_rotating resource that is not loaded',
      doc: kvSecret({ expiration_date: '${time_rotating.r.rotation_rfc3339}' }, {}),
      address: 'azurerm_key_vault_secret.s',
      verdict: 'unknown',
    },
    {
      name: 'Key Vault secret without an expiration date',
      doc: kvSecret({}),
      address: 'azurerm_key_vault_secret.s',
      verdict: 'fail',
      path: 'expiration_date',
    },
    {
      name: 'Key Vault secret expiry from a variable declared nullable = false',
      doc: kvSecret(
        { expiration_date: '${var.expiry}' },
        { variable: { expiry: { type: 'string', nullable: false } } },
      ),
      address: 'azurerm_key_vault_secret.s',
      verdict: 'pass',
    },
    {
      name: 'Key Vault secret expiry from a variable',
      doc: kvSecret({ expiration_date: '${var.expiry}' }),
      address: 'azurerm_key_vault_secret.s',
      verdict: 'unknown',
    },
  ],
};
