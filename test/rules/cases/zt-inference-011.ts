import { noPayloadLoggingRule } from '../../../policies/rules/inference/zt-inference-011-no-payload-logging';
import { RuleCases, cfn, tf } from '../helpers';
import { deploymentStageCases, tfDeploymentWithSettings } from './deployment-stage';

const ALL = { ResourcePath: '/*', HttpMethod: '*' };
const PARAMS = { Parameters: { Level: { Type: 'String', Default: 'INFO' }, Trace: { Type: 'String' } } };
const stage = (settings: unknown, extra: Record<string, unknown> = {}) =>
  cfn(
    {
      S: {
        Type: 'AWS::ApiGateway::Stage',
        Properties: { StageName: 'p', RestApiId: 'a', ...(settings === undefined ? {} : { MethodSettings: settings }) },
      },
    },
    extra,
  );

const STAGE = { stage_name: 'prod', rest_api_id: 'a', deployment_id: 'd' };
const settingsOf = (name: string, path: string, settings: Record<string, unknown> | undefined, extra = {}) => ({
  [name]: {
    rest_api_id: 'a',
    stage_name: '${aws_api_gateway_stage.s.stage_name}',
    method_path: path,
    ...(settings ? { settings: [settings] } : {}),
    ...extra,
  },
});
const tfStage = (methodSettings?: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  tf(
    {
      aws_api_gateway_stage: { s: STAGE },
      ...(methodSettings ? { aws_api_gateway_method_settings: methodSettings } : {}),
    },
    extra,
  );
const orphan = (body: Record<string, unknown>) =>
  tf({
    aws_api_gateway_method_settings: {
      m: {
        rest_api_id: 'a',
        stage_name: '${aws_api_gateway_stage.elsewhere.stage_name}',
        method_path: 'x/GET',
        ...body,
      },
    },
  });

const DIAG = 'azurerm_api_management_diagnostic';
const API_DIAG = 'azurerm_api_management_api_diagnostic';
const diagnostic = (type: string, blocks: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  tf(
    {
      [type]: {
        d: {
          identifier: 'applicationinsights',
          resource_group_name: 'rg',
          api_management_name: 'apim',
          api_management_logger_id: 'l',
          ...(type === API_DIAG ? { api_name: 'chat' } : {}),
          ...blocks,
        },
      },
    },
    extra,
  );
const HEADERS = { headers_to_log: ['x-request-id'] };

export const cases: RuleCases = {
  rule: noPayloadLoggingRule,
  cases: [
    {
      name: 'stage logging every method at INFO without data trace',
      doc: stage([{ ...ALL, LoggingLevel: 'INFO', DataTraceEnabled: false, MetricsEnabled: true }]),
      address: 'S',
      verdict: 'pass',
    },
    {
      name: 'stage logging every method at ERROR, data trace unset',
      doc: stage([{ ...ALL, LoggingLevel: 'ERROR' }]),
      address: 'S',
      verdict: 'pass',
    },
    {
      name: 'stage without method settings',
      doc: stage(undefined),
      address: 'S',
      verdict: 'fail',
      path: 'MethodSettings',
    },
    {
      name: 'stage logging one method only',
      doc: stage([{ ResourcePath: '/invoke', HttpMethod: 'POST', LoggingLevel: 'INFO' }]),
      address: 'S',
      verdict: 'fail',
      path: 'MethodSettings',
    },
    {
      name: 'stage with execution logging OFF',
      doc: stage([{ ...ALL, LoggingLevel: 'OFF' }]),
      address: 'S',
      verdict: 'fail',
      path: 'MethodSettings.0.LoggingLevel',
    },
    {
      name: 'stage /* * entry without a logging level',
      doc: stage([{ ...ALL, MetricsEnabled: true }]),
      address: 'S',
      verdict: 'fail',
      path: 'MethodSettings.0.LoggingLevel',
      message: /not set/,
    },
    {
      name: 'stage logging at INFO with data trace on every method',
      doc: stage([{ ...ALL, LoggingLevel: 'INFO', DataTraceEnabled: true }]),
      address: 'S',
      verdict: 'fail',
      path: 'MethodSettings.0.DataTraceEnabled',
      failingPaths: ['MethodSettings.0.DataTraceEnabled'],
    },
    {
      name: 'stage logging every method but tracing data on one',
      doc: stage([
        { ...ALL, LoggingLevel: 'INFO' },
        { ResourcePath: '/invoke', HttpMethod: 'POST', DataTraceEnabled: true },
      ]),
      address: 'S',
      verdict: 'fail',
      path: 'MethodSettings.1.DataTraceEnabled',
      message: /prompts, completions/,
    },
    {
      name: 'stage with logging OFF and data trace on reports both',
      doc: stage([{ ...ALL, LoggingLevel: 'OFF', DataTraceEnabled: true }]),
      address: 'S',
      verdict: 'fail',
      failingPaths: ['MethodSettings.0.LoggingLevel', 'MethodSettings.0.DataTraceEnabled'],
    },
    {
      name: 'stage logging level from a parameter',
      doc: stage([{ ...ALL, LoggingLevel: { Ref: 'Level' } }], PARAMS),
      address: 'S',
      verdict: 'unknown',
      path: 'MethodSettings.0.LoggingLevel',
    },
    {
      name: 'stage data trace from a parameter',
      doc: stage([{ ...ALL, LoggingLevel: 'INFO', DataTraceEnabled: { Ref: 'Trace' } }], PARAMS),
      address: 'S',
      verdict: 'unknown',
      path: 'MethodSettings.0.DataTraceEnabled',
    },
    {
      name: 'stage method settings chosen by a condition',
      doc: stage(
        {
          'Fn::If': [
            'Debug',
            [{ ...ALL, LoggingLevel: 'INFO', DataTraceEnabled: true }],
            [{ ...ALL, LoggingLevel: 'INFO' }],
          ],
        },
        { Conditions: { Debug: { 'Fn::Equals': [{ Ref: 'Trace' }, 'on'] } }, ...PARAMS },
      ),
      address: 'S',
      verdict: 'unknown',
    },
    {
      name: 'stage whose only entry has an unresolved path',
      doc: stage([{ ResourcePath: { Ref: 'Level' }, HttpMethod: '*', LoggingLevel: 'INFO' }], PARAMS),
      address: 'S',
      verdict: 'unknown',
      path: 'MethodSettings.0',
    },
    {
      name: 'tf stage with */* logging at INFO and no data trace',
      doc: tfStage(
        settingsOf('all', '*/*', { logging_level: 'INFO', data_trace_enabled: false, metrics_enabled: true }),
      ),
      address: 'aws_api_gateway_stage.s',
      verdict: 'pass',
    },
    {
      name: 'tf stage without method settings',
      doc: tfStage(),
      address: 'aws_api_gateway_stage.s',
      verdict: 'fail',
      path: 'aws_api_gateway_method_settings',
    },
    {
      name: 'tf stage with path-specific logging only',
      doc: tfStage(settingsOf('one', 'invoke/POST', { logging_level: 'INFO' })),
      address: 'aws_api_gateway_stage.s',
      verdict: 'fail',
      path: 'aws_api_gateway_method_settings',
    },
    {
      name: 'tf stage with */* logging OFF',
      doc: tfStage(settingsOf('all', '*/*', { logging_level: 'OFF' })),
      address: 'aws_api_gateway_stage.s',
      verdict: 'fail',
      path: 'aws_api_gateway_method_settings.all.settings.logging_level',
    },
    {
      name: 'tf stage logging */* but tracing data on one method',
      doc: tfStage({
        ...settingsOf('all', '*/*', { logging_level: 'ERROR' }),
        ...settingsOf('invoke', 'invoke/POST', { data_trace_enabled: true }),
      }),
      address: 'aws_api_gateway_stage.s',
      verdict: 'fail',
      path: 'aws_api_gateway_method_settings.invoke.settings.data_trace_enabled',
      failingPaths: ['aws_api_gateway_method_settings.invoke.settings.data_trace_enabled'],
    },
    {
      name: 'tf stage logging level from a variable',
      doc: tfStage(settingsOf('all', '*/*', { logging_level: '${var.level}' })),
      address: 'aws_api_gateway_stage.s',
      verdict: 'unknown',
      path: 'aws_api_gateway_method_settings.all.settings.logging_level',
    },
    {
      name: 'tf stage data trace from a variable',
      doc: tfStage(settingsOf('all', '*/*', { logging_level: 'INFO', data_trace_enabled: '${var.trace}' })),
      address: 'aws_api_gateway_stage.s',
      verdict: 'unknown',
      path: 'aws_api_gateway_method_settings.all.settings.data_trace_enabled',
    },
    {
      name: 'tf stage logging through a counted method settings',
      doc: tfStage(settingsOf('all', '*/*', { logging_level: 'INFO' }, { count: '${var.enabled ? 1 : 0}' })),
      address: 'aws_api_gateway_stage.s',
      verdict: 'unknown',
    },
    {
      name: 'tf stage logging from a dynamic settings block',
      doc: tfStage(
        settingsOf('all', '*/*', undefined, {
          dynamic: { settings: [{ for_each: '${var.s}', content: [{ logging_level: 'INFO' }] }] },
        }),
      ),
      address: 'aws_api_gateway_stage.s',
      verdict: 'unknown',
    },
    {
      name: 'orphan method settings with data trace off',
      doc: orphan({ settings: [{ data_trace_enabled: false }] }),
      address: 'aws_api_gateway_method_settings.m',
      verdict: 'pass',
    },
    {
      name: 'orphan method settings without a settings block',
      doc: orphan({}),
      address: 'aws_api_gateway_method_settings.m',
      verdict: 'pass',
    },
    {
      name: 'orphan method settings with data trace on',
      doc: orphan({ settings: [{ data_trace_enabled: true }] }),
      address: 'aws_api_gateway_method_settings.m',
      verdict: 'fail',
      path: 'settings.data_trace_enabled',
    },
    {
      name: 'orphan method settings with data trace from a variable',
      doc: orphan({ settings: [{ data_trace_enabled: '${var.trace}' }] }),
      address: 'aws_api_gateway_method_settings.m',
      verdict: 'unknown',
    },
    {
      name: 'orphan method settings tracing data in a dynamic block',
      doc: orphan({ dynamic: { settings: [{ for_each: '${var.s}', content: [{ data_trace_enabled: true }] }] } }),
      address: 'aws_api_gateway_method_settings.m',
      verdict: 'unknown',
    },
    {
      name: 'method settings attached to a stage in the document are judged there',
      doc: tfStage(settingsOf('all', '*/*', { logging_level: 'INFO', data_trace_enabled: true })),
      address: 'aws_api_gateway_method_settings.all',
      verdict: 'not_applicable',
    },
    ...[DIAG, API_DIAG].flatMap((type) => [
      {
        name: `${type} logging headers but no bodies`,
        doc: diagnostic(type, {
          frontend_request: [{ ...HEADERS, body_bytes: 0 }],
          frontend_response: [HEADERS],
          backend_request: [{ body_bytes: 0 }],
          backend_response: [HEADERS],
        }),
        address: `${type}.d`,
        verdict: 'pass' as const,
      },
      {
        name: `${type} without body blocks`,
        doc: diagnostic(type, {}),
        address: `${type}.d`,
        verdict: 'pass' as const,
      },
      {
        name: `${type} logging frontend request bodies (prompts)`,
        doc: diagnostic(type, { frontend_request: [{ body_bytes: 8192 }] }),
        address: `${type}.d`,
        verdict: 'fail' as const,
        path: 'frontend_request.body_bytes',
        message: /prompts/,
      },
      {
        name: `${type} logging backend response bodies (completions)`,
        doc: diagnostic(type, { backend_request: [{ body_bytes: 0 }], backend_response: [{ body_bytes: 1024 }] }),
        address: `${type}.d`,
        verdict: 'fail' as const,
        path: 'backend_response.body_bytes',
        message: /completions/,
      },
      {
        name: `${type} body bytes from a variable`,
        doc: diagnostic(type, { frontend_response: [{ body_bytes: '${var.bytes}' }] }),
        address: `${type}.d`,
        verdict: 'unknown' as const,
        path: 'frontend_response.body_bytes',
      },
    ]),
    {
      name: 'diagnostic logging every body reports each block',
      doc: diagnostic(DIAG, {
        frontend_request: [{ body_bytes: 100 }],
        frontend_response: [{ body_bytes: 100 }],
        backend_request: [{ body_bytes: 100 }],
        backend_response: [{ body_bytes: 100 }],
      }),
      address: `${DIAG}.d`,
      verdict: 'fail',
      failingPaths: [
        'frontend_request.body_bytes',
        'frontend_response.body_bytes',
        'backend_request.body_bytes',
        'backend_response.body_bytes',
      ],
    },
    {
      name: 'diagnostic logging bodies from a dynamic block',
      doc: diagnostic(DIAG, {
        dynamic: { backend_response: [{ for_each: '${var.b}', content: [{ body_bytes: 512 }] }] },
      }),
      address: `${DIAG}.d`,
      verdict: 'unknown',
      path: 'backend_response.body_bytes',
    },
    {
      name: 'diagnostic with a dynamic block logging no body',
      doc: diagnostic(DIAG, { dynamic: { backend_response: [{ for_each: '${var.b}', content: [HEADERS] }] } }),
      address: `${DIAG}.d`,
      verdict: 'pass',
    },
    ...deploymentStageCases({
      what: 'execution logging without data trace',
      compliant: { LoggingLevel: 'ERROR' },
      lacking: { LoggingLevel: 'INFO', DataTraceEnabled: true },
      lackingPath: 'StageDescription.DataTraceEnabled',
      bare: { verdict: 'fail', path: 'StageDescription.MethodSettings' },
      tfBare: { verdict: 'fail', path: 'aws_api_gateway_method_settings' },
    }),
    {
      name: 'tf REST deployment whose stage logs through method settings naming it',
      doc: tfDeploymentWithSettings({ logging_level: 'INFO' }),
      address: 'aws_api_gateway_deployment.d',
      verdict: 'pass',
    },
  ],
};
