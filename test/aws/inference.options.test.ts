import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import { BedrockInference, PlatformGuardrail } from '../../lib/aws';
import { resolveConfig } from '../../lib/core/config';
import { BlueprintConfigError } from '../../lib/core/errors';
import { AwsPlatformStack } from '../../stacks/aws-platform-stack';
import { arnOf, logicalId, resourceOf } from './helpers';

/**
 * The options, through BlueprintConfig: a CPU (EBS-only) instance type, a PRIVATE API reachable
 * only through the VPC's execute-api endpoint, Cognito authorization, no LLM. Synthesized once.
 */
const POOL = 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123';
const stack = new AwsPlatformStack(new App(), 'Options', {
  config: resolveConfig({
    inference: {
      accelerator: 'cpu',
      instanceType: 'ml.m5.xlarge',
      endpointType: 'PRIVATE',
      authorization: 'cognito',
      cognitoUserPoolArn: POOL,
      allowedResponseFields: ['label', 'confidence'],
      llmEnabled: false,
    },
  }),
});
const template = Template.fromStack(stack);
const inf = stack.inference.model;
const json = (v: unknown) => JSON.stringify(v);

describe('inference options', () => {
  test('an EBS-only instance type gets the platform key on the endpoint config', () => {
    expect(inf.volumeKeyApplied).toBe(true);
    expect(resourceOf(template, inf.endpointConfig).Properties).toMatchObject({
      KmsKeyId: arnOf(stack.dataLake.key),
      ProductionVariants: [{ InstanceType: 'ml.m5.xlarge' }],
    });
    // No acknowledgement is needed, so none is recorded.
    expect(json(template.toJSON().Resources[logicalId(inf.endpointConfig)].Metadata ?? {})).not.toContain(
      'SageMakerEndpointConfigurationKMSKeyConfigured',
    );
  });

  test('PRIVATE: the API admits requests only through the execute-api interface endpoint', () => {
    const vpce = stack.inference.executeApiEndpoint!;
    expect(vpce).toBeDefined();
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Interface',
      PrivateDnsEnabled: true,
      ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.execute-api']] },
    });
    const api = resourceOf(template, inf.gateway.api).Properties!;
    expect(api.EndpointConfiguration).toEqual({ Types: ['PRIVATE'], VpcEndpointIds: [{ Ref: logicalId(vpce) }] });
    const [deny, allow] = api.Policy.Statement;
    expect(deny).toMatchObject({
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 'execute-api:Invoke',
      Condition: { StringNotEquals: { 'aws:SourceVpce': { Ref: logicalId(vpce) } } },
    });
    expect(allow).toMatchObject({
      Effect: 'Allow',
      Condition: { StringEquals: { 'aws:SourceVpce': { Ref: logicalId(vpce) } } },
    });
  });

  test('the execute-api endpoint sits behind the endpoint security group, in the isolated subnets', () => {
    const vpce = resourceOf(template, stack.inference.executeApiEndpoint!).Properties!;
    expect(vpce.SecurityGroupIds).toEqual([
      { 'Fn::GetAtt': [logicalId(stack.network.endpointSecurityGroup), 'GroupId'] },
    ]);
    expect(vpce.SubnetIds).toEqual(stack.network.subnets.map((s) => stack.resolve(s.subnetId)));
  });

  test('Cognito: a user-pool authorizer on the method, still with an API key', () => {
    template.hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'COGNITO_USER_POOLS',
      ProviderARNs: [POOL],
      IdentitySource: 'method.request.header.Authorization',
    });
    expect(resourceOf(template, inf.method).Properties).toMatchObject({
      AuthorizationType: 'COGNITO_USER_POOLS',
      ApiKeyRequired: true,
    });
  });

  test('the response allow-list follows the configuration', () => {
    const ok = (
      resourceOf(template, inf.method).Properties!.Integration.IntegrationResponses as {
        StatusCode: string;
        ResponseTemplates: Record<string, string>;
      }[]
    ).find((r) => r.StatusCode === '200')!;
    expect(ok.ResponseTemplates['application/json']).toBe(
      `{"label": $input.json('$.label'), "confidence": $input.json('$.confidence')}`,
    );
  });

  test('llmEnabled false: no guardrail and no LLM API', () => {
    expect(stack.inference.guardrail).toBeUndefined();
    template.resourceCountIs('AWS::Bedrock::Guardrail', 0);
    template.resourceCountIs('AWS::ApiGateway::RestApi', 1);
  });
});

describe('props errors name the prop', () => {
  const key = () => new kms.Key(new Stack(), 'K');
  const thrown = (fn: () => unknown): BlueprintConfigError => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(BlueprintConfigError);
      return e as BlueprintConfigError;
    }
    throw new Error('expected a BlueprintConfigError');
  };

  test('through BlueprintConfig: a GPU variant with a CPU type fails before anything is built', () => {
    const e = thrown(
      () =>
        new AwsPlatformStack(new App(), 'Bad', {
          config: resolveConfig({ inference: { instanceType: 'ml.m5.xlarge' } }),
        }),
    );
    expect(e.prop).toBe('BlueprintConfig.inference.instanceType');
  });

  test('through BlueprintConfig: a quota below the rate and a guardrail without input filter', () => {
    expect(
      thrown(
        () =>
          new AwsPlatformStack(new App(), 'Bad', {
            config: resolveConfig({ inference: { quotaPerDay: 5 } }),
          }),
      ).prop,
    ).toBe('BlueprintConfig.inference.quotaPerDay');
    expect(
      thrown(
        () =>
          new AwsPlatformStack(new App(), 'Bad', {
            config: resolveConfig({
              inference: { guardrail: { promptAttackStrength: 'NONE', contentInputStrength: 'NONE' } },
            }),
          }),
      ).prop,
    ).toBe('BlueprintConfig.inference.guardrail.promptAttackStrength');
  });

  test('a PRIVATE API without the execute-api endpoint', () => {
    const k = key();
    const stack = k.stack;
    const guardrail = new PlatformGuardrail(stack, 'G', { key: k, project: 'ztai', environment: 'dev' });
    const e = thrown(
      () =>
        new BedrockInference(stack, 'Api', {
          project: 'ztai',
          environment: 'dev',
          guardrail,
          settings: { endpointType: 'PRIVATE' },
        }),
    );
    expect(e.prop).toBe('BedrockInference(Default/Api).vpcEndpoint');
  });

  test('Cognito without a user pool, and a legacy TLS policy', () => {
    const k = key();
    const guardrail = new PlatformGuardrail(k.stack, 'G', { key: k, project: 'ztai', environment: 'dev' });
    const base = { project: 'ztai', environment: 'dev', guardrail };
    expect(
      thrown(
        () =>
          new BedrockInference(k.stack, 'A', {
            ...base,
            settings: { authorization: 'cognito', cognitoUserPoolArn: POOL },
          }),
      ).prop,
    ).toBe('BedrockInference(Default/A).userPools');
    expect(thrown(() => new BedrockInference(k.stack, 'B', { ...base, securityPolicy: 'TLS_1_0' })).prop).toBe(
      'BedrockInference(Default/B).securityPolicy',
    );
  });

  test('a guardrail construct without an input filter', () => {
    const k = key();
    const e = thrown(
      () =>
        new PlatformGuardrail(k.stack, 'G', {
          key: k,
          project: 'ztai',
          environment: 'dev',
          settings: { promptAttackStrength: 'NONE', contentInputStrength: 'NONE' },
        }),
    );
    expect(e.prop).toBe('PlatformGuardrail(Default/G).settings.promptAttackStrength');
  });
});
