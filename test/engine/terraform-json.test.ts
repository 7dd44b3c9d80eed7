import { InputError, loadTerraformObject } from '../../policies/engine';

const file = 'main.tf.json';

describe('Terraform JSON loader', () => {
  test('hcl2json style: bodies, nested blocks and meta blocks are arrays of one', () => {
    const doc = loadTerraformObject(
      {
        resource: {
          aws_s3_bucket: {
            logs: [
              {
                bucket: 'logs',
                lifecycle: [{ prevent_destroy: true }],
                count: 1,
                depends_on: ['aws_kms_key.k'],
                provider: 'aws.eu',
                '//': [
                  {
                    metadata: [{ path: 'x' }],
                    'zt:waivers': [{ ruleId: 'ZT-DATA-006', reason: 'It is the log sink of all other buckets.' }],
                  },
                ],
              },
            ],
          },
          aws_kms_key: { k: [{ enable_key_rotation: true, for_each: '${var.keys}' }] },
        },
        variable: { keys: [{ type: 'set(string)' }] },
        locals: [{ a: 1 }, { b: 2 }],
        data: { aws_caller_identity: { me: [{}] } },
      },
      { file },
    );
    const [logs, key] = doc.resources;
    expect(logs).toMatchObject({
      address: 'aws_s3_bucket.logs',
      provider: 'aws',
      type: 'aws_s3_bucket',
      properties: { bucket: 'logs' },
      attributes: { lifecycle: { prevent_destroy: true }, count: 1, depends_on: ['aws_kms_key.k'], provider: 'aws.eu' },
      key: `${file}#aws_s3_bucket.logs`,
      documentId: file,
    });
    expect(Object.keys(logs.properties)).toEqual(['bucket']);
    expect(logs.waivers).toEqual([
      { ruleId: 'ZT-DATA-006', reason: 'It is the log sink of all other buckets.', origin: 'terraform-comment' },
    ]);
    expect(key.attributes).toEqual({ for_each: '${var.keys}' });
    expect(doc.resources).toHaveLength(2); // data blocks are not resources
    expect(doc.parameters).toEqual({ keys: [{ type: 'set(string)' }] });
    expect(doc.conditions).toEqual({ a: 1, b: 2 });
  });

  test('`resource` may be an array of maps; cdktf bodies are objects', () => {
    const doc = loadTerraformObject(
      {
        resource: [
          { azurerm_key_vault: { kv: { purge_protection_enabled: true, network_acls: [{ default_action: 'Deny' }] } } },
          { azurerm_key_vault_key: { k: { key_vault_id: '${azurerm_key_vault.kv.id}' } } },
        ],
      },
      { file, stack: 'vault' },
    );
    expect(doc.resources.map((r) => [r.address, r.provider, r.source.stack])).toEqual([
      ['azurerm_key_vault.kv', 'azurerm', 'vault'],
      ['azurerm_key_vault_key.k', 'azurerm', 'vault'],
    ]);
    expect(doc.resources[0].properties.network_acls).toEqual([{ default_action: 'Deny' }]);
    expect(doc.id).toBe(`${file}#vault`);
  });

  test('a configuration without resources is an empty document', () => {
    expect(loadTerraformObject({ terraform: { required_version: '>= 1.5' } }, { file }).resources).toEqual([]);
  });

  test.each([
    [{ resource: 'x' }, /main\.tf\.json: expected "resource" to be an object of named blocks/],
    [{ resource: { aws_s3_bucket: { b: 'x' } } }, /resource aws_s3_bucket\.b: expected the body to be an object/],
    [
      { resource: [{ aws_s3_bucket: { b: {} } }, { aws_s3_bucket: { b: {} } }] },
      /Duplicate resource aws_s3_bucket\.b: declared more than once/,
    ],
    [[], /expected Terraform JSON/],
  ])('malformed structure %# is an input error naming the file', (obj, message) => {
    expect(() => loadTerraformObject(obj, { file })).toThrow(InputError);
    expect(() => loadTerraformObject(obj, { file })).toThrow(message);
  });

  test.each([
    [{ reason: 'A reason that is long enough to count.' }, /zt:waivers\[0\]\.ruleId: expected a rule id/],
    [{ ruleId: 'ZT-DATA-001', reason: 'short' }, /zt:waivers\[0\]\.reason: expected a reason/],
    [
      { ruleId: 'ZT-DATA-001', reason: 'A reason that is long enough to count.', expires: '31/12/2030' },
      /zt:waivers\[0\]\.expires: expected an ISO date/,
    ],
  ])('a malformed waiver %# names the file and the resource', (waiver, message) => {
    const obj = { resource: { aws_s3_bucket: { b: { '//': { 'zt:waivers': [waiver] } } } } };
    expect(() => loadTerraformObject(obj, { file })).toThrow(InputError);
    expect(() => loadTerraformObject(obj, { file })).toThrow(/^main\.tf\.json: resource aws_s3_bucket\.b: /);
    expect(() => loadTerraformObject(obj, { file })).toThrow(message);
  });

  test('waivers must be an array', () => {
    const obj = { resource: { aws_s3_bucket: { b: { '//': { 'zt:waivers': { ruleId: 'ZT-DATA-001' } } } } } };
    expect(() => loadTerraformObject(obj, { file })).toThrow(/zt:waivers must be an array/);
  });
});
