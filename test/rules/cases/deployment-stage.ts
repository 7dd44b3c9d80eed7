import type { RuleCase } from '../helpers';
import { cfn, tf } from '../helpers';

/**
 * The cases every REST stage rule shares for a deployment that creates its stage (CFN StageName +
 * StageDescription, Terraform stage_name): judged as that stage, by its StageDescription.
 */
export interface DeploymentStageSetting {
  /** What the rule is about, for case names: "throttling", "access logs". */
  readonly what: string;
  /** StageDescription properties that comply. */
  readonly compliant: Record<string, unknown>;
  /** StageDescription properties that do not, and the failing path they give. */
  readonly lacking: Record<string, unknown>;
  readonly lackingPath: string;
  /** The verdict and path of a StageName without any StageDescription. @default fail at lackingPath */
  readonly bare?: { readonly verdict: 'pass' | 'fail'; readonly path?: string };
  /** Other resources of the CFN template (the API the rule reads, say). */
  readonly around?: Record<string, unknown>;
  /** Terraform: the verdict of a deployment with stage_name and nothing else. @default fail at stage_name */
  readonly tfBare?: { readonly verdict: 'pass' | 'fail'; readonly path?: string };
  /** Other resources of the Terraform configuration. */
  readonly tfAround?: Record<string, Record<string, unknown>>;
}

const API = { Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'inference' } } };

const deployment = (s: DeploymentStageSetting, props: Record<string, unknown>) =>
  cfn({
    ...API,
    ...s.around,
    D: { Type: 'AWS::ApiGateway::Deployment', Properties: { RestApiId: { Ref: 'Api' }, ...props } },
  });
const tfDeployment = (s: DeploymentStageSetting, body: Record<string, unknown>) =>
  tf({
    aws_api_gateway_rest_api: { api: { name: 'inference' } },
    ...s.tfAround,
    aws_api_gateway_deployment: { d: { rest_api_id: '${aws_api_gateway_rest_api.api.id}', ...body } },
  });

export function deploymentStageCases(s: DeploymentStageSetting): RuleCase[] {
  const bare = s.bare ?? { verdict: 'fail', path: s.lackingPath };
  const tfBare = s.tfBare ?? { verdict: 'fail', path: 'stage_name' };
  return [
    { name: 'REST deployment creating no stage', doc: deployment(s, {}), address: 'D', verdict: 'pass' },
    {
      name: `REST deployment creating its stage with no StageDescription (${s.what})`,
      doc: deployment(s, { StageName: 'prod' }),
      address: 'D',
      ...bare,
    },
    {
      name: `REST deployment whose StageDescription sets its ${s.what}`,
      doc: deployment(s, { StageName: 'prod', StageDescription: s.compliant }),
      address: 'D',
      verdict: 'pass',
    },
    {
      name: `REST deployment whose StageDescription leaves out its ${s.what}`,
      doc: deployment(s, { StageName: 'prod', StageDescription: s.lacking }),
      address: 'D',
      verdict: 'fail',
      path: s.lackingPath,
    },
    {
      name: 'tf REST deployment creating no stage',
      doc: tfDeployment(s, {}),
      address: 'aws_api_gateway_deployment.d',
      verdict: 'pass',
    },
    {
      name: `tf REST deployment creating its stage (stage_name): ${s.what}`,
      doc: tfDeployment(s, { stage_name: 'prod' }),
      address: 'aws_api_gateway_deployment.d',
      ...tfBare,
    },
  ];
}

/** A Terraform deployment creating stage "prod", and "*\/*" method settings naming that stage. */
export const tfDeploymentWithSettings = (settings: Record<string, unknown>) =>
  tf({
    aws_api_gateway_rest_api: { api: { name: 'inference' } },
    aws_api_gateway_deployment: { d: { rest_api_id: '${aws_api_gateway_rest_api.api.id}', stage_name: 'prod' } },
    aws_api_gateway_method_settings: {
      ms: {
        rest_api_id: '${aws_api_gateway_rest_api.api.id}',
        stage_name: '${aws_api_gateway_deployment.d.stage_name}',
        method_path: '*/*',
        settings: [settings],
      },
    },
  });
