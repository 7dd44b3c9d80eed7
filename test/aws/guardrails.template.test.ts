import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { BedrockInference, PlatformGuardrail } from '../../lib/aws';
import { DEFAULT_GUARDRAIL } from '../../lib/core/guardrail';
import { arnOf, logicalId, resourceOf, resourcesOfType } from './helpers';

/**
 * The guardrail and the LLM API, on a small stack of their own (the LLM path needs no network):
 * synthesized once. The reference stack composes the same constructs (test/aws/validation-plugins).
 */
const stack = new Stack(new App(), 'Llm');
const key = new kms.Key(stack, 'PlatformKey', { enableKeyRotation: true });
const common = { key, project: 'ztai', environment: 'dev' };
const guardrail = new PlatformGuardrail(stack, 'Guardrail', common);
const same = new PlatformGuardrail(stack, 'SameConfig', common);
const changed = new PlatformGuardrail(stack, 'Changed', {
  ...common,
  settings: {
    piiEntities: [{ type: 'EMAIL', action: 'BLOCK' }],
    deniedTopics: [{ name: 'Investment advice', definition: 'Recommendations about securities', examples: ['Buy?'] }],
    blockedWords: ['codename-falcon'],
    groundingThreshold: 75,
  },
});
const llm = new BedrockInference(stack, 'Api', { project: 'ztai', environment: 'dev', guardrail });
const analyst = new iam.Role(stack, 'Analyst', { assumedBy: new iam.AccountRootPrincipal() });
guardrail.requireOn(analyst);
const template = Template.fromStack(stack);
const json = (v: unknown) => JSON.stringify(v);
const props = (c: PlatformGuardrail) => resourceOf(template, c.guardrail).Properties!;

describe('PlatformGuardrail', () => {
  test('prompt-attack filter on input; five content filters on input and output', () => {
    expect(props(guardrail).ContentPolicyConfig.FiltersConfig).toEqual([
      { Type: 'PROMPT_ATTACK', InputStrength: 'HIGH', OutputStrength: 'NONE' },
      ...['HATE', 'INSULTS', 'SEXUAL', 'VIOLENCE', 'MISCONDUCT'].map((Type) => ({
        Type,
        InputStrength: 'HIGH',
        OutputStrength: 'HIGH',
      })),
    ]);
  });

  test('PII entities anonymized or blocked as configured; profanity list on', () => {
    expect(props(guardrail).SensitiveInformationPolicyConfig.PiiEntitiesConfig).toEqual(
      DEFAULT_GUARDRAIL.piiEntities.map((e) => ({ Type: e.type, Action: e.action })),
    );
    expect(props(guardrail).WordPolicyConfig).toEqual({ ManagedWordListsConfig: [{ Type: 'PROFANITY' }] });
    expect(props(guardrail).TopicPolicyConfig).toBeUndefined();
    expect(props(guardrail).ContextualGroundingPolicyConfig).toBeUndefined();
  });

  test('optional denied topics, word lists and contextual grounding', () => {
    const p = props(changed);
    expect(p.SensitiveInformationPolicyConfig.PiiEntitiesConfig).toEqual([{ Type: 'EMAIL', Action: 'BLOCK' }]);
    expect(p.TopicPolicyConfig.TopicsConfig).toEqual([
      { Name: 'Investment advice', Definition: 'Recommendations about securities', Type: 'DENY', Examples: ['Buy?'] },
    ]);
    expect(p.WordPolicyConfig.WordsConfig).toEqual([{ Text: 'codename-falcon' }]);
    expect(p.ContextualGroundingPolicyConfig.FiltersConfig).toEqual([{ Type: 'GROUNDING', Threshold: 0.75 }]);
  });

  test('encrypted with the platform key; blocked messages set', () => {
    expect(props(guardrail)).toMatchObject({
      KmsKeyArn: arnOf(key),
      BlockedInputMessaging: DEFAULT_GUARDRAIL.blockedInputMessage,
      BlockedOutputsMessaging: DEFAULT_GUARDRAIL.blockedOutputMessage,
    });
  });

  test('the version carries a hash of the configuration: same config, same hash; changed config, new version', () => {
    expect(guardrail.configHash).toMatch(/^[0-9a-f]{12}$/);
    expect(same.configHash).toBe(guardrail.configHash);
    expect(changed.configHash).not.toBe(guardrail.configHash);
    const version = resourceOf(template, guardrail.version);
    expect(logicalId(guardrail.version)).toContain(guardrail.configHash);
    expect(version.Properties).toEqual({
      GuardrailIdentifier: { 'Fn::GetAtt': [logicalId(guardrail.guardrail), 'GuardrailId'] },
      Description: `Configuration sha256:${guardrail.configHash}`,
    });
  });

  test('requireOn: an explicit deny of invocation without this guardrail version', () => {
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [{ Ref: logicalId(analyst) }],
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Deny',
            Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
            Resource: '*',
            Condition: {
              StringNotEquals: {
                'bedrock:GuardrailIdentifier': {
                  'Fn::Join': [
                    '',
                    [
                      { 'Fn::GetAtt': [logicalId(guardrail.guardrail), 'GuardrailArn'] },
                      ':',
                      { 'Fn::GetAtt': [logicalId(guardrail.version), 'Version'] },
                    ],
                  ],
                },
              },
            },
          },
        ],
      },
    });
  });
});

describe('BedrockInference', () => {
  const method = () => resourceOf(template, llm.method).Properties!;
  const policiesOf = (role: iam.Role) =>
    Object.values(resourcesOfType(template, 'AWS::IAM::ManagedPolicy')).filter(
      (p) => json(p.Properties!.Roles) === json([{ Ref: logicalId(role) }]),
    );

  test('Converse through the bedrock-runtime service integration, IAM auth and an API key', () => {
    const m = method();
    expect(m).toMatchObject({ AuthorizationType: 'AWS_IAM', ApiKeyRequired: true });
    expect(m.Integration.Type).toBe('AWS');
    expect(json(m.Integration.Uri)).toContain(
      ':bedrock-runtime:path/model/anthropic.claude-3-haiku-20240307-v1:0/converse',
    );
    expect(m.Integration.Credentials).toEqual(arnOf(llm.invokeRole));
    expect(m.Integration.PassthroughBehavior).toBe('NEVER');
  });

  test('the request mapping always applies the guardrail identifier and version', () => {
    const tpl = json(method().Integration.RequestTemplates['application/json']);
    expect(tpl).toContain('guardrailConfig');
    expect(tpl).toContain(logicalId(guardrail.guardrail));
    expect(tpl).toContain(logicalId(guardrail.version));
    // Only validated message fields are copied; the caller's body is never forwarded whole.
    expect(tpl).not.toContain("$input.json('$')");
    // The default token cap when the caller sends none (braced #{else}: "#else1024" would not parse).
    expect(tpl).toContain('#{else}1024#end');
  });

  test('the response mapping returns only the completion and stop reason', () => {
    const ok = (
      method().Integration.IntegrationResponses as { StatusCode: string; ResponseTemplates: Record<string, string> }[]
    ).find((r) => r.StatusCode === '200')!;
    const body = ok.ResponseTemplates['application/json'];
    expect(body).toContain('"completion"');
    expect(body).toContain('"stopReason"');
    expect(body).not.toMatch(/usage|trace|metrics/);
  });

  test('the chat schema bounds messages, roles, lengths and tokens', () => {
    const models = Object.values(resourcesOfType(template, 'AWS::ApiGateway::Model'));
    const schema = models.find((x) => x.Properties?.Schema?.title === 'ChatRequest')!.Properties!.Schema;
    expect(schema).toMatchObject({
      additionalProperties: false,
      properties: {
        messages: {
          maxItems: 16,
          items: {
            additionalProperties: false,
            properties: { role: { enum: ['user', 'assistant'] }, content: { maxLength: 4096 } },
          },
        },
        maxTokens: { maximum: 1024 },
      },
    });
  });

  test('the integration role may invoke the model only with the guardrail, and carries the deny', () => {
    const statements = policiesOf(llm.invokeRole).flatMap((p) => p.Properties!.PolicyDocument.Statement);
    const invoke = statements.filter((s) => json(s.Action).includes('bedrock:InvokeModel'));
    expect(invoke.map((s) => s.Effect).sort()).toEqual(['Allow', 'Deny']);
    const allow = invoke.find((s) => s.Effect === 'Allow');
    expect(json(allow.Resource)).toContain(':foundation-model/anthropic.claude-3-haiku-20240307-v1:0');
    expect(Object.keys(allow.Condition.StringEquals)).toEqual(['bedrock:GuardrailIdentifier']);
    // No inline policy anywhere on the role.
    expect(
      Object.values(resourcesOfType(template, 'AWS::IAM::Policy')).filter((p) =>
        json(p.Properties!.Roles).includes(logicalId(llm.invokeRole)),
      ),
    ).toEqual([]);
  });

  test('usage plan, WAF and access logs like the custom-model API', () => {
    template.hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      UsagePlanName: 'ztai-dev-llm-callers',
      Quota: { Limit: 10000, Period: 'DAY' },
    });
    expect(json(resourceOf(template, llm.waf.association).Properties!.ResourceArn)).toContain(
      logicalId(llm.gateway.stage),
    );
    expect(resourceOf(template, llm.gateway.stage).Properties!.AccessLogSetting).toBeDefined();
  });
});
