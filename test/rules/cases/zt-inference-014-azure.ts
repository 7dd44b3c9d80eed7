import { RuleCase, tf } from '../helpers';

/** ZT-INFERENCE-014 on Azure: API Management backends over https with certificate validation. */
const backend = (args: Record<string, unknown>) =>
  tf({
    azurerm_api_management_backend: {
      b: { name: 'llm', resource_group_name: 'rg', api_management_name: 'apim', protocol: 'http', ...args },
    },
  });
const OPENAI = {
  azurerm_cognitive_account: {
    oai: { name: 'oai', location: 'westeurope', resource_group_name: 'rg', kind: 'OpenAI', sku_name: 'S0' },
  },
};

export const azureCases: RuleCase[] = [
  {
    name: 'APIM backend with an https url (CKV_AZURE_215 pass fixture)',
    doc: backend({ url: 'https://backend' }),
    address: 'azurerm_api_management_backend.b',
    verdict: 'pass',
  },
  {
    name: 'APIM backend with an http url (CKV_AZURE_215 fail fixture)',
    doc: backend({ url: 'http://backend' }),
    address: 'azurerm_api_management_backend.b',
    verdict: 'fail',
    path: 'url',
  },
  {
    name: 'APIM backend on an Azure OpenAI endpoint with certificate validation on',
    doc: tf({
      ...OPENAI,
      azurerm_api_management_backend: {
        b: {
          name: 'llm',
          resource_group_name: 'rg',
          api_management_name: 'apim',
          protocol: 'http',
          url: '${azurerm_cognitive_account.oai.endpoint}openai',
          tls: { validate_certificate_chain: true, validate_certificate_name: true },
        },
      },
    }),
    address: 'azurerm_api_management_backend.b',
    verdict: 'pass',
  },
  {
    name: 'APIM backend not validating the certificate chain',
    doc: backend({ url: 'https://backend', tls: { validate_certificate_chain: false } }),
    address: 'azurerm_api_management_backend.b',
    verdict: 'fail',
    path: 'tls.validate_certificate_chain',
  },
  {
    name: 'APIM backend not validating the certificate name',
    doc: backend({ url: 'https://backend', tls: { validate_certificate_name: false } }),
    address: 'azurerm_api_management_backend.b',
    verdict: 'fail',
    path: 'tls.validate_certificate_name',
  },
  {
    name: 'APIM backend url from a variable',
    doc: backend({ url: '${var.backend_url}' }),
    address: 'azurerm_api_management_backend.b',
    verdict: 'unknown',
    path: 'url',
  },
  {
    name: 'APIM backend certificate validation from a variable',
    doc: backend({ url: 'https://backend', tls: { validate_certificate_chain: '${var.validate}' } }),
    address: 'azurerm_api_management_backend.b',
    verdict: 'unknown',
    path: 'tls.validate_certificate_chain',
  },
];
