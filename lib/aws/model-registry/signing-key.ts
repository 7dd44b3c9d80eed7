import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/** Administrative key actions the account keeps; signing and verifying are not among them. */
const ADMIN_ACTIONS = [
  'kms:Create*',
  'kms:Describe*',
  'kms:Enable*',
  'kms:List*',
  'kms:Put*',
  'kms:Update*',
  'kms:Revoke*',
  'kms:Disable*',
  'kms:Get*',
  'kms:Delete*',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:ScheduleKeyDeletion',
  'kms:CancelKeyDeletion',
];

export interface SigningKeyInputs {
  readonly alias: string;
  /** The only principal allowed kms:Sign. */
  readonly signer: iam.IRole;
  /** Principals allowed kms:Verify / GetPublicKey (the deploy-time gate, the release role). */
  readonly verifiers: readonly iam.IRole[];
  readonly description: string;
}

/**
 * The model-signing key: ECC_NIST_P256 / SIGN_VERIFY, as a CfnKey because the L2 Key writes
 * EnableKeyRotation, which KMS rejects for asymmetric keys; no rotation property at all. Rotation is
 * a new key behind the alias (old signatures keep verifying with the old key, which stays retained).
 *
 * Key policy: the account administers the key but is NOT given kms:Sign or kms:Verify, so no IAM
 * policy can grant them; the signer alone may sign, and an explicit deny backs that up.
 */
export function createSigningKey(scope: Construct, i: SigningKeyInputs): { key: kms.CfnKey; alias: kms.CfnAlias } {
  const account = Stack.of(scope).account;
  const verifierArns = i.verifiers.map((r) => r.roleArn);
  const key = new kms.CfnKey(scope, 'SigningKey', {
    description: i.description,
    keySpec: 'ECC_NIST_P256',
    keyUsage: 'SIGN_VERIFY',
    enabled: true,
    pendingWindowInDays: 30,
    keyPolicy: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AccountAdministersKey',
          Effect: 'Allow',
          Principal: { AWS: `arn:${Stack.of(scope).partition}:iam::${account}:root` },
          Action: ADMIN_ACTIONS,
          Resource: '*',
        },
        {
          Sid: 'ReleaseRoleSigns',
          Effect: 'Allow',
          Principal: { AWS: i.signer.roleArn },
          Action: ['kms:Sign', 'kms:GetPublicKey', 'kms:DescribeKey'],
          Resource: '*',
        },
        {
          Sid: 'VerifiersVerify',
          Effect: 'Allow',
          Principal: { AWS: verifierArns },
          Action: ['kms:Verify', 'kms:GetPublicKey', 'kms:DescribeKey'],
          Resource: '*',
        },
        {
          Sid: 'DenySignExceptReleaseRole',
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: 'kms:Sign',
          Resource: '*',
          Condition: { ArnNotEquals: { 'aws:PrincipalArn': i.signer.roleArn } },
        },
      ],
    },
  });
  // Old signatures must stay verifiable: the key outlives any stack delete.
  key.applyRemovalPolicy(RemovalPolicy.RETAIN);
  const alias = new kms.CfnAlias(scope, 'SigningKeyAlias', { aliasName: i.alias, targetKeyId: key.ref });
  return { key, alias };
}
