import { Aws } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { PlatformGuardrail } from '../guardrails';
import { createServingGateway, Gateway, protectServingGateway } from './gateway';
import { createLogKey } from './log-groups';
import { chatSchema, converseRequestTemplate, converseResponseTemplate, integrationResponses } from './mapping';
import { InferenceApiProps, inferenceLogPrefixes, resolveInferenceApiProps, ResolvedInferenceApiProps } from './props';
import type { WafParts } from './waf';

export interface BedrockInferenceProps extends InferenceApiProps {
  /** The platform guardrail every invocation carries. */
  readonly guardrail: PlatformGuardrail;
}

/**
 * An LLM (Bedrock foundation model) behind the same API shape as the custom model: the gateway
 * calls `bedrock-runtime` Converse directly (no Lambda). The request mapping builds the Converse
 * body from the validated messages and always adds the platform guardrail (identifier and
 * version); the integration role may invoke the model only with that guardrail version (an allow
 * conditioned on bedrock:GuardrailIdentifier) and carries the guardrail's explicit deny of any
 * invocation without it. The response mapping returns only the allowed fields of the answer.
 */
export class BedrockInference extends Construct {
  public readonly modelArn: string;
  /** The role API Gateway calls Bedrock with. */
  public readonly invokeRole: iam.Role;
  public readonly gateway: Gateway;
  public readonly waf: WafParts;
  public readonly logKey: kms.IKey;
  public readonly method: apigw.Method;
  public readonly guardrail: PlatformGuardrail;
  public readonly resolved: ResolvedInferenceApiProps;

  constructor(scope: Construct, id: string, props: BedrockInferenceProps) {
    super(scope, id);
    const r = resolveInferenceApiProps(`BedrockInference(${this.node.path})`, props);
    this.resolved = r;
    const s = r.settings;
    this.guardrail = props.guardrail;
    this.logKey =
      props.logKey ??
      createLogKey(
        this,
        `alias/${r.project}-${r.environment}/inference-${id.toLowerCase()}-logs`,
        inferenceLogPrefixes(r.project, r.environment),
      );
    this.modelArn = `arn:${Aws.PARTITION}:bedrock:${Aws.REGION}::foundation-model/${s.llmModelId}`;

    this.invokeRole = new iam.Role(this, 'InvokeRole', {
      description: `API Gateway calls ${s.llmModelId} with this role, only with the platform guardrail`,
      assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
    });
    props.guardrail.grantInvoke(this.invokeRole, [this.modelArn]);
    props.guardrail.requireOn(this.invokeRole);

    this.gateway = createServingGateway(this, r, props, this.logKey, 'llm');
    const integration = new apigw.AwsIntegration({
      service: 'bedrock-runtime',
      path: `model/${s.llmModelId}/converse`,
      integrationHttpMethod: 'POST',
      options: {
        credentialsRole: this.invokeRole,
        passthroughBehavior: apigw.PassthroughBehavior.NEVER,
        requestParameters: { 'integration.request.header.Content-Type': "'application/json'" },
        requestTemplates: {
          'application/json': converseRequestTemplate(
            props.guardrail.guardrailArn,
            props.guardrail.versionNumber,
            s.llmMaxTokens,
          ),
        },
        integrationResponses: integrationResponses(converseResponseTemplate(s.llmAllowedResponseFields)),
      },
    });
    this.method = this.gateway.addInvokeMethod(
      'chat',
      integration,
      chatSchema(s.maxInputItems, s.maxInputLength, s.llmMaxTokens),
      'ChatRequest',
    );
    this.waf = protectServingGateway(this, r, this.gateway, this.logKey, 'llm');
  }
}
