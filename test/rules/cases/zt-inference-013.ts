import { cacheEncryptionRule } from '../../../policies/rules/inference/zt-inference-013-cache-encryption';
import { RuleCases, cfn, tf } from '../helpers';
import { deploymentStageCases, tfDeploymentWithSettings } from './deployment-stage';

const ALL = { ResourcePath: '/*', HttpMethod: '*' };
const PARAMS = { Parameters: { Cache: { Type: 'String' }, Encrypt: { Type: 'String' } } };
const stage = (settings: unknown, props: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
  cfn(
    {
      S: {
        Type: 'AWS::ApiGateway::Stage',
        Properties: {
          StageName: 'p',
          RestApiId: 'a',
          ...props,
          ...(settings === undefined ? {} : { MethodSettings: settings }),
        },
      },
    },
    extra,
  );

const STAGE = { stage_name: 'prod', rest_api_id: 'a', deployment_id: 'd' };
const settingsOf = (name: string, settings: Record<string, unknown> | undefined, extra = {}) => ({
  [name]: {
    rest_api_id: 'a',
    stage_name: '${aws_api_gateway_stage.s.stage_name}',
    method_path: '*/*',
    ...(settings ? { settings: [settings] } : {}),
    ...extra,
  },
});
const tfStage = (methodSettings?: Record<string, unknown>, stageExtra: Record<string, unknown> = {}) =>
  tf({
    aws_api_gateway_stage: { s: { ...STAGE, ...stageExtra } },
    ...(methodSettings ? { aws_api_gateway_method_settings: methodSettings } : {}),
  });
const orphan = (body: Record<string, unknown>) =>
  tf({
    aws_api_gateway_method_settings: {
      m: {
        rest_api_id: 'a',
        stage_name: '${aws_api_gateway_stage.elsewhere.stage_name}',
        method_path: 'chat/POST',
        ...body,
      },
    },
  });

const REDIS = 'azurerm_api_management_redis_cache';
const redis = (connection: unknown) =>
  tf({
    [REDIS]: {
      c: {
        name: 'cache',
        api_management_id: '${azurerm_api_management.apim.id}',
        ...(connection === undefined ? {} : { connection_string: connection }),
        cache_location: 'westeurope',
      },
    },
  });
const HOST = 'llm-cache.redis.cache.windows.net';

export const cases: RuleCases = {
  rule: cacheEncryptionRule,
  cases: [
    {
      name: 'stage caching every method with encryption',
      doc: stage([{ ...ALL, CachingEnabled: true, CacheDataEncrypted: true }], { CacheClusterEnabled: true }),
      address: 'S',
      verdict: 'pass',
      message: /encrypted/,
    },
    {
      name: 'stage without method settings caches nothing',
      doc: stage(undefined),
      address: 'S',
      verdict: 'pass',
      message: /nothing is cached/,
    },
    {
      name: 'stage with method settings that do not cache',
      doc: stage([{ ...ALL, LoggingLevel: 'INFO', CachingEnabled: false }]),
      address: 'S',
      verdict: 'pass',
      message: /nothing is cached/,
    },
    {
      name: 'stage with a cache cluster but no method enabling caching says so',
      doc: stage([{ ...ALL, LoggingLevel: 'INFO' }], { CacheClusterEnabled: true, CacheClusterSize: '0.5' }),
      address: 'S',
      verdict: 'pass',
      message: /CacheClusterEnabled is true, but caching defaults to off per method/,
    },
    {
      name: 'stage caching every method unencrypted',
      doc: stage([{ ...ALL, CachingEnabled: true, CacheDataEncrypted: false }], { CacheClusterEnabled: true }),
      address: 'S',
      verdict: 'fail',
      path: 'MethodSettings.0.CacheDataEncrypted',
      message: /stored unencrypted/,
    },
    {
      name: 'stage caching one method without CacheDataEncrypted',
      doc: stage([
        { ...ALL, CachingEnabled: true, CacheDataEncrypted: true },
        { ResourcePath: '/invoke', HttpMethod: 'POST', CachingEnabled: true },
      ]),
      address: 'S',
      verdict: 'fail',
      path: 'MethodSettings.1.CacheDataEncrypted',
      message: /not set \(false\)/,
    },
    {
      name: 'stage caching two methods unencrypted reports both',
      doc: stage([
        { ...ALL, CachingEnabled: true },
        { ResourcePath: '/invoke', HttpMethod: 'POST', CachingEnabled: 'true', CacheDataEncrypted: 'false' },
      ]),
      address: 'S',
      verdict: 'fail',
      failingPaths: ['MethodSettings.0.CacheDataEncrypted', 'MethodSettings.1.CacheDataEncrypted'],
    },
    {
      name: 'stage caching from a parameter',
      doc: stage([{ ...ALL, CachingEnabled: { Ref: 'Cache' } }], {}, PARAMS),
      address: 'S',
      verdict: 'unknown',
      path: 'MethodSettings.0.CachingEnabled',
    },
    {
      name: 'stage cache encryption from a parameter',
      doc: stage([{ ...ALL, CachingEnabled: true, CacheDataEncrypted: { Ref: 'Encrypt' } }], {}, PARAMS),
      address: 'S',
      verdict: 'unknown',
      path: 'MethodSettings.0.CacheDataEncrypted',
    },
    {
      name: 'stage method settings chosen by a condition',
      doc: stage(
        {
          'Fn::If': [
            'Cached',
            [{ ...ALL, CachingEnabled: true }],
            [{ ...ALL, CachingEnabled: true, CacheDataEncrypted: true }],
          ],
        },
        {},
        { Conditions: { Cached: { 'Fn::Equals': [{ Ref: 'Cache' }, 'on'] } }, ...PARAMS },
      ),
      address: 'S',
      verdict: 'unknown',
    },
    {
      name: 'tf stage caching through encrypted method settings',
      doc: tfStage(settingsOf('all', { caching_enabled: true, cache_data_encrypted: true }), {
        cache_cluster_enabled: true,
      }),
      address: 'aws_api_gateway_stage.s',
      verdict: 'pass',
      message: /encrypted/,
    },
    {
      name: 'tf stage without method settings caches nothing',
      doc: tfStage(),
      address: 'aws_api_gateway_stage.s',
      verdict: 'pass',
      message: /nothing is cached/,
    },
    {
      name: 'tf stage with a cache cluster but no method enabling caching says so',
      doc: tfStage(settingsOf('all', { logging_level: 'INFO' }), { cache_cluster_enabled: true }),
      address: 'aws_api_gateway_stage.s',
      verdict: 'pass',
      message: /cache_cluster_enabled is true, but caching defaults to off per method/,
    },
    {
      name: 'tf stage caching through unencrypted method settings',
      doc: tfStage(settingsOf('all', { caching_enabled: true, cache_data_encrypted: false })),
      address: 'aws_api_gateway_stage.s',
      verdict: 'fail',
      path: 'aws_api_gateway_method_settings.all.settings.cache_data_encrypted',
    },
    {
      name: 'tf stage with one of two method settings caching without encryption',
      doc: tfStage({
        ...settingsOf('all', { caching_enabled: true, cache_data_encrypted: true }),
        ...settingsOf('invoke', { caching_enabled: true }, { method_path: 'invoke/POST' }),
      }),
      address: 'aws_api_gateway_stage.s',
      verdict: 'fail',
      failingPaths: ['aws_api_gateway_method_settings.invoke.settings.cache_data_encrypted'],
    },
    {
      name: 'tf stage caching from a variable',
      doc: tfStage(settingsOf('all', { caching_enabled: '${var.cache}' })),
      address: 'aws_api_gateway_stage.s',
      verdict: 'unknown',
      path: 'aws_api_gateway_method_settings.all.settings.caching_enabled',
    },
    {
      name: 'tf stage cache encryption from a variable',
      doc: tfStage(settingsOf('all', { caching_enabled: true, cache_data_encrypted: '${var.encrypt}' })),
      address: 'aws_api_gateway_stage.s',
      verdict: 'unknown',
      path: 'aws_api_gateway_method_settings.all.settings.cache_data_encrypted',
    },
    {
      name: 'tf stage caching unencrypted through a counted method settings',
      doc: tfStage(settingsOf('all', { caching_enabled: true }, { count: '${var.enabled ? 1 : 0}' })),
      address: 'aws_api_gateway_stage.s',
      verdict: 'unknown',
    },
    {
      name: 'tf stage caching unencrypted from a dynamic settings block',
      doc: tfStage(
        settingsOf('all', undefined, {
          dynamic: { settings: [{ for_each: '${var.s}', content: [{ caching_enabled: true }] }] },
        }),
      ),
      address: 'aws_api_gateway_stage.s',
      verdict: 'unknown',
    },
    {
      name: 'orphan method settings caching with encryption',
      doc: orphan({ settings: [{ caching_enabled: true, cache_data_encrypted: true }] }),
      address: 'aws_api_gateway_method_settings.m',
      verdict: 'pass',
    },
    {
      name: 'orphan method settings without caching',
      doc: orphan({ settings: [{ metrics_enabled: true }] }),
      address: 'aws_api_gateway_method_settings.m',
      verdict: 'pass',
      message: /nothing is cached/,
    },
    {
      name: 'orphan method settings caching without encryption',
      doc: orphan({ settings: [{ caching_enabled: true, cache_data_encrypted: false }] }),
      address: 'aws_api_gateway_method_settings.m',
      verdict: 'fail',
      path: 'settings.cache_data_encrypted',
    },
    {
      name: 'orphan method settings with encryption from a variable',
      doc: orphan({ settings: [{ caching_enabled: true, cache_data_encrypted: '${var.encrypt}' }] }),
      address: 'aws_api_gateway_method_settings.m',
      verdict: 'unknown',
      path: 'settings.cache_data_encrypted',
    },
    {
      name: 'orphan method settings caching unencrypted in a dynamic block',
      doc: orphan({ dynamic: { settings: [{ for_each: '${var.s}', content: [{ caching_enabled: true }] }] } }),
      address: 'aws_api_gateway_method_settings.m',
      verdict: 'unknown',
    },
    {
      name: 'method settings attached to a stage in the document are judged there',
      doc: tfStage(settingsOf('all', { caching_enabled: true })),
      address: 'aws_api_gateway_method_settings.all',
      verdict: 'not_applicable',
    },
    {
      name: 'APIM redis cache connected over TLS',
      doc: redis(`${HOST}:6380,password=p,ssl=True,abortConnect=False`),
      address: `${REDIS}.c`,
      verdict: 'pass',
    },
    {
      name: 'APIM redis cache with ssl=true in lower case',
      doc: redis(`${HOST}:6380,password=p, ssl = true`),
      address: `${REDIS}.c`,
      verdict: 'pass',
    },
    {
      name: 'APIM redis cache with ssl=False',
      doc: redis(`${HOST}:6379,password=p,ssl=False,abortConnect=False`),
      address: `${REDIS}.c`,
      verdict: 'fail',
      path: 'connection_string',
      message: /other than True/,
    },
    {
      name: 'APIM redis cache without ssl in its connection string',
      doc: redis(`${HOST}:6379,password=p,abortConnect=False`),
      address: `${REDIS}.c`,
      verdict: 'fail',
      path: 'connection_string',
      message: /does not set ssl=True/,
    },
    {
      name: 'APIM redis cache with sslprotocols but no ssl flag',
      doc: redis(`${HOST}:6379,password=p,sslprotocols=tls12`),
      address: `${REDIS}.c`,
      verdict: 'fail',
      path: 'connection_string',
    },
    {
      name: 'APIM redis cache connection string from another resource',
      doc: redis('${azurerm_redis_cache.r.primary_connection_string}'),
      address: `${REDIS}.c`,
      verdict: 'unknown',
      path: 'connection_string',
    },
    {
      name: 'APIM redis cache connection string from a variable',
      doc: redis('${var.redis_connection}'),
      address: `${REDIS}.c`,
      verdict: 'unknown',
      path: 'connection_string',
    },
    ...deploymentStageCases({
      what: 'cache encryption',
      compliant: { CachingEnabled: true, CacheDataEncrypted: true },
      lacking: { CachingEnabled: true },
      lackingPath: 'StageDescription.CacheDataEncrypted',
      bare: { verdict: 'pass', path: 'StageDescription.MethodSettings' },
      tfBare: { verdict: 'pass', path: 'aws_api_gateway_method_settings' },
    }),
    {
      name: 'tf REST deployment whose stage caches unencrypted through method settings naming it',
      doc: tfDeploymentWithSettings({ caching_enabled: true }),
      address: 'aws_api_gateway_deployment.d',
      verdict: 'fail',
      path: 'aws_api_gateway_method_settings.ms.settings.cache_data_encrypted',
    },
  ],
};
