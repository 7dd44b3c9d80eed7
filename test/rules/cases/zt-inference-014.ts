import { backendAuthenticationRule } from '../../../policies/rules/inference/zt-inference-014-backend-authentication';
import { RuleCases, cfn, tf } from '../helpers';
import { deploymentStageCases } from './deployment-stage';
import { azureCases } from './zt-inference-014-azure';

const API = { Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'models' } } };
const method = (integration: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}) => ({
  Type: 'AWS::ApiGateway::Method',
  Properties: {
    RestApiId: { Ref: 'Api' },
    ResourceId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] },
    HttpMethod: 'POST',
    AuthorizationType: 'AWS_IAM',
    ...(integration ? { Integration: integration } : {}),
  },
  ...extra,
});
const stage = (props: Record<string, unknown> = {}) => ({
  Type: 'AWS::ApiGateway::Stage',
  Properties: { RestApiId: { Ref: 'Api' }, StageName: 'v1', DeploymentId: 'd-1', ...props },
});
const SAGEMAKER = {
  Type: 'AWS',
  IntegrationHttpMethod: 'POST',
  Credentials: { 'Fn::GetAtt': ['Role', 'Arn'] },
  Uri: { 'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:runtime.sagemaker:path/endpoints/clf/invocations' },
};
const HTTPS = { Type: 'HTTP_PROXY', IntegrationHttpMethod: 'POST', Uri: 'https://models.internal.example.com/v1' };
const api = (methods: Record<string, unknown>, stageProps: Record<string, unknown> = {}, extra = {}) =>
  cfn({ ...API, ...methods, Stage: stage(stageProps) }, extra);

const tfApi = (integrations: Record<string, Record<string, unknown>>, stageArgs: Record<string, unknown> = {}) =>
  tf({
    aws_api_gateway_rest_api: { api: { name: 'models' } },
    aws_api_gateway_integration: Object.fromEntries(
      Object.entries(integrations).map(([k, v]) => [
        k,
        {
          rest_api_id: '${aws_api_gateway_rest_api.api.id}',
          resource_id: '${aws_api_gateway_rest_api.api.root_resource_id}',
          http_method: 'POST',
          integration_http_method: 'POST',
          ...v,
        },
      ]),
    ),
    aws_api_gateway_stage: {
      v1: {
        rest_api_id: '${aws_api_gateway_rest_api.api.id}',
        stage_name: 'v1',
        deployment_id: 'd-1',
        ...stageArgs,
      },
    },
  });

export const cases: RuleCases = {
  rule: backendAuthenticationRule,
  cases: [
    {
      name: 'stage whose only method is a SigV4-signed SageMaker runtime integration (no certificate needed)',
      doc: api({ Predict: method(SAGEMAKER) }),
      address: 'Stage',
      verdict: 'pass',
      path: 'RestApiId',
    },
    {
      name: 'stage with AWS_PROXY and MOCK methods',
      doc: api({
        Lambda: method({
          Type: 'AWS_PROXY',
          IntegrationHttpMethod: 'POST',
          Uri: 'arn:aws:apigateway:eu-west-1:lambda:path/x',
        }),
        Options: method({ Type: 'MOCK' }),
      }),
      address: 'Stage',
      verdict: 'pass',
    },
    {
      name: 'stage with an https HTTP_PROXY backend and a client certificate',
      doc: api({ Proxy: method(HTTPS) }, { ClientCertificateId: { Ref: 'Cert' } }),
      address: 'Stage',
      verdict: 'pass',
      path: 'ClientCertificateId',
    },
    {
      name: 'stage with an https HTTP_PROXY backend and no client certificate',
      doc: api({ Predict: method(SAGEMAKER), Proxy: method(HTTPS) }),
      address: 'Stage',
      verdict: 'fail',
      path: 'ClientCertificateId',
    },
    {
      name: 'client certificate from a parameter counts as set',
      doc: api(
        { Proxy: method(HTTPS) },
        { ClientCertificateId: { Ref: 'CertId' } },
        {
          Parameters: { CertId: { Type: 'String' } },
        },
      ),
      address: 'Stage',
      verdict: 'pass',
    },
    {
      name: 'client certificate only under a condition',
      doc: api(
        { Proxy: method(HTTPS) },
        { ClientCertificateId: { 'Fn::If': ['Prod', 'cert-1', { Ref: 'AWS::NoValue' }] } },
        { Conditions: { Prod: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } }, Parameters: { Env: { Type: 'String' } } },
      ),
      address: 'Stage',
      verdict: 'unknown',
      path: 'ClientCertificateId',
    },
    {
      name: 'http:// backend fails even with a client certificate',
      doc: api(
        { Proxy: method({ ...HTTPS, Uri: 'http://models.internal.example.com/v1' }) },
        { ClientCertificateId: 'c-1' },
      ),
      address: 'Stage',
      verdict: 'fail',
      path: 'Proxy.Integration.Uri',
    },
    {
      name: 'VPC link backend over http, no client certificate: both fail',
      doc: api({
        Link: method({ ...HTTPS, ConnectionType: 'VPC_LINK', ConnectionId: 'vl-1', Uri: 'http://nlb.internal:8080/' }),
      }),
      address: 'Stage',
      verdict: 'fail',
      failingPaths: ['Link.Integration.Uri', 'ClientCertificateId'],
    },
    {
      name: 'HTTP backend skipping certificate verification',
      doc: api(
        { Proxy: method({ ...HTTPS, TlsConfig: { InsecureSkipVerification: true } }) },
        { ClientCertificateId: 'c-1' },
      ),
      address: 'Stage',
      verdict: 'fail',
      path: 'Proxy.Integration.TlsConfig.InsecureSkipVerification',
    },
    {
      name: 'HTTP backend Uri built from a load balancer name with an https prefix',
      doc: api(
        {
          Proxy: method({
            ...HTTPS,
            Uri: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': ['Lb', 'DNSName'] }, '/v1']] },
          }),
        },
        { ClientCertificateId: 'c-1' },
      ),
      address: 'Stage',
      verdict: 'pass',
    },
    {
      name: 'HTTP backend Uri from a parameter',
      doc: api(
        { Proxy: method({ ...HTTPS, Uri: { Ref: 'Backend' } }) },
        { ClientCertificateId: 'c-1' },
        {
          Parameters: { Backend: { Type: 'String' } },
        },
      ),
      address: 'Stage',
      verdict: 'unknown',
      path: 'Proxy.Integration.Uri',
    },
    {
      name: 'HTTP backend Uri from a stage variable that is http',
      doc: api(
        { Proxy: method({ ...HTTPS, Uri: '${stageVariables.backend}/v1' }) },
        { ClientCertificateId: 'c-1', Variables: { backend: 'http://models.internal' } },
      ),
      address: 'Stage',
      verdict: 'fail',
      path: 'Proxy.Integration.Uri',
    },
    {
      name: 'HTTP backend that exists only under a condition, no client certificate',
      doc: api(
        { Proxy: method(HTTPS, { Condition: 'Legacy' }) },
        {},
        { Conditions: { Legacy: { 'Fn::Equals': [{ Ref: 'Env' }, 'old'] } }, Parameters: { Env: { Type: 'String' } } },
      ),
      address: 'Stage',
      verdict: 'unknown',
      path: 'ClientCertificateId',
    },
    {
      name: 'stage of an imported REST API',
      doc: cfn({ Stage: stage({ RestApiId: { 'Fn::ImportValue': 'models-api' } }) }),
      address: 'Stage',
      verdict: 'unknown',
      path: 'RestApiId',
    },
    {
      name: 'stage of an API whose methods are not in the template',
      doc: cfn({ ...API, Stage: stage() }),
      address: 'Stage',
      verdict: 'unknown',
      path: 'RestApiId',
    },
    {
      name: 'stage of an API defined by an OpenAPI body',
      doc: cfn({
        Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'm', Body: { openapi: '3.0.1' } } },
        Stage: stage(),
      }),
      address: 'Stage',
      verdict: 'unknown',
      message: /OpenAPI Body/,
    },
    {
      name: 'integration type from a parameter',
      doc: api({ P: method({ ...HTTPS, Type: { Ref: 'T' } }) }, {}, { Parameters: { T: { Type: 'String' } } }),
      address: 'Stage',
      verdict: 'unknown',
      path: 'P.Integration.Type',
    },
    {
      name: 'aws_api_gateway_stage whose integration is AWS (SigV4)',
      doc: tfApi({
        predict: { type: 'AWS', uri: 'arn:aws:apigateway:eu-west-1:runtime.sagemaker:path/endpoints/clf/invocations' },
      }),
      address: 'aws_api_gateway_stage.v1',
      verdict: 'pass',
    },
    {
      name: 'aws_api_gateway_stage with an https HTTP_PROXY integration and a client certificate',
      doc: tfApi(
        { proxy: { type: 'HTTP_PROXY', uri: 'https://models.example.com/' } },
        { client_certificate_id: '${aws_api_gateway_client_certificate.gw.id}' },
      ),
      address: 'aws_api_gateway_stage.v1',
      verdict: 'pass',
    },
    {
      name: 'aws_api_gateway_stage with an HTTP integration and no client certificate',
      doc: tfApi({ proxy: { type: 'HTTP', uri: 'https://models.example.com/' } }),
      address: 'aws_api_gateway_stage.v1',
      verdict: 'fail',
      path: 'client_certificate_id',
    },
    {
      name: 'aws_api_gateway_stage with an http:// integration',
      doc: tfApi(
        { proxy: { type: 'HTTP_PROXY', uri: 'http://models.example.com/' } },
        { client_certificate_id: 'c-1' },
      ),
      address: 'aws_api_gateway_stage.v1',
      verdict: 'fail',
      path: 'aws_api_gateway_integration.proxy.uri',
    },
    {
      name: 'aws_api_gateway_stage with an integration skipping certificate verification',
      doc: tfApi(
        {
          proxy: {
            type: 'HTTP_PROXY',
            uri: 'https://m.example.com/',
            tls_config: { insecure_skip_verification: true },
          },
        },
        { client_certificate_id: 'c-1' },
      ),
      address: 'aws_api_gateway_stage.v1',
      verdict: 'fail',
      path: 'aws_api_gateway_integration.proxy.tls_config.insecure_skip_verification',
    },
    {
      name: 'aws_api_gateway_stage with an integration uri from a variable',
      doc: tfApi({ proxy: { type: 'HTTP_PROXY', uri: '${var.backend}' } }, { client_certificate_id: 'c-1' }),
      address: 'aws_api_gateway_stage.v1',
      verdict: 'unknown',
      path: 'aws_api_gateway_integration.proxy.uri',
    },
    {
      name: 'aws_api_gateway_stage of a REST API that is not in the configuration',
      doc: tf({ aws_api_gateway_stage: { v1: { rest_api_id: '${var.api}', stage_name: 'v1', deployment_id: 'd' } } }),
      address: 'aws_api_gateway_stage.v1',
      verdict: 'unknown',
      path: 'rest_api_id',
    },
    ...azureCases,
    ...deploymentStageCases({
      what: 'client certificate',
      compliant: { ClientCertificateId: 'cert-1' },
      lacking: { Variables: { env: 'prod' } },
      lackingPath: 'StageDescription.ClientCertificateId',
      around: { M: method(HTTPS) },
      tfBare: { verdict: 'fail', path: 'client_certificate_id' },
      tfAround: {
        aws_api_gateway_integration: {
          proxy: {
            rest_api_id: '${aws_api_gateway_rest_api.api.id}',
            resource_id: '${aws_api_gateway_rest_api.api.root_resource_id}',
            http_method: 'POST',
            integration_http_method: 'POST',
            type: 'HTTP_PROXY',
            uri: 'https://models.internal.example.com/v1',
          },
        },
      },
    }),
  ],
};
