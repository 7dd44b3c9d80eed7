import type { CompanionSpec } from './companion-index';

/** Rotation schedules of Secrets Manager secrets (they name the secret by ARN: Ref / .id / .arn). */
export const CFN_SECRET_ROTATION: CompanionSpec = {
  type: 'AWS::SecretsManager::RotationSchedule',
  targets: ['SecretId'],
};

export const TF_SECRET_ROTATION: CompanionSpec = {
  type: 'aws_secretsmanager_secret_rotation',
  targets: ['secret_id'],
};
