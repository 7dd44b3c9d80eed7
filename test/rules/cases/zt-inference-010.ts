import { modelInternalsRule } from '../../../policies/rules/inference/zt-inference-010-model-internals';
import { RuleCases, cfn, tf } from '../helpers';
import { API, JWT, apim, policy } from './apim-fixtures';

const SM_URI = {
  'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:runtime.sagemaker:path/endpoints/${Endpoint}/invocations',
};
const LABEL = '#set($r = $input.path(\'$\'))\n{"label": "$r.label"}';
const method = (integration: Record<string, unknown>) =>
  cfn(
    {
      M: {
        Type: 'AWS::ApiGateway::Method',
        Properties: {
          HttpMethod: 'POST',
          Integration: { Type: 'AWS', IntegrationHttpMethod: 'POST', Uri: SM_URI, ...integration },
        },
      },
    },
    { Parameters: { Endpoint: { Type: 'String' } } },
  );
const tfIntegration = (templates?: Record<string, string>) =>
  tf({
    aws_api_gateway_integration: {
      i: {
        rest_api_id: '${aws_api_gateway_rest_api.a.id}',
        resource_id: '${aws_api_gateway_resource.r.id}',
        http_method: '${aws_api_gateway_method.m.http_method}',
        type: 'AWS',
        uri: 'arn:aws:apigateway:eu-west-1:runtime.sagemaker:path/endpoints/e/invocations',
      },
    },
    ...(templates
      ? {
          aws_api_gateway_integration_response: {
            ok: {
              rest_api_id: '${aws_api_gateway_rest_api.a.id}',
              resource_id: '${aws_api_gateway_resource.r.id}',
              http_method: '${aws_api_gateway_method.m.http_method}',
              status_code: '200',
              response_templates: templates,
            },
          },
        }
      : {}),
  });
const TFI = 'aws_api_gateway_integration.i';
const STRIP =
  '<set-body>@{ var body = context.Request.Body.As<JObject>(preserveContent: true); body.Remove("logprobs"); body.Remove("top_logprobs"); return body.ToString(); }</set-body>';
const REJECT =
  '<choose><when condition="@(context.Request.Body.As&lt;JObject&gt;(true)[&quot;logprobs&quot;] != null)"><return-response><set-status code="400" reason="logprobs not allowed" /></return-response></when></choose>';

export const cases: RuleCases = {
  rule: modelInternalsRule,
  cases: [
    {
      name: 'SageMaker integration mapping the label only',
      doc: method({ IntegrationResponses: [{ StatusCode: '200', ResponseTemplates: { 'application/json': LABEL } }] }),
      address: 'M',
      verdict: 'pass',
    },
    {
      name: 'SageMaker integration without integration responses',
      doc: method({}),
      address: 'M',
      verdict: 'fail',
      path: 'Integration.IntegrationResponses',
    },
    {
      name: 'SageMaker integration passing the body through',
      doc: method({
        IntegrationResponses: [{ StatusCode: '200', ResponseTemplates: { 'application/json': '$input.body' } }],
      }),
      address: 'M',
      verdict: 'fail',
    },
    {
      name: 'integration response without templates',
      doc: method({ IntegrationResponses: [{ StatusCode: '200' }] }),
      address: 'M',
      verdict: 'fail',
    },
    {
      name: 'Lambda proxy integration is not a model call',
      doc: cfn({
        M: {
          Type: 'AWS::ApiGateway::Method',
          Properties: {
            HttpMethod: 'POST',
            Integration: {
              Type: 'AWS_PROXY',
              Uri: 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/f/invocations',
            },
          },
        },
      }),
      address: 'M',
      verdict: 'not_applicable',
    },
    {
      name: 'integration responses from a condition',
      doc: method({ IntegrationResponses: { 'Fn::If': ['C', [{ StatusCode: '200' }], { Ref: 'AWS::NoValue' }] } }),
      address: 'M',
      verdict: 'unknown',
    },
    {
      name: 'tf integration with a mapping response',
      doc: tfIntegration({ 'application/json': LABEL }),
      address: TFI,
      verdict: 'pass',
    },
    { name: 'tf integration without responses', doc: tfIntegration(), address: TFI, verdict: 'fail' },
    {
      name: 'tf integration passing the output through',
      doc: tfIntegration({ 'application/json': "$input.json('$')" }),
      address: TFI,
      verdict: 'fail',
    },
    {
      name: 'APIM LLM API stripping logprobs',
      doc: apim({ apiPolicy: policy(`${JWT}${STRIP}`) }),
      address: API,
      verdict: 'pass',
    },
    {
      name: 'APIM LLM API rejecting logprobs',
      doc: apim({ apiPolicy: policy(`${JWT}${REJECT}`) }),
      address: API,
      verdict: 'pass',
    },
    { name: 'APIM LLM API forwarding logprobs', doc: apim({ apiPolicy: policy(JWT) }), address: API, verdict: 'fail' },
    {
      name: 'APIM non-LLM API',
      doc: apim({ api: { service_url: 'https://scoring.internal.example' }, apiPolicy: policy(JWT) }),
      address: API,
      verdict: 'not_applicable',
    },
    {
      name: 'APIM API with a backend from a variable',
      doc: apim({ api: { service_url: '${var.backend}' }, apiPolicy: policy(JWT) }),
      address: API,
      verdict: 'unknown',
    },
    {
      name: 'APIM API routed to an Azure OpenAI backend by id',
      doc: apim({
        api: { service_url: undefined },
        apiPolicy: policy(`${JWT}<set-backend-service backend-id="oai" />`),
        extra: {
          azurerm_api_management_backend: {
            b: {
              name: 'oai',
              protocol: 'http',
              url: '${azurerm_cognitive_account.a.endpoint}openai',
              api_management_name: 'gw',
              resource_group_name: 'rg',
            },
          },
        },
      }),
      address: API,
      verdict: 'fail',
    },
  ],
};
