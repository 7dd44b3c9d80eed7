import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import type { Resolved } from '../../../engine/resolved';
import { type Check, type CheckResult, type Equivalent, fail, pass, unknown } from '../../../engine/rule';
import { type Attachment, type CompanionSpec, companionIndex } from '../../shared/companion-index';
import { CFN_WAF_ASSOCIATION, STAGE_ARN_NAME, TF_WAF_ASSOCIATION } from '../../shared/companion-specs';
import { judgeWithCompanions, viaCompanion } from '../../shared/companions';
import { deploymentStageChecks } from '../../shared/deployment-stage';
import { describeResolved, isPresent, readString } from '../../shared/read';

/**
 * ZT-INFERENCE-005 on CloudFormation and Terraform aws_*: a REST API stage reachable from the
 * internet (REGIONAL or EDGE, the default) has a WAFv2 web ACL associated. A PRIVATE API is
 * reachable only through the VPC's execute-api endpoint, so there is no internet traffic to filter.
 * A deployment that creates its stage (StageName / stage_name) is judged as that stage: the same
 * property names, and an association naming the stage by its literal name on the API's ARN.
 */
interface StageFields {
  readonly api: string;
  /** The stage's name (a Stage's and a stage-creating Deployment's alike). */
  readonly name: string;
  readonly apiType: string;
  readonly types: string;
  readonly spec: CompanionSpec;
  readonly acl: string;
}

const CFN: StageFields = {
  api: 'RestApiId',
  name: 'StageName',
  apiType: 'AWS::ApiGateway::RestApi',
  types: 'EndpointConfiguration.Types',
  spec: CFN_WAF_ASSOCIATION,
  acl: 'WebACLArn',
};
const TF: StageFields = {
  api: 'rest_api_id',
  name: 'stage_name',
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

/** The text after the last reference of a composed value: where a literal stage name sits. */
function tail(v: Resolved): string | undefined {
  if (v.kind !== 'composed') return undefined;
  let out = '';
  for (let i = v.parts.length - 1; i >= 0; i--) {
    const p = v.parts[i];
    if (typeof p !== 'string') break;
    out = p + out;
  }
  return out;
}

/**
 * Associations on the stage's API whose ARN names the stage by its literal name
 * (`.../restapis/${Api}/stages/prod`), present ones first; a deployment-created stage can be named no other way.
 */
function namedOnApi(g: ResourceGraph, s: Resource, f: StageFields): Attachment[] {
  const api = g.value(s, f.api);
  const name = readString(g, s, f.name);
  if (api.kind !== 'reference' || name.kind !== 'value') return [];
  const out: Attachment[] = [];
  for (const a of companionIndex(g, f.spec).attached.get(api.to) ?? []) {
    const m = STAGE_ARN_NAME.exec(tail(g.value(a.companion, f.spec.targets[0])) ?? '');
    if (m && m[1] === name.value) out.push(a);
  }
  return out.sort((a, b) => Number(a.presence.kind !== 'present') - Number(b.presence.kind !== 'present'));
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
    // The web ACL is a required argument of the association: its presence is the association's.
    const judge = (c: Resource): CheckResult =>
      isPresent(graph, c, f.acl) || isPresent(graph, c, 'web_acl_id')
        ? pass('a WAFv2 web ACL is associated with the stage', f.acl)
        : fail(`names no ${f.acl}`, f.acl);
    return judgeWithCompanions(graph, s, {
      spec: f.spec,
      judge,
      inline: () => {
        const [named] = namedOnApi(graph, s, f);
        if (named) {
          const r = viaCompanion(named.companion, judge(named.companion));
          return named.presence.kind === 'present' || r.verdict !== 'pass'
            ? r
            : unknown(`${r.message}; but ${named.companion.address} ${named.presence.reason}`, r.path);
        }
        return e.kind === 'unknown'
          ? unknown(`no ${f.spec.type} covers the stage, and ${e.reason} (a PRIVATE API would need none)`, f.spec.type)
          : fail(
              `${e.detail} and no ${f.spec.type} covers the stage: internet traffic reaches the model API unfiltered`,
              f.spec.type,
            );
      },
    });
  };

export const awsChecks: Readonly<Record<string, Check>> = {
  'AWS::ApiGateway::Stage': stage(CFN),
  aws_api_gateway_stage: stage(TF),
  ...deploymentStageChecks({ cfn: stage(CFN), tf: stage(TF) }),
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
