import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type Check, type CheckResult, type Equivalent, fail, pass, unknown } from '../../../engine/rule';
import type { CompanionSpec } from '../../shared/companion-index';
import { CFN_WAF_ASSOCIATION, TF_WAF_ASSOCIATION } from '../../shared/companion-specs';
import { judgeWithCompanions } from '../../shared/companions';
import { describeResolved, isPresent } from '../../shared/read';

/**
 * ZT-INFERENCE-005 on CloudFormation and Terraform aws_*: a REST API stage reachable from the
 * internet (REGIONAL or EDGE, the default) has a WAFv2 web ACL associated. A PRIVATE API is
 * reachable only through the VPC's execute-api endpoint, so there is no internet traffic to filter.
 */
interface StageFields {
  readonly api: string;
  readonly apiType: string;
  readonly types: string;
  readonly spec: CompanionSpec;
  readonly acl: string;
}

const CFN: StageFields = {
  api: 'RestApiId',
  apiType: 'AWS::ApiGateway::RestApi',
  types: 'EndpointConfiguration.Types',
  spec: CFN_WAF_ASSOCIATION,
  acl: 'WebACLArn',
};
const TF: StageFields = {
  api: 'rest_api_id',
  apiType: 'aws_api_gateway_rest_api',
  types: 'endpoint_configuration.types',
  spec: TF_WAF_ASSOCIATION,
  acl: 'web_acl_arn',
};

type Exposure =
  | { readonly kind: 'private' | 'public'; readonly detail: string }
  | { readonly kind: 'unknown'; readonly reason: string };

/** The API's endpoint type (EDGE when absent). */
function exposure(g: ResourceGraph, stage: Resource, f: StageFields): Exposure {
  const api = g.value(stage, f.api);
  if (api.kind !== 'reference' || api.to.type !== f.apiType)
    return {
      kind: 'unknown',
      reason: `${f.api} does not name a ${f.apiType} in this configuration, so its endpoint type is unknown`,
    };
  const types = g.value(api.to, f.types);
  if (types.kind === 'absent') return { kind: 'public', detail: `${api.to.address} has the default EDGE endpoint` };
  const list = types.kind === 'literal' ? (Array.isArray(types.value) ? types.value : [types.value]) : undefined;
  if (!list || list.some((t) => typeof t !== 'string'))
    return {
      kind: 'unknown',
      reason: `${api.to.address}.${f.types} cannot be decided at synth time: ${describeResolved(types)}`,
    };
  if (list.length > 0 && list.every((t) => t === 'PRIVATE'))
    return { kind: 'private', detail: `${api.to.address} is a PRIVATE API` };
  return { kind: 'public', detail: `${api.to.address} has a ${list.join(' / ') || 'EDGE'} endpoint` };
}

const stage =
  (f: StageFields): Check =>
  (s, { graph }) => {
    const e = exposure(graph, s, f);
    if (e.kind === 'private')
      return pass(
        `${e.detail}: reachable only through the VPC's execute-api endpoint, so no internet traffic reaches it`,
        f.api,
      );
    return judgeWithCompanions(graph, s, {
      spec: f.spec,
      // The web ACL is a required argument of the association: its presence is the association's.
      judge: (c): CheckResult =>
        isPresent(graph, c, f.acl) || isPresent(graph, c, 'web_acl_id')
          ? pass('a WAFv2 web ACL is associated with the stage', f.acl)
          : fail(`names no ${f.acl}`, f.acl),
      inline: () =>
        e.kind === 'unknown'
          ? unknown(`no ${f.spec.type} covers the stage, and ${e.reason} (a PRIVATE API would need none)`, f.spec.type)
          : fail(
              `${e.detail} and no ${f.spec.type} covers the stage: internet traffic reaches the model API unfiltered`,
              f.spec.type,
            ),
    });
  };

export const awsChecks: Readonly<Record<string, Check>> = {
  'AWS::ApiGateway::Stage': stage(CFN),
  aws_api_gateway_stage: stage(TF),
};

export const awsEquivalents: readonly Equivalent[] = [
  {
    tool: 'checkov',
    id: 'CKV2_AWS_29',
    resourceTypes: ['aws_api_gateway_stage'],
    differences: [
      {
        resource: 'aws_api_gateway_stage.regional',
        reason:
          'only a WAF Classic (aws_wafregional_web_acl_association) covers it: WAF Classic reached end of support, we require WAFv2',
      },
      {
        resource: 'aws_api_gateway_stage.no_api',
        reason: 'its REST API is not in the fixture, so whether it is PRIVATE (needing no WAF) is unknown',
      },
    ],
  },
  { tool: 'cdk-nag', id: 'AwsSolutions-APIG3', resourceTypes: ['AWS::ApiGateway::Stage'] },
  { tool: 'cdk-nag', id: 'NIST.800.53.R5-APIGWAssociatedWithWAF', resourceTypes: ['AWS::ApiGateway::Stage'] },
];
