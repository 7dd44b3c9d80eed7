import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, Rule, fail, unknown } from '../../engine/rule';
import { eachOf } from '../shared/combine';
import { companionIndex } from '../shared/companion-index';
import { APIM_DIAGNOSTIC } from '../shared/companion-specs';
import { uncertainIfMaybe, viaCompanion } from '../shared/companions';
import { deploymentStageChecks } from '../shared/deployment-stage';
import { type Setting, isTrue, judgeSetting, setting } from '../shared/expect';
import { nagEquivalents } from '../shared/nag-equivalents';
import { isPresent, readString, unknownAt } from '../shared/read';

/**
 * A request to a model API crosses the gateway, its authorizer and the backend; without a trace
 * spanning them, a slow, failing or abusive call cannot be followed from the edge to the model.
 * - AWS: REST API stages send X-Ray traces only with TracingEnabled / xray_tracing_enabled (off by
 *   default). HTTP API stages (ApiGatewayV2) cannot trace at all and are not judged; neither is Lambda
 *   tracing (it needs xray:Put* on Resource "*" for each function, a separate decision).
 * - Azure: API Management traces calls (and propagates correlation headers to backends) through its
 *   instance-level `applicationinsights` diagnostic. Other diagnostics (azuremonitor) log but do not trace,
 *   so any one Application Insights diagnostic suffices: this is a best-of, not the companions' worst-of.
 */
const AWS_RISK = 'the stage sends no X-Ray traces, so a call cannot be followed from the gateway into its backend';

const awsStage = (path: string): Check => setting(isTrue(path, { providerDefault: false, risk: AWS_RISK }));

const AI = 'applicationinsights';

const ADD =
  `add an ${APIM_DIAGNOSTIC.type} with identifier = "${AI}", api_management_name = the instance's name, ` +
  'api_management_logger_id = an azurerm_api_management_logger writing to Application Insights, and ' +
  'sampling_percentage unset or above 0 (http_correlation_protocol "W3C" carries the trace into the backends)';

/**
 * Unset, the provider sends no sampling settings and APIM traces every call (100). The provider also drops
 * an explicit 0 (GetOk), but 0 states that nothing is to be traced, and is judged as written.
 */
const SAMPLING: Setting<number> = {
  path: 'sampling_percentage',
  type: 'number',
  accept: (v) => v > 0,
  want: 'a percentage above 0 (100 traces every call)',
  providerDefault: 100,
  risk: 'no call is traced',
};

/** "None" sends no correlation headers: the backend's telemetry cannot be joined to the gateway's. */
const CORRELATION: Setting<string> = {
  path: 'http_correlation_protocol',
  type: 'string',
  accept: (v) => v !== 'None',
  want: '"W3C" (or "Legacy")',
  providerDefault: 'Legacy',
  risk: 'no correlation headers reach the backends, so their telemetry cannot be joined to the gateway\u2019s trace',
};

/** An instance diagnostic as a tracer; undefined when it is not an Application Insights one (it traces nothing). */
function tracer(g: ResourceGraph, d: Resource): CheckResult[] | undefined {
  const id = readString(g, d, 'identifier');
  if (id.kind === 'unknown') return [unknownAt('identifier', id.reason)];
  if (id.kind !== 'value' || id.value !== AI) return undefined;
  const logger = isPresent(g, d, 'api_management_logger_id')
    ? undefined
    : fail('api_management_logger_id is not set: the traces have nowhere to go', 'api_management_logger_id');
  const results = [judgeSetting(g, d, SAMPLING), judgeSetting(g, d, CORRELATION)];
  return eachOf(
    logger ? [logger, ...results] : results,
    'an Application Insights diagnostic traces the calls',
    'identifier',
  );
}

/** 0 pass, 1 unknown, 2 fail: the worst result of one diagnostic. */
const rank = (rs: readonly CheckResult[]): number =>
  rs.some((r) => r.verdict === 'fail') ? 2 : rs.some((r) => r.verdict === 'unknown') ? 1 : 0;

const apim: Check = (a, { graph }) => {
  const index = companionIndex(graph, APIM_DIAGNOSTIC);
  let best: CheckResult[] | undefined;
  let bestRank = 3;
  for (const at of index.attached.get(a) ?? []) {
    const own = tracer(graph, at.companion);
    if (own === undefined) continue;
    // A tracer that may never be created (count / for_each) cannot prove a pass; its failures stand either way.
    const results = own.map((r) => {
      const via = viaCompanion(at.companion, r);
      return via.verdict === 'pass' ? uncertainIfMaybe(at, via) : via;
    });
    const r = rank(results);
    if (r < bestRank) [best, bestRank] = [results, r];
    if (r === 0) return results;
  }
  if (best !== undefined && bestRank === 1) return best;
  // The identifier is the diagnostic's name: an instance has one Application Insights diagnostic, fixed in place.
  const results = best ?? [
    fail(
      `no ${APIM_DIAGNOSTIC.type} with identifier "${AI}" targets the instance, so calls through the model ` +
        `gateway are not traced end to end: ${ADD}`,
      APIM_DIAGNOSTIC.type,
    ),
  ];
  // A diagnostic whose instance is undecidable may be the tracer this one lacks.
  for (const u of index.unresolved.get(a.documentId) ?? []) {
    const own = tracer(graph, u.companion);
    if (own === undefined || rank(own) === 2) continue;
    return results.map((r) =>
      r.verdict === 'fail'
        ? unknown(`${r.message}; but ${u.companion.address} may apply here: ${u.reason}`, r.path)
        : r,
    );
  }
  return results;
};

export const tracingRule: Rule = {
  id: 'ZT-MONITORING-007',
  title: 'Inference API calls are traced end to end',
  severity: 'low',
  layer: 'monitoring',
  rationale:
    'Zero trust assumes breach and demands visibility into every request path. A call to a model API crosses ' +
    'the gateway, its authorizer and the backend; access logs record that it arrived, but only a trace joins ' +
    'the hops, so that a slow, failing or abusive request (extraction, prompt-injection probing) can be followed ' +
    'from the edge into the model and its dependencies during an investigation.',
  remediation:
    'CloudFormation: TracingEnabled: true on every AWS::ApiGateway::Stage. AWS CDK: RestApi deployOptions ' +
    '{ tracingEnabled: true } (createGateway in lib/aws/inference/gateway.ts sets it). Terraform: ' +
    'aws_api_gateway_stage xray_tracing_enabled = true. Azure (Terraform / CDKTF): an ' +
    'azurerm_api_management_diagnostic with identifier = "applicationinsights", api_management_name = the ' +
    'instance, api_management_logger_id = an azurerm_api_management_logger with application_insights, ' +
    'sampling_percentage unset or above 0 and http_correlation_protocol "W3C".',
  remediationBy: {
    cdk: 'Set deployOptions: { tracingEnabled: true } on apigateway.RestApi (or tracingEnabled on apigateway.Stage).',
    cdktf:
      'ApiManagementDiagnostic({ identifier: "applicationinsights", apiManagementName, resourceGroupName, ' +
      'apiManagementLoggerId: <an ApiManagementLogger with applicationInsights>, httpCorrelationProtocol: "W3C" }) ' +
      '(azurerm); ApiGatewayStage xrayTracingEnabled: true (aws).',
  },
  controls: [
    { framework: 'NIST-800-53', id: 'AU-12' },
    { framework: 'NIST-800-53', id: 'SI-4' },
    { framework: 'NIST-800-53', id: 'AU-6' },
    { framework: 'NIST-800-53', id: 'CA-7' },
    { framework: 'SOC2', id: 'CC7.2' },
    { framework: 'HIPAA', id: '164.312(b)' },
    { framework: 'ISO-27001', id: 'A.8.15' },
    { framework: 'ISO-27001', id: 'A.8.16' },
    { framework: 'ISO-42001', id: 'A.6.2.8' },
  ],
  equivalents: [
    ...nagEquivalents(['HIPAA.Security-APIGWXrayEnabled'], ['AWS::ApiGateway::Stage']),
    {
      tool: 'checkov',
      id: 'CKV_AWS_73',
      resourceTypes: ['aws_api_gateway_stage'],
      note:
        "Checkov's CloudFormation CKV_AWS_73 fixtures also judge untransformed SAM AWS::Serverless::Api resources, " +
        'which this pack does not load as such, so only the Terraform CKV_AWS_73 is mapped (its CloudFormation ' +
        'AWS::ApiGateway::Stage fixtures agree).',
    },
  ],
  reads: [APIM_DIAGNOSTIC.type],
  checks: {
    'AWS::ApiGateway::Stage': awsStage('TracingEnabled'),
    aws_api_gateway_stage: awsStage('xray_tracing_enabled'),
    ...deploymentStageChecks({
      cfn: awsStage('StageDescription.TracingEnabled'),
      unset: `${AWS_RISK}; declare an aws_api_gateway_stage with xray_tracing_enabled = true for the deployment instead`,
    }),
    azurerm_api_management: apim,
  },
};
