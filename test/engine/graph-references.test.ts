import { buildGraph, loadCloudFormationObject, loadTerraformObject } from '../../policies/engine';
import type { Resource, ResourceGraph } from '../../policies/engine';

const template = {
  Parameters: { Env: { Type: 'String' } },
  Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
  Resources: {
    Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } },
    Alt: { Type: 'AWS::KMS::Key', Properties: {} },
    Logs: { Type: 'AWS::S3::Bucket' },
    Bucket: {
      Type: 'AWS::S3::Bucket',
      Properties: {
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            {
              ServerSideEncryptionByDefault: {
                SSEAlgorithm: 'aws:kms',
                KMSMasterKeyID: { 'Fn::GetAtt': ['Key', 'Arn'] },
              },
            },
          ],
        },
        LoggingConfiguration: {
          DestinationBucketName: { 'Fn::If': ['IsProd', { Ref: 'Logs' }, { Ref: 'AWS::NoValue' }] },
        },
        Tags: [
          { Key: 'region', Value: { Ref: 'AWS::Region' } },
          { Key: 'env', Value: { Ref: 'Env' } },
        ],
      },
    },
    Policy: {
      Type: 'AWS::S3::BucketPolicy',
      Properties: {
        Bucket: { Ref: 'Bucket' },
        PolicyDocument: {
          Statement: [
            {
              Resource: [
                { 'Fn::GetAtt': 'Bucket.Arn' },
                { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, '/*']] },
                { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Logs}/${!Literal}/${Env}' },
                { 'Fn::Sub': ['${Name}/${Alt.Arn}', { Name: { Ref: 'Key' } }] },
              ],
            },
          ],
        },
        Other: { 'Fn::If': ['IsProd', { Nested: { Ref: 'Alt' } }, [{ Ref: 'Logs' }]] },
        Skipped: { 'Fn::Select': [0, [{ 'Fn::ImportValue': 'x' }, { 'Fn::GetAtt': ['Ghost', 'Arn'] }]] },
      },
    },
  },
};

let graph: ResourceGraph;
let r: Record<string, Resource>;
beforeAll(() => {
  const doc = loadCloudFormationObject(template, { file: 'refs.json' });
  const again = loadCloudFormationObject(template, { file: 'other.json' });
  graph = buildGraph([doc, again]);
  r = Object.fromEntries(doc.resources.map((x) => [x.address, x]));
});

const edges = (from: Resource) => graph.referencesFrom(from).map((e) => [e.path, e.to.address, e.attribute]);

describe('CloudFormation reference edges', () => {
  test('Ref, GetAtt (array and "A.B"), Join, Sub (string and with variables), If both branches', () => {
    expect(edges(r.Policy)).toEqual([
      ['Bucket', 'Bucket', undefined],
      ['PolicyDocument.Statement.0.Resource.0', 'Bucket', 'Arn'],
      ['PolicyDocument.Statement.0.Resource.1', 'Bucket', 'Arn'],
      ['PolicyDocument.Statement.0.Resource.2', 'Logs', undefined],
      ['PolicyDocument.Statement.0.Resource.3', 'Alt', 'Arn'],
      ['PolicyDocument.Statement.0.Resource.3', 'Key', undefined],
      ['Other.Nested', 'Alt', undefined],
      ['Other.0', 'Logs', undefined],
    ]);
  });

  test('parameters, pseudo parameters, AWS::NoValue and unknown names are not edges', () => {
    expect(edges(r.Bucket)).toEqual([
      [
        'BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.KMSMasterKeyID',
        'Key',
        'Arn',
      ],
      ['LoggingConfiguration.DestinationBucketName', 'Logs', undefined],
    ]);
    expect(graph.referencesFrom(r.Key)).toEqual([]);
  });

  test('referencedBy lists the incoming edges, never across documents', () => {
    expect(graph.referencedBy(r.Bucket).map((e) => [e.from.address, e.path])).toEqual([
      ['Policy', 'Bucket'],
      ['Policy', 'PolicyDocument.Statement.0.Resource.0'],
      ['Policy', 'PolicyDocument.Statement.0.Resource.1'],
    ]);
    expect(graph.referencedBy(r.Logs).map((e) => e.from.address)).toEqual(['Bucket', 'Policy', 'Policy']);
    expect(graph.referencedBy(r.Bucket).every((e) => e.from.documentId === 'refs.json')).toBe(true);
    expect(graph.referencedBy(r.Policy)).toEqual([]);
  });

  test('referencedBy with a type keeps only references from resources of that type', () => {
    expect(graph.referencedBy(r.Logs, 'AWS::S3::BucketPolicy').map((e) => [e.from.address, e.path])).toEqual([
      ['Policy', 'PolicyDocument.Statement.0.Resource.2'],
      ['Policy', 'Other.0'],
    ]);
    expect(graph.referencedBy(r.Logs, 'AWS::S3::Bucket').map((e) => e.from.address)).toEqual(['Bucket']);
    expect(graph.referencedBy(r.Logs, 'AWS::KMS::Key')).toEqual([]);
  });

  test('asking about one resource walks only what the question needs', () => {
    // Reading a property of a resource outside the question fails the test.
    const watched = new Set<string>();
    const watch = (name: string, value: object) =>
      new Proxy(value, {
        get: (t, k, rcv) => {
          watched.add(name);
          return Reflect.get(t, k, rcv);
        },
        ownKeys: (t) => {
          watched.add(name);
          return Reflect.ownKeys(t);
        },
      });
    const doc = loadCloudFormationObject(
      {
        Resources: {
          Key: { Type: 'AWS::KMS::Key', Properties: {} },
          Config: { Type: 'AWS::SageMaker::EndpointConfig', Properties: { Key: { Ref: 'Key' } } },
          Role: { Type: 'AWS::IAM::Role', Properties: watch('Role', { Key: { Ref: 'Key' } }) },
        },
      },
      { file: 'walked.json' },
    );
    const g = buildGraph([doc]);
    const [key, config] = doc.resources;
    watched.clear();
    expect(g.referencesFrom(config).map((e) => e.to)).toEqual([key]);
    expect(g.referencedBy(key, 'AWS::SageMaker::EndpointConfig').map((e) => e.from)).toEqual([config]);
    expect(watched).toEqual(new Set());
    // Without a type every resource of the document is walked, Role included.
    expect(g.referencedBy(key).map((e) => e.from.address)).toEqual(['Config', 'Role']);
    expect(watched).toEqual(new Set(['Role']));
  });

  test('type and document indexes', () => {
    expect(graph.resources()).toHaveLength(10);
    expect(graph.byType('AWS::KMS::Key')).toHaveLength(4);
    expect(graph.sameDocument(r.Bucket, 'AWS::KMS::Key')).toEqual([r.Key, r.Alt]);
    expect(graph.byType('AWS::Nope::Nope')).toEqual([]);
  });
});

describe('Terraform interpolation edges', () => {
  const tf = loadTerraformObject(
    {
      resource: {
        azurerm_storage_account: { sa: { name: 'sa', resource_group_name: '${azurerm_resource_group.rg.name}' } },
        azurerm_resource_group: { rg: { name: 'rg', location: '${var.location}' } },
        azurerm_storage_account_customer_managed_key: {
          cmk: [
            {
              storage_account_id: '${azurerm_storage_account.sa.id}',
              key_name: '${azurerm_key_vault_key.k.name}',
              user_assigned_identity_id:
                '${azurerm_user_assigned_identity.id[0].id}-${azurerm_storage_account.sa.name}',
              key_vault_id: '${data.azurerm_key_vault.kv.id}',
              tags: [{ a: '${lower(azurerm_resource_group.rg.location)}', b: '$${azurerm_resource_group.rg.id}' }],
              other: '${each.value} ${local.x} ${module.m.out} ${count.index} ${path.module} ${self.id}',
            },
          ],
        },
        azurerm_key_vault_key: {
          k: { identity: [{ principal_id: '${azurerm_user_assigned_identity.id.principal_id}' }] },
        },
        azurerm_user_assigned_identity: { id: { count: 1, name: 'id' } },
      },
    },
    { file: 'main.tf.json' },
  );
  const g = buildGraph([tf]);
  const get = (address: string) => tf.resources.find((x) => x.address === address)!;

  test('several references per string, nested blocks, functions; data/var/local/... are not resources', () => {
    const cmk = get('azurerm_storage_account_customer_managed_key.cmk');
    expect(g.referencesFrom(cmk).map((e) => [e.path, e.to.address, e.attribute])).toEqual([
      ['storage_account_id', 'azurerm_storage_account.sa', 'id'],
      ['key_name', 'azurerm_key_vault_key.k', 'name'],
      ['user_assigned_identity_id', 'azurerm_user_assigned_identity.id', 'id'],
      ['user_assigned_identity_id', 'azurerm_storage_account.sa', 'name'],
      ['tags.0.a', 'azurerm_resource_group.rg', 'location'],
    ]);
    expect(g.referencesFrom(get('azurerm_key_vault_key.k')).map((e) => e.path)).toEqual(['identity.0.principal_id']);
  });

  test('referencedBy finds the resources that point at a storage account', () => {
    const sa = get('azurerm_storage_account.sa');
    expect(g.referencedBy(sa).map((e) => [e.from.address, e.path])).toEqual([
      ['azurerm_storage_account_customer_managed_key.cmk', 'storage_account_id'],
      ['azurerm_storage_account_customer_managed_key.cmk', 'user_assigned_identity_id'],
    ]);
  });
});
