import { Template } from 'aws-cdk-lib/assertions';
import { buildGraph, evaluate } from '../../../policies/engine';
import { loadCloudFormationObject } from '../../../policies/engine/cfn-loader';
import { ALL_RULES } from '../../../policies/rules';
import { VERIFICATION_RESOURCE_TYPE } from '../../../lib/aws/model-registry';
import { arnOf, logicalId, resourceOf, resourcesOfType } from '../helpers';
import { registryStack } from './fixture';

const f = registryStack();
const template = Template.fromStack(f.stack);
const json = template.toJSON();

describe('artifact bucket: hardened like the lake', () => {
  const bucket = resourceOf(template, f.registry.bucket);
  test('SSE-KMS with the platform CMK, bucket key, versioning, object lock GOVERNANCE', () => {
    expect(bucket.Properties!.BucketEncryption.ServerSideEncryptionConfiguration[0]).toEqual({
      ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: arnOf(f.dataLake.key) },
      BucketKeyEnabled: true,
    });
    expect(bucket.Properties!.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.Properties!.ObjectLockEnabled).toBe(true);
    expect(bucket.Properties!.ObjectLockConfiguration.Rule.DefaultRetention).toEqual({ Mode: 'GOVERNANCE', Days: 365 });
    expect(bucket.Properties!.LoggingConfiguration.DestinationBucketName).toEqual({
      Ref: logicalId(f.dataLake.accessLogBucket),
    });
  });
  test('public access blocked, retained', () => {
    expect(bucket.Properties!.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.DeletionPolicy).toBe('Retain');
  });
  test('bucket policy: TLS only, writes denied to all but the release role', () => {
    const policy = Object.values(resourcesOfType(template, 'AWS::S3::BucketPolicy')).find(
      (p) => p.Properties!.Bucket.Ref === logicalId(f.registry.bucket),
    )!;
    const statements = policy.Properties!.PolicyDocument.Statement;
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({
        Sid: 'DenyWritesExceptRelease',
        Effect: 'Deny',
        Condition: { ArnNotEquals: { 'aws:PrincipalArn': arnOf(f.registry.releaseRole) } },
      }),
    );
  });
});

describe('image repository', () => {
  const repo = resourceOf(template, f.registry.repository);
  test('immutable tags, scan on push, KMS with the platform CMK, retained', () => {
    expect(repo.Properties!.ImageTagMutability).toBe('IMMUTABLE');
    expect(repo.Properties!.ImageScanningConfiguration).toEqual({ ScanOnPush: true });
    expect(repo.Properties!.EncryptionConfiguration).toEqual({ EncryptionType: 'KMS', KmsKey: arnOf(f.dataLake.key) });
    expect(repo.DeletionPolicy).toBe('Retain');
  });
  test('lifecycle: untagged images expire, tagged images capped', () => {
    const rules = JSON.parse(repo.Properties!.LifecyclePolicy.LifecyclePolicyText).rules;
    expect(rules).toEqual([
      expect.objectContaining({
        selection: expect.objectContaining({ tagStatus: 'untagged', countType: 'sinceImagePushed', countNumber: 7 }),
      }),
      expect.objectContaining({
        selection: expect.objectContaining({ tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 100 }),
      }),
    ]);
  });
  test('repository policy: pulls for the platform roles, pushes for the release role, denied to others', () => {
    const statements = repo.Properties!.RepositoryPolicyText.Statement;
    const sid = (s: string) => statements.find((x: { Sid: string }) => x.Sid === s);
    expect(sid('PlatformPulls').Principal).toEqual({ AWS: arnOf(f.reader) });
    expect(sid('ReleasePushes').Principal).toEqual({ AWS: arnOf(f.registry.releaseRole) });
    expect(sid('DenyPushExceptRelease')).toMatchObject({ Effect: 'Deny', Principal: { AWS: '*' } });
    expect(sid('DenyPullExceptPlatform').Condition.ArnNotEquals['aws:PrincipalArn']).toEqual([
      arnOf(f.registry.releaseRole),
      arnOf(f.reader),
    ]);
  });
});

describe('signing key', () => {
  const key = json.Resources[f.stack.getLogicalId(f.registry.signingKey)];
  test('ECC_NIST_P256 / SIGN_VERIFY, no rotation property at all, retained', () => {
    expect(key.Properties).toMatchObject({
      KeySpec: 'ECC_NIST_P256',
      KeyUsage: 'SIGN_VERIFY',
      PendingWindowInDays: 30,
    });
    expect(key.Properties).not.toHaveProperty('EnableKeyRotation');
    expect(key.Properties).not.toHaveProperty('RotationPeriodInDays');
    expect(key.DeletionPolicy).toBe('Retain');
  });
  test('key policy: kms:Sign only for the release role (and denied to others), Verify for the gate', () => {
    const st = key.Properties.KeyPolicy.Statement;
    const sid = (s: string) => st.find((x: { Sid: string }) => x.Sid === s);
    expect(sid('AccountAdministersKey').Action).not.toContain('kms:Sign');
    expect(sid('AccountAdministersKey').Action).not.toContain('kms:*');
    expect(sid('ReleaseRoleSigns')).toMatchObject({ Principal: { AWS: arnOf(f.registry.releaseRole) } });
    expect(sid('VerifiersVerify').Principal.AWS).toContainEqual(arnOf(f.registry.verifier.role!));
    expect(sid('VerifiersVerify').Action).toEqual(['kms:Verify', 'kms:GetPublicKey', 'kms:DescribeKey']);
    expect(sid('DenySignExceptReleaseRole')).toMatchObject({ Effect: 'Deny', Action: 'kms:Sign' });
  });
  test('an alias names it', () => {
    template.hasResourceProperties('AWS::KMS::Alias', {
      AliasName: 'alias/ztai-dev/model-signing',
      TargetKeyId: { Ref: f.stack.getLogicalId(f.registry.signingKey) },
    });
  });
});

describe('verify before deploy', () => {
  test('the gate is a Custom::ZtModelSignatureVerification over the model folder and the signing key', () => {
    const gates = template.findResources(VERIFICATION_RESOURCE_TYPE);
    expect(Object.values(gates)).toEqual([
      expect.objectContaining({
        Properties: {
          ServiceToken: arnOf(f.registry.verifier),
          Bucket: { Ref: logicalId(f.registry.bucket) },
          Prefix: 'models/churn/3/',
          SignatureKey: 'models/churn/3/model.sig',
          SigningKeyArn: { 'Fn::GetAtt': [f.stack.getLogicalId(f.registry.signingKey), 'Arn'] },
        },
      }),
    ]);
  });
  test('requireVerifiedModel: the SageMaker model depends on the gate', () => {
    expect(json.Resources[f.stack.getLogicalId(f.model)].DependsOn).toContain(logicalId(f.verification.resource));
  });
  test('the function runs in the isolated subnets, Node.js 24, with its own security group', () => {
    const fn = resourceOf(template, f.registry.verifier);
    expect(fn.Properties!.Runtime).toBe('nodejs24.x');
    expect(fn.Properties!.VpcConfig.SubnetIds).toEqual(f.network.subnets.map((s) => ({ Ref: logicalId(s) })));
    expect(fn.Properties!.KmsKeyArn).toEqual(arnOf(f.registry.node.findChild('OperationsKey')));
    expect(fn.Properties!.ReservedConcurrentExecutions).toBe(2);
  });
  test('its role: s3:GetObject on the prefix, kms:Verify on the signing key, no wildcard action', () => {
    const policy = resourceOf(template, f.registry.node.findChild('VerifierPolicy'));
    const st = policy.Properties!.PolicyDocument.Statement;
    const sid = (s: string) => st.find((x: { Sid: string }) => x.Sid === s);
    expect(sid('ReadSignedModels')).toMatchObject({ Action: 's3:GetObject' });
    expect(sid('VerifySignatures')).toEqual(
      expect.objectContaining({
        Action: 'kms:Verify',
        Resource: { 'Fn::GetAtt': [f.stack.getLogicalId(f.registry.signingKey), 'Arn'] },
      }),
    );
    for (const s of st) for (const a of [s.Action].flat()) expect(a).not.toMatch(/\*/);
  });
  test('the S3 endpoint admits the registry bucket and CloudFormation responses (PutObject only)', () => {
    const endpoint = resourceOf(template, f.network.s3Endpoint);
    const st = endpoint.Properties!.PolicyDocument.Statement;
    expect(JSON.stringify(st)).toContain(logicalId(f.registry.bucket));
    expect(st.find((s: { Sid: string }) => s.Sid === 'CloudFormationResponses')).toMatchObject({
      Action: ['s3:PutObject'],
    });
  });
});

describe('model card', () => {
  test('typed content, status, KMS, retained', () => {
    const card = json.Resources[f.stack.getLogicalId(f.card.card)];
    expect(card.DeletionPolicy).toBe('Retain');
    expect(card.Properties).toMatchObject({
      ModelCardName: 'churn-v3',
      ModelCardStatus: 'Approved',
      SecurityConfig: { KmsKeyId: arnOf(f.dataLake.key) },
      Content: {
        IntendedUses: { PurposeOfModel: 'Retention outreach', RiskRating: 'Medium' },
        TrainingDetails: {
          TrainingObservations: 'Training data lineage: ztai:data-lake/curated',
          TrainingJobDetails: { TrainingDatasets: ['s3://curated/churn/2026-11/'] },
        },
        EvaluationDetails: [{ Name: 'holdout', Metadata: { auc: '0.91' } }],
        AdditionalInformation: {
          CaveatsAndRecommendations: 'Not for credit decisions',
          CustomDetails: { securityConsiderations: expect.stringContaining('pseudonymised') },
        },
      },
    });
  });
});

describe('the model rules over this stack', () => {
  const doc = loadCloudFormationObject(json, { file: 'registry.template.json', stack: 'Registry' });
  const result = evaluate(buildGraph([doc]), ALL_RULES);
  const of = (id: string) => result.findings.filter((x) => x.ruleId === id);
  test('the gated model passes ZT-MODEL-004; the repository ZT-MODEL-002, the signing key ZT-MODEL-003', () => {
    expect(of('ZT-MODEL-004').map((x) => x.status)).toEqual(['pass']);
    for (const id of ['ZT-MODEL-002', 'ZT-MODEL-003']) {
      const judged = of(id).filter((x) => x.status !== 'not_applicable');
      expect(judged.length).toBeGreaterThan(0);
      expect(judged.every((x) => x.status === 'pass')).toBe(true);
    }
  });
  test('without the dependency the model fails ZT-MODEL-004 on DependsOn', () => {
    const ungated = JSON.parse(JSON.stringify(json));
    delete ungated.Resources[f.stack.getLogicalId(f.model)].DependsOn;
    const r = evaluate(buildGraph([loadCloudFormationObject(ungated, { file: 'u.json', stack: 'U' })]), ALL_RULES);
    expect(r.findings.filter((x) => x.ruleId === 'ZT-MODEL-004').map((x) => [x.status, x.path])).toEqual([
      ['fail', 'DependsOn'],
    ]);
  });
});
