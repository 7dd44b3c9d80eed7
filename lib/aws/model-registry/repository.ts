import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'];
const PUSH = ['ecr:PutImage', 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload'];

export interface RepositoryInputs {
  readonly key: kms.IKey;
  readonly pushers: readonly iam.IRole[];
  readonly pullers: readonly iam.IRole[];
  readonly maxImages: number;
  readonly untaggedImageDays: number;
}

/**
 * The model-serving image repository: immutable tags (a tag names one image forever, so a signed
 * release cannot be swapped), scan on push, the platform CMK, lifecycle rules, retained.
 * The repository policy allows pulls to the platform's roles and pushes to the release role, and
 * denies both to every other principal, whatever its IAM policy says.
 */
export function createModelRepository(scope: Construct, i: RepositoryInputs): ecr.Repository {
  const repo = new ecr.Repository(scope, 'Images', {
    imageTagMutability: ecr.TagMutability.IMMUTABLE,
    imageScanOnPush: true,
    encryption: ecr.RepositoryEncryption.KMS,
    encryptionKey: i.key,
    removalPolicy: RemovalPolicy.RETAIN,
    lifecycleRules: [
      {
        description: 'Expire untagged images',
        tagStatus: ecr.TagStatus.UNTAGGED,
        maxImageAge: Duration.days(i.untaggedImageDays),
        rulePriority: 1,
      },
      {
        description: 'Keep the newest tagged images',
        tagStatus: ecr.TagStatus.ANY,
        maxImageCount: i.maxImages,
        rulePriority: 2,
      },
    ],
  });
  const pushArns = i.pushers.map((r) => r.roleArn);
  const pullArns = [...pushArns, ...i.pullers.map((r) => r.roleArn)];
  repo.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'PlatformPulls',
      principals: i.pullers.map((r) => new iam.ArnPrincipal(r.roleArn)),
      actions: PULL,
    }),
  );
  repo.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'ReleasePushes',
      principals: i.pushers.map((r) => new iam.ArnPrincipal(r.roleArn)),
      actions: [...PULL, ...PUSH],
    }),
  );
  const deny = (sid: string, actions: string[], allowed: string[]) =>
    new iam.PolicyStatement({
      sid,
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions,
      conditions: { ArnNotEquals: { 'aws:PrincipalArn': allowed } },
    });
  repo.addToResourcePolicy(deny('DenyPushExceptRelease', [...PUSH, 'ecr:BatchDeleteImage'], pushArns));
  repo.addToResourcePolicy(deny('DenyPullExceptPlatform', PULL, pullArns));
  return repo;
}
