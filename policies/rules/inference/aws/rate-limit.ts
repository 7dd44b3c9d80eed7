import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type Check, type CheckResult, type Equivalent, fail, pass } from '../../../engine/rule';
import { eachOf } from '../../shared/combine';
import { type CompanionSpec, companionIndex } from '../../shared/companion-index';
import { CFN_USAGE_PLAN_KEY, TF_METHOD_SETTINGS, TF_USAGE_PLAN_KEY } from '../../shared/companion-specs';
import { judgeWithCompanions } from '../../shared/companions';
import { deploymentStageChecks } from '../../shared/deployment-stage';
import { isTrue, judgeSetting } from '../../shared/expect';
import { isPresent, joinPath, listLength, readNumber, readString, unknownAt } from '../../shared/read';
import { quickCreated } from './quick-create';

/**
 * ZT-INFERENCE-003 on CloudFormation and Terraform aws_*: callers are metered by API key. A
 * usage plan throttles and caps (quota) each key and has keys bound to it; every method requires
 * a key (CORS preflight aside); every stage throttles all methods, so no caller gets the account's
 * 10,000 requests per second. HTTP and WebSocket API (v2) stages throttle their default route; v2
 * APIs have no per-key usage plans to judge, so for them only the stage limit is checked.
 */
interface PlanFields {
  readonly throttle: string;
  readonly rate: string;
  readonly burst: string;
  readonly quota: string;
  readonly limit: string;
  readonly period: string;
  readonly keys: CompanionSpec;
}

const CFN_PLAN: PlanFields = {
  throttle: 'Throttle',
  rate: 'RateLimit',
  burst: 'BurstLimit',
  quota: 'Quota',
  limit: 'Limit',
  period: 'Period',
  keys: CFN_USAGE_PLAN_KEY,
};
const TF_PLAN: PlanFields = {
  throttle: 'throttle_settings',
  rate: 'rate_limit',
  burst: 'burst_limit',
  quota: 'quota_settings',
  limit: 'limit',
  period: 'period',
  keys: TF_USAGE_PLAN_KEY,
};

function both(g: ResourceGraph, res: Resource, block: string, fields: readonly string[], risk: string): CheckResult {
  const missing = fields.map((f) => joinPath(block, f)).filter((p) => !isPresent(g, res, p));
  if (missing.length === 0) return pass(`${block} sets ${fields.join(' and ')}`, block);
  return fail(`${missing.join(', ')} not set: ${risk}`, missing[0]);
}

const usagePlan =
  (f: PlanFields): Check =>
  (plan, { graph }) =>
    eachOf([
      both(graph, plan, f.throttle, [f.rate, f.burst], 'a key may call as fast as the stage allows'),
      both(graph, plan, f.quota, [f.limit, f.period], 'a key may sample the model without limit (model extraction)'),
      ...judgeWithCompanions(graph, plan, {
        spec: f.keys,
        judge: () => pass('an API key is bound to the plan'),
        inline: () =>
          fail(`no ${f.keys.type} binds an API key to the plan, so no caller is metered by it`, f.keys.type),
      }),
    ]);

const keyRequired =
  (flag: string, methodPath: string): Check =>
  (m, { graph }) => {
    const verb = readString(graph, m, methodPath);
    if (verb.kind === 'value' && verb.value.toUpperCase() === 'OPTIONS')
      return pass('a CORS preflight (OPTIONS) method needs no API key', flag);
    return judgeSetting(
      graph,
      m,
      isTrue(flag, { providerDefault: false, risk: 'calls are not tied to a metered API key' }),
    );
  };

/**
 * CFN stage: a MethodSettings entry (the list at `list`) for every method (/* and *) with both
 * throttling limits; `also` names what else could have set them, for the failure.
 */
const cfnMethods =
  (list: string, also = ''): Check =>
  (s, { graph }) => {
    const n = listLength(graph, s, list);
    if (n.kind === 'unknown') return unknownAt(list, n.reason);
    for (let i = 0; n.kind === 'value' && i < n.value; i++) {
      const at = joinPath(list, i);
      const path = readString(graph, s, joinPath(at, 'ResourcePath'));
      const verb = readString(graph, s, joinPath(at, 'HttpMethod'));
      if (path.kind === 'unknown' || verb.kind === 'unknown')
        return unknownAt(at, 'its ResourcePath or HttpMethod is unresolved');
      if (path.kind !== 'value' || path.value !== '/*' || verb.kind !== 'value' || verb.value !== '*') continue;
      return both(graph, s, at, CFN_LIMITS, 'the stage falls back to the account-wide limit');
    }
    return fail(
      `no ${list} entry (ResourcePath "/*", HttpMethod "*") throttles every method${also}: the account-wide limit applies`,
      list,
    );
  };

const CFN_LIMITS = ['ThrottlingRateLimit', 'ThrottlingBurstLimit'];
const DESCRIPTION = 'StageDescription';
const describedMethods = cfnMethods(
  joinPath(DESCRIPTION, 'MethodSettings'),
  ` and ${DESCRIPTION} sets no stage-wide ThrottlingRateLimit / ThrottlingBurstLimit`,
);

/** The stage a CFN deployment creates: StageDescription's stage-wide limits, else a "/*" "*" method setting. */
const cfnDeployment: Check = (d, ctx) =>
  CFN_LIMITS.some((l) => isPresent(ctx.graph, d, joinPath(DESCRIPTION, l)))
    ? both(ctx.graph, d, DESCRIPTION, CFN_LIMITS, 'the stage falls back to the account-wide limit')
    : describedMethods(d, ctx);

/** Terraform stage: an aws_api_gateway_method_settings for "*\/*" with both throttling limits (-1 means none). */
const tfStage: Check = (s, { graph }) => {
  const settings = (companionIndex(graph, TF_METHOD_SETTINGS).attached.get(s) ?? []).map((a) => a.companion);
  for (const ms of settings) {
    const path = readString(graph, ms, 'method_path');
    if (path.kind === 'unknown') return unknownAt(`${ms.address}.method_path`, path.reason);
    if (path.kind !== 'value' || path.value !== '*/*') continue;
    const limits = ['throttling_rate_limit', 'throttling_burst_limit'].map((f) => {
      const p = joinPath('settings', f);
      const v = readNumber(graph, ms, p);
      if (v.kind === 'unknown') return unknownAt(`${ms.address}.${p}`, v.reason);
      return v.kind === 'value' && v.value >= 0
        ? pass(`${ms.address}.${p} is ${v.value}`, `${ms.address}.${p}`)
        : fail(`${ms.address}.${p} is not set (-1): the account-wide limit applies`, `${ms.address}.${p}`);
    });
    return eachOf(limits);
  }
  return fail(
    `no ${TF_METHOD_SETTINGS.type} with method_path "*/*" throttles the stage: the account-wide limit applies`,
    TF_METHOD_SETTINGS.type,
  );
};

/**
 * HTTP / WebSocket API stage (CFN DefaultRouteSettings, Terraform default_route_settings): both
 * throttling limits set. Without them every route runs at the account-wide limit.
 */
const v2Stage =
  (block: string, fields: readonly [string, string]): Check =>
  (s, { graph }) =>
    eachOf(
      fields.map((f) => {
        const p = joinPath(block, f);
        const v = readNumber(graph, s, p);
        if (v.kind === 'unknown') return unknownAt(p, v.reason);
        return v.kind === 'value'
          ? pass(`${p} is ${v.value}`, p)
          : fail(`${p} is not set: every route of the stage runs at the account-wide limit`, p);
      }),
    );

const CFN_V2_LIMITS = ['ThrottlingRateLimit', 'ThrottlingBurstLimit'] as const;
const cfnV2Stage = v2Stage('DefaultRouteSettings', CFN_V2_LIMITS);
/** The managed $default stage of a quick-created HTTP API, as an overrides resource sets it. */
const overriddenStage = v2Stage('Stage.DefaultRouteSettings', CFN_V2_LIMITS);

export const awsChecks: Readonly<Record<string, Check>> = {
  'AWS::ApiGateway::UsagePlan': usagePlan(CFN_PLAN),
  aws_api_gateway_usage_plan: usagePlan(TF_PLAN),
  'AWS::ApiGateway::Method': keyRequired('ApiKeyRequired', 'HttpMethod'),
  aws_api_gateway_method: keyRequired('api_key_required', 'http_method'),
  'AWS::ApiGateway::Stage': cfnMethods('MethodSettings'),
  aws_api_gateway_stage: tfStage,
  'AWS::ApiGatewayV2::Stage': cfnV2Stage,
  aws_apigatewayv2_stage: v2Stage('default_route_settings', ['throttling_rate_limit', 'throttling_burst_limit']),
  'AWS::ApiGatewayV2::Api': quickCreated({
    target: 'Target',
    unset:
      'its stage sets no throttling limit, so every call runs at the account-wide limit; set Stage.DefaultRouteSettings ThrottlingRateLimit and ThrottlingBurstLimit in an AWS::ApiGatewayV2::ApiGatewayManagedOverrides, or declare the stage',
    overrides: (graph, o) => overriddenStage(o, { graph }),
  }),
  aws_apigatewayv2_api: quickCreated({
    target: 'target',
    unset:
      'its stage sets no throttling limit, so every call runs at the account-wide limit; declare an aws_apigatewayv2_stage with default_route_settings instead',
  }),
  // Terraform method settings may name the deployment's stage (stage_name = the deployment's): judged as a stage's.
  ...deploymentStageChecks({ cfn: cfnDeployment, tf: tfStage }),
};

export const awsEquivalents: readonly Equivalent[] = [];
