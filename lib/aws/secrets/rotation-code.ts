/**
 * Source of the generic rotation function (Python, inline in the template: no asset bucket, so
 * `cdk synth` stays credential-free and the code is reviewable in the template itself).
 *
 * It implements the four-step Secrets Manager rotation protocol for secrets whose value is a
 * generated random string read only by the platform's own services:
 * - createSecret: a new random value (GetRandomPassword) staged as AWSPENDING, idempotent on retry;
 * - setSecret: nothing to update, since consumers read the value from Secrets Manager itself;
 * - testSecret: the pending value can be read back;
 * - finishSecret: AWSCURRENT moves to the new version.
 * Every call goes to the regional Secrets Manager hostname, which the VPC endpoint's private DNS
 * resolves to the endpoint: the function has no other route out of its isolated subnets.
 */
export const ROTATION_HANDLER = 'index.handler';

export const ROTATION_CODE = `import os

import boto3

sm = boto3.client("secretsmanager")
LENGTH = int(os.environ["PASSWORD_LENGTH"])
EXCLUDE = os.environ.get("EXCLUDE_CHARACTERS", "")


def handler(event, _context):
    arn, token, step = event["SecretId"], event["ClientRequestToken"], event["Step"]
    meta = sm.describe_secret(SecretId=arn)
    if not meta.get("RotationEnabled"):
        raise ValueError("rotation is not enabled for the secret")
    stages = meta.get("VersionIdsToStages", {})
    if token not in stages:
        raise ValueError("the version is not staged for rotation")
    if "AWSCURRENT" in stages[token]:
        return
    if "AWSPENDING" not in stages[token]:
        raise ValueError("the version is not AWSPENDING")
    if step == "createSecret":
        create(arn, token)
    elif step == "setSecret":
        return
    elif step == "testSecret":
        sm.get_secret_value(SecretId=arn, VersionId=token, VersionStage="AWSPENDING")
    elif step == "finishSecret":
        finish(arn, token, stages)
    else:
        raise ValueError("unknown rotation step")


def create(arn, token):
    try:
        sm.get_secret_value(SecretId=arn, VersionId=token, VersionStage="AWSPENDING")
        return
    except sm.exceptions.ResourceNotFoundException:
        pass
    value = sm.get_random_password(
        PasswordLength=LENGTH, ExcludeCharacters=EXCLUDE, RequireEachIncludedType=True
    )["RandomPassword"]
    sm.put_secret_value(
        SecretId=arn, ClientRequestToken=token, SecretString=value, VersionStages=["AWSPENDING"]
    )


def finish(arn, token, stages):
    current = next((v for v, s in stages.items() if "AWSCURRENT" in s), None)
    sm.update_secret_version_stage(
        SecretId=arn, VersionStage="AWSCURRENT", MoveToVersionId=token, RemoveFromVersionId=current
    )
`;
