import { apiRateLimitRule } from '../../../policies/rules/inference/zt-inference-003-rate-limit';
import { RuleCases, cfn, tf } from '../helpers';
import { deploymentStageCases, tfDeploymentWithSettings } from './deployment-stage';
import { API, JWT, apim, policy } from './apim-fixtures';
import { quickCreateCases } from './quick-create';

const THROTTLE = { RateLimit: 10, BurstLimit: 20 };
const QUOTA = { Limit: 10000, Period: 'DAY' };
const plan = (props: Record<string, unknown>, key = true) =>
  cfn({
    Plan: { Type: 'AWS::ApiGateway::UsagePlan', Properties: props },
    ...(key
      ? {
          Key: {
            Type: 'AWS::ApiGateway::UsagePlanKey',
            Properties: { KeyId: 'k', KeyType: 'API_KEY', UsagePlanId: { Ref: 'Plan' } },
          },
        }
      : {}),
  });
const tfPlan = (body: Record<string, unknown>, key = true) =>
  tf({
    aws_api_gateway_usage_plan: { p: { name: 'p', ...body } },
    ...(key
      ? {
          aws_api_gateway_usage_plan_key: {
            k: { key_id: 'k', key_type: 'API_KEY', usage_plan_id: '${aws_api_gateway_usage_plan.p.id}' },
          },
        }
      : {}),
  });
const TF_LIMITS = {
  throttle_settings: [{ rate_limit: 10, burst_limit: 20 }],
  quota_settings: [{ limit: 10000, period: 'DAY' }],
};
const method = (props: Record<string, unknown>) =>
  cfn({ M: { Type: 'AWS::ApiGateway::Method', Properties: { HttpMethod: 'POST', ...props } } });
const stage = (settings: unknown[]) =>
  cfn({ S: { Type: 'AWS::ApiGateway::Stage', Properties: { StageName: 'p', MethodSettings: settings } } });
const tfStage = (settings?: Record<string, unknown>, path = '*/*') =>
  tf({
    aws_api_gateway_stage: { s: { stage_name: 'prod', rest_api_id: 'a', deployment_id: 'd' } },
    ...(settings
      ? {
          aws_api_gateway_method_settings: {
            all: {
              rest_api_id: 'a',
              stage_name: '${aws_api_gateway_stage.s.stage_name}',
              method_path: path,
              settings: [settings],
            },
          },
        }
      : {}),
  });
const httpStage = (settings?: Record<string, unknown>) =>
  cfn({
    S: {
      Type: 'AWS::ApiGatewayV2::Stage',
      Properties: { ApiId: 'a', StageName: '$default', ...(settings ? { DefaultRouteSettings: settings } : {}) },
    },
  });
const tfHttpStage = (settings?: Record<string, unknown>) =>
  tf({
    aws_apigatewayv2_stage: {
      s: { api_id: 'a', name: '$default', ...(settings ? { default_route_settings: [settings] } : {}) },
    },
  });
const LIMITS =
  '<rate-limit-by-key calls="60" renewal-period="60" counter-key="@(context.Subscription.Id)" /><quota-by-key calls="10000" renewal-period="86400" counter-key="@(context.Subscription.Id)" />';
const TOKEN_LIMIT =
  '<azure-openai-token-limit tokens-per-minute="10000" counter-key="@(context.Subscription.Id)" estimate-prompt-tokens="true" />';
const TOKEN_METRIC =
  '<azure-openai-emit-token-metric namespace="llm"><dimension name="API ID" /><dimension name="Subscription ID" /></azure-openai-emit-token-metric>';
const TOKENS = `${TOKEN_LIMIT}${TOKEN_METRIC}`;

export const cases: RuleCases = {
  rule: apiRateLimitRule,
  cases: [
    {
      name: 'usage plan with throttle, quota and a key',
      doc: plan({ Throttle: THROTTLE, Quota: QUOTA }),
      address: 'Plan',
      verdict: 'pass',
    },
    {
      name: 'usage plan without quota',
      doc: plan({ Throttle: THROTTLE }),
      address: 'Plan',
      verdict: 'fail',
      path: 'Quota.Limit',
    },
    {
      name: 'usage plan with no key bound',
      doc: plan({ Throttle: THROTTLE, Quota: QUOTA }, false),
      address: 'Plan',
      verdict: 'fail',
      path: 'AWS::ApiGateway::UsagePlanKey',
    },
    {
      name: 'usage plan key bound only under a condition',
      doc: cfn(
        {
          Plan: { Type: 'AWS::ApiGateway::UsagePlan', Properties: { Throttle: THROTTLE, Quota: QUOTA } },
          Key: {
            Type: 'AWS::ApiGateway::UsagePlanKey',
            Condition: 'Metered',
            Properties: { KeyId: 'k', KeyType: 'API_KEY', UsagePlanId: { Ref: 'Plan' } },
          },
        },
        { Parameters: { On: { Type: 'String' } }, Conditions: { Metered: { 'Fn::Equals': [{ Ref: 'On' }, 'yes'] } } },
      ),
      address: 'Plan',
      verdict: 'unknown',
    },
    {
      name: 'tf usage plan with limits and a key',
      doc: tfPlan(TF_LIMITS),
      address: 'aws_api_gateway_usage_plan.p',
      verdict: 'pass',
    },
    {
      name: 'tf usage plan without throttle',
      doc: tfPlan({ quota_settings: TF_LIMITS.quota_settings }),
      address: 'aws_api_gateway_usage_plan.p',
      verdict: 'fail',
      path: 'throttle_settings.rate_limit',
    },
    { name: 'method requiring an API key', doc: method({ ApiKeyRequired: true }), address: 'M', verdict: 'pass' },
    { name: 'method without an API key', doc: method({}), address: 'M', verdict: 'fail', path: 'ApiKeyRequired' },
    { name: 'preflight without an API key', doc: method({ HttpMethod: 'OPTIONS' }), address: 'M', verdict: 'pass' },
    {
      name: 'tf method with an API key',
      doc: tf({ aws_api_gateway_method: { m: { http_method: 'POST', api_key_required: true } } }),
      address: 'aws_api_gateway_method.m',
      verdict: 'pass',
    },
    {
      name: 'tf method without an API key',
      doc: tf({ aws_api_gateway_method: { m: { http_method: 'POST' } } }),
      address: 'aws_api_gateway_method.m',
      verdict: 'fail',
    },
    {
      name: 'stage throttling every method',
      doc: stage([{ ResourcePath: '/*', HttpMethod: '*', ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 }]),
      address: 'S',
      verdict: 'pass',
    },
    {
      name: 'stage throttling one method only',
      doc: stage([{ ResourcePath: '/invoke', HttpMethod: 'POST', ThrottlingRateLimit: 50 }]),
      address: 'S',
      verdict: 'fail',
      path: 'MethodSettings',
    },
    {
      name: 'tf stage with */* throttling',
      doc: tfStage({ throttling_rate_limit: 50, throttling_burst_limit: 100 }),
      address: 'aws_api_gateway_stage.s',
      verdict: 'pass',
    },
    { name: 'tf stage without method settings', doc: tfStage(), address: 'aws_api_gateway_stage.s', verdict: 'fail' },
    {
      name: 'tf stage burst limit from a variable',
      doc: tfStage({ throttling_rate_limit: 50, throttling_burst_limit: '${var.burst}' }),
      address: 'aws_api_gateway_stage.s',
      verdict: 'unknown',
    },
    {
      name: 'HTTP API stage throttling its default route',
      doc: httpStage({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 }),
      address: 'S',
      verdict: 'pass',
    },
    {
      name: 'HTTP API stage with a rate but no burst limit',
      doc: httpStage({ ThrottlingRateLimit: 50 }),
      address: 'S',
      verdict: 'fail',
      path: 'DefaultRouteSettings.ThrottlingBurstLimit',
    },
    { name: 'HTTP API stage without route settings', doc: httpStage(), address: 'S', verdict: 'fail' },
    {
      name: 'tf HTTP API stage throttling its default route',
      doc: tfHttpStage({ throttling_rate_limit: 50, throttling_burst_limit: 100 }),
      address: 'aws_apigatewayv2_stage.s',
      verdict: 'pass',
    },
    {
      name: 'tf HTTP API stage without default route settings',
      doc: tfHttpStage(),
      address: 'aws_apigatewayv2_stage.s',
      verdict: 'fail',
      path: 'default_route_settings.throttling_rate_limit',
    },
    {
      name: 'tf HTTP API stage rate limit from a variable',
      doc: tfHttpStage({ throttling_rate_limit: '${var.rate}', throttling_burst_limit: 100 }),
      address: 'aws_apigatewayv2_stage.s',
      verdict: 'unknown',
    },
    {
      name: 'APIM LLM API with rate, quota and token limits',
      doc: apim({ apiPolicy: policy(`<base />${JWT}${LIMITS}${TOKENS}`) }),
      address: API,
      verdict: 'pass',
    },
    {
      name: 'APIM LLM API without a token limit',
      doc: apim({ apiPolicy: policy(`${LIMITS}`) }),
      address: API,
      verdict: 'fail',
      message: /token limit/,
    },
    {
      name: 'APIM LLM API with a token limit but no token metric',
      doc: apim({ apiPolicy: policy(`<base />${JWT}${LIMITS}${TOKEN_LIMIT}`) }),
      address: API,
      verdict: 'fail',
      message: /token metric/,
    },
    {
      name: 'APIM LLM API metering tokens only inside a <choose> branch',
      doc: apim({
        apiPolicy: policy(
          `<base />${JWT}${LIMITS}${TOKEN_LIMIT}<choose><when condition="@(true)">${TOKEN_METRIC}</when></choose>`,
        ),
      }),
      address: API,
      verdict: 'unknown',
      message: /token-metric/,
    },
    {
      name: 'APIM LLM API (AI Services) with llm-token-limit and llm-emit-token-metric',
      doc: apim({
        apiPolicy: policy(
          `<base />${JWT}${LIMITS}<llm-token-limit tokens-per-minute="1000" counter-key="@(context.Subscription.Id)" /><llm-emit-token-metric><dimension name="API ID" /></llm-emit-token-metric>`,
        ),
      }),
      address: API,
      verdict: 'pass',
    },
    {
      name: 'APIM non-LLM API with per-subscription rate-limit and quota',
      doc: apim({
        api: { service_url: 'https://scoring.internal.example' },
        apiPolicy: policy('<rate-limit calls="60" renewal-period="60" /><quota calls="1000" renewal-period="86400" />'),
      }),
      address: API,
      verdict: 'pass',
    },
    {
      name: 'APIM per-subscription rate-limit on an API without subscriptions',
      doc: apim({
        api: { service_url: 'https://scoring.internal.example', subscription_required: false },
        apiPolicy: policy(
          '<rate-limit calls="60" renewal-period="60" /><quota-by-key calls="1" renewal-period="60" counter-key="@(context.Request.IpAddress)" />',
        ),
      }),
      address: API,
      verdict: 'fail',
      message: /rate limit/,
    },
    {
      name: 'APIM API whose backend is a variable, without a token limit',
      doc: apim({ api: { service_url: '${var.backend}' }, apiPolicy: policy(LIMITS) }),
      address: API,
      verdict: 'unknown',
      message: /fronts an LLM/,
    },
    {
      name: 'stand-alone API policy with a per-key rate limit',
      doc: tf({ azurerm_api_management_api_policy: { p: { api_name: 'x', xml_content: policy(LIMITS) } } }),
      address: 'azurerm_api_management_api_policy.p',
      verdict: 'pass',
    },
    {
      name: 'stand-alone API policy without one',
      doc: tf({ azurerm_api_management_api_policy: { p: { api_name: 'x', xml_content: policy('') } } }),
      address: 'azurerm_api_management_api_policy.p',
      verdict: 'fail',
    },
    ...quickCreateCases({
      what: 'throttling',
      compliant: { Stage: { DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 } } },
      lacking: { Stage: { DefaultRouteSettings: { ThrottlingRateLimit: 50 } } },
      lackingPath: 'Stage.DefaultRouteSettings.ThrottlingBurstLimit',
    }),
    ...deploymentStageCases({
      what: 'throttling',
      compliant: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 50 },
      lacking: { ThrottlingRateLimit: 100 },
      lackingPath: 'StageDescription.ThrottlingBurstLimit',
      bare: { verdict: 'fail', path: 'StageDescription.MethodSettings' },
      tfBare: { verdict: 'fail', path: 'aws_api_gateway_method_settings' },
    }),
    {
      name: 'REST deployment whose StageDescription throttles every method through MethodSettings',
      doc: cfn({
        D: {
          Type: 'AWS::ApiGateway::Deployment',
          Properties: {
            RestApiId: 'abc123',
            StageName: 'prod',
            StageDescription: {
              MethodSettings: [
                { ResourcePath: '/*', HttpMethod: '*', ThrottlingRateLimit: 10, ThrottlingBurstLimit: 5 },
              ],
            },
          },
        },
      }),
      address: 'D',
      verdict: 'pass',
    },
    {
      name: 'tf REST deployment whose stage is throttled by method settings naming it',
      doc: tfDeploymentWithSettings({ throttling_rate_limit: 10, throttling_burst_limit: 5 }),
      address: 'aws_api_gateway_deployment.d',
      verdict: 'pass',
    },
  ],
};
