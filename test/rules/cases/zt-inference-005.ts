import { gatewayWafRule } from '../../../policies/rules/inference/zt-inference-005-waf';
import { RuleCases, cfn, tf } from '../helpers';

const stage = (types?: string[], waf = true) =>
  cfn({
    Api: {
      Type: 'AWS::ApiGateway::RestApi',
      Properties: { Name: 'a', ...(types ? { EndpointConfiguration: { Types: types } } : {}) },
    },
    Stage: {
      Type: 'AWS::ApiGateway::Stage',
      Properties: { RestApiId: { Ref: 'Api' }, StageName: 'prod', DeploymentId: 'd' },
    },
    ...(waf
      ? {
          Assoc: {
            Type: 'AWS::WAFv2::WebACLAssociation',
            Properties: {
              WebACLArn: 'arn:aws:wafv2:eu-west-1:1:regional/webacl/a/1',
              ResourceArn: {
                'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}::/restapis/${Api}/stages/${Stage}',
              },
            },
          },
        }
      : {}),
  });
const tfStage = (types: string[] | undefined, waf: boolean, api = '${aws_api_gateway_rest_api.a.id}') =>
  tf({
    aws_api_gateway_rest_api: { a: { name: 'a', ...(types ? { endpoint_configuration: [{ types }] } : {}) } },
    aws_api_gateway_stage: { s: { rest_api_id: api, stage_name: 'prod', deployment_id: 'd' } },
    ...(waf
      ? {
          aws_wafv2_web_acl_association: {
            w: { resource_arn: '${aws_api_gateway_stage.s.arn}', web_acl_arn: 'arn:acl' },
          },
        }
      : {}),
  });
const apim = (body: Record<string, unknown>, extra: Record<string, Record<string, unknown>> = {}) =>
  tf({
    azurerm_api_management: {
      gw: { name: 'gw', sku_name: 'Developer_1', publisher_name: 'p', publisher_email: 'e', ...body },
    },
    ...extra,
  });
const agw = (waf: boolean) => ({
  azurerm_application_gateway: {
    agw: {
      name: 'agw',
      sku: [{ name: waf ? 'WAF_v2' : 'Standard_v2', tier: waf ? 'WAF_v2' : 'Standard_v2' }],
      backend_address_pool: [{ name: 'apim', fqdns: ['${azurerm_api_management.gw.gateway_url}'] }],
      ...(waf ? { waf_configuration: [{ enabled: true, firewall_mode: 'Prevention', rule_set_version: '3.2' }] } : {}),
    },
  },
});
const GW = 'azurerm_api_management.gw';

export const cases: RuleCases = {
  rule: gatewayWafRule,
  cases: [
    { name: 'regional stage with a WAFv2 association', doc: stage(['REGIONAL']), address: 'Stage', verdict: 'pass' },
    {
      name: 'edge (default) stage without a WAF',
      doc: stage(undefined, false),
      address: 'Stage',
      verdict: 'fail',
      path: 'AWS::WAFv2::WebACLAssociation',
    },
    {
      name: 'private API needs no WAF',
      doc: stage(['PRIVATE'], false),
      address: 'Stage',
      verdict: 'pass',
      message: /PRIVATE/,
    },
    {
      name: 'stage of an API not in the template, without WAF',
      doc: cfn({ Stage: { Type: 'AWS::ApiGateway::Stage', Properties: { RestApiId: 'abc123', StageName: 'p' } } }),
      address: 'Stage',
      verdict: 'unknown',
    },
    {
      name: 'tf regional stage with WAFv2',
      doc: tfStage(['REGIONAL'], true),
      address: 'aws_api_gateway_stage.s',
      verdict: 'pass',
    },
    {
      name: 'tf regional stage without WAF',
      doc: tfStage(['REGIONAL'], false),
      address: 'aws_api_gateway_stage.s',
      verdict: 'fail',
    },
    { name: 'tf private stage', doc: tfStage(['PRIVATE'], false), address: 'aws_api_gateway_stage.s', verdict: 'pass' },
    {
      name: 'tf endpoint types from a variable',
      doc: tfStage(undefined, false, '${var.api}'),
      address: 'aws_api_gateway_stage.s',
      verdict: 'unknown',
    },
    {
      name: 'APIM in internal VNet mode',
      doc: apim({ virtual_network_type: 'Internal' }),
      address: GW,
      verdict: 'pass',
    },
    {
      name: 'APIM without VNet (public), no WAF',
      doc: apim({}),
      address: GW,
      verdict: 'fail',
      path: 'virtual_network_type',
    },
    {
      name: 'APIM external, behind an Application Gateway WAF',
      doc: apim({ virtual_network_type: 'External' }, agw(true)),
      address: GW,
      verdict: 'pass',
    },
    {
      name: 'APIM external, behind an Application Gateway without WAF',
      doc: apim({ virtual_network_type: 'External' }, agw(false)),
      address: GW,
      verdict: 'fail',
      message: /without a WAF/,
    },
    {
      name: 'APIM with public network access off',
      doc: apim({ public_network_access_enabled: false }),
      address: GW,
      verdict: 'pass',
    },
    {
      name: 'APIM VNet mode from a variable',
      doc: apim({ virtual_network_type: '${var.mode}' }),
      address: GW,
      verdict: 'unknown',
    },
  ],
};
