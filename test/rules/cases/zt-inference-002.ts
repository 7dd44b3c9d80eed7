import { apiAuthenticationRule } from '../../../policies/rules/inference/zt-inference-002-authentication';
import { RuleCases, cfn, tf } from '../helpers';
import { API, JWT, apim, policy } from './apim-fixtures';
import { quickCreateCases } from './quick-create';

const method = (props: Record<string, unknown>, extra = {}) =>
  cfn({ M: { Type: 'AWS::ApiGateway::Method', Properties: { RestApiId: 'api', ResourceId: 'r', ...props } } }, extra);
const tfMethod = (body: Record<string, unknown>) =>
  tf({ aws_api_gateway_method: { m: { rest_api_id: 'api', resource_id: 'r', ...body } } });
const route = (props: Record<string, unknown>, protocol?: string) =>
  cfn({
    R: { Type: 'AWS::ApiGatewayV2::Route', Properties: { ApiId: { Ref: 'Api' }, ...props } },
    ...(protocol ? { Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'a', ProtocolType: protocol } } } : {}),
  });
const tfRoute = (body: Record<string, unknown>) => tf({ aws_apigatewayv2_route: { r: { api_id: 'a', ...body } } });
const AD_TOKEN =
  '<validate-azure-ad-token tenant-id="t"><client-application-ids><application-id>c</application-id></client-application-ids></validate-azure-ad-token>';

export const cases: RuleCases = {
  rule: apiAuthenticationRule,
  cases: [
    {
      name: 'IAM-authorized method',
      doc: method({ HttpMethod: 'POST', AuthorizationType: 'AWS_IAM' }),
      address: 'M',
      verdict: 'pass',
    },
    {
      name: 'Cognito-authorized method',
      doc: method({ HttpMethod: 'POST', AuthorizationType: 'COGNITO_USER_POOLS', AuthorizerId: 'a' }),
      address: 'M',
      verdict: 'pass',
    },
    {
      name: 'anonymous CORS preflight',
      doc: method({ HttpMethod: 'OPTIONS', AuthorizationType: 'NONE' }),
      address: 'M',
      verdict: 'pass',
    },
    {
      name: 'method without AuthorizationType (NONE)',
      doc: method({ HttpMethod: 'POST' }),
      address: 'M',
      verdict: 'fail',
      path: 'AuthorizationType',
    },
    {
      name: 'an API key is not authentication',
      doc: method({ HttpMethod: 'POST', AuthorizationType: 'NONE', ApiKeyRequired: true }),
      address: 'M',
      verdict: 'fail',
      path: 'AuthorizationType',
    },
    {
      name: 'NONE on a method from a parameter (may be OPTIONS)',
      doc: method(
        { HttpMethod: { Ref: 'Verb' }, AuthorizationType: 'NONE' },
        { Parameters: { Verb: { Type: 'String' } } },
      ),
      address: 'M',
      verdict: 'unknown',
    },
    {
      name: 'tf IAM method',
      doc: tfMethod({ http_method: 'POST', authorization: 'AWS_IAM' }),
      address: 'aws_api_gateway_method.m',
      verdict: 'pass',
    },
    {
      name: 'tf NONE method',
      doc: tfMethod({ http_method: 'POST', authorization: 'NONE' }),
      address: 'aws_api_gateway_method.m',
      verdict: 'fail',
      path: 'authorization',
    },
    {
      name: 'tf method without authorization',
      doc: tfMethod({ http_method: 'POST' }),
      address: 'aws_api_gateway_method.m',
      verdict: 'fail',
      path: 'authorization',
    },
    {
      name: 'HTTP API route with JWT',
      doc: route({ RouteKey: 'POST /invoke', AuthorizationType: 'JWT' }),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'HTTP API route without authorization',
      doc: route({ RouteKey: 'POST /invoke' }, 'HTTP'),
      address: 'R',
      verdict: 'fail',
      path: 'AuthorizationType',
    },
    {
      name: 'WebSocket message route (authorized on $connect)',
      doc: route({ RouteKey: '$default' }, 'WEBSOCKET'),
      address: 'R',
      verdict: 'not_applicable',
    },
    {
      name: '$default route of an API not loaded',
      doc: route({ RouteKey: '$default' }),
      address: 'R',
      verdict: 'unknown',
    },
    {
      name: 'tf route with IAM',
      doc: tfRoute({ route_key: 'POST /invoke', authorization_type: 'AWS_IAM' }),
      address: 'aws_apigatewayv2_route.r',
      verdict: 'pass',
    },
    {
      name: 'tf route with NONE',
      doc: tfRoute({ route_key: 'POST /invoke', authorization_type: 'NONE' }),
      address: 'aws_apigatewayv2_route.r',
      verdict: 'fail',
      path: 'authorization_type',
    },
    {
      name: 'APIM API policy validates a JWT',
      doc: apim({ apiPolicy: policy(`<base />${JWT}`) }),
      address: API,
      verdict: 'pass',
    },
    {
      name: 'APIM API inherits validate-azure-ad-token from the global policy',
      doc: apim({ apiPolicy: policy('<base />'), globalPolicy: policy(AD_TOKEN) }),
      address: API,
      verdict: 'pass',
    },
    {
      name: 'APIM API inherits from its product',
      doc: apim({ apiPolicy: policy('<base />'), productPolicy: policy(`<base />${JWT}`) }),
      address: API,
      verdict: 'pass',
    },
    {
      name: 'APIM API-level policy without <base/> drops the global validation',
      doc: apim({
        apiPolicy: policy('<set-header name="x" exists-action="override"><value>1</value></set-header>'),
        globalPolicy: policy(JWT),
      }),
      address: API,
      verdict: 'fail',
      path: 'azurerm_api_management_api_policy.p.xml_content',
    },
    {
      name: 'APIM product without validation on a subscribed API, though the global policy is not inherited by it',
      doc: apim({
        apiPolicy: policy('<base />'),
        productPolicy: policy('<rate-limit calls="5" renewal-period="60" />'),
        globalPolicy: policy(JWT),
      }),
      address: API,
      verdict: 'fail',
      path: 'azurerm_api_management_product_policy.pp.xml_content',
    },
    {
      name: 'APIM API without any policy',
      doc: apim({}),
      address: API,
      verdict: 'fail',
      path: 'azurerm_api_management_api_policy',
    },
    {
      name: 'APIM operation policy without <base/> overrides the API validation',
      doc: apim({ apiPolicy: policy(JWT), operationPolicy: policy('<set-backend-service base-url="https://x" />') }),
      address: API,
      verdict: 'fail',
      path: 'azurerm_api_management_api_operation_policy.op.xml_content',
    },
    {
      name: 'APIM validation only inside a <choose> branch',
      doc: apim({
        apiPolicy: policy(
          `<choose><when condition="@(context.Request.Method == &quot;POST&quot;)">${JWT}</when></choose>`,
        ),
      }),
      address: API,
      verdict: 'unknown',
      message: /choose/,
    },
    {
      name: 'APIM policy that is not well-formed XML',
      doc: apim({ apiPolicy: '<policies><inbound><validate-jwt></inbound></policies>' }),
      address: API,
      verdict: 'unknown',
      message: /well-formed/,
    },
    {
      name: 'APIM policy with rawxml expressions (unescaped < and &&) still parses',
      doc: apim({
        apiPolicy: policy(
          `${JWT}<set-body>@{ var b = context.Request.Body.As<JObject>(); if (b != null && b.Count > 0) { } return b.ToString(); }</set-body>`,
        ),
      }),
      address: API,
      verdict: 'pass',
    },
    {
      name: 'APIM policy from interpolation',
      doc: apim({ apiPolicy: '${file("policy.xml")}' }),
      address: API,
      verdict: 'unknown',
    },
    {
      name: 'APIM API of an instance not in the configuration, inheriting its global policy',
      doc: apim({ api: { api_management_name: 'elsewhere' }, apiPolicy: policy('<base />') }),
      address: API,
      verdict: 'unknown',
      path: 'api_management_name',
    },
    {
      name: 'stand-alone API policy validating a token',
      doc: tf({
        azurerm_api_management_api_policy: {
          p: { api_name: 'llm', api_management_name: 'gw', resource_group_name: 'rg', xml_content: policy(JWT) },
        },
      }),
      address: 'azurerm_api_management_api_policy.p',
      verdict: 'pass',
    },
    {
      name: 'stand-alone API policy without validation or <base/>',
      doc: tf({
        azurerm_api_management_api_policy: {
          p: { api_name: 'llm', api_management_name: 'gw', resource_group_name: 'rg', xml_content: policy('') },
        },
      }),
      address: 'azurerm_api_management_api_policy.p',
      verdict: 'fail',
    },
    {
      name: 'API policy attached to a loaded API is judged there',
      doc: apim({ apiPolicy: policy(JWT) }),
      address: 'azurerm_api_management_api_policy.p',
      verdict: 'not_applicable',
    },
    ...quickCreateCases({
      what: 'authorization',
      compliant: { Route: { AuthorizationType: 'JWT', AuthorizerId: 'a1' } },
      lacking: { Route: { AuthorizationType: 'NONE' } },
      lackingPath: 'Route.AuthorizationType',
    }),
  ],
};
