import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { PlatformSecrets } from '../../lib/aws/secrets';
import { arnOf, logicalId, resourceOf, resourcesOfType, tagsOf } from './helpers';
import { networkFixture, readerRole } from './secrets-fixture';

// One stack, synthesized once for the whole file.
const stack = new Stack(new App(), 'S');
const net = networkFixture(stack);
const reader = readerRole(stack, 'Reader');
const lateReader = readerRole(stack, 'LateReader');
const secrets = new PlatformSecrets(stack, 'Secrets', {
  vpc: net.vpc,
  secretsManagerEndpoint: net.endpoint,
  secrets: [
    { name: 'api-token', readers: [reader] },
    { name: 'hmac-key', rotationDays: 7 },
  ],
});
const lateGrant = secrets.grantRead(lateReader, 'hmac-key');
const template = Template.fromStack(stack);
const json = template.toJSON();
const ref = (c: Parameters<typeof logicalId>[0]) => ({ Ref: logicalId(c) });
const keyArn = arnOf(secrets.key);
const apiToken = secrets.secrets['api-token'];
const hmacKey = secrets.secrets['hmac-key'];

/** The resource policy of one secret. */
function policyOf(secret: typeof apiToken) {
  const policies = Object.values(resourcesOfType(template, 'AWS::SecretsManager::ResourcePolicy'));
  const match = policies.filter((p) => JSON.stringify(p.Properties?.SecretId) === JSON.stringify(ref(secret)));
  expect(match).toHaveLength(1);
  return match[0].Properties!;
}
const statement = (secret: typeof apiToken, sid: string) =>
  policyOf(secret).ResourcePolicy.Statement.find((s: { Sid?: string }) => s.Sid === sid);

describe('PlatformSecrets: secrets and key', () => {
  test('every secret is encrypted with the customer-managed key and retained', () => {
    for (const secret of [apiToken, hmacKey]) {
      const r = resourceOf(template, secret);
      expect(r.Properties?.KmsKeyId).toEqual(keyArn);
      expect([r.DeletionPolicy, r.UpdateReplacePolicy]).toEqual(['Retain', 'Retain']);
      expect(r.Properties?.GenerateSecretString).toMatchObject({ PasswordLength: 48, RequireEachIncludedType: true });
    }
    expect(resourceOf(template, apiToken).Properties?.Name).toBe('ztai/dev/api-token');
  });

  test('the dedicated key rotates, waits 30 days before deletion and is retained', () => {
    const key = resourceOf(template, secrets.key);
    expect(key.Properties).toMatchObject({ EnableKeyRotation: true, PendingWindowInDays: 30 });
    expect([key.DeletionPolicy, key.UpdateReplacePolicy]).toEqual(['Retain', 'Retain']);
  });

  test('the key lets CloudWatch Logs use it for the rotation log group only', () => {
    const key = resourceOf(template, secrets.key);
    const logs = key.Properties?.KeyPolicy.Statement.find((s: { Sid?: string }) => s.Sid === 'AllowRotationLogGroup');
    expect(logs.Principal.Service).toEqual({
      'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]],
    });
    const logGroupName = resourceOf(template, secrets.rotation.logGroup).Properties?.LogGroupName as string;
    expect(logGroupName).toMatch(/^\/ztai\/dev\/secrets-rotation\/[0-9a-f]{8}$/);
    expect(JSON.stringify(logs.Condition.ArnEquals['kms:EncryptionContext:aws:logs:arn'])).toContain(
      `:log-group:${logGroupName}"`,
    );
  });

  test('every secret has a rotation schedule on the rotation function with its own interval', () => {
    const schedule = (s: typeof apiToken) =>
      Object.values(resourcesOfType(template, 'AWS::SecretsManager::RotationSchedule')).find(
        (r) => JSON.stringify(r.Properties?.SecretId) === JSON.stringify(ref(s)),
      )!;
    expect(schedule(apiToken).Properties).toEqual({
      SecretId: ref(apiToken),
      RotationLambdaARN: arnOf(secrets.rotation.function),
      RotationRules: { AutomaticallyAfterDays: 30 },
    });
    expect(schedule(hmacKey).Properties?.RotationRules).toEqual({ AutomaticallyAfterDays: 7 });
  });

  test('only Secrets Manager, on behalf of each secret, may invoke the function', () => {
    const perms = Object.values(resourcesOfType(template, 'AWS::Lambda::Permission'));
    expect(perms.map((p) => p.Properties)).toEqual(
      [apiToken, hmacKey].map((s) => ({
        Action: 'lambda:InvokeFunction',
        FunctionName: arnOf(secrets.rotation.function),
        Principal: 'secretsmanager.amazonaws.com',
        SourceArn: ref(s),
      })),
    );
  });
});

describe('PlatformSecrets: resource policy', () => {
  test('blocks public policies', () => {
    expect(policyOf(apiToken).BlockPublicPolicy).toBe(true);
  });

  test('denies value reads and writes that do not come through the VPC endpoint', () => {
    expect(statement(apiToken, 'DenyOutsideVpcEndpoint')).toEqual({
      Sid: 'DenyOutsideVpcEndpoint',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: [
        'secretsmanager:GetSecretValue',
        'secretsmanager:PutSecretValue',
        'secretsmanager:UpdateSecretVersionStage',
      ],
      Resource: '*',
      Condition: {
        StringNotEquals: { 'aws:SourceVpce': ref(net.endpoint) },
        BoolIfExists: { 'aws:ViaAWSService': 'false' },
      },
    });
  });

  test('denies reads to anyone but the named readers and the rotation role', () => {
    const allowed = (s: typeof apiToken) =>
      statement(s, 'DenyReadExceptNamedPrincipals').Condition.ArnNotEquals['aws:PrincipalArn'];
    expect(statement(apiToken, 'DenyReadExceptNamedPrincipals')).toMatchObject({
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 'secretsmanager:GetSecretValue',
    });
    expect(allowed(apiToken)).toEqual([arnOf(secrets.rotationRole), arnOf(reader)]);
    // A grant made after construction is admitted too, and only on the secret it names.
    expect(allowed(hmacKey)).toEqual([arnOf(secrets.rotationRole), arnOf(lateReader)]);
  });

  test('denies value writes to anyone but the rotation role', () => {
    expect(statement(apiToken, 'DenyWriteExceptRotation')).toMatchObject({
      Effect: 'Deny',
      Action: ['secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecretVersionStage'],
      Condition: { ArnNotEquals: { 'aws:PrincipalArn': arnOf(secrets.rotationRole) } },
    });
  });

  test('never allows anything: no Allow statement in any secret policy', () => {
    for (const s of [apiToken, hmacKey]) {
      expect(policyOf(s).ResourcePolicy.Statement.map((x: { Effect: string }) => x.Effect)).not.toContain('Allow');
    }
  });
});

describe('PlatformSecrets: grantRead', () => {
  const readPolicies = () =>
    Object.values(resourcesOfType(template, 'AWS::IAM::ManagedPolicy')).filter((p) =>
      JSON.stringify(p.Properties?.Roles).includes(logicalId(reader)),
    );

  test('attaches a managed policy: value read on the secret, decrypt only via Secrets Manager for it', () => {
    expect(readPolicies()).toHaveLength(1);
    expect(readPolicies()[0].Properties?.PolicyDocument.Statement).toEqual([
      {
        Sid: 'ReadSecretValue',
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        Resource: ref(apiToken),
      },
      {
        Sid: 'DecryptThroughSecretsManager',
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: keyArn,
        Condition: {
          StringEquals: {
            'kms:ViaService': {
              'Fn::Join': ['', ['secretsmanager.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]],
            },
          },
          'ForAnyValue:StringEquals': { 'kms:EncryptionContext:SecretARN': [ref(apiToken)] },
        },
      },
    ]);
  });

  test('a grant after construction covers only the named secret', () => {
    const doc = resourceOf(template, lateGrant).Properties?.PolicyDocument;
    expect(doc.Statement[0].Resource).toEqual(ref(hmacKey));
  });

  test('readers get no inline (AWS::IAM::Policy) grants', () => {
    const inline = Object.values(resourcesOfType(template, 'AWS::IAM::Policy'));
    expect(inline.filter((p) => JSON.stringify(p.Properties?.Roles).includes(logicalId(reader)))).toEqual([]);
  });
});

describe('PlatformSecrets: rotation function', () => {
  const fn = () => resourceOf(template, secrets.rotation.function).Properties!;

  test('runs in the isolated subnets with its own security group', () => {
    expect(fn().VpcConfig).toEqual({
      SubnetIds: net.vpc.isolatedSubnets.map((s) => ({ Ref: logicalId(s) })),
      SecurityGroupIds: [{ 'Fn::GetAtt': [logicalId(secrets.rotation.securityGroup), 'GroupId'] }],
    });
  });

  test('reserved concurrency, KMS-encrypted environment, DLQ and a KMS log group', () => {
    expect(fn().ReservedConcurrentExecutions).toBe(2);
    expect(fn().Runtime).toBe('python3.14');
    expect(fn().KmsKeyArn).toEqual(keyArn);
    expect(fn().DeadLetterConfig).toEqual({ TargetArn: arnOf(secrets.rotation.deadLetterQueue) });
    expect(fn().LoggingConfig).toEqual({ LogGroup: ref(secrets.rotation.logGroup) });
    const logs = resourceOf(template, secrets.rotation.logGroup);
    expect(logs.Properties).toMatchObject({ KmsKeyId: keyArn, RetentionInDays: 365 });
    expect([logs.DeletionPolicy, logs.UpdateReplacePolicy]).toEqual(['Retain', 'Retain']);
    expect(resourceOf(template, secrets.rotation.deadLetterQueue).Properties?.KmsMasterKeyId).toEqual(keyArn);
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  test('its only egress is HTTPS to the Secrets Manager endpoint, which admits it', () => {
    const sg = resourceOf(template, secrets.rotation.securityGroup).Properties!;
    expect(sg.SecurityGroupEgress).toBeUndefined();
    const egress = Object.values(resourcesOfType(template, 'AWS::EC2::SecurityGroupEgress')).map((r) => r.Properties);
    const endpointSg = { 'Fn::GetAtt': [logicalId(net.endpoint.connections.securityGroups[0]), 'GroupId'] };
    const rotationSg = { 'Fn::GetAtt': [logicalId(secrets.rotation.securityGroup), 'GroupId'] };
    expect(egress).toEqual([
      expect.objectContaining({
        GroupId: rotationSg,
        DestinationSecurityGroupId: endpointSg,
        FromPort: 443,
        ToPort: 443,
      }),
    ]);
    const ingress = Object.values(resourcesOfType(template, 'AWS::EC2::SecurityGroupIngress')).map((r) => r.Properties);
    expect(ingress).toContainEqual(
      expect.objectContaining({ GroupId: endpointSg, SourceSecurityGroupId: rotationSg, FromPort: 443, ToPort: 443 }),
    );
    expect(JSON.stringify(json)).not.toMatch(/0\.0\.0\.0\/0|::\/0/);
  });

  test('its role carries no AWS managed policy and no inline policy: one reviewed managed policy', () => {
    const role = resourceOf(template, secrets.rotationRole).Properties!;
    expect(role.ManagedPolicyArns).toBeUndefined();
    expect(role.Policies).toBeUndefined();
    const inline = Object.values(resourcesOfType(template, 'AWS::IAM::Policy'));
    expect(inline.filter((p) => JSON.stringify(p.Properties?.Roles).includes(logicalId(secrets.rotationRole)))).toEqual(
      [],
    );
    expect(resourceOf(template, secrets.rotation.policy).Properties?.Roles).toEqual([ref(secrets.rotationRole)]);
  });

  test('its policy scopes every action it can; only GetRandomPassword and the ENI describes use "*"', () => {
    const statements = resourceOf(template, secrets.rotation.policy).Properties?.PolicyDocument.Statement as {
      Sid: string;
      Action: string | string[];
      Resource: unknown;
      Condition?: Record<string, unknown>;
    }[];
    const star = statements.filter((s) => s.Resource === '*').map((s) => s.Sid);
    expect(star.sort()).toEqual(['GenerateValues', 'VpcNetworkDescribe']);
    // The ENI lifecycle actions name the account's network interfaces, subnets and security groups.
    const enis = statements.find((s) => s.Sid === 'VpcNetworkInterfaces')!;
    expect(JSON.stringify(enis.Resource)).toMatch(/network-interface\/\*.*subnet\/\*.*security-group\/\*/);
    expect(statements.flatMap((s) => [s.Action].flat()).filter((a) => a.includes('*'))).toEqual([]);
    const rotate = statements.find((s) => s.Sid === 'RotateOwnSecrets')!;
    expect(rotate.Resource).toEqual([ref(apiToken), ref(hmacKey)]);
    const kmsSecrets = statements.find((s) => s.Sid === 'SecretsKeyThroughSecretsManager')!;
    expect(kmsSecrets.Condition).toEqual({
      StringEquals: {
        'kms:ViaService': {
          'Fn::Join': ['', ['secretsmanager.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]],
        },
      },
      'ForAnyValue:StringEquals': { 'kms:EncryptionContext:SecretARN': [ref(apiToken), ref(hmacKey)] },
    });
  });

  test('the function is created after its policy (Lambda checks ENI permissions at creation)', () => {
    const dependsOn = json.Resources[logicalId(secrets.rotation.function)].DependsOn as string[];
    expect(dependsOn).toContain(logicalId(secrets.rotation.policy));
  });
});

test('governance tags on the secrets, key and function', () => {
  for (const c of [apiToken, secrets.key, secrets.rotation.function]) {
    expect(tagsOf(resourceOf(template, c))).toMatchObject({
      owner: 'platform-team',
      'data-classification': 'confidential',
      lineage: 'ztai:secrets',
      project: 'ztai',
      environment: 'dev',
    });
  }
});
