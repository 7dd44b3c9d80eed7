import type { Check, Rule } from '../../engine/rule';
import { fail, pass, unknown } from '../../engine/rule';
import { readString, unknownAt } from '../shared/read';
import { awsChecks, awsEquivalents } from './aws/cache-encryption';

/**
 * Gateway response caches are encrypted. AWS (./aws/cache-encryption.ts): every REST API method
 * setting that caches responses encrypts the cache. Azure: API Management's external response
 * cache (azurerm_api_management_redis_cache) is reached over TLS (`ssl=True` in its connection
 * string), since Redis holds the cached completions in plain text on a plain-text connection.
 */
const SSL_TRUE = /(^|,)\s*ssl\s*=\s*true\s*(,|$)/i;
const SSL_SET = /(^|,)\s*ssl\s*=/i;

const apimRedisCache: Check = (c, { graph }) => {
  const where = 'connection_string';
  const v = readString(graph, c, where);
  if (v.kind === 'unknown') return unknownAt(where, v.reason);
  if (v.kind === 'absent')
    return unknown(`${where} is not set (it is required): the cache connection cannot be judged`, where);
  if (SSL_TRUE.test(v.value)) return pass(`${where} sets ssl=True: the gateway reaches its cache over TLS`, where);
  const is = SSL_SET.test(v.value) ? 'sets ssl to something other than True' : 'does not set ssl=True';
  return fail(
    `${where} ${is}: cached responses (completions, and the prompts they answer) travel to and from Redis in plain ` +
      'text; add ssl=True (port 6380) to the connection string',
    where,
  );
};

export const cacheEncryptionRule: Rule = {
  id: 'ZT-INFERENCE-013',
  title: 'Gateway response caches are encrypted',
  severity: 'medium',
  layer: 'inference',
  rationale:
    'A gateway response cache keeps completions (keyed by the prompts that produced them) to serve repeated calls ' +
    'without invoking the model: it is model data at rest, outside the stores whose encryption the data rules ' +
    'enforce. An unencrypted API Gateway cache cluster, or an API Management external Redis cache reached without ' +
    'TLS, exposes prompts, completions and any personal data in them to whoever reads the cache or the network.',
  remediation:
    'CDK: apigateway.RestApi({ deployOptions: { cachingEnabled: true, cacheDataEncrypted: true } }), and ' +
    'cacheDataEncrypted: true in every methodOptions entry with cachingEnabled (or leave caching off). ' +
    'CloudFormation: AWS::ApiGateway::Stage MethodSettings with CacheDataEncrypted true in every entry whose ' +
    'CachingEnabled is true. Terraform: aws_api_gateway_method_settings with settings { cache_data_encrypted = true } ' +
    'wherever settings.caching_enabled = true, for each aws_api_gateway_stage. Azure: ' +
    'azurerm_api_management_redis_cache with a connection_string that contains ssl=True (the Redis TLS port 6380), ' +
    'and the Redis cache itself with non_ssl_port_enabled = false.',
  controls: [
    { framework: 'NIST-800-53', id: 'SC-28' },
    { framework: 'NIST-800-53', id: 'SC-28(1)' },
    { framework: 'NIST-800-53', id: 'SC-8' },
    { framework: 'SOC2', id: 'CC6.1' },
    { framework: 'SOC2', id: 'CC6.7' },
    { framework: 'HIPAA', id: '164.312(a)(2)(iv)' },
    { framework: 'HIPAA', id: '164.312(e)(2)(ii)' },
    { framework: 'GDPR', id: 'Art. 32(1)(a)' },
    { framework: 'ISO-27001', id: 'A.8.24' },
  ],
  equivalents: [...awsEquivalents],
  checks: {
    ...awsChecks,
    azurerm_api_management_redis_cache: apimRedisCache,
  },
};
