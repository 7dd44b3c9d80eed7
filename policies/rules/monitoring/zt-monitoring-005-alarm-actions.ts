import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, Rule, fail, pass } from '../../engine/rule';
import { eachOf } from '../shared/combine';
import { isTrue, judgeSetting } from '../shared/expect';
import { nagEquivalents } from '../shared/nag-equivalents';
import { eachListed, isPresent, listLength, unknownAt } from '../shared/read';

/**
 * An alarm that notifies no one is a dashboard, not detection: the anomaly monitors (bulk reads,
 * unauthorized jobs, key deletion, token spikes) only shorten an incident when they page someone.
 * Each alarm needs an action when it fires, and its actions on. OK and insufficient-data actions do
 * not count: they tell no one that the alarm fired.
 */
const NO_ONE = 'the alarm fires without telling anyone; ';

function actionsListed(g: ResourceGraph, res: Resource, path: string, fix: string): CheckResult {
  const n = listLength(g, res, path);
  if (n.kind === 'unknown') return unknownAt(path, n.reason);
  return n.kind === 'value' && n.value > 0
    ? pass(`${path} lists ${n.value} action(s)`, path)
    : fail(`${path} is empty: ${NO_ONE}${fix}`, path);
}

const enabled = (g: ResourceGraph, res: Resource, path: string) =>
  judgeSetting(g, res, isTrue(path, { providerDefault: true, risk: 'its actions never run' }));

const cloudWatch =
  (actions: string, on: string): Check =>
  (res, { graph }) =>
    eachOf([actionsListed(graph, res, actions, 'add an SNS topic that reaches the on-call'), enabled(graph, res, on)]);

/** Metric and activity-log alerts: action blocks, each naming an action group. */
const actionGroups: Check = (res, { graph }) => {
  const n = listLength(graph, res, 'action');
  if (n.kind === 'unknown') return unknownAt('action', n.reason);
  const found =
    n.kind === 'value' && n.value > 0
      ? eachListed(graph, res, 'action', (p) =>
          isPresent(graph, res, `${p}.action_group_id`)
            ? [pass(`${p} names an action group`, `${p}.action_group_id`)]
            : [fail(`${p} names no action_group_id: ${NO_ONE}point it at an action group`, p)],
        )
      : [fail(`no action block: ${NO_ONE}add one with an action_group_id`, 'action')];
  return eachOf([...found, enabled(graph, res, 'enabled')]);
};

const queryRule: Check = (res, { graph }) =>
  eachOf([
    actionsListed(graph, res, 'action.action_groups', 'list an action group in action.action_groups'),
    enabled(graph, res, 'enabled'),
  ]);

export const alarmActionsRule: Rule = {
  id: 'ZT-MONITORING-005',
  title: 'Alarms and alerts notify someone',
  severity: 'medium',
  layer: 'monitoring',
  rationale:
    'Zero trust assumes breach and relies on detection: model extraction, bulk reads of training data, jobs by ' +
    'unexpected identities and key deletion are caught by alarms. An alarm with no action, or with its actions ' +
    'disabled, changes state in a console nobody watches, and the incident runs on until someone looks.',
  remediation:
    'AWS: AlarmActions / alarm_actions naming an SNS topic (encrypted, subscribed by the on-call) and ' +
    'ActionsEnabled / actions_enabled not false (CDK: alarm.addAlarmAction(new SnsAction(topic))). Azure: an action ' +
    'block with action_group_id on metric and activity-log alerts, action.action_groups on scheduled query rules, ' +
    'and enabled not false.',
  controls: [
    { framework: 'NIST-800-53', id: 'SI-4' },
    { framework: 'NIST-800-53', id: 'IR-4' },
    { framework: 'NIST-800-53', id: 'AU-6' },
    { framework: 'SOC2', id: 'CC7.2' },
    { framework: 'SOC2', id: 'CC7.3' },
    { framework: 'HIPAA', id: '164.308(a)(1)(ii)(D)' },
    { framework: 'ISO-27001', id: 'A.8.16' },
  ],
  equivalents: [
    ...nagEquivalents(
      ['NIST.800.53.R5-CloudWatchAlarmAction', 'HIPAA.Security-CloudWatchAlarmAction'],
      ['AWS::CloudWatch::Alarm'],
      'cdk-nag also accepts an alarm whose only actions are OK or INSUFFICIENT_DATA actions; this rule requires an alarm action.',
    ),
  ],
  scope: 'resource',
  checks: {
    'AWS::CloudWatch::Alarm': cloudWatch('AlarmActions', 'ActionsEnabled'),
    'AWS::CloudWatch::CompositeAlarm': cloudWatch('AlarmActions', 'ActionsEnabled'),
    aws_cloudwatch_metric_alarm: cloudWatch('alarm_actions', 'actions_enabled'),
    aws_cloudwatch_composite_alarm: cloudWatch('alarm_actions', 'actions_enabled'),
    azurerm_monitor_metric_alert: actionGroups,
    azurerm_monitor_activity_log_alert: actionGroups,
    azurerm_monitor_scheduled_query_rules_alert_v2: queryRule,
  },
};
