import { type Check, fail, pass } from '../../engine/rule';
import { isPresent } from './read';

/**
 * A REST API deployment given a stage name (CloudFormation AWS::ApiGateway::Deployment `StageName`,
 * Terraform aws_api_gateway_deployment `stage_name`, removed in AWS provider 6) creates that stage
 * itself: no stage resource declares it, so the stage checks never see it. Each rule that judges a
 * REST stage by its own settings therefore judges such a deployment as the stage it creates:
 * - CloudFormation: by its `StageDescription`, the created stage's settings (some under other names
 *   than a Stage's: stage-wide ThrottlingRateLimit, LoggingLevel, CachingEnabled ...);
 * - Terraform: the created stage takes no settings of its own; method settings may still name it
 *   (`stage_name = aws_api_gateway_deployment.x.stage_name`), so a rule judged through them reuses
 *   its stage check, and any other fails with `unset`.
 * A deployment without a stage name creates no stage and passes.
 */
export interface DeploymentStage {
  /** CloudFormation: judges the deployment as the stage it creates (paths under StageDescription). */
  readonly cfn: Check;
  /** Terraform: judges the deployment as the stage it creates; without it, the deployment fails with `unset`. */
  readonly tf?: Check;
  /** Terraform: what the created stage lacks, since nothing can set it, and what to declare instead. */
  readonly unset?: string;
}

const creating =
  (name: string, judge: Check): Check =>
  (d, ctx) =>
    isPresent(ctx.graph, d, name)
      ? judge(d, ctx)
      : pass(
          `${name} is not set: the deployment creates no stage (its stages are declared and judged on their own)`,
          name,
        );

export function deploymentStageChecks(d: DeploymentStage): Readonly<Record<string, Check>> {
  const tf: Check =
    d.tf ??
    (() =>
      fail(
        `stage_name makes the deployment create a stage that no aws_api_gateway_stage declares, and ${d.unset ?? 'nothing sets it'}`,
        'stage_name',
      ));
  return {
    'AWS::ApiGateway::Deployment': creating('StageName', d.cfn),
    aws_api_gateway_deployment: creating('stage_name', tf),
  };
}
