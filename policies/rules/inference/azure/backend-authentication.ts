import type { Resolved } from '../../../engine/graph';
import { type Check, type CheckResult, type Equivalent, fail, pass, unknown } from '../../../engine/rule';
import { allChecks, eachOf } from '../../shared/combine';
import { isTrue, judgeSetting } from '../../shared/expect';
import { unknownAt } from '../../shared/read';
import { forbiddenInBlock, tfBlock } from '../../shared/tf-blocks';
import { urlScheme } from '../aws/backend-authentication';

/**
 * ZT-INFERENCE-014 on azurerm: an API Management backend is reached over https and its certificate
 * is verified (tls.validate_certificate_chain / validate_certificate_name are not turned off; both
 * default to true), so the gateway's credentials reach the backend they are meant for. Which
 * credential the gateway presents (credentials.certificate, a named-value header, or a managed
 * identity token from the API's policy) is not judged here.
 */

/** Endpoint attributes Azure only ever serves over https (https://<name>.openai.azure.com/, ...). */
const HTTPS_ENDPOINTS: Readonly<Record<string, string>> = {
  azurerm_cognitive_account: 'endpoint',
  azurerm_ai_services: 'endpoint',
};

function httpsEndpoint(p: Resolved): boolean {
  if (p.kind === 'reference') return HTTPS_ENDPOINTS[p.to.type] === p.attribute;
  if (p.kind === 'unknown' && p.target) return HTTPS_ENDPOINTS[p.target.type] === p.target.attribute;
  return false;
}

const RISK =
  'the gateway accepts a backend certificate it cannot verify, so anyone on the path can pose as the backend';

const backendUrl: Check = (b, { graph }) => {
  const s = urlScheme(graph.value(b, 'url'), httpsEndpoint);
  if (s.kind === 'https') return pass(`url is https (${s.text}): the backend is reached over TLS`, 'url');
  if (s.kind === 'unknown') return unknownAt('url', s.reason);
  if (s.kind === 'absent')
    return unknown('url is not set (it is required): the backend scheme cannot be judged', 'url');
  return fail(
    `url is ${JSON.stringify(s.text)}: not https, so the gateway's credentials and the prompts travel in plain ` +
      'text to whoever answers; use an https:// url',
    'url',
  );
};

const certificateValidation: Check = (b, { graph }) => {
  const loc = tfBlock(graph, b, '', 'tls');
  const results: CheckResult[] = ['validate_certificate_chain', 'validate_certificate_name'].map((flag) =>
    forbiddenInBlock(loc, judgeSetting(graph, b, isTrue(flag, { providerDefault: true, risk: RISK }), loc.path)),
  );
  return eachOf(results);
};

export const azureChecks: Readonly<Record<string, Check>> = {
  azurerm_api_management_backend: allChecks(backendUrl, certificateValidation),
};

export const azureEquivalents: readonly Equivalent[] = [
  {
    tool: 'checkov',
    id: 'CKV_AZURE_215',
    resourceTypes: ['azurerm_api_management_backend'],
    paths: ['url'],
    ignores: ['validate_certificate_chain', 'validate_certificate_name'],
    note: 'Checkov judges the url scheme only; this rule also fails tls blocks that turn certificate validation off.',
  },
];
