import { gatewayAccessLogsRule } from '../../../policies/rules/inference/zt-inference-006-access-logging';
import { RuleCases, cfn, tf } from '../helpers';
import { deploymentStageCases } from './deployment-stage';
import { quickCreateCases } from './quick-create';

const LOG = { DestinationArn: 'arn:aws:logs:eu-west-1:1:log-group:api', Format: '{"requestId":"$context.requestId"}' };
const stage = (type: string, props: Record<string, unknown>) =>
  cfn({ S: { Type: type, Properties: { StageName: 'prod', ...props } } });
const tfStage = (type: string, body: Record<string, unknown>) => tf({ [type]: { s: { stage_name: 'prod', ...body } } });
const TF_LOG = [{ destination_arn: 'arn:log', format: '{"requestId":"$context.requestId"}' }];
const apim = (extra: Record<string, Record<string, unknown>>) =>
  tf({ azurerm_api_management: { gw: { name: 'gw', sku_name: 'Developer_1' } }, ...extra });
const diag = (body: Record<string, unknown>) => ({
  azurerm_api_management_diagnostic: {
    d: {
      api_management_name: '${azurerm_api_management.gw.name}',
      resource_group_name: 'rg',
      identifier: 'azuremonitor',
      api_management_logger_id: '${azurerm_api_management_logger.l.id}',
      ...body,
    },
  },
});
const setting = (logs: Record<string, unknown>[]) => ({
  azurerm_monitor_diagnostic_setting: {
    ds: {
      name: 'ds',
      target_resource_id: '${azurerm_api_management.gw.id}',
      log_analytics_workspace_id: '${azurerm_log_analytics_workspace.w.id}',
      enabled_log: logs,
    },
  },
});
const GW = 'azurerm_api_management.gw';

export const cases: RuleCases = {
  rule: gatewayAccessLogsRule,
  cases: [
    {
      name: 'REST stage with JSON access logs',
      doc: stage('AWS::ApiGateway::Stage', { AccessLogSetting: LOG }),
      address: 'S',
      verdict: 'pass',
    },
    {
      name: 'REST stage without access logs',
      doc: stage('AWS::ApiGateway::Stage', {}),
      address: 'S',
      verdict: 'fail',
      path: 'AccessLogSetting',
    },
    {
      name: 'REST stage with a destination but no format',
      doc: stage('AWS::ApiGateway::Stage', { AccessLogSetting: { DestinationArn: 'arn' } }),
      address: 'S',
      verdict: 'fail',
      path: 'AccessLogSetting.Format',
    },
    {
      name: 'HTTP API stage with access logs',
      doc: stage('AWS::ApiGatewayV2::Stage', { AccessLogSettings: LOG }),
      address: 'S',
      verdict: 'pass',
    },
    {
      name: 'HTTP API stage without access logs',
      doc: stage('AWS::ApiGatewayV2::Stage', {}),
      address: 'S',
      verdict: 'fail',
      path: 'AccessLogSettings',
    },
    {
      name: 'tf REST stage with access logs',
      doc: tfStage('aws_api_gateway_stage', { access_log_settings: TF_LOG }),
      address: 'aws_api_gateway_stage.s',
      verdict: 'pass',
    },
    {
      name: 'tf REST stage without access logs',
      doc: tfStage('aws_api_gateway_stage', {}),
      address: 'aws_api_gateway_stage.s',
      verdict: 'fail',
      path: 'access_log_settings',
    },
    {
      name: 'tf REST stage access logs from a dynamic block',
      doc: tfStage('aws_api_gateway_stage', {
        dynamic: { access_log_settings: [{ for_each: '${var.logs}', content: TF_LOG }] },
      }),
      address: 'aws_api_gateway_stage.s',
      verdict: 'unknown',
    },
    {
      name: 'tf HTTP API stage with access logs',
      doc: tfStage('aws_apigatewayv2_stage', { access_log_settings: TF_LOG }),
      address: 'aws_apigatewayv2_stage.s',
      verdict: 'pass',
    },
    {
      name: 'tf HTTP API stage without access logs',
      doc: tfStage('aws_apigatewayv2_stage', {}),
      address: 'aws_apigatewayv2_stage.s',
      verdict: 'fail',
    },
    { name: 'APIM with an Azure Monitor diagnostic', doc: apim(diag({})), address: GW, verdict: 'pass' },
    {
      name: 'APIM diagnostic sampling 10%',
      doc: apim(diag({ identifier: 'applicationinsights', sampling_percentage: 10 })),
      address: GW,
      verdict: 'fail',
      message: /sampling_percentage/,
    },
    {
      name: 'APIM with a diagnostic setting sending GatewayLogs',
      doc: apim(setting([{ category: 'GatewayLogs' }])),
      address: GW,
      verdict: 'pass',
    },
    {
      name: 'APIM diagnostic setting with the allLogs group after a category from a variable',
      doc: apim(setting([{ category: '${var.category}' }, { category_group: 'allLogs' }])),
      address: GW,
      verdict: 'pass',
    },
    {
      name: 'APIM diagnostic setting whose only category comes from a variable',
      doc: apim(setting([{ category: '${var.category}' }])),
      address: GW,
      verdict: 'unknown',
    },
    { name: 'APIM diagnostic setting with metrics only', doc: apim(setting([])), address: GW, verdict: 'fail' },
    { name: 'APIM without any diagnostics', doc: apim({}), address: GW, verdict: 'fail' },
    {
      name: 'APIM diagnostic sampling from a variable',
      doc: apim(diag({ sampling_percentage: '${var.sampling}' })),
      address: GW,
      verdict: 'unknown',
    },
    ...quickCreateCases({
      what: 'access logs',
      compliant: { Stage: { AccessLogSettings: LOG } },
      lacking: { Stage: { AccessLogSettings: { DestinationArn: LOG.DestinationArn } } },
      lackingPath: 'Stage.AccessLogSettings.Format',
    }),
    ...deploymentStageCases({
      what: 'access logs',
      compliant: { AccessLogSetting: LOG },
      lacking: { AccessLogSetting: { DestinationArn: LOG.DestinationArn } },
      lackingPath: 'StageDescription.AccessLogSetting.Format',
      bare: { verdict: 'fail', path: 'StageDescription.AccessLogSetting' },
    }),
  ],
};
