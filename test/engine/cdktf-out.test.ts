import * as path from 'path';
import { buildGraph, loadPaths } from '../../policies/engine';
import type { Document, Resource } from '../../policies/engine';
import { synthCdktfApp, TF_WAIVER_REASON } from '../support/synth-cdktf';
import { tempDir } from '../support/temp-dir';

const tmp = tempDir('cdktf');
const outdir = path.join(tmp.dir, 'cdktf.out');
let documents: Document[];

beforeAll(() => {
  synthCdktfApp(outdir);
  documents = loadPaths([outdir]);
});
afterAll(() => tmp.remove());

const find = (stack: string, address: string): Resource => {
  const r = documents.find((d) => d.stack === stack)?.resources.find((x) => x.address === address);
  if (!r) throw new Error(`${stack}/${address} not loaded`);
  return r;
};

describe('cdktf.out loader (real synth output)', () => {
  test('loads every stacks/*/cdk.tf.json, the stack named by its directory', () => {
    expect(documents.map((d) => [d.stack, d.format])).toEqual([
      ['lake', 'terraform'],
      ['network', 'terraform'],
    ]);
    expect(documents[0].file).toBe(path.join(outdir, 'stacks', 'lake', 'cdk.tf.json'));
  });

  test('resources are type.name with the provider prefix; data sources are not resources', () => {
    const lake = documents[0];
    expect(lake.resources.map((r) => r.address).sort()).toEqual([
      'azurerm_resource_group.rg',
      'azurerm_storage_account.sa',
    ]);
    expect(lake.resources.every((r) => r.provider === 'azurerm')).toBe(true);
  });

  test('meta-arguments are attributes, the rest are properties; construct path from "//"', () => {
    const sa = find('lake', 'azurerm_storage_account.sa');
    expect(sa.properties).toMatchObject({ min_tls_version: 'TLS1_2', account_replication_type: 'ZRS' });
    expect(sa.properties).not.toHaveProperty('lifecycle');
    expect(sa.properties).not.toHaveProperty('//');
    expect(sa.attributes.lifecycle).toEqual({ prevent_destroy: true });
    expect(sa.source).toEqual({
      file: documents[0].file,
      format: 'terraform',
      stack: 'lake',
      constructPath: 'lake/sa',
      line: expect.any(Number),
    });
  });

  test('waivers come from the "//" block', () => {
    const sa = find('lake', 'azurerm_storage_account.sa');
    expect(sa.waivers).toEqual([
      { ruleId: 'ZT-DATA-006', reason: TF_WAIVER_REASON, expires: '2099-12-31', origin: 'terraform-comment' },
    ]);
    expect(find('lake', 'azurerm_resource_group.rg').waivers).toEqual([]);
  });

  test('variables are parameters and locals are conditions', () => {
    expect(documents[0].parameters).toEqual({ location: { type: 'string', default: 'westeurope' } });
    expect(documents[0].conditions).toEqual({ tags: { owner: 'platform' } });
  });

  test('interpolations become edges within the stack only; values resolve per kind', () => {
    const graph = buildGraph(documents);
    const sa = find('lake', 'azurerm_storage_account.sa');
    const rg = find('lake', 'azurerm_resource_group.rg');
    expect(graph.referencesFrom(sa).map((e) => [e.path, e.to.address, e.attribute])).toEqual([
      ['location', 'azurerm_resource_group.rg', 'location'],
      ['resource_group_name', 'azurerm_resource_group.rg', 'name'],
      ['tags.label', 'azurerm_resource_group.rg', 'name'],
    ]);
    expect(graph.referencedBy(rg).every((e) => e.from === sa)).toBe(true);
    expect(graph.referencedBy(find('network', 'azurerm_resource_group.rg'))).toEqual([]);
    expect(graph.value(sa, 'resource_group_name')).toEqual({ kind: 'reference', to: rg, attribute: 'name' });
    expect(graph.value(sa, 'blob_properties.delete_retention_policy.days')).toEqual({ kind: 'literal', value: 7 });
    expect(graph.value(sa, 'tags.tenant')).toEqual({
      kind: 'unknown',
      reason: 'data source data.azurerm_client_config.client.tenant_id',
    });
    expect(graph.value(sa, 'tags.label')).toMatchObject({ kind: 'composed' });
    expect(graph.value(rg, 'location')).toEqual({ kind: 'unknown', reason: 'Terraform variable var.location' });
    // Literal locals resolve (cdktf writes `locals` blocks for shared tags).
    expect(graph.value(rg, 'tags.owner')).toEqual({ kind: 'literal', value: 'platform' });
    expect(graph.value(sa, 'public_network_access_enabled')).toEqual({ kind: 'absent' });
  });

  test('a single stack file loads on its own, without a stack name', () => {
    const [doc] = loadPaths([documents[1].file]);
    expect(doc.stack).toBeUndefined();
    expect(doc.resources.map((r) => r.address)).toEqual(['azurerm_resource_group.rg']);
  });
});
