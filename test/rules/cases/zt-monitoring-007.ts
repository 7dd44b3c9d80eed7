import { tracingRule } from '../../../policies/rules/monitoring/zt-monitoring-007-tracing';
import { RuleCases, cfn, tf } from '../helpers';
import { deploymentStageCases } from './deployment-stage';

const stage = (props: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  cfn(
    { St: { Type: 'AWS::ApiGateway::Stage', Properties: { RestApiId: 'api-1', DeploymentId: 'd-1', ...props } } },
    extra,
  );
const tfStage = (args: Record<string, unknown>) =>
  tf({ aws_api_gateway_stage: { s: { rest_api_id: 'api-1', deployment_id: 'd-1', stage_name: 'v1', ...args } } });

const GW = 'azurerm_api_management.gw';
const instance = {
  gw: {
    name: 'gw',
    location: 'westeurope',
    resource_group_name: 'rg',
    sku_name: 'Developer_1',
    publisher_name: 'p',
    publisher_email: 'p@x',
  },
};
const diagnostic = (body: Record<string, unknown>) => ({
  api_management_name: '${azurerm_api_management.gw.name}',
  resource_group_name: 'rg',
  identifier: 'applicationinsights',
  api_management_logger_id: '${azurerm_api_management_logger.l.id}',
  ...body,
});
/** An instance with the given diagnostics (by name), plus optional other resources. */
const apim = (
  diagnostics: Record<string, Record<string, unknown>>,
  extra: Record<string, Record<string, unknown>> = {},
) =>
  tf({
    azurerm_api_management: instance,
    ...(Object.keys(diagnostics).length > 0 ? { azurerm_api_management_diagnostic: diagnostics } : {}),
    ...extra,
  });

export const cases: RuleCases = {
  rule: tracingRule,
  cases: [
    { name: 'stage with TracingEnabled true', doc: stage({ TracingEnabled: true }), address: 'St', verdict: 'pass' },
    {
      name: 'stage without TracingEnabled (default false)',
      doc: stage({}),
      address: 'St',
      verdict: 'fail',
      path: 'TracingEnabled',
    },
    {
      name: 'stage with TracingEnabled false',
      doc: stage({ TracingEnabled: false }),
      address: 'St',
      verdict: 'fail',
      path: 'TracingEnabled',
    },
    {
      name: 'stage TracingEnabled from a parameter',
      doc: stage({ TracingEnabled: { Ref: 'Trace' } }, { Parameters: { Trace: { Type: 'String' } } }),
      address: 'St',
      verdict: 'unknown',
      path: 'TracingEnabled',
    },
    {
      name: 'aws_api_gateway_stage with X-Ray tracing',
      doc: tfStage({ xray_tracing_enabled: true }),
      address: 'aws_api_gateway_stage.s',
      verdict: 'pass',
    },
    {
      name: 'aws_api_gateway_stage without xray_tracing_enabled (default false)',
      doc: tfStage({}),
      address: 'aws_api_gateway_stage.s',
      verdict: 'fail',
      path: 'xray_tracing_enabled',
    },
    {
      name: 'aws_api_gateway_stage xray_tracing_enabled from a variable',
      doc: tfStage({ xray_tracing_enabled: '${var.trace}' }),
      address: 'aws_api_gateway_stage.s',
      verdict: 'unknown',
      path: 'xray_tracing_enabled',
    },
    {
      name: 'APIM with an Application Insights diagnostic, sampling unset (every call traced)',
      doc: apim({ ai: diagnostic({}) }),
      address: GW,
      verdict: 'pass',
    },
    {
      name: 'APIM with an Application Insights diagnostic sampling 25% and W3C correlation',
      doc: apim({ ai: diagnostic({ sampling_percentage: 25, http_correlation_protocol: 'W3C' }) }),
      address: GW,
      verdict: 'pass',
    },
    {
      name: 'APIM with an Azure Monitor diagnostic beside the Application Insights one',
      doc: apim({ am: diagnostic({ identifier: 'azuremonitor' }), ai: diagnostic({}) }),
      address: GW,
      verdict: 'pass',
    },
    {
      name: 'APIM without diagnostics',
      doc: apim({}),
      address: GW,
      verdict: 'fail',
      path: 'azurerm_api_management_diagnostic',
      message: /identifier = "applicationinsights"/,
    },
    {
      name: 'APIM with only an Azure Monitor diagnostic (logs, does not trace)',
      doc: apim({ am: diagnostic({ identifier: 'azuremonitor' }) }),
      address: GW,
      verdict: 'fail',
      path: 'azurerm_api_management_diagnostic',
    },
    {
      name: 'APIM Application Insights diagnostic sampling 0%',
      doc: apim({ ai: diagnostic({ sampling_percentage: 0 }) }),
      address: GW,
      verdict: 'fail',
      path: 'azurerm_api_management_diagnostic.ai.sampling_percentage',
    },
    {
      name: 'APIM Application Insights diagnostic without a logger',
      doc: apim({ ai: diagnostic({ api_management_logger_id: undefined }) }),
      address: GW,
      verdict: 'fail',
      path: 'azurerm_api_management_diagnostic.ai.api_management_logger_id',
    },
    {
      name: 'APIM Application Insights diagnostic sending no correlation headers',
      doc: apim({ ai: diagnostic({ http_correlation_protocol: 'None' }) }),
      address: GW,
      verdict: 'fail',
      path: 'azurerm_api_management_diagnostic.ai.http_correlation_protocol',
    },
    {
      name: 'APIM diagnostic sampling from a variable',
      doc: apim({ ai: diagnostic({ sampling_percentage: '${var.sampling}' }) }),
      address: GW,
      verdict: 'unknown',
      path: 'azurerm_api_management_diagnostic.ai.sampling_percentage',
    },
    {
      name: 'APIM diagnostic identifier from a variable',
      doc: apim({ d: diagnostic({ identifier: '${var.identifier}' }) }),
      address: GW,
      verdict: 'unknown',
      path: 'azurerm_api_management_diagnostic.d.identifier',
    },
    {
      name: 'APIM Application Insights diagnostic whose existence is decided by count',
      doc: apim({ ai: diagnostic({ count: '${var.tracing ? 1 : 0}' }) }),
      address: GW,
      verdict: 'unknown',
      message: /count is decided at plan time/,
    },
    {
      name: 'APIM with an Application Insights diagnostic on an undecidable instance',
      doc: apim({ ai: diagnostic({ api_management_name: '${var.apim_name}' }) }),
      address: GW,
      verdict: 'unknown',
      path: 'azurerm_api_management_diagnostic',
    },
    {
      name: 'APIM whose Application Insights diagnostic names another instance',
      doc: apim({ ai: diagnostic({ api_management_name: 'other-apim' }) }),
      address: GW,
      verdict: 'fail',
      path: 'azurerm_api_management_diagnostic',
    },
    ...deploymentStageCases({
      what: 'tracing',
      compliant: { TracingEnabled: true },
      lacking: { TracingEnabled: false },
      lackingPath: 'StageDescription.TracingEnabled',
    }),
  ],
};
