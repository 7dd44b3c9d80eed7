import type { Rule } from '../../engine/rule';
import { awsChecks, awsEquivalents } from './aws/access-logging';
import { azureChecks, azureEquivalents } from './azure/access-logging';
import { CFN_MANAGED_OVERRIDES } from './aws/quick-create';

/** Every inference API stage logs every call. The verdict per shape lives in ./aws/access-logging.ts and ./azure/access-logging.ts. */
export const gatewayAccessLogsRule: Rule = {
  id: 'ZT-INFERENCE-006',
  title: 'Every inference API stage logs every call',
  severity: 'medium',
  layer: 'inference',
  rationale:
    'Without access logs there is no record of who queried the model, how often and with what result, so extraction, abuse and incidents cannot be detected or investigated.',
  remediation:
    'AWS: API Gateway stages with AccessLogSetting to a KMS-encrypted log group (JSON format) and execution logging without data trace; HTTP API stages with AccessLogSettings. A quick-created HTTP API (Target) is judged on its managed $default stage: set it in an AWS::ApiGatewayV2::ApiGatewayManagedOverrides, or declare the stage. Azure: API Management diagnostics to the platform Log Analytics workspace.',
  controls: [
    { framework: 'NIST-800-53', id: 'AU-2' },
    { framework: 'NIST-800-53', id: 'AU-12' },
    { framework: 'SOC2', id: 'CC7.2' },
    { framework: 'HIPAA', id: '164.312(b)' },
    { framework: 'ISO-27001', id: 'A.8.15' },
    { framework: 'ISO-42001', id: 'A.6.2.8' },
  ],
  equivalents: [...awsEquivalents, ...azureEquivalents],
  reads: ['azurerm_api_management_diagnostic', 'azurerm_monitor_diagnostic_setting', CFN_MANAGED_OVERRIDES.type],
  checks: { ...awsChecks, ...azureChecks },
};
