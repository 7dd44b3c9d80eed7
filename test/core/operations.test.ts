import { App, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as logs from 'aws-cdk-lib/aws-logs';
import { App as TfApp, TerraformStack } from 'cdktf';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { AuditTrail } from '../../lib/aws/audit';
import { PlatformMonitoring } from '../../lib/aws/monitoring';
import { PlatformAudit } from '../../lib/azure/audit';
import { PlatformAlerts } from '../../lib/azure/monitoring';
import { DEFAULT_CONFIG, resolveConfig } from '../../lib/core/config';
import { validateOperations } from '../../lib/core/operations';

const ops = (o: Record<string, unknown>) =>
  ({ ...DEFAULT_CONFIG.operations, ...o }) as typeof DEFAULT_CONFIG.operations;

describe('BlueprintConfig.operations', () => {
  test('defaults: no contacts, 90 days, both subscription/account-wide flags off', () => {
    expect(resolveConfig().operations).toEqual({
      alertEmails: [],
      logRetentionDays: 90,
      guardDuty: false,
      defenderPlans: false,
      bulkReadThreshold: 1000,
    });
    expect(resolveConfig({ operations: { guardDuty: true } }).operations.logRetentionDays).toBe(90);
  });

  test.each([
    [{ logRetentionDays: 30 }, /Invalid ops\.logRetentionDays: expected an integer from 90 to 730 \(got 30\)/],
    [{ logRetentionDays: 90.5 }, /ops\.logRetentionDays/],
    [{ alertEmails: ['not-an-address'] }, /Invalid ops\.alertEmails\[0\]: expected an e-mail address/],
    [{ alertEmails: ['a@b.io', 'a@b.io'] }, /ops\.alertEmails: expected unique entries/],
    [{ alertEmails: 'a@b.io' }, /ops\.alertEmails: expected a list of e-mail addresses/],
    [{ guardDuty: 'yes' }, /ops\.guardDuty: expected true or false/],
    [{ defenderPlans: 1 }, /ops\.defenderPlans: expected true or false/],
    [{ bulkReadThreshold: 0 }, /ops\.bulkReadThreshold/],
  ])('%j is rejected naming the prop', (o, message) => {
    expect(() => validateOperations('ops', ops(o))).toThrow(message);
  });
});

describe('construct props', () => {
  test('AuditTrail: retentionDays must be a CloudWatch Logs value of at least 90', () => {
    const s = new Stack(new App(), 'S');
    const logsBucket = new s3.Bucket(s, 'L');
    expect(() => new AuditTrail(s, 'A', { dataBuckets: [], accessLogBucket: logsBucket, retentionDays: 100 })).toThrow(
      /Invalid AuditTrailProps\.retentionDays: expected one of 90, 120/,
    );
    expect(() => new AuditTrail(s, 'B', { dataBuckets: [], accessLogBucket: logsBucket, retentionDays: 30 })).toThrow(
      /AuditTrailProps\.retentionDays/,
    );
    expect(() => new AuditTrail(s, 'C', { dataBuckets: [], accessLogBucket: logsBucket, project: 'Bad_Name' })).toThrow(
      /AuditTrailProps\.project/,
    );
  });

  test('PlatformMonitoring validates its operations settings', () => {
    const s = new Stack(new App(), 'S');
    const group = new logs.LogGroup(s, 'G');
    expect(
      () =>
        new PlatformMonitoring(s, 'M', {
          trailLogGroup: group,
          jobLauncherRoleArns: [],
          operations: { alertEmails: ['x'] },
        }),
    ).toThrow(/PlatformMonitoringProps\.operations\.alertEmails\[0\]/);
  });

  test('PlatformAudit needs a subscription GUID; PlatformAlerts validates contacts', () => {
    const s = new TerraformStack(new TfApp(), 'az');
    const workspace = new LogAnalyticsWorkspace(s, 'w', { name: 'w', location: 'x', resourceGroupName: 'rg' });
    expect(() => new PlatformAudit(s, 'a', { workspace, subscriptionId: 'sub-1', resources: [] })).toThrow(
      /PlatformAuditProps\.subscriptionId/,
    );
    expect(
      () =>
        new PlatformAlerts(s, 'm', {
          workspace,
          resourceGroupName: 'rg',
          location: 'x',
          namePrefix: 'p',
          operations: { logRetentionDays: 7 },
        }),
    ).toThrow(/PlatformAlertsProps\.operations\.logRetentionDays/);
  });
});
