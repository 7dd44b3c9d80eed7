import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type Check, type CheckResult, type Equivalent, fail, pass } from '../../../engine/rule';
import { eachOf } from '../../shared/combine';
import { PRIVATE_ENDPOINT } from '../../shared/companion-specs';
import { judgeWithCompanions } from '../../shared/companions';
import { isFalse, judgeSetting, oneOf } from '../../shared/expect';
import { tfBlock, throughDynamic } from '../../shared/tf-blocks';

/**
 * ZT-INFERENCE-001 on Terraform azurerm_*: an Azure OpenAI / AI Services account takes no
 * public traffic (public_network_access_enabled defaults to true), its network ACL denies by
 * default (so turning public access back on does not open it), and a private endpoint gives the
 * platform network its only way in. One finding each.
 */
const PUBLIC_OFF = isFalse('public_network_access_enabled', {
  providerDefault: true,
  risk: 'the endpoint answers on the internet',
});

function networkAcl(g: ResourceGraph, a: Resource): CheckResult {
  const loc = tfBlock(g, a, '', 'network_acls');
  if (loc.kind === 'absent')
    return fail(
      'network_acls is not set, so the default action is Allow; set network_acls { default_action = "Deny" }',
      'network_acls.default_action',
    );
  const r = judgeSetting(
    g,
    a,
    oneOf('default_action', ['Deny'], { risk: 'every network the account is exposed to may call it' }),
    loc.path,
  );
  return throughDynamic(loc, r);
}

function privateEndpoint(g: ResourceGraph, a: Resource): CheckResult[] {
  return judgeWithCompanions(g, a, {
    spec: PRIVATE_ENDPOINT,
    judge: () => pass('a private endpoint connects the account to the platform network'),
    inline: () =>
      fail(
        'no azurerm_private_endpoint connects to the account: the platform network has no private path to it, which invites turning public access back on',
        PRIVATE_ENDPOINT.type,
      ),
  });
}

const account: Check = (a, { graph }) =>
  eachOf([judgeSetting(graph, a, PUBLIC_OFF), networkAcl(graph, a), ...privateEndpoint(graph, a)]);

export const azureChecks: Readonly<Record<string, Check>> = { azurerm_cognitive_account: account };

export const azureEquivalents: readonly Equivalent[] = [
  {
    tool: 'checkov',
    id: 'CKV_AZURE_134',
    resourceTypes: ['azurerm_cognitive_account'],
    paths: ['public_network_access_enabled'],
    ignores: ['network_acls.default_action', 'default_action', PRIVATE_ENDPOINT.type],
  },
];
