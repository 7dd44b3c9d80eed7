import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { describeResolved, joinPath } from '../../shared/read';

/**
 * API Gateway REST integrations that call a model directly: AWS service integrations whose URI is
 * `arn:aws:apigateway:<region>:bedrock-runtime:path/model/<id>/invoke|converse[-stream]` or
 * `arn:aws:apigateway:<region>:runtime.sagemaker:path/endpoints/<name>/invocations`. The URI is
 * often built with Fn::Join / Fn::Sub: its literal text still names the service.
 */
export interface IntegrationFields {
  /** Where the integration lives: "Integration" inside a CFN method, "" for aws_api_gateway_integration. */
  readonly base: string;
  readonly uri: string;
  readonly parameters: string;
  readonly templates: string;
  readonly passthrough: string;
  readonly responses?: string;
  readonly responseTemplates: string;
}

export const CFN_INTEGRATION: IntegrationFields = {
  base: 'Integration',
  uri: 'Uri',
  parameters: 'RequestParameters',
  templates: 'RequestTemplates',
  passthrough: 'PassthroughBehavior',
  responses: 'IntegrationResponses',
  responseTemplates: 'ResponseTemplates',
};

export const TF_INTEGRATION: IntegrationFields = {
  base: '',
  uri: 'uri',
  parameters: 'request_parameters',
  templates: 'request_templates',
  passthrough: 'passthrough_behavior',
  responseTemplates: 'response_templates',
};

export type ModelService =
  | { readonly kind: 'bedrock'; readonly operation: 'invoke' | 'converse'; readonly uri: string }
  | { readonly kind: 'sagemaker'; readonly uri: string }
  | { readonly kind: 'other' }
  | { readonly kind: 'unknown'; readonly reason: string };

export const at = (f: IntegrationFields, p: string) => joinPath(f.base, p);

export function modelService(g: ResourceGraph, res: Resource, f: IntegrationFields): ModelService {
  const r = g.value(res, at(f, f.uri));
  let text: string;
  if (r.kind === 'absent') return { kind: 'other' };
  if (r.kind === 'literal') text = typeof r.value === 'string' ? r.value : '';
  else if (r.kind === 'composed') text = r.parts.filter((p): p is string => typeof p === 'string').join('{}');
  else return { kind: 'unknown', reason: `${at(f, f.uri)} cannot be decided at synth time: ${describeResolved(r)}` };
  if (text.includes(':bedrock-runtime:')) {
    const converse = text.includes('/converse');
    return { kind: 'bedrock', operation: converse ? 'converse' : 'invoke', uri: text };
  }
  if (text.includes(':runtime.sagemaker:')) return { kind: 'sagemaker', uri: text };
  return { kind: 'other' };
}

/** A mapping template that hands the raw payload through unchanged. */
export function isPassthrough(template: string): boolean {
  const t = template.replace(/\s+/g, '');
  return t === '' || t === '$input.body' || t === "$input.json('$')" || t === '$input.json("$")';
}
