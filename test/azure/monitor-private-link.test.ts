import { readFileSync } from 'fs';
import { join } from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { resolveConfig } from '../../lib/core/config';
import { BlueprintConfigError } from '../../lib/core/errors';
import { interfaceEndpointCost } from '../../lib/core/network';
import {
  MONITOR_DNS_ZONE_KEYS,
  MONITOR_PRIVATE_LINK_GROUP,
  PRIVATE_DNS_ZONES,
  TrainingNetwork,
} from '../../lib/azure/training-network';
import { AzurePlatformStack } from '../../stacks/azure-platform-stack';
import { thrown } from '../support/thrown';
import { allOf, atPath, Found, scratchApp, synthStack, TfJson } from './synth';

/** The network's Azure Monitor private link scope, from the synthesized reference stack (once for the file). */
const NET = 'azure-platform/training-network';
let tf: TfJson;
let ampls: Found;
let endpoint: Found;

beforeAll(() => {
  tf = synthStack((app) => new AzurePlatformStack(app, 'azure-platform', resolveConfig({})));
  ampls = atPath(tf, `${NET}/monitor-private-link-scope`);
  endpoint = atPath(tf, `${NET}/monitor-private-link-pe`);
});

describe('Azure Monitor private link scope', () => {
  it('one scope in the network group, private-only ingestion and query', () => {
    expect(allOf(tf, 'azurerm_monitor_private_link_scope')).toHaveLength(1);
    expect(ampls.body).toMatchObject({
      name: 'ampls-ztai-dev',
      resource_group_name: atPath(tf, `${NET}/resource-group`).ref('name'),
      ingestion_access_mode: 'PrivateOnly',
      query_access_mode: 'PrivateOnly',
    });
  });

  it('scopes exactly the workspace and both Application Insights components (training, gateway)', () => {
    const scoped = allOf(tf, 'azurerm_monitor_private_link_scoped_service').map((s) => s.body);
    for (const s of scoped) {
      expect(s).toMatchObject({ scope_name: ampls.ref('name'), resource_group_name: ampls.ref('resource_group_name') });
    }
    expect(scoped.map((s) => s.linked_resource_id).sort()).toEqual(
      [
        atPath(tf, `${NET}/workspace`).ref('id'),
        atPath(tf, 'azure-platform/training-compute/compute/insights').ref('id'),
        atPath(tf, 'azure-platform/inference/gateway-insights').ref('id'),
      ].sort(),
    );
    // Every Application Insights component of the stack is private-only, so each must be in the scope.
    const components = allOf(tf, 'azurerm_application_insights');
    expect(components).toHaveLength(2);
    for (const c of components) {
      expect(c.body).toMatchObject({ internet_ingestion_enabled: false, internet_query_enabled: false });
    }
  });

  it('a private endpoint in the endpoint subnet, group azuremonitor, after the zone links and the workspace', () => {
    expect(endpoint.body).toMatchObject({
      subnet_id: atPath(tf, `${NET}/subnet-privateEndpoints`).ref('id'),
      private_service_connection: {
        private_connection_resource_id: ampls.ref('id'),
        subresource_names: [MONITOR_PRIVATE_LINK_GROUP],
        is_manual_connection: false,
      },
    });
    expect(MONITOR_PRIVATE_LINK_GROUP).toBe('azuremonitor');
    const links = MONITOR_DNS_ZONE_KEYS.map((k) => atPath(tf, `${NET}/dns-${k}-link`));
    const deps = endpoint.body.depends_on as string[];
    for (const l of links) expect(deps).toContain(`${l.type}.${l.name}`);
    const workspaceService = atPath(tf, `${NET}/monitor-scoped-workspace`);
    expect(deps).toContain(`${workspaceService.type}.${workspaceService.name}`);
  });

  it('registers in the five Azure Monitor zones, reusing the shared blob zone', () => {
    expect(endpoint.body.private_dns_zone_group).toEqual({
      name: 'default',
      private_dns_zone_ids: MONITOR_DNS_ZONE_KEYS.map((k) => atPath(tf, `${NET}/dns-${k}`).ref('id')),
    });
    expect(MONITOR_DNS_ZONE_KEYS.map((k) => PRIVATE_DNS_ZONES[k]).sort()).toEqual(
      [
        'privatelink.agentsvc.azure-automation.net',
        'privatelink.blob.core.windows.net',
        'privatelink.monitor.azure.com',
        'privatelink.ods.opinsights.azure.com',
        'privatelink.oms.opinsights.azure.com',
      ].sort(),
    );
    const names = allOf(tf, 'azurerm_private_dns_zone').map((z) => z.body.name);
    expect(names.filter((n) => n === 'privatelink.blob.core.windows.net')).toHaveLength(1);
  });

  it.each(['monitor', 'omsOpinsights', 'odsOpinsights', 'agentSvc'] as const)(
    'the new %s zone is linked to the VNet without auto-registration',
    (key) => {
      const zone = atPath(tf, `${NET}/dns-${key}`);
      expect(zone.body.name).toBe(PRIVATE_DNS_ZONES[key]);
      expect(atPath(tf, `${NET}/dns-${key}-link`).body).toMatchObject({
        private_dns_zone_name: zone.ref('name'),
        virtual_network_id: atPath(tf, `${NET}/vnet`).ref('id'),
        registration_enabled: false,
      });
    },
  );
});

describe("fixed cost figures count the scope's endpoint and zones", () => {
  const doc = (file: string) => readFileSync(join(__dirname, '../..', file), 'utf8').replace(/\s+/g, ' ');

  it('README: 9 private endpoints + 2 managed-network rules, 14 zones (the inference path is priced apart)', () => {
    const own = (type: string) =>
      allOf(tf, type).filter((r) => !r.body['//'].metadata.path.startsWith('azure-platform/inference/'));
    const endpoints = own('azurerm_private_endpoint').length;
    const rules = own('azurerm_machine_learning_workspace_network_outbound_rule_private_endpoint').length;
    const zones = own('azurerm_private_dns_zone').length;
    expect([endpoints, rules, zones]).toEqual([9, 2, 14]);
    const { hourly, monthly } = interfaceEndpointCost(endpoints + rules, 1);
    const readme = doc('README.md');
    expect(readme).toContain(`| $${hourly.toFixed(2)} | $${monthly.toFixed(2)} |`);
    expect(readme).toContain(
      `${zones} private DNS zones x $0.50, 1 HSM key version x $1 | | $${(zones * 0.5 + 1).toFixed(2)} |`,
    );
    expect(readme).toContain('**$139.00**');
  });

  it("training-network.md: the network's own zones and its two endpoints", () => {
    const own = (type: string) => allOf(tf, type).filter((r) => r.body['//'].metadata.path.startsWith(`${NET}/`));
    expect([own('azurerm_private_endpoint').length, own('azurerm_private_dns_zone').length]).toEqual([2, 14]);
    const text = doc('docs/training-network.md');
    expect(text).toContain('14 private DNS zones x $0.50 = $7.00/month');
    expect(text).toContain(`x $0.01/h = $${interfaceEndpointCost(2, 1).monthly.toFixed(2)}/month`);
  });
});

describe('TrainingNetwork.scopeMonitoring', () => {
  const network = () => new TrainingNetwork(new TerraformStack(scratchApp(), 's'), 'net');

  it.each(['', 'Gateway', 'a_b', 'x'.repeat(42)])('rejects the key %j, naming the prop', (key) => {
    const error = thrown(BlueprintConfigError, () => network().scopeMonitoring(key, '/id'));
    expect(error.prop).toBe('TrainingNetwork.scopeMonitoring.key');
  });

  it('rejects a key used twice, and the network\'s own "workspace"', () => {
    const net = network();
    net.scopeMonitoring('app', '/id');
    for (const key of ['app', 'workspace']) {
      expect(thrown(BlueprintConfigError, () => net.scopeMonitoring(key, '/id')).prop).toBe(
        'TrainingNetwork.scopeMonitoring.key',
      );
    }
  });

  it('links the given resource into the scope', () => {
    const stack = new TerraformStack(scratchApp(), 's');
    new TrainingNetwork(stack, 'net').scopeMonitoring('app', '/subscriptions/s/app');
    const doc = JSON.parse(Testing.synth(stack)) as TfJson;
    const scope = allOf(doc, 'azurerm_monitor_private_link_scope')[0];
    const app = allOf(doc, 'azurerm_monitor_private_link_scoped_service').filter(
      (s) => s.body.linked_resource_id === '/subscriptions/s/app',
    );
    expect(app.map((s) => s.body.scope_name)).toEqual([scope.ref('name')]);
  });
});
