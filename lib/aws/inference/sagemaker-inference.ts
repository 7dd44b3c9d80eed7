import { Aws } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import { Construct } from 'constructs';
import { BlueprintConfigError } from '../../core/errors';
import {
  createDataQualityMonitor,
  DataQualityBaseline,
  DataQualityMonitor,
  resolveDataQualityBaseline,
} from './data-quality';
import { createServingGateway, Gateway, protectServingGateway } from './gateway';
import { createLogGroup, createLogKey, logGroupArn } from './log-groups';
import { fieldsResponseTemplate, integrationResponses, PREDICTION_REQUEST_TEMPLATE, predictionSchema } from './mapping';
import { InferenceApiProps, inferenceLogPrefixes, resolveInferenceApiProps, ResolvedInferenceApiProps } from './props';
import { createSageMakerEndpoint } from './sagemaker-endpoint';
import type { WafParts } from './waf';

export interface SageMakerInferenceProps extends InferenceApiProps {
  /** Isolated subnets the model's ENIs go in (the training network's). */
  readonly subnets: readonly ec2.ISubnet[];
  readonly securityGroups: readonly ec2.ISecurityGroup[];
  /** The platform key: endpoint volume (non-NVMe types) and data capture. */
  readonly key: kms.IKey;
  /** Bucket (the lake's model zone) and key of the model archive. @default key models/<modelName>/model.tar.gz */
  readonly modelBucket: s3.IBucket;
  /** Encrypted, retained bucket receiving captured requests and answers. */
  readonly captureBucket: s3.IBucket;
  /**
   * Drift detection: a Model Monitor data-quality schedule comparing the captured requests with this
   * baseline; reports go to `monitoring/<endpoint>/data-quality/` of the capture bucket. Alarms on
   * its metrics: addDataQualityAlarms (lib/aws/monitoring). @default no drift monitoring
   */
  readonly dataQualityBaseline?: DataQualityBaseline;
}

/**
 * A custom model served privately and reached only through an authenticated, metered API.
 *
 * SageMaker model with network isolation in the isolated subnets; endpoint config with the
 * platform key (omitted, with the reason acknowledged, for NVMe instance types whose instance
 * store the hardware encrypts) and KMS-encrypted data capture; the endpoint. In front, an API
 * Gateway REST API calling `runtime.sagemaker` directly (no Lambda) with a role that may invoke
 * this endpoint only, IAM or Cognito auth, API keys with per-key throttle and quota, JSON-schema
 * validation, a response mapping returning only the allowed fields, access / execution logs, X-Ray
 * and a WAF web ACL.
 */
export class SageMakerInference extends Construct {
  public readonly endpointName: string;
  public readonly model: sagemaker.CfnModel;
  public readonly endpointConfig: sagemaker.CfnEndpointConfig;
  public readonly endpoint: sagemaker.CfnEndpoint;
  public readonly executionRole: iam.Role;
  /** The role API Gateway calls the runtime with: sagemaker:InvokeEndpoint on this endpoint only. */
  public readonly invokeRole: iam.Role;
  public readonly gateway: Gateway;
  public readonly waf: WafParts;
  public readonly logKey: kms.IKey;
  public readonly endpointLogGroup: logs.LogGroup;
  public readonly method: apigw.Method;
  /** Whether the endpoint config carries KmsKeyId (false for NVMe instance types). */
  public readonly volumeKeyApplied: boolean;
  public readonly resolved: ResolvedInferenceApiProps;
  /** The data-quality schedule, when a baseline was given. */
  public readonly dataQuality?: DataQualityMonitor;

  constructor(scope: Construct, id: string, props: SageMakerInferenceProps) {
    super(scope, id);
    const prefix = `SageMakerInference(${this.node.path})`;
    const r = resolveInferenceApiProps(prefix, props);
    this.resolved = r;
    if (!props.subnets || props.subnets.length === 0) {
      throw new BlueprintConfigError(
        `${prefix}.subnets`,
        'the isolated subnets of the training network',
        props.subnets,
      );
    }
    const s = r.settings;
    const baseline =
      props.dataQualityBaseline &&
      resolveDataQualityBaseline(`${prefix}.dataQualityBaseline`, props.dataQualityBaseline);
    this.endpointName = `${r.project}-${r.environment}-${s.modelName}`;
    this.logKey =
      props.logKey ??
      createLogKey(
        this,
        `alias/${r.project}-${r.environment}/inference-${id.toLowerCase()}-logs`,
        inferenceLogPrefixes(r.project, r.environment),
      );
    const endpointLogName = `/aws/sagemaker/Endpoints/${this.endpointName}`;
    this.endpointLogGroup = createLogGroup(this, 'EndpointLogs', endpointLogName, this.logKey, r.logRetentionDays);

    const capturePrefix = `capture/${this.endpointName}/`;
    const imageUri =
      s.imageUri ?? `${Aws.ACCOUNT_ID}.dkr.ecr.${Aws.REGION}.${Aws.URL_SUFFIX}/${r.project}-serving:latest`;
    const parts = createSageMakerEndpoint(this, {
      endpointName: this.endpointName,
      instanceType: s.instanceType,
      instanceCount: s.instanceCount,
      imageUri,
      modelData: { bucket: props.modelBucket, key: s.modelDataKey ?? `models/${s.modelName}/model.tar.gz` },
      capture: {
        bucket: props.captureBucket,
        prefix: capturePrefix,
        samplingPercentage: s.captureSamplingPercentage,
      },
      key: props.key,
      subnets: props.subnets,
      securityGroups: props.securityGroups,
      endpointLogGroupArn: logGroupArn(endpointLogName),
    });
    parts.endpoint.node.addDependency(this.endpointLogGroup);
    this.model = parts.model;
    this.endpointConfig = parts.endpointConfig;
    this.endpoint = parts.endpoint;
    this.executionRole = parts.role;
    this.volumeKeyApplied = parts.volumeKeyApplied;
    if (baseline) {
      this.dataQuality = createDataQualityMonitor(this, {
        endpointName: this.endpointName,
        endpoint: this.endpoint,
        baseline,
        captureBucket: props.captureBucket,
        capturePrefix,
        key: props.key,
        subnets: props.subnets,
        securityGroups: props.securityGroups,
      });
    }

    this.invokeRole = new iam.Role(this, 'InvokeRole', {
      description: `API Gateway calls the ${this.endpointName} endpoint with this role`,
      assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
    });
    const endpointArn = `arn:${Aws.PARTITION}:sagemaker:${Aws.REGION}:${Aws.ACCOUNT_ID}:endpoint/${this.endpointName}`;
    new iam.ManagedPolicy(this, 'InvokePolicy', {
      description: `sagemaker:InvokeEndpoint on ${this.endpointName} only`,
      roles: [this.invokeRole],
      statements: [new iam.PolicyStatement({ actions: ['sagemaker:InvokeEndpoint'], resources: [endpointArn] })],
    });

    this.gateway = createServingGateway(this, r, props, this.logKey, s.modelName);
    const integration = new apigw.AwsIntegration({
      service: 'runtime.sagemaker',
      path: `endpoints/${this.endpointName}/invocations`,
      integrationHttpMethod: 'POST',
      options: {
        credentialsRole: this.invokeRole,
        passthroughBehavior: apigw.PassthroughBehavior.NEVER,
        requestParameters: {
          'integration.request.header.Content-Type': "'application/json'",
          'integration.request.header.Accept': "'application/json'",
        },
        requestTemplates: { 'application/json': PREDICTION_REQUEST_TEMPLATE },
        integrationResponses: integrationResponses(fieldsResponseTemplate(s.allowedResponseFields)),
      },
    });
    this.method = this.gateway.addInvokeMethod(
      'predict',
      integration,
      predictionSchema(s.maxInputItems, s.maxInputLength),
      `${s.modelName.replace(/-/g, '')}Request`,
    );
    this.waf = protectServingGateway(this, r, this.gateway, this.logKey, s.modelName);
  }
}
