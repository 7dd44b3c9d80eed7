import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import type { Resolved } from '../../engine/resolved';
import { type Check, type CheckResult, Rule, fail, pass, unknown } from '../../engine/rule';
import { deploymentStageChecks } from '../shared/deployment-stage';
import { listLength, readString } from '../shared/read';

/**
 * Stack-level: every public API has alarms on the extraction signals. An API Gateway stage needs a
 * request-count alarm (static or anomaly band) and an error alarm (4XX or 5XX) whose AWS/ApiGateway
 * metric names the stage (Stage dimension); an API Management instance needs a metric or scheduled-
 * query alert scoped to it (or whose query names it).
 */
type Kind = 'count' | 'errors';
const KIND: Record<string, Kind> = { Count: 'count', '4XXError': 'errors', '5XXError': 'errors' };

interface AlarmShape {
  readonly type: string;
  /** Paths (relative to the alarm) of each metric it reads: namespace, metric name, dimensions. */
  readonly metrics: (g: ResourceGraph, a: Resource) => { ns: string; name: string; dims: string }[];
  /** How a dimension is read: [name, value path] pairs under the dimensions path. */
  readonly dimension: (g: ResourceGraph, a: Resource, dims: string, key: string) => Resolved;
}

const n = (g: ResourceGraph, r: Resource, p: string) => {
  const l = listLength(g, r, p);
  return l.kind === 'value' ? l.value : 0;
};

const CFN_ALARM: AlarmShape = {
  type: 'AWS::CloudWatch::Alarm',
  metrics: (g, a) => [
    { ns: 'Namespace', name: 'MetricName', dims: 'Dimensions' },
    ...Array.from({ length: n(g, a, 'Metrics') }, (_, i) => {
      const m = `Metrics.${i}.MetricStat.Metric`;
      return { ns: `${m}.Namespace`, name: `${m}.MetricName`, dims: `${m}.Dimensions` };
    }),
  ],
  dimension: (g, a, dims, key) => {
    for (let i = 0; i < n(g, a, dims); i++) {
      const name = readString(g, a, `${dims}.${i}.Name`);
      if (name.kind === 'value' && name.value === key) return g.value(a, `${dims}.${i}.Value`);
    }
    return { kind: 'absent' };
  },
};

const TF_ALARM: AlarmShape = {
  type: 'aws_cloudwatch_metric_alarm',
  metrics: (g, a) => [
    { ns: 'namespace', name: 'metric_name', dims: 'dimensions' },
    ...Array.from({ length: n(g, a, 'metric_query') }, (_, i) => {
      const m = `metric_query.${i}.metric.0`;
      return { ns: `${m}.namespace`, name: `${m}.metric_name`, dims: `${m}.dimensions` };
    }),
  ],
  dimension: (g, a, dims, key) => g.value(a, `${dims}.${key}`),
};

const DEPLOYMENTS = new Set(['AWS::ApiGateway::Deployment', 'aws_api_gateway_deployment']);

/**
 * A reference names the stage when it is the stage (a Stage's Ref is its name) or, for a deployment
 * creating its stage, its stage_name: a deployment's Ref / id is the deployment, not the stage.
 */
const refNames = (r: Resolved, stage: Resource): boolean =>
  r.kind === 'reference' && r.to === stage && (!DEPLOYMENTS.has(stage.type) || r.attribute === 'stage_name');

/** Does a dimension value name the stage? yes / no / unknown (with the reason). */
function namesStage(v: Resolved, stage: Resource, stageName: string | undefined): boolean | string {
  switch (v.kind) {
    case 'literal':
      return typeof v.value === 'string' && v.value === stageName;
    case 'reference':
      return refNames(v, stage);
    case 'composed':
      return v.parts.some((p) => typeof p !== 'string' && refNames(p, stage));
    case 'unknown':
      return v.reason;
    default:
      return false;
  }
}

const stageCheck =
  (shape: AlarmShape, stageNameProp: string): Check =>
  (stage, { graph }) => {
    const sn = readString(graph, stage, stageNameProp);
    const stageName = sn.kind === 'value' ? sn.value : undefined;
    const found = new Set<Kind>();
    let undecided: string | undefined;
    for (const alarm of graph.sameDeployment(stage, shape.type)) {
      for (const m of shape.metrics(graph, alarm)) {
        const ns = readString(graph, alarm, m.ns);
        const name = readString(graph, alarm, m.name);
        if (ns.kind !== 'value' || ns.value !== 'AWS/ApiGateway' || name.kind !== 'value') continue;
        const kind = KIND[name.value];
        if (!kind) continue;
        const hit = namesStage(shape.dimension(graph, alarm, m.dims, 'Stage'), stage, stageName);
        if (hit === true) found.add(kind);
        else if (typeof hit === 'string') undecided ??= `${alarm.address}: ${hit}`;
      }
    }
    const results: CheckResult[] = [];
    for (const [kind, what] of [
      ['count', 'a request-count (Count) alarm, static or anomaly band'],
      ['errors', 'an error (4XXError / 5XXError) alarm'],
    ] as const) {
      if (found.has(kind)) results.push(pass(`${what} watches this stage`, shape.type));
      else if (undecided)
        results.push(
          unknown(`which stage an alarm watches cannot be decided at synth time (${undecided})`, shape.type),
        );
      else
        results.push(
          fail(`no ${shape.type} is ${what} on this stage: scraping or key probing goes unnoticed`, shape.type),
        );
    }
    const bad = results.filter((r) => r.verdict !== 'pass');
    return bad.length > 0 ? bad : [pass('request-count and error alarms watch this stage', shape.type)];
  };

const AZURE_ALERTS = ['azurerm_monitor_metric_alert', 'azurerm_monitor_scheduled_query_rules_alert_v2'];

/** An alert is scoped to the instance when any of its values references it (scopes, or the query). */
const apim: Check = (api, { graph }) => {
  for (const type of AZURE_ALERTS) {
    for (const alert of graph.sameDeployment(api, type)) {
      if (graph.referencesFrom(alert).some((r) => r.to === api))
        return pass(`${alert.address} alerts on this instance`, type);
    }
  }
  return fail(
    'no azurerm_monitor_metric_alert or azurerm_monitor_scheduled_query_rules_alert_v2 is scoped to this API Management instance',
    'azurerm_monitor_metric_alert',
  );
};

export const apiAlarmsRule: Rule = {
  id: 'ZT-MONITORING-004',
  title: 'Every public API has alarms for the extraction signals',
  severity: 'medium',
  layer: 'monitoring',
  rationale:
    'Model extraction and membership inference work by querying at scale; credential stuffing shows as 401/4XX ' +
    'bursts. Throttling slows them down, but only an alarm makes a person look. An API without request-count and ' +
    'error alarms is abused silently.',
  remediation:
    'AWS: AWS::CloudWatch::Alarm / aws_cloudwatch_metric_alarm on AWS/ApiGateway Count (anomaly band: ' +
    'addApiGatewayAlarms) and 4XXError or 5XXError, with dimensions ApiName and Stage naming the stage. Azure: an ' +
    'azurerm_monitor_metric_alert or azurerm_monitor_scheduled_query_rules_alert_v2 scoped to the ' +
    'azurerm_api_management (addApimAlerts: 429 and 401 spikes).',
  controls: [
    { framework: 'NIST-800-53', id: 'SI-4' },
    { framework: 'NIST-800-53', id: 'AU-6' },
    { framework: 'SOC2', id: 'CC7.2' },
    { framework: 'SOC2', id: 'CC7.3' },
    { framework: 'ISO-27001', id: 'A.8.16' },
  ],
  equivalents: [],
  reads: ['AWS::CloudWatch::Alarm', 'aws_cloudwatch_metric_alarm', ...AZURE_ALERTS],
  checks: {
    'AWS::ApiGateway::Stage': stageCheck(CFN_ALARM, 'StageName'),
    aws_api_gateway_stage: stageCheck(TF_ALARM, 'stage_name'),
    ...deploymentStageChecks({ cfn: stageCheck(CFN_ALARM, 'StageName'), tf: stageCheck(TF_ALARM, 'stage_name') }),
    azurerm_api_management: apim,
  },
};
