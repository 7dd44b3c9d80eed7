import type { Document } from '../../../policies/engine';
import { tf } from '../helpers';

/** API Management documents for the inference rules: an instance, an API and policies at each scope. */
export const policy = (inbound: string, backend = '<forward-request />') =>
  `<policies><inbound>${inbound}</inbound><backend>${backend}</backend><outbound><base /></outbound><on-error><base /></on-error></policies>`;

export const JWT =
  '<validate-jwt header-name="Authorization" failed-validation-httpcode="401"><openid-config url="https://login.microsoftonline.com/t/v2.0/.well-known/openid-configuration" /></validate-jwt>';

export interface ApimDoc {
  readonly api?: Record<string, unknown>;
  /** API-level policy XML (none when undefined). */
  readonly apiPolicy?: string;
  readonly productPolicy?: string;
  readonly globalPolicy?: string;
  readonly operationPolicy?: string;
  readonly product?: boolean;
  readonly extra?: Record<string, Record<string, unknown>>;
}

export const API = 'azurerm_api_management_api.api';

export function apim(d: ApimDoc): Document {
  const resources: Record<string, Record<string, unknown>> = {
    azurerm_api_management: {
      gw: {
        name: 'gw',
        sku_name: 'Developer_1',
        publisher_name: 'p',
        publisher_email: 'p@x',
        virtual_network_type: 'Internal',
      },
    },
    azurerm_api_management_api: {
      api: {
        name: 'llm',
        api_management_name: '${azurerm_api_management.gw.name}',
        resource_group_name: 'rg',
        revision: '1',
        path: 'llm',
        protocols: ['https'],
        service_url: 'https://oai.openai.azure.com/openai',
        ...d.api,
      },
    },
    ...d.extra,
  };
  const xml = (body: Record<string, unknown>, content: string) => ({ ...body, xml_content: content });
  if (d.apiPolicy !== undefined)
    resources.azurerm_api_management_api_policy = {
      p: xml(
        { api_name: '${azurerm_api_management_api.api.name}', api_management_name: 'gw', resource_group_name: 'rg' },
        d.apiPolicy,
      ),
    };
  if (d.globalPolicy !== undefined)
    resources.azurerm_api_management_policy = {
      g: xml({ api_management_id: '${azurerm_api_management.gw.id}' }, d.globalPolicy),
    };
  if (d.operationPolicy !== undefined)
    resources.azurerm_api_management_api_operation_policy = {
      op: xml(
        {
          api_name: '${azurerm_api_management_api.api.name}',
          api_management_name: 'gw',
          resource_group_name: 'rg',
          operation_id: 'chat',
        },
        d.operationPolicy,
      ),
    };
  if (d.product || d.productPolicy !== undefined) {
    resources.azurerm_api_management_product = {
      prod: { product_id: 'gold', display_name: 'Gold', api_management_name: 'gw', resource_group_name: 'rg' },
    };
    resources.azurerm_api_management_product_api = {
      link: {
        api_name: '${azurerm_api_management_api.api.name}',
        product_id: '${azurerm_api_management_product.prod.product_id}',
        api_management_name: 'gw',
        resource_group_name: 'rg',
      },
    };
  }
  if (d.productPolicy !== undefined)
    resources.azurerm_api_management_product_policy = {
      pp: xml(
        {
          product_id: '${azurerm_api_management_product.prod.product_id}',
          api_management_name: 'gw',
          resource_group_name: 'rg',
        },
        d.productPolicy,
      ),
    };
  return tf(resources);
}
