import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import { BlueprintConfigError } from '../../core/errors';
import { DEFAULT_INFERENCE, InferenceSettings, validateInferenceSettings } from '../../core/inference';
import { validateLogRetention } from '../../core/network';
import { validateName } from '../../core/validate';

/** What both invocation APIs (custom model, LLM) take. */
export interface InferenceApiProps {
  readonly project: string;
  readonly environment: string;
  /** Gateway limits, auth, endpoint type, response allow-list; merged onto DEFAULT_INFERENCE. */
  readonly settings?: Partial<InferenceSettings>;
  /** Key of the API, WAF and endpoint log groups. @default a key of this construct (see createLogKey) */
  readonly logKey?: kms.IKey;
  /** Days the access, execution and WAF logs are kept. @default 365 */
  readonly logRetentionDays?: number;
  /** The VPC's execute-api interface endpoint: required when settings.endpointType is PRIVATE. */
  readonly vpcEndpoint?: ec2.IInterfaceVpcEndpoint;
  /** User pools whose tokens are accepted: required when settings.authorization is "cognito". */
  readonly userPools?: readonly cognito.IUserPool[];
  /** Enhanced TLS policy of the API endpoint. @default "SecurityPolicy_TLS13_1_3_2025_09" */
  readonly securityPolicy?: string;
}

export const DEFAULT_API_SECURITY_POLICY = 'SecurityPolicy_TLS13_1_3_2025_09';
export const DEFAULT_API_LOG_RETENTION_DAYS = 365;
export const API_STAGE_NAME = 'v1';

export interface ResolvedInferenceApiProps {
  readonly project: string;
  readonly environment: string;
  readonly settings: InferenceSettings;
  readonly logRetentionDays: number;
  readonly securityPolicy: string;
}

/** Validates the shared props; every error names `<construct>.<prop>`. */
export function resolveInferenceApiProps(prefix: string, props: InferenceApiProps): ResolvedInferenceApiProps {
  const project = validateName(`${prefix}.project`, props.project);
  const environment = validateName(`${prefix}.environment`, props.environment);
  const settings = validateInferenceSettings(`${prefix}.settings`, {
    ...DEFAULT_INFERENCE,
    ...props.settings,
    guardrail: { ...DEFAULT_INFERENCE.guardrail, ...props.settings?.guardrail },
  });
  if (settings.endpointType === 'PRIVATE' && !props.vpcEndpoint) {
    throw new BlueprintConfigError(
      `${prefix}.vpcEndpoint`,
      "the VPC's execute-api interface endpoint when settings.endpointType is PRIVATE",
      undefined,
    );
  }
  if (settings.authorization === 'cognito' && !(props.userPools && props.userPools.length > 0)) {
    throw new BlueprintConfigError(`${prefix}.userPools`, 'at least one user pool when authorization is "cognito"');
  }
  const securityPolicy = props.securityPolicy ?? DEFAULT_API_SECURITY_POLICY;
  if (!/^SecurityPolicy_TLS13_/.test(securityPolicy)) {
    throw new BlueprintConfigError(
      `${prefix}.securityPolicy`,
      'an enhanced TLS 1.3 security policy (SecurityPolicy_TLS13_...); legacy TLS_1_0 / TLS_1_2 are refused',
      securityPolicy,
    );
  }
  const logRetentionDays = validateLogRetention(
    `${prefix}.logRetentionDays`,
    props.logRetentionDays ?? DEFAULT_API_LOG_RETENTION_DAYS,
  );
  return { project, environment, settings, logRetentionDays, securityPolicy };
}

/** Log-group name prefixes a shared inference log key must cover for one project and environment. */
export function inferenceLogPrefixes(project: string, environment: string): string[] {
  return [
    `/${project}/${environment}/inference/`,
    'API-Gateway-Execution-Logs_',
    `aws-waf-logs-${project}-${environment}-`,
    `/aws/sagemaker/Endpoints/${project}-${environment}-`,
  ];
}
