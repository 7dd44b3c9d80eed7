import { type Link, type Props, type Reader, defined, enabled, obj } from './read';

/**
 * API Management (azure-native:apimanagement). The instance's TLS settings are ARM customProperties
 * (`Microsoft.WindowsAzure.ApiManagement.Gateway.Security.*` = "true" / "false"), which azurerm
 * exposes as its `security` block; policies are `value` in `format` xml / rawxml (xml_content) or
 * a -link format (xml_link); children name the instance by serviceName and their API / product by
 * apiId / productId (links below, so the effective-policy chain is walked as for azurerm).
 */
const APIM = 'azurerm_api_management';
const API = 'azurerm_api_management_api';
const PRODUCT = 'azurerm_api_management_product';

const SECURITY = 'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.';

/** `Protocols.Tls10` -> frontend_tls10_enabled, `Ciphers.TLS_RSA_WITH_AES_128_CBC_SHA` -> tls_rsa_with_aes128_cbc_sha_ciphers_enabled. */
function securityFlag(key: string): string {
  const rest = key.slice(SECURITY.length);
  const protocol = /^(Backend\.)?Protocols\.(\w+)$/.exec(rest);
  if (protocol) return `${protocol[1] ? 'backend' : 'frontend'}_${protocol[2].toLowerCase()}_enabled`;
  if (rest === 'Ciphers.TripleDes168') return 'triple_des_ciphers_enabled';
  const cipher = /^Ciphers\.(TLS_\w+)$/.exec(rest);
  if (cipher) return `${cipher[1].toLowerCase().replace(/aes_(\d+)/, 'aes$1')}_ciphers_enabled`;
  return rest; // not an azurerm argument: the rule reports it unknown rather than guess
}

const flag = (v: unknown): unknown => (typeof v === 'string' && /^(true|false)$/i.test(v) ? /^true$/i.test(v) : v);

function security(custom: unknown): unknown {
  if (typeof custom === 'string') return custom; // unknown at preview
  const entries = Object.entries(obj(custom)).filter(([k]) => k.startsWith(SECURITY));
  if (entries.length === 0) return undefined;
  return Object.fromEntries(entries.map(([k, v]) => [securityFlag(k), flag(v)]));
}

function service(p: Props): Props {
  return defined({
    name: p.serviceName,
    sku_name: obj(p.sku).name,
    virtual_network_type: p.virtualNetworkType,
    public_network_access_enabled: enabled(p.publicNetworkAccess),
    security: security(p.customProperties),
  });
}

function api(p: Props): Props {
  return defined({
    name: p.apiId,
    api_management_name: p.serviceName,
    path: p.path,
    protocols: p.protocols,
    service_url: p.serviceUrl,
    subscription_required: p.subscriptionRequired,
  });
}

/** ARM's format: xml / rawxml are the document (the default is xml), the -link formats fetch it. */
function policyDocument(p: Props): Props {
  const format = p.format ?? 'xml';
  if (typeof format === 'string' && /-link$/.test(format)) return defined({ xml_link: p.value });
  if (format === 'xml' || format === 'rawxml') return defined({ xml_content: p.value });
  return { xml_content: format }; // a format unknown at preview: the document is unknown too
}

const withService = (p: Props, rest: Props): Props =>
  defined({ api_management_name: p.serviceName, ...rest, ...policyDocument(p) });

const apiPolicy = (p: Props) => withService(p, { api_name: p.apiId });
const operationPolicy = (p: Props) => withService(p, { api_name: p.apiId, operation_id: p.operationId });
const productPolicy = (p: Props) => withService(p, { product_id: p.productId });
const globalPolicy = (p: Props) => defined({ api_management_id: p.serviceName, ...policyDocument(p) });

const product = (p: Props): Props =>
  defined({
    product_id: p.productId,
    api_management_name: p.serviceName,
    subscription_required: p.subscriptionRequired,
  });
const productApi = (p: Props): Props =>
  defined({ api_name: p.apiId, product_id: p.productId, api_management_name: p.serviceName });
/** A backend; ARM's tls.validateCertificateChain / Name are azurerm's tls block (ZT-INFERENCE-014). */
const backend = (p: Props): Props => {
  const tls = typeof p.tls === 'string' ? p.tls : obj(p.tls);
  return defined({
    name: p.backendId,
    api_management_name: p.serviceName,
    url: p.url,
    protocol: p.protocol,
    tls:
      typeof tls === 'string'
        ? tls // unknown at preview
        : Object.keys(tls).length
          ? defined({
              validate_certificate_chain: tls.validateCertificateChain,
              validate_certificate_name: tls.validateCertificateName,
            })
          : undefined,
  });
};
const logger = (p: Props): Props =>
  defined({ name: p.loggerId, api_management_name: p.serviceName, resource_id: p.resourceId });

/**
 * APIM's external response cache (ZT-INFERENCE-013): cacheId is azurerm's name, connectionString its
 * connection_string, useFromLocation its cache_location, resourceId its redis_cache_id.
 */
const cache = (p: Props): Props =>
  defined({
    name: p.cacheId,
    api_management_id: p.serviceName,
    connection_string: p.connectionString,
    cache_location: p.useFromLocation,
    redis_cache_id: p.resourceId,
  });

/** One step into an ARM object; a value unknown at preview (a string) stays what it is. */
const step = (v: unknown, key: string): unknown => (typeof v === 'string' ? v : obj(v)[key]);

/**
 * ARM's `frontend` / `backend` `{ request, response } { body { bytes } }` onto azurerm's
 * frontend_request ... backend_response blocks' body_bytes (ZT-INFERENCE-011); absent stays absent.
 */
function bodyBlocks(p: Props): Props {
  const out: Props = {};
  for (const side of ['frontend', 'backend'])
    for (const direction of ['request', 'response']) {
      const bytes = step(step(step(p[side], direction), 'body'), 'bytes');
      if (bytes !== undefined) out[`${side}_${direction}`] = [{ body_bytes: bytes }];
    }
  return out;
}

/** A service diagnostic: diagnosticId is azurerm's identifier, sampling.percentage its sampling_percentage. */
function diagnostic(p: Props): Props {
  return defined({
    identifier: p.diagnosticId,
    api_management_name: p.serviceName,
    api_management_logger_id: p.loggerId,
    sampling_percentage: step(p.sampling, 'percentage'),
    http_correlation_protocol: p.httpCorrelationProtocol,
    ...bodyBlocks(p),
  });
}

/** An API's diagnostic: the service diagnostic's arguments and the API it logs (apiId). */
const apiDiagnostic = (p: Props): Props => defined({ ...diagnostic(p), api_name: p.apiId });

/** Children name their instance by serviceName, whichever attribute azurerm gives it (name, or id for the global policy). */
const inService = (at = 'api_management_name', attribute = 'name'): Link => ({
  prop: 'serviceName',
  at,
  to: [APIM],
  attribute,
  by: 'name',
});
const ofApi: Link = { prop: 'apiId', at: 'api_name', to: [API], attribute: 'name' };
const ofProduct: Link = { prop: 'productId', at: 'product_id', to: [PRODUCT], attribute: 'product_id' };
const TO_LOGGER: Link = { prop: 'loggerId', at: 'api_management_logger_id', to: ['azurerm_api_management_logger'] };
const toLlm = (prop: string, at: string): Link => ({
  prop,
  at,
  to: ['azurerm_cognitive_account'],
  attribute: 'endpoint',
});

export const APIM_READERS: Readonly<Record<string, Reader>> = {
  'azure-native:apimanagement:ApiManagementService': { type: APIM, read: service },
  'azure-native:apimanagement:Api': { type: API, read: api, links: [inService(), toLlm('serviceUrl', 'service_url')] },
  'azure-native:apimanagement:ApiPolicy': {
    type: 'azurerm_api_management_api_policy',
    read: apiPolicy,
    links: [inService(), ofApi],
  },
  'azure-native:apimanagement:ApiOperationPolicy': {
    type: 'azurerm_api_management_api_operation_policy',
    read: operationPolicy,
    links: [inService(), ofApi],
  },
  'azure-native:apimanagement:Product': { type: PRODUCT, read: product, links: [inService()] },
  'azure-native:apimanagement:ProductApi': {
    type: 'azurerm_api_management_product_api',
    read: productApi,
    links: [inService(), ofApi, ofProduct],
  },
  'azure-native:apimanagement:ProductPolicy': {
    type: 'azurerm_api_management_product_policy',
    read: productPolicy,
    links: [inService(), ofProduct],
  },
  'azure-native:apimanagement:Policy': {
    type: 'azurerm_api_management_policy',
    read: globalPolicy,
    links: [inService('api_management_id', 'id')],
  },
  'azure-native:apimanagement:Backend': {
    type: 'azurerm_api_management_backend',
    read: backend,
    links: [inService(), toLlm('url', 'url')],
  },
  'azure-native:apimanagement:Cache': {
    type: 'azurerm_api_management_redis_cache',
    read: cache,
    links: [inService('api_management_id', 'id')],
  },
  'azure-native:apimanagement:Logger': { type: 'azurerm_api_management_logger', read: logger, links: [inService()] },
  'azure-native:apimanagement:Diagnostic': {
    type: 'azurerm_api_management_diagnostic',
    read: diagnostic,
    links: [inService(), TO_LOGGER],
  },
  'azure-native:apimanagement:ApiDiagnostic': {
    type: 'azurerm_api_management_api_diagnostic',
    read: apiDiagnostic,
    links: [inService(), ofApi, TO_LOGGER],
  },
};
