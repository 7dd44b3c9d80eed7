import { gatewayWafRule } from '../../../policies/rules/inference/zt-inference-005-waf';
import { RuleCases, cfn, tf } from '../helpers';

/** A REST API, the stage-bearing resources given and, with `arnStage`, an association naming `stages/<arnStage>`. */
const restApi = (types: string[] | undefined, resources: Record<string, unknown>, arnStage?: string) =>
  cfn({
    Api: {
      Type: 'AWS::ApiGateway::RestApi',
      Properties: { Name: 'a', ...(types ? { EndpointConfiguration: { Types: types } } : {}) },
    },
    ...resources,
    ...(arnStage
      ? {
          Assoc: {
            Type: 'AWS::WAFv2::WebACLAssociation',
            Properties: {
              WebACLArn: 'arn:aws:wafv2:eu-west-1:1:regional/webacl/a/1',
              ResourceArn: {
                'Fn::Sub': `arn:\${AWS::Partition}:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/${arnStage}`,
              },
            },
          },
        }
      : {}),
  });
const stage = (types?: string[], waf = true, arnStage = '${Stage}') =>
  restApi(
    types,
    {
      Stage: {
        Type: 'AWS::ApiGateway::Stage',
        Properties: { RestApiId: { Ref: 'Api' }, StageName: 'prod', DeploymentId: 'd' },
      },
    },
    waf ? arnStage : undefined,
  );
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

/** A REST deployment (creating stage `prod` when named) and an association naming `stageArn`. */
const deployment = (props: Record<string, unknown>, stageArn?: string, types?: string[]) =>
  restApi(
    types,
    { D: { Type: 'AWS::ApiGateway::Deployment', Properties: { RestApiId: { Ref: 'Api' }, ...props } } },
    stageArn,
  );
/** A CFN Stage named `prod` and an association naming a literal stage of its API. */
const literalStage = (name: string) => stage(['REGIONAL'], true, name);
const tfDeployment = (stageArn?: string) =>
  tf({
    aws_api_gateway_rest_api: { a: { name: 'a' } },
    aws_api_gateway_deployment: { d: { rest_api_id: '${aws_api_gateway_rest_api.a.id}', stage_name: 'prod' } },
    ...(stageArn
      ? {
          aws_wafv2_web_acl_association: {
            w: {
              resource_arn: `arn:aws:apigateway:eu-west-1::/restapis/\${aws_api_gateway_rest_api.a.id}/stages/${stageArn}`,
              web_acl_arn: 'arn:acl',
            },
          },
        }
      : {}),
  });
const D = { address: 'D' };
const TD = { address: 'aws_api_gateway_deployment.d' };
const ASSOC = 'AWS::WAFv2::WebACLAssociation';

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
    { name: 'REST deployment creating no stage', doc: deployment({}), ...D, verdict: 'pass' },
    {
      name: 'deployment creating stage prod, no association',
      doc: deployment({ StageName: 'prod' }),
      ...D,
      verdict: 'fail',
      path: ASSOC,
    },
    {
      name: 'deployment creating stage prod, associated by its literal name',
      doc: deployment({ StageName: 'prod' }, 'prod'),
      ...D,
      verdict: 'pass',
    },
    {
      name: 'deployment creating stage prod, association names stage dev',
      doc: deployment({ StageName: 'prod' }, 'dev'),
      ...D,
      verdict: 'fail',
      path: ASSOC,
    },
    {
      name: 'deployment creating a stage of a PRIVATE API',
      doc: deployment({ StageName: 'prod' }, undefined, ['PRIVATE']),
      ...D,
      verdict: 'pass',
    },
    { name: 'stage associated by its literal name', doc: literalStage('prod'), address: 'Stage', verdict: 'pass' },
    {
      name: 'stage prod; association names literal stage dev',
      doc: literalStage('dev'),
      address: 'Stage',
      verdict: 'fail',
      path: ASSOC,
    },
    {
      name: 'tf deployment creating stage prod, associated through its stage_name',
      doc: tfDeployment('${aws_api_gateway_deployment.d.stage_name}'),
      ...TD,
      verdict: 'pass',
    },
    {
      name: 'tf deployment creating stage prod, literal association',
      doc: tfDeployment('prod'),
      ...TD,
      verdict: 'pass',
    },
    { name: 'tf deployment creating stage prod, no association', doc: tfDeployment(), ...TD, verdict: 'fail' },
    { name: 'tf deployment: association names stage dev', doc: tfDeployment('dev'), ...TD, verdict: 'fail' },
  ],
};
