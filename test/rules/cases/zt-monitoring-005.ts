import { alarmActionsRule } from '../../../policies/rules/monitoring/zt-monitoring-005-alarm-actions';
import { RuleCases, cfn, tf } from '../helpers';

const TOPIC = { Topic: { Type: 'AWS::SNS::Topic', Properties: {} } };
const alarm = (props: Record<string, unknown>, type = 'AWS::CloudWatch::Alarm', extra: Record<string, unknown> = {}) =>
  cfn({ ...TOPIC, Al: { Type: type, Properties: { Threshold: 1, ...props } } }, extra);
const toTopic = { AlarmActions: [{ Ref: 'Topic' }] };
const tfAlarm = (type: string, args: Record<string, unknown>) =>
  tf({ aws_sns_topic: { t: {} }, [type]: { a: { alarm_name: 'a', ...args } } });
const az = (type: string, args: Record<string, unknown>) =>
  tf({
    azurerm_monitor_action_group: { g: { name: 'g', resource_group_name: 'rg', short_name: 'g' } },
    [type]: { a: { name: 'a', resource_group_name: 'rg', scopes: ['/subscriptions/s'], ...args } },
  });
const GROUP = '${azurerm_monitor_action_group.g.id}';

export const cases: RuleCases = {
  rule: alarmActionsRule,
  cases: [
    { name: 'alarm notifying an SNS topic', doc: alarm(toTopic), address: 'Al', verdict: 'pass' },
    { name: 'alarm without actions', doc: alarm({}), address: 'Al', verdict: 'fail', path: 'AlarmActions' },
    {
      name: 'alarm with only an OK action',
      doc: alarm({ OKActions: [{ Ref: 'Topic' }] }),
      address: 'Al',
      verdict: 'fail',
      path: 'AlarmActions',
    },
    {
      name: 'alarm with its actions disabled',
      doc: alarm({ ...toTopic, ActionsEnabled: false }),
      address: 'Al',
      verdict: 'fail',
      path: 'ActionsEnabled',
    },
    {
      name: 'alarm actions from a parameter',
      doc: alarm({ AlarmActions: { Ref: 'Topics' } }, 'AWS::CloudWatch::Alarm', {
        Parameters: { Topics: { Type: 'CommaDelimitedList' } },
      }),
      address: 'Al',
      verdict: 'unknown',
      path: 'AlarmActions',
    },
    {
      name: 'composite alarm notifying a topic',
      doc: alarm({ ...toTopic, AlarmRule: 'ALARM(a)' }, 'AWS::CloudWatch::CompositeAlarm'),
      address: 'Al',
      verdict: 'pass',
    },
    {
      name: 'composite alarm without actions',
      doc: alarm({ AlarmRule: 'ALARM(a)' }, 'AWS::CloudWatch::CompositeAlarm'),
      address: 'Al',
      verdict: 'fail',
      path: 'AlarmActions',
    },
    {
      name: 'aws_cloudwatch_metric_alarm notifying a topic',
      doc: tfAlarm('aws_cloudwatch_metric_alarm', { alarm_actions: ['${aws_sns_topic.t.arn}'] }),
      address: 'aws_cloudwatch_metric_alarm.a',
      verdict: 'pass',
    },
    {
      name: 'aws_cloudwatch_metric_alarm without alarm_actions',
      doc: tfAlarm('aws_cloudwatch_metric_alarm', {}),
      address: 'aws_cloudwatch_metric_alarm.a',
      verdict: 'fail',
      path: 'alarm_actions',
    },
    {
      name: 'aws_cloudwatch_metric_alarm actions from a variable',
      doc: tfAlarm('aws_cloudwatch_metric_alarm', { alarm_actions: '${var.topics}' }),
      address: 'aws_cloudwatch_metric_alarm.a',
      verdict: 'unknown',
    },
    {
      name: 'aws_cloudwatch_composite_alarm notifying a topic',
      doc: tfAlarm('aws_cloudwatch_composite_alarm', { alarm_actions: ['${aws_sns_topic.t.arn}'], alarm_rule: 'x' }),
      address: 'aws_cloudwatch_composite_alarm.a',
      verdict: 'pass',
    },
    {
      name: 'aws_cloudwatch_composite_alarm with actions disabled',
      doc: tfAlarm('aws_cloudwatch_composite_alarm', {
        alarm_actions: ['${aws_sns_topic.t.arn}'],
        actions_enabled: false,
      }),
      address: 'aws_cloudwatch_composite_alarm.a',
      verdict: 'fail',
      path: 'actions_enabled',
    },
    {
      name: 'metric alert with an action group',
      doc: az('azurerm_monitor_metric_alert', { action: [{ action_group_id: GROUP }] }),
      address: 'azurerm_monitor_metric_alert.a',
      verdict: 'pass',
    },
    {
      name: 'metric alert without an action',
      doc: az('azurerm_monitor_metric_alert', {}),
      address: 'azurerm_monitor_metric_alert.a',
      verdict: 'fail',
      path: 'action',
    },
    {
      name: 'metric alert disabled',
      doc: az('azurerm_monitor_metric_alert', { action: { action_group_id: GROUP }, enabled: false }),
      address: 'azurerm_monitor_metric_alert.a',
      verdict: 'fail',
      path: 'enabled',
    },
    {
      name: 'metric alert actions from a dynamic list',
      doc: az('azurerm_monitor_metric_alert', { action: '${var.actions}' }),
      address: 'azurerm_monitor_metric_alert.a',
      verdict: 'unknown',
    },
    {
      name: 'activity log alert with an action group',
      doc: az('azurerm_monitor_activity_log_alert', { action: { action_group_id: GROUP }, location: 'global' }),
      address: 'azurerm_monitor_activity_log_alert.a',
      verdict: 'pass',
    },
    {
      name: 'activity log alert whose action names no group',
      doc: az('azurerm_monitor_activity_log_alert', { action: [{ webhook_properties: {} }], location: 'global' }),
      address: 'azurerm_monitor_activity_log_alert.a',
      verdict: 'fail',
      path: 'action.0',
    },
    {
      name: 'scheduled query rule with an action group',
      doc: az('azurerm_monitor_scheduled_query_rules_alert_v2', { action: { action_groups: [GROUP] } }),
      address: 'azurerm_monitor_scheduled_query_rules_alert_v2.a',
      verdict: 'pass',
    },
    {
      name: 'scheduled query rule without action groups',
      doc: az('azurerm_monitor_scheduled_query_rules_alert_v2', {}),
      address: 'azurerm_monitor_scheduled_query_rules_alert_v2.a',
      verdict: 'fail',
      path: 'action.action_groups',
    },
    {
      name: 'scheduled query rule enabled from a variable',
      doc: az('azurerm_monitor_scheduled_query_rules_alert_v2', {
        action: { action_groups: [GROUP] },
        enabled: '${var.on}',
      }),
      address: 'azurerm_monitor_scheduled_query_rules_alert_v2.a',
      verdict: 'unknown',
    },
  ],
};
