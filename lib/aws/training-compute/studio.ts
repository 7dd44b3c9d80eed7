import { RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import { Construct } from 'constructs';

export interface StudioDomainInputs {
  readonly name: string;
  readonly vpcId: string;
  readonly subnetIds: string[];
  readonly securityGroupIds: string[];
  readonly key: kms.IKey;
  readonly executionRole: iam.IRole;
}

/**
 * SageMaker Studio in VPC-only mode: apps get ENIs in the isolated subnets only (no
 * SageMaker-managed internet path), users sign in with IAM, the home file system is encrypted
 * with the platform key, notebook output sharing to S3 is off and Docker access is off. The domain
 * is retained: its EFS holds users' home directories.
 *
 * Root access: the CloudFormation Domain and UserProfile types have no RootAccess setting (only
 * notebook instances do, and the isolation policy denies notebooks with root access). Studio apps
 * run as the unprivileged sagemaker-user.
 */
export function createStudioDomain(scope: Construct, i: StudioDomainInputs): sagemaker.CfnDomain {
  const domain = new sagemaker.CfnDomain(scope, 'StudioDomain', {
    domainName: i.name,
    authMode: 'IAM',
    appNetworkAccessType: 'VpcOnly',
    vpcId: i.vpcId,
    subnetIds: i.subnetIds,
    kmsKeyId: i.key.keyArn,
    defaultUserSettings: {
      executionRole: i.executionRole.roleArn,
      securityGroups: i.securityGroupIds,
      sharingSettings: { notebookOutputOption: 'Disabled' },
    },
    defaultSpaceSettings: {
      executionRole: i.executionRole.roleArn,
      securityGroups: i.securityGroupIds,
    },
    domainSettings: { dockerSettings: { enableDockerAccess: 'DISABLED' } },
    tagPropagation: 'ENABLED',
  });
  domain.applyRemovalPolicy(RemovalPolicy.RETAIN);
  return domain;
}
