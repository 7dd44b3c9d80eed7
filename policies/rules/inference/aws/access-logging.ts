import { type Check, type Equivalent, fail, pass } from '../../../engine/rule';
import { eachOf } from '../../shared/combine';
import { deploymentStageChecks } from '../../shared/deployment-stage';
import { isPresent, joinPath } from '../../shared/read';
import { tfBlock, throughDynamic } from '../../shared/tf-blocks';
import { quickCreated } from './quick-create';

/**
 * ZT-INFERENCE-006 on CloudFormation and Terraform aws_*: every REST and HTTP API stage writes
 * access logs (a destination and a format: without the format nothing is written).
 */
interface LogFields {
  readonly block: string;
  readonly destination: string;
  readonly format: string;
  readonly tf: boolean;
}

const accessLogs =
  (f: LogFields): Check =>
  (s, { graph }) => {
    const loc = f.tf
      ? tfBlock(graph, s, '', f.block)
      : { kind: isPresent(graph, s, f.block) ? ('static' as const) : ('absent' as const), path: f.block };
    if (loc.kind === 'absent')
      return fail(
        `${f.block} is not set: calls to the stage leave no access log (who called the model, when, with what result)`,
        f.block,
      );
    return eachOf(
      [f.destination, f.format].map((p) => {
        const path = joinPath(loc.path, p);
        return throughDynamic(
          loc,
          isPresent(graph, s, path)
            ? pass(`${path} is set`, path)
            : fail(`${path} is not set, so no access log is written`, path),
        );
      }),
    );
  };

const CFN_REST: LogFields = { block: 'AccessLogSetting', destination: 'DestinationArn', format: 'Format', tf: false };
const CFN_HTTP: LogFields = { block: 'AccessLogSettings', destination: 'DestinationArn', format: 'Format', tf: false };
const TF: LogFields = { block: 'access_log_settings', destination: 'destination_arn', format: 'format', tf: true };

/** The managed $default stage of a quick-created HTTP API, as an overrides resource sets it. */
const overriddenStage = accessLogs({ ...CFN_HTTP, block: 'Stage.AccessLogSettings' });

export const awsChecks: Readonly<Record<string, Check>> = {
  'AWS::ApiGateway::Stage': accessLogs(CFN_REST),
  aws_api_gateway_stage: accessLogs(TF),
  'AWS::ApiGatewayV2::Stage': accessLogs(CFN_HTTP),
  aws_apigatewayv2_stage: accessLogs(TF),
  'AWS::ApiGatewayV2::Api': quickCreated({
    target: 'Target',
    unset:
      'its stage writes no access log; set Stage.AccessLogSettings (DestinationArn and Format) in an AWS::ApiGatewayV2::ApiGatewayManagedOverrides, or declare the stage',
    overrides: (graph, o) => overriddenStage(o, { graph }),
  }),
  aws_apigatewayv2_api: quickCreated({
    target: 'target',
    unset: 'its stage writes no access log; declare an aws_apigatewayv2_stage with access_log_settings instead',
  }),
  ...deploymentStageChecks({
    cfn: accessLogs({ ...CFN_REST, block: 'StageDescription.AccessLogSetting' }),
    unset:
      'it writes no access log; declare an aws_api_gateway_stage with access_log_settings for the deployment instead',
  }),
};

const SAM =
  "Checkov's CloudFormation CKV_AWS_76 / CKV_AWS_95 fixtures also judge untransformed SAM resources (AWS::Serverless::Api / HttpApi), which this pack does not load as such, so only the Terraform CKV_AWS_76 is mapped.";

export const awsEquivalents: readonly Equivalent[] = [
  {
    tool: 'checkov',
    id: 'CKV_AWS_76',
    resourceTypes: ['aws_api_gateway_stage', 'aws_apigatewayv2_stage'],
    note: SAM,
    differences: [
      {
        resource: 'aws_api_gateway_stage.test_success',
        reason: 'access_log_settings has no format (a required argument): no access log is written',
      },
    ],
  },
  { tool: 'cdk-nag', id: 'AwsSolutions-APIG1', resourceTypes: ['AWS::ApiGateway::Stage'] },
];
