import { CallerLimits } from '../../core/inference-limits';
import { AccountKind } from './props';
import { el, render, XmlElement } from './xml';

/** Entra ID resource of Azure AI services: APIM's managed identity asks for a token to it. */
export const COGNITIVE_SERVICES_RESOURCE = 'https://cognitiveservices.azure.com';
/** Request parameters that make the model return token probabilities (model internals). */
export const LOGPROB_PARAMETERS = ['logprobs', 'top_logprobs'] as const;
/** Context variable holding the validated token, and the one holding the caller's identity. */
export const TOKEN_VARIABLE = 'jwt';
export const CALLER_VARIABLE = 'caller-id';
/** Dimension of the token metrics that names the caller (token oid / appid). */
export const CALLER_DIMENSION = 'Caller';
/** Metric the token-metric policy emits per call with the prompt + completion token count. */
export const TOTAL_TOKENS_METRIC = 'Total Tokens';

/** Typed inputs of the API-level policy; `buildLlmApiPolicy` turns them into XML. */
export interface LlmPolicyOptions {
  readonly tenantId: string;
  /** Accepted token audiences: the API app registration's client ID and its Application ID URI. */
  readonly audiences: readonly string[];
  /** App role the token must carry in `roles`. */
  readonly requiredRole: string;
  readonly callerLimits: CallerLimits;
  readonly tokensPerMinute: number;
  readonly maxRequestBytes: number;
  /** When false, logprobs / top_logprobs are removed from requests and responses. */
  readonly allowLogprobs: boolean;
  /** APIM backend entity of the account's private endpoint. */
  readonly backendId: string;
  /** Selects azure-openai-* (OpenAI) or llm-* (AIServices) token policies. */
  readonly kind: AccountKind;
  /** Namespace of the token metrics. */
  readonly metricNamespace: string;
}

const caller = `(string)context.Variables["${CALLER_VARIABLE}"]`;

/** 400 / 401 with a JSON error body, in the shape Azure OpenAI uses. */
function reject(status: number, reason: string, code: string, message: string): XmlElement {
  return el('return-response', {}, [
    el('set-status', { code: status, reason }),
    el('set-header', { name: 'Content-Type', 'exists-action': 'override' }, [el('value', {}, ['application/json'])]),
    el('set-body', {}, [JSON.stringify({ error: { code, message } })]),
  ]);
}

/** Entra ID token of the tenant, for this API's audience, carrying the required app role: else 401. */
function authenticate(o: LlmPolicyOptions): XmlElement[] {
  return [
    el(
      'validate-azure-ad-token',
      {
        'tenant-id': o.tenantId,
        'header-name': 'Authorization',
        'failed-validation-httpcode': 401,
        'failed-validation-error-message': 'Unauthorized: a valid Entra ID access token is required.',
        'output-token-variable-name': TOKEN_VARIABLE,
      },
      [
        el(
          'audiences',
          {},
          o.audiences.map((a) => el('audience', {}, [a])),
        ),
        el('required-claims', {}, [el('claim', { name: 'roles', match: 'any' }, [el('value', {}, [o.requiredRole])])]),
      ],
    ),
    // The caller is the token's object ID (user or service principal); app ID when a token lacks it.
    el('set-variable', {
      name: CALLER_VARIABLE,
      value:
        `@{ var jwt = (Jwt)context.Variables["${TOKEN_VARIABLE}"]; ` +
        'return jwt.Claims.GetValueOrDefault("oid", jwt.Claims.GetValueOrDefault("appid", jwt.Claims.GetValueOrDefault("azp", ""))); }',
    }),
    el('choose', {}, [
      el('when', { condition: `@(string.IsNullOrEmpty(${caller}))` }, [
        reject(401, 'Unauthorized', 'Unauthorized', 'The access token names no caller (oid / appid).'),
      ]),
    ]),
  ];
}

/** Calls per caller (429 with Retry-After), then the longer quota (403). */
function meter(o: LlmPolicyOptions): XmlElement[] {
  const l = o.callerLimits;
  return [
    el('rate-limit-by-key', {
      calls: l.rate,
      'renewal-period': l.ratePeriodSeconds,
      'counter-key': `@(${caller})`,
      'remaining-calls-header-name': 'x-ratelimit-remaining-requests',
    }),
    el('quota-by-key', { calls: l.quota, 'renewal-period': l.quotaPeriodSeconds, 'counter-key': `@(${caller})` }),
  ];
}

/** Size and content type (413 / 415 via validate-content), then the body must be a JSON object (400). */
function validate(o: LlmPolicyOptions): XmlElement[] {
  return [
    el(
      'validate-content',
      {
        'unspecified-content-type-action': 'prevent',
        'max-size': o.maxRequestBytes,
        'size-exceeded-action': 'prevent',
        'errors-variable-name': 'request-validation',
      },
      [el('content', { type: 'application/json', 'validate-as': 'json', action: 'ignore' })],
    ),
    el('choose', {}, [
      el(
        'when',
        {
          condition:
            '@{ try { return context.Request.Body.As<JObject>(preserveContent: true) == null; } catch { return true; } }',
        },
        [reject(400, 'Bad Request', 'InvalidRequest', 'The request body must be a JSON object.')],
      ),
    ]),
  ];
}

/** Removes the logprob parameters before the model sees them. */
function stripRequest(): XmlElement {
  const removals = LOGPROB_PARAMETERS.map((p) => `body.Remove("${p}");`).join(' ');
  return el('set-body', {}, [
    `@{ var body = context.Request.Body.As<JObject>(preserveContent: true); ${removals} ` +
      'return body.ToString(Newtonsoft.Json.Formatting.None); }',
  ]);
}

/** Defence in depth: no logprobs in a JSON completion even if a backend returned them. */
function stripResponse(): XmlElement {
  return el('choose', {}, [
    el(
      'when',
      {
        condition:
          '@(context.Response.StatusCode == 200 && context.Response.Headers.GetValueOrDefault("Content-Type", "").Contains("application/json"))',
      },
      [
        el('set-body', {}, [
          '@{ var body = context.Response.Body.As<JObject>(); ' +
            'foreach (var choice in body["choices"] ?? new JArray()) { var c = choice as JObject; if (c != null) { c.Remove("logprobs"); } } ' +
            'return body.ToString(Newtonsoft.Json.Formatting.None); }',
        ]),
      ],
    ),
  ]);
}

/** Tokens per minute per caller (429) and token metrics per caller. */
function tokens(o: LlmPolicyOptions): XmlElement[] {
  const prefix = o.kind === 'OpenAI' ? 'azure-openai' : 'llm';
  return [
    el(`${prefix}-token-limit`, {
      'counter-key': `@(${caller})`,
      'tokens-per-minute': o.tokensPerMinute,
      // Estimated before the call, so an over-limit caller never reaches the model.
      'estimate-prompt-tokens': true,
      'remaining-tokens-header-name': 'x-ratelimit-remaining-tokens',
    }),
    el(`${prefix}-emit-token-metric`, { namespace: o.metricNamespace }, [
      el('dimension', { name: 'API ID' }),
      el('dimension', { name: 'Operation ID' }),
      el('dimension', { name: CALLER_DIMENSION, value: `@(${caller})` }),
    ]),
  ];
}

/** Managed identity to the account (no keys), any caller-supplied key dropped, private backend. */
function backend(o: LlmPolicyOptions): XmlElement[] {
  return [
    el('set-header', { name: 'api-key', 'exists-action': 'delete' }),
    el('authentication-managed-identity', { resource: COGNITIVE_SERVICES_RESOURCE }),
    el('set-backend-service', { 'backend-id': o.backendId }),
  ];
}

/** The API-level policy of the LLM API, as well-formed XML. */
export function buildLlmApiPolicy(o: LlmPolicyOptions): string {
  const policy = el('policies', {}, [
    el('inbound', {}, [
      el('base'),
      ...authenticate(o),
      ...meter(o),
      ...validate(o),
      !o.allowLogprobs && stripRequest(),
      ...tokens(o),
      ...backend(o),
    ]),
    el('backend', {}, [el('base')]),
    el('outbound', {}, [el('base'), !o.allowLogprobs && stripResponse()]),
    el('on-error', {}, [el('base')]),
  ]);
  return render(policy);
}
