import { Lazy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';

/** Data-plane actions on a secret's value; the control plane (describe, tag, policy) is left to IAM. */
export const VALUE_READ_ACTIONS = ['secretsmanager:GetSecretValue'];
export const VALUE_WRITE_ACTIONS = ['secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecretVersionStage'];

/**
 * The secret's resource policy: three explicit denies that hold whatever any identity policy in
 * the account says.
 * - value reads and writes that do not arrive through the platform's Secrets Manager endpoint
 *   (`aws:SourceVpce`); calls an AWS service makes on a caller's behalf (`aws:ViaAWSService`, e.g.
 *   CloudFormation dynamic references) carry no endpoint and are left to the next two statements;
 * - value reads by anyone but the named readers and the rotation function (`aws:PrincipalArn`);
 * - value writes by anyone but the rotation function.
 * Control-plane actions stay outside the denies on purpose: CloudFormation, which runs outside the
 * VPC, must still be able to update, tag and re-policy the secret, or a deployment would lock
 * itself out.
 *
 * @param readerArns produced at synth time, so readers granted after construction are included
 */
export function applySecretResourcePolicy(
  secret: secretsmanager.Secret,
  endpoint: ec2.IInterfaceVpcEndpoint,
  rotationRole: iam.IRole,
  readerArns: () => string[],
): void {
  const everyone = [new iam.AnyPrincipal()];
  secret.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'DenyOutsideVpcEndpoint',
      effect: iam.Effect.DENY,
      principals: everyone,
      actions: [...VALUE_READ_ACTIONS, ...VALUE_WRITE_ACTIONS],
      resources: ['*'],
      conditions: {
        StringNotEquals: { 'aws:SourceVpce': endpoint.vpcEndpointId },
        BoolIfExists: { 'aws:ViaAWSService': 'false' },
      },
    }),
  );
  secret.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'DenyReadExceptNamedPrincipals',
      effect: iam.Effect.DENY,
      principals: everyone,
      actions: VALUE_READ_ACTIONS,
      resources: ['*'],
      conditions: {
        ArnNotEquals: {
          'aws:PrincipalArn': Lazy.list({ produce: () => [rotationRole.roleArn, ...readerArns()] }),
        },
      },
    }),
  );
  secret.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'DenyWriteExceptRotation',
      effect: iam.Effect.DENY,
      principals: everyone,
      actions: VALUE_WRITE_ACTIONS,
      resources: ['*'],
      conditions: { ArnNotEquals: { 'aws:PrincipalArn': rotationRole.roleArn } },
    }),
  );
  // Refuse any future statement that would open the secret beyond the account.
  const policy = secret.node.findAll().find((c) => c instanceof secretsmanager.CfnResourcePolicy);
  (policy as secretsmanager.CfnResourcePolicy).blockPublicPolicy = true;
}
