import { hasInstanceStore } from '../../policies/rules/shared/instance-store';
import { validateSageMakerGpuType } from './compute';
import { type DriftMonitoringSettings, validateDriftMonitoring } from './drift';
import { BlueprintConfigError } from './errors';
import { DEFAULT_GUARDRAIL, GuardrailSettings, validateGuardrailSettings } from './guardrail';
import { validateIntRange, validateName, validateNonEmpty, validateOneOf, validateUnique } from './validate';

export { hasInstanceStore, INSTANCE_STORE_FAMILIES } from '../../policies/rules/shared/instance-store';

/**
 * Inference vocabulary shared by both clouds: what model is served on what hardware, and how the
 * gateway in front authenticates, meters and limits each caller. AWS serves it with SageMaker /
 * Bedrock behind API Gateway, Azure with Azure OpenAI behind API Management.
 */

export const INFERENCE_ACCELERATORS = ['gpu', 'cpu'] as const;
export type InferenceAccelerator = (typeof INFERENCE_ACCELERATORS)[number];
export const API_AUTHORIZATIONS = ['iam', 'cognito'] as const;
export type ApiAuthorization = (typeof API_AUTHORIZATIONS)[number];
export const API_ENDPOINT_TYPES = ['REGIONAL', 'PRIVATE'] as const;
export type ApiEndpointType = (typeof API_ENDPOINT_TYPES)[number];

export interface InferenceSettings {
  /** Model name, part of the endpoint and API names. @default "classifier" */
  readonly modelName: string;
  /** Hardware class; "gpu" requires a GPU instance type. @default "gpu" */
  readonly accelerator: InferenceAccelerator;
  /** SageMaker hosting instance type. @default "ml.g4dn.xlarge" */
  readonly instanceType: string;
  /** Instances behind the endpoint, 1-10. @default 1 */
  readonly instanceCount: number;
  /** Serving image in ECR. @default `<account>.dkr.ecr.<region>.amazonaws.com/<name>-serving:latest` */
  readonly imageUri?: string;
  /** Key of the model archive in the model bucket. @default "models/<modelName>/model.tar.gz" */
  readonly modelDataKey?: string;
  /** Percent of requests captured (encrypted) for monitoring, 0-100. @default 100 */
  readonly captureSamplingPercentage: number;
  /** Steady requests per second allowed per caller (API key) and per stage. @default 10 */
  readonly rateLimit: number;
  /** Burst of requests allowed per caller. @default 20 */
  readonly burstLimit: number;
  /** Requests per caller per day; at least rateLimit. @default 10000 */
  readonly quotaPerDay: number;
  /** One API key (and usage-plan membership) per caller name. @default ["default-caller"] */
  readonly callers: readonly string[];
  /** Fields of the model's JSON answer the gateway returns; everything else is dropped. @default ["label"] */
  readonly allowedResponseFields: readonly string[];
  /** Largest request body the WAF admits, in bytes (256-65536). @default 16384 */
  readonly maxRequestBytes: number;
  /** Most items (inputs / messages) one request may carry. @default 16 */
  readonly maxInputItems: number;
  /** Longest single text input, in characters. @default 4096 */
  readonly maxInputLength: number;
  /** How callers authenticate: IAM SigV4 or a Cognito user pool token. @default "iam" */
  readonly authorization: ApiAuthorization;
  /** Cognito user pool ARN; required when authorization is "cognito". */
  readonly cognitoUserPoolArn?: string;
  /** REGIONAL (behind WAF) or PRIVATE (only through the VPC's execute-api endpoint). @default "REGIONAL" */
  readonly endpointType: ApiEndpointType;
  /** Requests per 5 minutes one IP may send before the WAF blocks it (10-2000000000). @default 1000 */
  readonly wafRateLimitPer5Minutes: number;
  /** Also serve an LLM (Bedrock / Azure OpenAI) behind the same gateway shape. @default true */
  readonly llmEnabled: boolean;
  /** Foundation model of the LLM API. @default "anthropic.claude-3-haiku-20240307-v1:0" */
  readonly llmModelId: string;
  /** Fields of the LLM answer returned (completion, stopReason, usage). @default ["completion", "stopReason"] */
  readonly llmAllowedResponseFields: readonly string[];
  /** Most tokens a completion may have. @default 1024 */
  readonly llmMaxTokens: number;
  readonly guardrail: GuardrailSettings;
  /**
   * AWS: a SageMaker Model Monitor data-quality schedule over the captured requests, against the
   * baseline signed with the model (baseline/statistics.json and baseline/constraints.json in its
   * registry folder). Needs the model registry. @default undefined (no drift monitoring)
   */
  readonly driftMonitoring?: DriftMonitoringSettings;
}

export const DEFAULT_INFERENCE: InferenceSettings = {
  modelName: 'classifier',
  accelerator: 'gpu',
  instanceType: 'ml.g4dn.xlarge',
  instanceCount: 1,
  captureSamplingPercentage: 100,
  rateLimit: 10,
  burstLimit: 20,
  quotaPerDay: 10000,
  callers: ['default-caller'],
  allowedResponseFields: ['label'],
  maxRequestBytes: 16384,
  maxInputItems: 16,
  maxInputLength: 4096,
  authorization: 'iam',
  endpointType: 'REGIONAL',
  wafRateLimitPer5Minutes: 1000,
  llmEnabled: true,
  llmModelId: 'anthropic.claude-3-haiku-20240307-v1:0',
  llmAllowedResponseFields: ['completion', 'stopReason'],
  llmMaxTokens: 1024,
  guardrail: DEFAULT_GUARDRAIL,
};

/** Fields of a Converse answer the LLM API can return. */
export const LLM_RESPONSE_FIELDS = ['completion', 'stopReason', 'usage'] as const;

const SAGEMAKER_INSTANCE = /^ml\.[a-z0-9]+\.[a-z0-9]+$/;
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const COGNITO_POOL_ARN = /^arn:aws[a-z-]*:cognito-idp:[a-z0-9-]+:\d{12}:userpool\/[\w-]+_[0-9a-zA-Z]+$/;
const BEDROCK_MODEL_ID = /^[a-z0-9-]+\.[a-zA-Z0-9.:-]+$/;

/** Validates the inference settings; every error names `<prop>.<field>`. */
export function validateInferenceSettings(prop: string, s: InferenceSettings): InferenceSettings {
  validateName(`${prop}.modelName`, s.modelName, 24);
  validateOneOf(`${prop}.accelerator`, s.accelerator, INFERENCE_ACCELERATORS);
  if (s.accelerator === 'gpu') validateSageMakerGpuType(`${prop}.instanceType`, s.instanceType);
  else if (typeof s.instanceType !== 'string' || !SAGEMAKER_INSTANCE.test(s.instanceType)) {
    throw new BlueprintConfigError(
      `${prop}.instanceType`,
      'a SageMaker instance type ml.<family>.<size>',
      s.instanceType,
    );
  }
  validateIntRange(`${prop}.instanceCount`, s.instanceCount, 1, 10);
  validateIntRange(`${prop}.captureSamplingPercentage`, s.captureSamplingPercentage, 0, 100);
  validateIntRange(`${prop}.rateLimit`, s.rateLimit, 1, 10000);
  validateIntRange(`${prop}.burstLimit`, s.burstLimit, 1, 5000);
  if (s.burstLimit < s.rateLimit) {
    throw new BlueprintConfigError(`${prop}.burstLimit`, `at least rateLimit (${s.rateLimit})`, s.burstLimit);
  }
  validateIntRange(`${prop}.quotaPerDay`, s.quotaPerDay, 1, 1_000_000_000);
  if (s.quotaPerDay < s.rateLimit) {
    // A daily quota below one second of the rate is a unit mistake, not a policy.
    throw new BlueprintConfigError(
      `${prop}.quotaPerDay`,
      `at least rateLimit (${s.rateLimit} requests/s): the quota counts requests per day`,
      s.quotaPerDay,
    );
  }
  const callers = validateNonEmpty(`${prop}.callers`, s.callers);
  callers.forEach((c, i) => validateName(`${prop}.callers[${i}]`, c, 64));
  validateUnique(`${prop}.callers`, [...callers]);
  validateFields(`${prop}.allowedResponseFields`, s.allowedResponseFields);
  validateIntRange(`${prop}.maxRequestBytes`, s.maxRequestBytes, 256, 65536);
  validateIntRange(`${prop}.maxInputItems`, s.maxInputItems, 1, 1000);
  validateIntRange(`${prop}.maxInputLength`, s.maxInputLength, 1, 65536);
  validateOneOf(`${prop}.authorization`, s.authorization, API_AUTHORIZATIONS);
  if (s.authorization === 'cognito' && !COGNITO_POOL_ARN.test(String(s.cognitoUserPoolArn))) {
    throw new BlueprintConfigError(
      `${prop}.cognitoUserPoolArn`,
      'a Cognito user pool ARN (arn:aws:cognito-idp:<region>:<account>:userpool/<id>) when authorization is "cognito"',
      s.cognitoUserPoolArn,
    );
  }
  validateOneOf(`${prop}.endpointType`, s.endpointType, API_ENDPOINT_TYPES);
  validateIntRange(`${prop}.wafRateLimitPer5Minutes`, s.wafRateLimitPer5Minutes, 10, 2_000_000_000);
  if (typeof s.llmEnabled !== 'boolean')
    throw new BlueprintConfigError(`${prop}.llmEnabled`, 'true or false', s.llmEnabled);
  if (typeof s.llmModelId !== 'string' || !BEDROCK_MODEL_ID.test(s.llmModelId)) {
    throw new BlueprintConfigError(
      `${prop}.llmModelId`,
      'a foundation model id like provider.model-v1:0',
      s.llmModelId,
    );
  }
  validateFields(`${prop}.llmAllowedResponseFields`, s.llmAllowedResponseFields);
  s.llmAllowedResponseFields.forEach((f, i) =>
    validateOneOf(`${prop}.llmAllowedResponseFields[${i}]`, f, LLM_RESPONSE_FIELDS),
  );
  validateIntRange(`${prop}.llmMaxTokens`, s.llmMaxTokens, 1, 8192);
  validateGuardrailSettings(`${prop}.guardrail`, s.guardrail);
  if (s.driftMonitoring !== undefined) validateDriftMonitoring(`${prop}.driftMonitoring`, s.driftMonitoring);
  return s;
}

/** JSON field names only: they are spliced into a response mapping template. */
function validateFields(prop: string, fields: readonly unknown[]): void {
  const list = validateNonEmpty(prop, fields);
  list.forEach((f, i) => {
    if (typeof f !== 'string' || !FIELD_NAME.test(f)) {
      throw new BlueprintConfigError(`${prop}[${i}]`, 'a JSON field name (letters, digits, _)', f);
    }
  });
  validateUnique(prop, list as string[]);
}

/** Whether an endpoint config for this instance type must omit KmsKeyId (local NVMe storage). */
export function endpointRejectsKmsKey(instanceType: string): boolean {
  return hasInstanceStore(instanceType);
}
