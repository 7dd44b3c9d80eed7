import { apiAlarmsRule } from '../../../policies/rules/monitoring/zt-monitoring-004-api-alarms';
import { RuleCases, cfn, tf } from '../helpers';

const API = { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'models' } };
const STAGE = {
  Type: 'AWS::ApiGateway::Stage',
  Properties: { RestApiId: { Ref: 'Api' }, StageName: 'prod', DeploymentId: 'd' },
};
const alarm = (metricName: string, stage: unknown = { Ref: 'Stage' }) => ({
  Type: 'AWS::CloudWatch::Alarm',
  Properties: {
    Namespace: 'AWS/ApiGateway',
    MetricName: metricName,
    Dimensions: [
      { Name: 'ApiName', Value: 'models' },
      { Name: 'Stage', Value: stage },
    ],
    Statistic: 'Sum',
    Period: 300,
    EvaluationPeriods: 1,
    Threshold: 50,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
  },
});
const anomaly = {
  Type: 'AWS::CloudWatch::Alarm',
  Properties: {
    ComparisonOperator: 'GreaterThanUpperThreshold',
    EvaluationPeriods: 2,
    ThresholdMetricId: 'band',
    Metrics: [
      {
        Id: 'm1',
        MetricStat: {
          Metric: {
            Namespace: 'AWS/ApiGateway',
            MetricName: 'Count',
            Dimensions: [
              { Name: 'ApiName', Value: 'models' },
              { Name: 'Stage', Value: 'prod' },
            ],
          },
          Period: 300,
          Stat: 'Sum',
        },
      },
      { Id: 'band', Expression: 'ANOMALY_DETECTION_BAND(m1, 2)' },
    ],
  },
};
const tfStage = (alarms: Record<string, unknown>) =>
  tf({
    aws_api_gateway_stage: { s: { rest_api_id: 'api', deployment_id: 'd', stage_name: 'prod' } },
    ...(Object.keys(alarms).length > 0 ? { aws_cloudwatch_metric_alarm: alarms } : {}),
  });
const tfAlarm = (metric_name: string, stage: string) => ({
  alarm_name: metric_name,
  namespace: 'AWS/ApiGateway',
  metric_name,
  dimensions: { ApiName: 'models', Stage: stage },
  comparison_operator: 'GreaterThanOrEqualToThreshold',
  evaluation_periods: 1,
  threshold: 50,
  period: 300,
  statistic: 'Sum',
});
const apim = (alert?: Record<string, unknown>) =>
  tf({
    azurerm_api_management: {
      a: {
        name: 'a',
        location: 'x',
        resource_group_name: 'rg',
        publisher_name: 'p',
        publisher_email: 'p@x.io',
        sku_name: 'Developer_1',
      },
    },
    ...(alert ? { azurerm_monitor_metric_alert: { m: { name: 'm', resource_group_name: 'rg', ...alert } } } : {}),
  });

/** A REST deployment creating stage `prod` (or none, without a name) and the alarms given. */
const DEPLOYMENT = (props: Record<string, unknown> = { StageName: 'prod' }) => ({
  Type: 'AWS::ApiGateway::Deployment',
  Properties: { RestApiId: { Ref: 'Api' }, ...props },
});
const tfDeployment = (alarms: Record<string, unknown>) =>
  tf({
    aws_api_gateway_deployment: { d: { rest_api_id: 'api', stage_name: 'prod' } },
    ...(Object.keys(alarms).length > 0 ? { aws_cloudwatch_metric_alarm: alarms } : {}),
  });
const TD = 'aws_api_gateway_deployment.d';

export const cases: RuleCases = {
  rule: apiAlarmsRule,
  cases: [
    {
      name: 'stage with Count and 4XX alarms',
      doc: cfn({ Api: API, Stage: STAGE, Count: alarm('Count'), Errors: alarm('4XXError') }),
      address: 'Stage',
      verdict: 'pass',
    },
    {
      name: 'stage with an anomaly-band Count alarm and a 5XX alarm (literal stage name)',
      doc: cfn({ Api: API, Stage: STAGE, Count: anomaly, Errors: alarm('5XXError', 'prod') }),
      address: 'Stage',
      verdict: 'pass',
    },
    {
      name: 'stage without alarms',
      doc: cfn({ Api: API, Stage: STAGE }),
      address: 'Stage',
      verdict: 'fail',
      failingPaths: ['AWS::CloudWatch::Alarm', 'AWS::CloudWatch::Alarm'],
    },
    {
      name: 'stage with an error alarm only',
      doc: cfn({ Api: API, Stage: STAGE, Errors: alarm('4XXError') }),
      address: 'Stage',
      verdict: 'fail',
      message: /request-count/,
    },
    {
      name: 'alarm whose stage dimension is a parameter',
      doc: cfn(
        { Api: API, Stage: STAGE, Count: alarm('Count', { Ref: 'S' }) },
        { Parameters: { S: { Type: 'String' } } },
      ),
      address: 'Stage',
      verdict: 'unknown',
    },
    {
      name: 'aws_api_gateway_stage with Count and 5XX alarms',
      doc: tfStage({ c: tfAlarm('Count', '${aws_api_gateway_stage.s.stage_name}'), e: tfAlarm('5XXError', 'prod') }),
      address: 'aws_api_gateway_stage.s',
      verdict: 'pass',
    },
    {
      name: 'aws_api_gateway_stage whose alarms watch another stage',
      doc: tfStage({ c: tfAlarm('Count', 'dev'), e: tfAlarm('5XXError', 'dev') }),
      address: 'aws_api_gateway_stage.s',
      verdict: 'fail',
    },
    {
      name: 'aws_api_gateway_stage alarm stage from a variable',
      doc: tfStage({ c: tfAlarm('Count', '${var.stage}') }),
      address: 'aws_api_gateway_stage.s',
      verdict: 'unknown',
    },
    {
      name: 'API Management with a metric alert scoped to it',
      doc: apim({
        scopes: ['${azurerm_api_management.a.id}'],
        criteria: [
          {
            metric_namespace: 'Microsoft.ApiManagement/service',
            metric_name: 'Requests',
            aggregation: 'Total',
            operator: 'GreaterThan',
            threshold: 1000,
          },
        ],
      }),
      address: 'azurerm_api_management.a',
      verdict: 'pass',
    },
    {
      name: 'API Management whose only alert watches something else',
      doc: apim({ scopes: ['/subscriptions/x/other'] }),
      address: 'azurerm_api_management.a',
      verdict: 'fail',
    },
    { name: 'deployment creating no stage', doc: cfn({ Api: API, D: DEPLOYMENT({}) }), address: 'D', verdict: 'pass' },
    {
      name: 'deployment creating stage prod, alarms naming prod',
      doc: cfn({ Api: API, D: DEPLOYMENT(), Count: alarm('Count', 'prod'), Errors: alarm('4XXError', 'prod') }),
      address: 'D',
      verdict: 'pass',
    },
    {
      name: 'deployment creating stage prod, alarms on the deployment id (Ref is not the stage name)',
      doc: cfn({
        Api: API,
        D: DEPLOYMENT(),
        Count: alarm('Count', { Ref: 'D' }),
        Errors: alarm('4XXError', { Ref: 'D' }),
      }),
      address: 'D',
      verdict: 'fail',
      failingPaths: ['AWS::CloudWatch::Alarm', 'AWS::CloudWatch::Alarm'],
    },
    {
      name: 'aws_api_gateway_deployment with alarms on its stage_name',
      doc: tfDeployment({
        c: tfAlarm('Count', '${aws_api_gateway_deployment.d.stage_name}'),
        e: tfAlarm('5XXError', '${aws_api_gateway_deployment.d.stage_name}'),
      }),
      address: TD,
      verdict: 'pass',
    },
    {
      name: 'aws_api_gateway_deployment with alarms on its id',
      doc: tfDeployment({
        c: tfAlarm('Count', '${aws_api_gateway_deployment.d.id}'),
        e: tfAlarm('5XXError', '${aws_api_gateway_deployment.d.id}'),
      }),
      address: TD,
      verdict: 'fail',
    },
    { name: 'aws_api_gateway_deployment without alarms', doc: tfDeployment({}), address: TD, verdict: 'fail' },
  ],
};
