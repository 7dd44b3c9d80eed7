import type { Check, CheckResult, Rule } from '../../engine/rule';
import { fail, pass } from '../../engine/rule';
import { eachOf } from '../shared/combine';
import { joinPath, readNumber, unknownAt } from '../shared/read';
import { forbiddenInBlock, tfBlock } from '../shared/tf-blocks';
import { awsChecks, awsEquivalents } from './aws/execution-logging';

/**
 * Gateways log outcomes, never payloads. AWS (./aws/execution-logging.ts): REST API stages write
 * execution logs for every method, without data trace. Azure: API Management diagnostics (service
 * wide and per API) log no request or response body bytes, frontend or backend.
 */
const BODY_BLOCKS = ['frontend_request', 'frontend_response', 'backend_request', 'backend_response'];

const apimDiagnostic: Check = (d, { graph }) =>
  eachOf(
    BODY_BLOCKS.map((block): CheckResult => {
      const loc = tfBlock(graph, d, '', block);
      if (loc.kind === 'absent') return pass(`${block} is not set: no body is logged`, block);
      const path = joinPath(loc.path, 'body_bytes');
      const where = joinPath(block, 'body_bytes');
      const v = readNumber(graph, d, path);
      if (v.kind === 'unknown') return unknownAt(where, v.reason);
      if (v.kind === 'absent' || v.value <= 0)
        return pass(`${where} is ${v.kind === 'value' ? 0 : 'not set (0)'}`, where);
      const what = block.endsWith('request') ? 'prompts' : 'completions';
      return forbiddenInBlock(
        loc,
        fail(
          `${where} is ${v.value}: the first ${v.value} bytes of every ${block.replace('_', ' ')} body (${what}, ` +
            'and any personal data in them) are written to the logger; set it to 0 and log status, latency and token metrics instead',
          where,
        ),
      );
    }),
    'no request or response body is logged (frontend or backend)',
  );

export const noPayloadLoggingRule: Rule = {
  id: 'ZT-INFERENCE-011',
  title: 'Gateways log outcomes, never payloads',
  severity: 'medium',
  layer: 'inference',
  rationale:
    'The gateway log is where failed, throttled and denied calls to the model are investigated, so execution logging must be on; ' +
    'but request and response bodies are prompts and completions, often holding personal or confidential data. Copied into ' +
    'logs they escape the data store protections (retention, access, residency) that apply to the model data itself, and ' +
    'every operator with log access can read them.',
  remediation:
    'AWS CDK: apigateway.RestApi({ deployOptions: { loggingLevel: MethodLoggingLevel.INFO, dataTraceEnabled: false } }) ' +
    '(the inference gateway construct does this). CloudFormation: AWS::ApiGateway::Stage MethodSettings with ResourcePath ' +
    '"/*", HttpMethod "*", LoggingLevel ERROR or INFO, and DataTraceEnabled false (or unset) in every entry. Terraform: ' +
    'aws_api_gateway_method_settings with method_path = "*/*" and settings { logging_level = "INFO", data_trace_enabled = ' +
    'false } for each aws_api_gateway_stage, and data_trace_enabled = false on every other aws_api_gateway_method_settings. ' +
    'Azure: azurerm_api_management_diagnostic and azurerm_api_management_api_diagnostic with body_bytes = 0 (or unset) in ' +
    'frontend_request, frontend_response, backend_request and backend_response; log headers selectively and rely on ' +
    'status, latency and token metrics.',
  controls: [
    { framework: 'NIST-800-53', id: 'AU-2' },
    { framework: 'NIST-800-53', id: 'AU-3' },
    { framework: 'NIST-800-53', id: 'AU-12' },
    { framework: 'SOC2', id: 'CC7.2' },
    { framework: 'HIPAA', id: '164.312(b)' },
    { framework: 'GDPR', id: 'Art. 25(2)' },
    { framework: 'GDPR', id: 'Art. 32(1)(b)' },
    { framework: 'ISO-27001', id: 'A.8.12' },
    { framework: 'ISO-27001', id: 'A.8.15' },
    { framework: 'ISO-42001', id: 'A.6.2.8' },
  ],
  equivalents: [...awsEquivalents],
  checks: {
    ...awsChecks,
    azurerm_api_management_diagnostic: apimDiagnostic,
    azurerm_api_management_api_diagnostic: apimDiagnostic,
  },
};
