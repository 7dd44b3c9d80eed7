import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type Check, type CheckResult, fail, pass } from '../../../engine/rule';
import type { CompanionSpec } from '../../shared/companion-index';
import { judgeWithCompanions } from '../../shared/companions';
import { isPresent } from '../../shared/read';

/**
 * HTTP API quick create (CloudFormation AWS::ApiGatewayV2::Api `Target`, Terraform
 * aws_apigatewayv2_api `target`): API Gateway makes a `$default` route and an auto-deployed
 * `$default` stage that no template declares, so the route and stage checks never see them. Each
 * inference rule that judges routes or stages therefore judges a quick-created API on the Api
 * itself: by what an AWS::ApiGatewayV2::ApiGatewayManagedOverrides sets for those managed
 * resources (CloudFormation only; Terraform has no such resource), else as not set.
 */
export const CFN_MANAGED_OVERRIDES: CompanionSpec = {
  type: 'AWS::ApiGatewayV2::ApiGatewayManagedOverrides',
  targets: ['ApiId'],
};

export interface QuickCreate {
  readonly target: string;
  /** What the managed route or stage lacks when nothing sets it, and what to do instead. */
  readonly unset: string;
  /** Judges an overrides resource of the API (CloudFormation); paths are the override's own. */
  readonly overrides?: (g: ResourceGraph, o: Resource) => CheckResult | readonly CheckResult[];
}

export const quickCreated =
  (q: QuickCreate): Check =>
  (api, { graph }) => {
    if (!isPresent(graph, api, q.target))
      return pass(
        `${q.target} is not set: no quick create, so the route and stage are declared and judged on their own`,
        q.target,
      );
    const unset = (): CheckResult =>
      fail(`${q.target} quick-creates a $default route and stage that no resource declares: ${q.unset}`, q.target);
    const judge = q.overrides;
    if (!judge) return unset();
    return judgeWithCompanions(graph, api, {
      spec: CFN_MANAGED_OVERRIDES,
      judge: (o) => judge(graph, o),
      inline: unset,
    });
  };
