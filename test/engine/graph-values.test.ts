import { asBoolean, asNumber, buildGraph, loadCloudFormationObject, loadTerraformObject } from '../../policies/engine';

const doc = loadCloudFormationObject(
  {
    Parameters: { KeyArn: { Type: 'String' } },
    Resources: {
      Key: { Type: 'AWS::KMS::Key' },
      Bucket: {
        Type: 'AWS::S3::Bucket',
        Properties: {
          Flag: 'true',
          Versioning: { Status: 'Enabled' },
          Sse: [{ Default: { Algo: 'aws:kms', KeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } } }],
          ByRef: { Ref: 'Key' },
          ByParam: { Ref: 'KeyArn' },
          ByPseudo: { Ref: 'AWS::AccountId' },
          ByGhost: { Ref: 'Ghost' },
          NoValue: { Ref: 'AWS::NoValue' },
          Imported: { 'Fn::ImportValue': 'shared-key' },
          Mapped: { 'Fn::FindInMap': ['Map', 'a', 'b'] },
          SubOne: { 'Fn::Sub': '${Key.Arn}' },
          SubLiteral: { 'Fn::Sub': 'plain-${!NotAPlaceholder}' },
          SubVar: { 'Fn::Sub': ['${X}-${Y}', { X: 'a', Y: 'b' }] },
          SubMixed: { 'Fn::Sub': 'arn:aws:kms:::${Key}' },
          SubPseudo: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::x' },
          JoinOne: { 'Fn::Join': ['', [{ Ref: 'Key' }]] },
          JoinLiteral: { 'Fn::Join': ['-', ['a', 'b', 3]] },
          JoinMixed: { 'Fn::Join': ['', ['arn:', { Ref: 'Key' }]] },
          IfSame: { 'Fn::If': ['C', 'Enabled', 'Enabled'] },
          IfDiffers: { 'Fn::If': ['C', 'Enabled', 'Suspended'] },
          IfSameRef: { 'Fn::If': ['C', { Ref: 'Key' }, { Ref: 'Key' }] },
          IfBoth: { 'Fn::If': ['C', { Ref: 'AWS::NoValue' }, { Ref: 'AWS::NoValue' }] },
          IfObject: { 'Fn::If': ['C', { Status: 'Enabled', Mfa: 'x' }, { Status: 'Enabled' }] },
          Selected: { 'Fn::Select': [1, ['a', { Ref: 'Key' }]] },
          Base: { 'Fn::Base64': 'x' },
          Null: null,
        },
      },
    },
  },
  { file: 't.json' },
);
const graph = buildGraph([doc]);
const [key, bucket] = doc.resources;
const v = (path: string) => graph.value(bucket, path);

describe('value(): CloudFormation', () => {
  test('literal, with a single-element array stepped through and explicit indexes', () => {
    expect(v('Versioning.Status')).toEqual({ kind: 'literal', value: 'Enabled' });
    expect(v('Sse.Default.Algo')).toEqual({ kind: 'literal', value: 'aws:kms' });
    expect(v('Sse.0.Default.Algo')).toEqual({ kind: 'literal', value: 'aws:kms' });
    expect(v('Versioning')).toEqual({ kind: 'literal', value: { Status: 'Enabled' } });
    expect(asBoolean(v('Flag'))).toBe(true);
    expect(v('SubLiteral')).toEqual({ kind: 'literal', value: 'plain-${NotAPlaceholder}' });
    expect(v('SubVar')).toEqual({ kind: 'literal', value: 'a-b' });
    expect(v('JoinLiteral')).toEqual({ kind: 'literal', value: 'a-b-3' });
    expect(v('IfSame')).toEqual({ kind: 'literal', value: 'Enabled' });
    expect(v('Selected')).toEqual({ kind: 'reference', to: key });
  });

  test('reference: Ref, GetAtt, Sub or Join of exactly one reference, If with equal branches', () => {
    expect(v('ByRef')).toEqual({ kind: 'reference', to: key });
    expect(v('Sse.Default.KeyId')).toEqual({ kind: 'reference', to: key, attribute: 'Arn' });
    expect(v('SubOne')).toEqual({ kind: 'reference', to: key, attribute: 'Arn' });
    expect(v('JoinOne')).toEqual({ kind: 'reference', to: key });
    expect(v('IfSameRef')).toEqual({ kind: 'reference', to: key });
  });

  test('absent: missing properties, AWS::NoValue, null, paths through scalars', () => {
    for (const path of ['Missing', 'Versioning.Missing', 'NoValue', 'IfBoth', 'Null', 'Flag.Deeper', 'Sse.3.Default']) {
      expect(v(path)).toEqual({ kind: 'absent' });
    }
  });

  test('unknown, with the reason naming what could not be resolved', () => {
    expect(v('ByParam')).toEqual({ kind: 'unknown', reason: 'parameter KeyArn' });
    expect(v('ByPseudo')).toEqual({ kind: 'unknown', reason: 'pseudo parameter AWS::AccountId' });
    expect(v('ByGhost')).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('Ghost') });
    expect(v('Imported')).toMatchObject({
      kind: 'unknown',
      reason: expect.stringContaining('Fn::ImportValue shared-key'),
    });
    expect(v('Mapped')).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('Fn::FindInMap') });
    // Text joined with references is composed: not a literal, but its references are kept.
    expect(v('SubMixed')).toEqual({ kind: 'composed', parts: ['arn:aws:kms:::', { kind: 'reference', to: key }] });
    expect(v('JoinMixed')).toEqual({ kind: 'composed', parts: ['arn:', { kind: 'reference', to: key }] });
    expect(v('SubPseudo')).toEqual({
      kind: 'composed',
      parts: ['arn:', { kind: 'unknown', reason: 'pseudo parameter AWS::Partition' }, ':s3:::x'],
    });
    expect(v('IfDiffers')).toEqual({ kind: 'unknown', reason: 'depends on condition C' });
    expect(v('Base')).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('Fn::Base64') });
  });

  test('paths continue through Fn::If branches and stop at references and unknowns', () => {
    expect(v('IfObject.Status')).toEqual({ kind: 'literal', value: 'Enabled' });
    expect(v('IfObject.Mfa')).toEqual({ kind: 'unknown', reason: 'depends on condition C' });
    expect(v('ByParam.Inner')).toEqual({ kind: 'unknown', reason: 'parameter KeyArn' });
    expect(v('ByRef.Inner')).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('reference to Key') });
    expect(v('NoValue.Inner')).toEqual({ kind: 'absent' });
  });

  test('resolve() works on any raw value of the resource', () => {
    expect(graph.resolve(bucket, { Ref: 'Key' })).toEqual({ kind: 'reference', to: key });
    expect(graph.resolve(bucket, '${Key}')).toEqual({ kind: 'literal', value: '${Key}' }); // not Terraform
    expect(graph.resolve(bucket, undefined)).toEqual({ kind: 'absent' });
  });
});

describe('value(): Terraform', () => {
  const tf = loadTerraformObject(
    {
      resource: {
        azurerm_key_vault: { kv: { name: 'kv' } },
        azurerm_storage_account: {
          sa: [
            {
              min_tls_version: 'TLS1_2',
              https_traffic_only_enabled: true,
              blob_properties: [{ delete_retention_policy: [{ days: 7 }], versioning_enabled: true }],
              network_rules: [{ default_action: 'Deny' }, { default_action: 'Allow' }],
              key_vault_id: '${azurerm_key_vault.kv.id}',
              whole: '${azurerm_key_vault.kv}',
              ghost: '${azurerm_key_vault.ghost.id}',
              from_var: '${var.tls}',
              from_data: '${data.azurerm_client_config.c.tenant_id}',
              from_local: '${local.tls}',
              from_module: '${module.net.subnet_id}',
              from_each: '${each.value}',
              expression: '${var.x ? "TLS1_2" : "TLS1_0"}',
              composed: 'kv-${azurerm_key_vault.kv.name}',
              escaped: '$${not.interpolated}',
              tags: '${local.tags}',
              nothing: null,
            },
          ],
        },
      },
    },
    { file: 'v.tf.json' },
  );
  const g = buildGraph([tf]);
  const [kv, sa] = tf.resources;
  const t = (path: string) => g.value(sa, path);

  test('literal, absent and nested blocks as arrays of one', () => {
    expect(t('min_tls_version')).toEqual({ kind: 'literal', value: 'TLS1_2' });
    expect(asNumber(t('blob_properties.delete_retention_policy.days'))).toBe(7);
    expect(t('network_rules.1.default_action')).toEqual({ kind: 'literal', value: 'Allow' });
    expect(t('network_rules.default_action')).toEqual({ kind: 'absent' }); // two blocks: no single answer by name
    expect(t('escaped')).toEqual({ kind: 'literal', value: '${not.interpolated}' });
    expect(t('nothing')).toEqual({ kind: 'absent' });
    expect(t('customer_managed_key.key_vault_key_id')).toEqual({ kind: 'absent' });
  });

  test('reference to a resource of the same configuration', () => {
    expect(t('key_vault_id')).toEqual({ kind: 'reference', to: kv, attribute: 'id' });
    expect(t('whole')).toEqual({ kind: 'reference', to: kv });
  });

  test('unknown for variables, data sources, locals, modules, expressions and composed strings', () => {
    expect(t('from_var')).toEqual({ kind: 'unknown', reason: 'Terraform variable var.tls' });
    expect(t('from_data')).toEqual({ kind: 'unknown', reason: 'data source data.azurerm_client_config.c.tenant_id' });
    expect(t('from_local')).toEqual({
      kind: 'unknown',
      reason: 'local value local.tls, not defined in this configuration',
    });
    expect(t('from_module')).toEqual({ kind: 'unknown', reason: 'module output module.net.subnet_id' });
    expect(t('from_each')).toEqual({ kind: 'unknown', reason: 'Terraform expression each.value' });
    expect(t('expression')).toMatchObject({
      kind: 'unknown',
      reason: expect.stringMatching(/^Terraform expression var\.x \?/),
    });
    expect(t('composed')).toMatchObject({ kind: 'composed', parts: ['kv-', { kind: 'reference', attribute: 'name' }] });
    expect(t('ghost')).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('azurerm_key_vault.ghost') });
    expect(t('tags.owner')).toEqual({
      kind: 'unknown',
      reason: 'local value local.tags, not defined in this configuration',
    });
  });
});
