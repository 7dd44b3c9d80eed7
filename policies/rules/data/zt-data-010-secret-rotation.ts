import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type CheckResult, Rule, fail, pass } from '../../engine/rule';
import { orphanOnly, withCompanions } from '../shared/companions';
import { joinPath, rawAt, readNumber, readString, unknownAt } from '../shared/read';
import { CFN_SECRET_ROTATION, TF_SECRET_ROTATION } from '../shared/secret-specs';
import { tfBlock, throughDynamic } from '../shared/tf-blocks';

/** Longest rotation interval accepted (NIST SP 800-63B leaves it to policy; 90 days is the common ceiling). */
const MAX_DAYS = 90;

interface RotationFields {
  readonly rules: string;
  readonly days: string;
  readonly schedule: string;
}

const CFN: RotationFields = {
  rules: 'RotationRules',
  days: 'AutomaticallyAfterDays',
  schedule: 'ScheduleExpression',
};
const TF: RotationFields = {
  rules: 'rotation_rules',
  days: 'automatically_after_days',
  schedule: 'schedule_expression',
};

/** `rate(N days|hours)` or `cron(min hour dom month dow year)`; a cron over every month runs at least monthly. */
function judgeSchedule(path: string, expr: string): CheckResult {
  const rate = /^rate\(\s*(\d+)\s+(hour|hours|day|days)\s*\)$/i.exec(expr.trim());
  if (rate) {
    const days = /^hour/i.test(rate[2]) ? Number(rate[1]) / 24 : Number(rate[1]);
    return days <= MAX_DAYS
      ? pass(`${path} rotates every ${rate[1]} ${rate[2]}`, path)
      : fail(`${path} rotates every ${rate[1]} ${rate[2]}; rotate at least every ${MAX_DAYS} days`, path);
  }
  const cron = /^cron\((.*)\)$/i.exec(expr.trim());
  const fields = cron ? cron[1].trim().split(/\s+/) : [];
  if (fields.length === 6 && fields[3] === '*') return pass(`${path} (${expr}) runs every month`, path);
  return unknownAt(path, `the interval of ${JSON.stringify(expr)} is not read (only rate() and monthly cron())`);
}

/** A rotation schedule: rules present, interval at most 90 days. */
function judgeRotation(g: ResourceGraph, rotation: Resource, f: RotationFields, tfStyle: boolean): CheckResult {
  const block = tfStyle
    ? tfBlock(g, rotation, '', f.rules)
    : g.value(rotation, f.rules).kind === 'absent'
      ? ({ kind: 'absent', path: f.rules } as const)
      : ({ kind: 'static', path: f.rules } as const);
  if (block.kind === 'absent') return fail(`${f.rules} is not set, so the secret is never rotated`, f.rules);
  const daysPath = joinPath(block.path, f.days);
  const schedulePath = joinPath(block.path, f.schedule);
  const days = readNumber(g, rotation, daysPath);
  const schedule = readString(g, rotation, schedulePath);
  let result: CheckResult;
  if (days.kind === 'unknown') result = unknownAt(daysPath, days.reason);
  else if (days.kind === 'value') {
    result =
      days.value <= MAX_DAYS
        ? pass(`${daysPath} is ${days.value}`, daysPath)
        : fail(`${daysPath} is ${days.value}; rotate at least every ${MAX_DAYS} days`, daysPath);
  } else if (schedule.kind === 'unknown') result = unknownAt(schedulePath, schedule.reason);
  else if (schedule.kind === 'value') result = judgeSchedule(schedulePath, schedule.value);
  else result = fail(`${block.path} sets neither ${f.days} nor ${f.schedule}`, block.path);
  return throughDynamic(block, result);
}

const missing = (type: string) => () => fail(`no ${type} targets this secret, so it is never rotated; add one`, type);

/** `${var.x}` naming a variable declared `nullable = false`: Terraform refuses to plan without a non-null value. */
function nonNullableVariable(g: ResourceGraph, res: Resource, path: string): string | undefined {
  const raw = rawAt(res, path);
  const m = typeof raw === 'string' ? /^\$\{var\.([A-Za-z0-9_-]+)\}$/.exec(raw) : null;
  if (!m) return undefined;
  const doc = g.documents.find((d) => d.id === res.documentId);
  const decl = doc?.format === 'terraform' ? doc.parameters[m[1]] : undefined;
  const d = Array.isArray(decl) && decl.length === 1 ? decl[0] : decl;
  return d && typeof d === 'object' && (d as { nullable?: unknown }).nullable === false ? m[1] : undefined;
}

/** Key Vault secrets cannot rotate themselves: an expiry forces the owner to replace the value. */
function keyVaultSecret(g: ResourceGraph, secret: Resource): CheckResult {
  const v = g.value(secret, 'expiration_date');
  if (v.kind === 'absent' || (v.kind === 'literal' && (v.value === null || v.value === ''))) {
    return fail(
      'expiration_date is not set, so the secret is valid forever; set an expiry (and rotate before it)',
      'expiration_date',
    );
  }
  if (v.kind === 'literal' && typeof v.value === 'string')
    return pass(`expiration_date is ${v.value}`, 'expiration_date');
  // A date taken from another resource (time_rotating, time_offset) is still an expiry; a variable may be null.
  if (v.kind === 'unknown') {
    const variable = nonNullableVariable(g, secret, 'expiration_date');
    if (variable)
      return pass(`expiration_date is variable ${variable}, declared nullable = false: always set`, 'expiration_date');
    return unknownAt('expiration_date', v.reason);
  }
  return pass('expiration_date is set from another resource', 'expiration_date');
}

export const secretRotationRule: Rule = {
  id: 'ZT-DATA-010',
  title: 'Secrets are rotated, or expire',
  severity: 'medium',
  layer: 'data',
  rationale:
    'A credential that never changes stays valid for as long as whoever copied it wants: out of a log, a notebook, ' +
    'a former colleague\u2019s laptop. Rotating Secrets Manager secrets at least every 90 days bounds that window; ' +
    'Key Vault secrets have no built-in rotation, so an expiration date makes the lifetime explicit and visible.',
  remediation:
    'AWS: attach a rotation schedule to every secret, rotating at least every 90 days (hosted rotation for ' +
    'database credentials, a rotation function otherwise). Azure: set expiration_date on every ' +
    'azurerm_key_vault_secret and replace the value before it (Key Vault keys are rotated by ZT-DATA-002).',
  remediationBy: {
    cdk: 'secret.addRotationSchedule("Rotation", { hostedRotation | rotationLambda, automaticallyAfter: Duration.days(30) }).',
    cloudformation:
      'An AWS::SecretsManager::RotationSchedule with SecretId: !Ref Secret and RotationRules.AutomaticallyAfterDays <= 90 (or ScheduleExpression).',
    terraform:
      'aws_secretsmanager_secret_rotation { secret_id = aws_secretsmanager_secret.s.id, rotation_rules { automatically_after_days = 30 } }; azurerm_key_vault_secret expiration_date.',
    cdktf: 'KeyVaultSecret({ expirationDate: ... }) (an RFC 3339 date, for example from a time_rotating resource).',
  },
  controls: [
    { framework: 'NIST-800-53', id: 'IA-5(1)' },
    { framework: 'NIST-800-53', id: 'SC-12' },
    { framework: 'SOC2', id: 'CC6.1' },
    { framework: 'HIPAA', id: '164.308(a)(5)(ii)(D)' },
    { framework: 'GDPR', id: 'Art. 32(1)(b)' },
    { framework: 'ISO-27001', id: 'A.5.17' },
  ],
  equivalents: [
    { tool: 'checkov', id: 'CKV2_AWS_57', resourceTypes: ['aws_secretsmanager_secret'] },
    {
      tool: 'checkov',
      id: 'CKV_AWS_304',
      resourceTypes: ['aws_secretsmanager_secret_rotation'],
      note:
        'Checkov fails automatically_after_days = var.days; this rule reports unknown, since the variable may be ' +
        'within 90 days. A rotation attached to a loaded secret is judged on the secret (one fault, one finding).',
      differences: [
        {
          resource: 'aws_secretsmanager_secret_rotation.fail_2',
          reason: 'automatically_after_days = var.days: the value is decided at plan time, so the rule reports unknown',
        },
      ],
    },
    { tool: 'checkov', id: 'CKV_AZURE_41', resourceTypes: ['azurerm_key_vault_secret'] },
    { tool: 'cdk-nag', id: 'AwsSolutions-SMG4', resourceTypes: ['AWS::SecretsManager::Secret'] },
    {
      tool: 'cdk-nag',
      id: 'HIPAA.Security-SecretsManagerRotationEnabled',
      resourceTypes: ['AWS::SecretsManager::Secret'],
    },
    {
      tool: 'cdk-nag',
      id: 'NIST.800.53.R5-SecretsManagerRotationEnabled',
      resourceTypes: ['AWS::SecretsManager::Secret'],
    },
  ],
  checks: {
    'AWS::SecretsManager::Secret': withCompanions({
      spec: CFN_SECRET_ROTATION,
      judge: (g, r) => judgeRotation(g, r, CFN, false),
      inline: missing(CFN_SECRET_ROTATION.type),
    }),
    'AWS::SecretsManager::RotationSchedule': orphanOnly(CFN_SECRET_ROTATION, (r, { graph }) =>
      judgeRotation(graph, r, CFN, false),
    ),
    aws_secretsmanager_secret: withCompanions({
      spec: TF_SECRET_ROTATION,
      judge: (g, r) => judgeRotation(g, r, TF, true),
      inline: missing(TF_SECRET_ROTATION.type),
    }),
    aws_secretsmanager_secret_rotation: orphanOnly(TF_SECRET_ROTATION, (r, { graph }) =>
      judgeRotation(graph, r, TF, true),
    ),
    azurerm_key_vault_secret: (secret, { graph }) => keyVaultSecret(graph, secret),
  },
};
