import { llmGuardrailsRule } from '../../../policies/rules/inference/zt-inference-009-guardrails';
import { RuleCases, cfn, tf } from '../helpers';
import { agentCases } from './zt-inference-009-agents';
import { iamCases } from './zt-inference-009-iam';

const FILTERS = [
  { Type: 'PROMPT_ATTACK', InputStrength: 'HIGH', OutputStrength: 'NONE' },
  { Type: 'HATE', InputStrength: 'HIGH', OutputStrength: 'HIGH' },
  { Type: 'VIOLENCE', InputStrength: 'MEDIUM', OutputStrength: 'MEDIUM' },
];
const guardrail = (filters: unknown) =>
  cfn({
    G: {
      Type: 'AWS::Bedrock::Guardrail',
      Properties: {
        Name: 'g',
        BlockedInputMessaging: 'no',
        BlockedOutputsMessaging: 'no',
        ContentPolicyConfig: { FiltersConfig: filters },
      },
    },
  });
const tfGuardrail = (filters: unknown[]) =>
  tf({
    aws_bedrock_guardrail: {
      g: {
        name: 'g',
        blocked_input_messaging: 'no',
        blocked_outputs_messaging: 'no',
        content_policy_config: [{ filters_config: filters }],
      },
    },
  });
const BEDROCK_URI = (op: string) => ({
  'Fn::Sub': `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:bedrock-runtime:path/model/anthropic.claude/${op}`,
});
const method = (integration: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  cfn({
    ...extra,
    M: {
      Type: 'AWS::ApiGateway::Method',
      Properties: {
        HttpMethod: 'POST',
        AuthorizationType: 'AWS_IAM',
        Integration: { Type: 'AWS', IntegrationHttpMethod: 'POST', ...integration },
      },
    },
  });
const HEADER = 'integration.request.header.X-Amzn-Bedrock-GuardrailIdentifier';
const CONVERSE_TEMPLATE =
  '{"messages": $input.json(\'$.messages\'), "guardrailConfig": {"guardrailIdentifier": "abc", "guardrailVersion": "1"}}';
const tfIntegration = (body: Record<string, unknown>) =>
  tf({
    aws_api_gateway_integration: {
      i: {
        rest_api_id: 'a',
        resource_id: 'r',
        http_method: 'POST',
        type: 'AWS',
        integration_http_method: 'POST',
        uri: 'arn:aws:apigateway:eu-west-1:bedrock-runtime:path/model/m/invoke',
        ...body,
      },
    },
  });
const deployment = (body: Record<string, unknown>) =>
  tf({
    azurerm_cognitive_deployment: {
      d: {
        name: 'gpt',
        cognitive_account_id: 'a',
        model: [{ format: 'OpenAI', name: 'gpt-4o', version: '1' }],
        sku: [{ name: 'Standard' }],
        ...body,
      },
    },
  });
const filter = (name: string, source: string, block = true) => ({
  name,
  source,
  filter_enabled: true,
  block_enabled: block,
  severity_threshold: 'Medium',
});
const ALL_FILTERS = [
  filter('Jailbreak', 'Prompt'),
  filter('Indirect Attack', 'Prompt'),
  ...['Hate', 'Sexual', 'Violence', 'SelfHarm'].flatMap((n) => [filter(n, 'Prompt'), filter(n, 'Completion')]),
];
const rai = (body: Record<string, unknown>) =>
  tf({
    azurerm_cognitive_account_rai_policy: {
      p: {
        name: 'platform',
        cognitive_account_id: 'a',
        base_policy_name: 'Microsoft.Default',
        content_filter: ALL_FILTERS,
        ...body,
      },
    },
  });
const RAI = 'azurerm_cognitive_account_rai_policy.p';

export const cases: RuleCases = {
  rule: llmGuardrailsRule,
  cases: [
    {
      name: 'guardrail with prompt-attack and content filters',
      doc: guardrail(FILTERS),
      address: 'G',
      verdict: 'pass',
    },
    {
      name: 'guardrail without a prompt-attack filter',
      doc: guardrail(FILTERS.slice(1)),
      address: 'G',
      verdict: 'fail',
      message: /PROMPT_ATTACK/,
    },
    {
      name: 'guardrail filtering input only',
      doc: guardrail([FILTERS[0], { Type: 'HATE', InputStrength: 'HIGH', OutputStrength: 'NONE' }]),
      address: 'G',
      verdict: 'fail',
      message: /output/,
    },
    {
      name: 'guardrail with the prompt-attack filter switched off',
      doc: guardrail([{ ...FILTERS[0], InputEnabled: false }, ...FILTERS.slice(1)]),
      address: 'G',
      verdict: 'fail',
    },
    {
      name: 'guardrail filters from a condition',
      doc: guardrail({ 'Fn::If': ['Strict', FILTERS, []] }),
      address: 'G',
      verdict: 'unknown',
    },
    {
      name: 'tf guardrail with filters',
      doc: tfGuardrail([
        { type: 'PROMPT_ATTACK', input_strength: 'HIGH', output_strength: 'NONE' },
        { type: 'SEXUAL', input_strength: 'HIGH', output_strength: 'HIGH' },
      ]),
      address: 'aws_bedrock_guardrail.g',
      verdict: 'pass',
    },
    { name: 'tf guardrail without filters', doc: tfGuardrail([]), address: 'aws_bedrock_guardrail.g', verdict: 'fail' },
    ...iamCases,
    ...agentCases,
    {
      name: 'InvokeModel integration with a fixed guardrail header',
      doc: method({ Uri: BEDROCK_URI('invoke'), RequestParameters: { [HEADER]: "'abc123'" } }),
      address: 'M',
      verdict: 'pass',
    },
    {
      name: 'InvokeModel integration without the header',
      doc: method({ Uri: BEDROCK_URI('invoke') }),
      address: 'M',
      verdict: 'fail',
    },
    {
      name: 'guardrail header taken from the caller',
      doc: method({ Uri: BEDROCK_URI('invoke'), RequestParameters: { [HEADER]: 'method.request.header.guardrail' } }),
      address: 'M',
      verdict: 'fail',
    },
    {
      name: 'Converse integration writing guardrailConfig, no pass-through',
      doc: method({
        Uri: BEDROCK_URI('converse'),
        PassthroughBehavior: 'NEVER',
        RequestTemplates: { 'application/json': CONVERSE_TEMPLATE },
      }),
      address: 'M',
      verdict: 'pass',
    },
    {
      name: 'Converse template built with Fn::Join around the guardrail version (as CDK writes it)',
      doc: method(
        {
          Uri: BEDROCK_URI('converse'),
          PassthroughBehavior: 'NEVER',
          RequestTemplates: {
            'application/json': {
              'Fn::Join': [
                '',
                [
                  '{"messages": [], "guardrailConfig": {"guardrailIdentifier": "abc", "guardrailVersion": "',
                  { 'Fn::GetAtt': ['V', 'Version'] },
                  '"}}',
                ],
              ],
            },
          },
        },
        { V: { Type: 'AWS::Bedrock::GuardrailVersion', Properties: { GuardrailIdentifier: 'abc' } } },
      ),
      address: 'M',
      verdict: 'pass',
    },
    {
      name: 'Converse template built with Fn::Join but no guardrailConfig',
      doc: method(
        {
          Uri: BEDROCK_URI('converse'),
          PassthroughBehavior: 'NEVER',
          RequestTemplates: {
            'application/json': {
              'Fn::Join': ['', ['{"messages": [], "v": "', { 'Fn::GetAtt': ['V', 'Version'] }, '"}']],
            },
          },
        },
        { V: { Type: 'AWS::Bedrock::GuardrailVersion', Properties: { GuardrailIdentifier: 'abc' } } },
      ),
      address: 'M',
      verdict: 'fail',
    },
    {
      name: 'Converse integration passing other bodies through',
      doc: method({ Uri: BEDROCK_URI('converse'), RequestTemplates: { 'application/json': CONVERSE_TEMPLATE } }),
      address: 'M',
      verdict: 'fail',
      message: /WHEN_NO_MATCH/,
    },
    {
      name: 'SageMaker integration is not an LLM path',
      doc: method({ Uri: 'arn:aws:apigateway:eu-west-1:runtime.sagemaker:path/endpoints/e/invocations' }),
      address: 'M',
      verdict: 'not_applicable',
    },
    {
      name: 'integration URI from a parameter',
      doc: cfn(
        {
          M: {
            Type: 'AWS::ApiGateway::Method',
            Properties: { HttpMethod: 'POST', Integration: { Type: 'AWS', Uri: { Ref: 'U' } } },
          },
        },
        { Parameters: { U: { Type: 'String' } } },
      ),
      address: 'M',
      verdict: 'unknown',
    },
    {
      name: 'tf InvokeModel integration with the header',
      doc: tfIntegration({ request_parameters: { [HEADER]: "'abc123'" } }),
      address: 'aws_api_gateway_integration.i',
      verdict: 'pass',
    },
    {
      name: 'tf InvokeModel integration without it',
      doc: tfIntegration({}),
      address: 'aws_api_gateway_integration.i',
      verdict: 'fail',
    },
    {
      name: 'deployment bound to the platform RAI policy',
      doc: deployment({ rai_policy_name: '${azurerm_cognitive_account_rai_policy.p.name}' }),
      address: 'azurerm_cognitive_deployment.d',
      verdict: 'pass',
    },
    {
      name: 'deployment without a RAI policy',
      doc: deployment({}),
      address: 'azurerm_cognitive_deployment.d',
      verdict: 'fail',
      path: 'rai_policy_name',
    },
    {
      name: 'deployment on the built-in default',
      doc: deployment({ rai_policy_name: 'Microsoft.DefaultV2' }),
      address: 'azurerm_cognitive_deployment.d',
      verdict: 'fail',
    },
    {
      name: 'deployment policy from a variable',
      doc: deployment({ rai_policy_name: '${var.rai}' }),
      address: 'azurerm_cognitive_deployment.d',
      verdict: 'unknown',
    },
    { name: 'RAI policy with prompt shields and blocking filters', doc: rai({}), address: RAI, verdict: 'pass' },
    {
      name: 'RAI policy without indirect-attack shield and annotating violence on completions',
      doc: rai({
        content_filter: ALL_FILTERS.filter((f) => f.name !== 'Indirect Attack').map((f) =>
          f.name === 'Violence' && f.source === 'Completion' ? { ...f, block_enabled: false } : f,
        ),
      }),
      address: RAI,
      verdict: 'fail',
      failingPaths: ['content_filter.Indirect Attack.Prompt', 'content_filter.Violence.Completion'],
    },
    {
      name: 'RAI policy in asynchronous mode',
      doc: rai({ mode: 'Asynchronous_filter' }),
      address: RAI,
      verdict: 'fail',
      path: 'mode',
    },
    {
      name: 'RAI policy filters from a dynamic block',
      doc: rai({
        content_filter: undefined,
        dynamic: { content_filter: [{ for_each: '${var.filters}', content: [filter('Hate', 'Prompt')] }] },
      }),
      address: RAI,
      verdict: 'unknown',
    },
  ],
};
