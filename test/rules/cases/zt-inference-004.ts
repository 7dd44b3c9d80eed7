import { requestValidationRule } from '../../../policies/rules/inference/zt-inference-004-request-validation';
import { RuleCases, cfn, tf } from '../helpers';
import { API, apim, policy } from './apim-fixtures';

const api = (
  method: Record<string, unknown>,
  validator: Record<string, unknown> = { ValidateRequestBody: true },
  schema = true,
) =>
  cfn({
    V: { Type: 'AWS::ApiGateway::RequestValidator', Properties: { RestApiId: 'a', ...validator } },
    Model: {
      Type: 'AWS::ApiGateway::Model',
      Properties: {
        RestApiId: 'a',
        ContentType: 'application/json',
        ...(schema ? { Schema: { type: 'object' } } : {}),
      },
    },
    M: { Type: 'AWS::ApiGateway::Method', Properties: { HttpMethod: 'POST', ...method } },
  });
const VALID = { RequestValidatorId: { Ref: 'V' }, RequestModels: { 'application/json': { Ref: 'Model' } } };
const tfApi = (method: Record<string, unknown>) =>
  tf({
    aws_api_gateway_request_validator: { v: { name: 'body', rest_api_id: 'a', validate_request_body: true } },
    aws_api_gateway_model: {
      m: { name: 'Req', rest_api_id: 'a', content_type: 'application/json', schema: '{"type":"object"}' },
    },
    aws_api_gateway_method: { m: { http_method: 'POST', authorization: 'AWS_IAM', ...method } },
  });
const TF_VALID = {
  request_validator_id: '${aws_api_gateway_request_validator.v.id}',
  request_models: { 'application/json': '${aws_api_gateway_model.m.name}' },
};
const TFM = 'aws_api_gateway_method.m';

export const cases: RuleCases = {
  rule: requestValidationRule,
  cases: [
    { name: 'POST with a body validator and a schema model', doc: api(VALID), address: 'M', verdict: 'pass' },
    { name: 'POST without a validator', doc: api({}), address: 'M', verdict: 'fail', path: 'RequestValidatorId' },
    {
      name: 'POST with a parameters-only validator',
      doc: api(VALID, { ValidateRequestParameters: true }),
      address: 'M',
      verdict: 'fail',
      path: 'RequestValidatorId',
    },
    {
      name: 'POST with a validator but no model',
      doc: api({ RequestValidatorId: { Ref: 'V' } }),
      address: 'M',
      verdict: 'fail',
      path: 'RequestModels',
    },
    { name: 'POST with a model lacking a schema', doc: api(VALID, undefined, false), address: 'M', verdict: 'fail' },
    {
      name: 'POST with a validator id of another stack',
      doc: api({ ...VALID, RequestValidatorId: 'abc123' }),
      address: 'M',
      verdict: 'unknown',
    },
    {
      name: 'GET with a validator',
      doc: api({ HttpMethod: 'GET', RequestValidatorId: { Ref: 'V' } }),
      address: 'M',
      verdict: 'pass',
    },
    { name: 'preflight', doc: api({ HttpMethod: 'OPTIONS' }), address: 'M', verdict: 'pass' },
    { name: 'tf POST validated against a model', doc: tfApi(TF_VALID), address: TFM, verdict: 'pass' },
    {
      name: 'tf POST without a validator',
      doc: tfApi({}),
      address: TFM,
      verdict: 'fail',
      path: 'request_validator_id',
    },
    {
      name: 'tf POST with a validator from a variable',
      doc: tfApi({ ...TF_VALID, request_validator_id: '${var.validator}' }),
      address: TFM,
      verdict: 'unknown',
    },
    {
      name: 'APIM validate-content with max-size',
      doc: apim({
        apiPolicy: policy(
          '<validate-content unspecified-content-type-action="prevent" max-size="102400" size-exceeded-action="prevent"><content type="application/json" validate-as="json" action="prevent" /></validate-content>',
        ),
      }),
      address: API,
      verdict: 'pass',
    },
    {
      name: 'APIM without body validation',
      doc: apim({ apiPolicy: policy('<base />') }),
      address: API,
      verdict: 'fail',
    },
    {
      name: 'APIM validate-content without max-size',
      doc: apim({
        apiPolicy: policy(
          '<validate-content unspecified-content-type-action="prevent"><content type="application/json" validate-as="json" action="prevent" /></validate-content>',
        ),
      }),
      address: API,
      verdict: 'fail',
    },
    {
      name: 'APIM policy from xml_link',
      doc: tf({ azurerm_api_management_api_policy: { p: { api_name: 'x', xml_link: 'https://x/p.xml' } } }),
      address: 'azurerm_api_management_api_policy.p',
      verdict: 'unknown',
    },
    {
      name: 'stand-alone API policy validating content',
      doc: tf({
        azurerm_api_management_api_policy: {
          p: {
            api_name: 'x',
            xml_content: policy(
              '<validate-content max-size="1024" size-exceeded-action="prevent" unspecified-content-type-action="prevent" />',
            ),
          },
        },
      }),
      address: 'azurerm_api_management_api_policy.p',
      verdict: 'pass',
    },
    {
      name: 'stand-alone API policy without',
      doc: tf({ azurerm_api_management_api_policy: { p: { api_name: 'x', xml_content: policy('') } } }),
      address: 'azurerm_api_management_api_policy.p',
      verdict: 'fail',
    },
  ],
};
