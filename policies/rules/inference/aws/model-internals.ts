import type { Resolved, ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import {
  type Check,
  type CheckResult,
  type Equivalent,
  fail,
  notApplicable,
  pass,
  unknown,
} from '../../../engine/rule';
import { eachOf } from '../../shared/combine';
import { isPlainObject, joinPath, listLength, rawAt, unknownAt } from '../../shared/read';
import {
  CFN_INTEGRATION,
  TF_INTEGRATION,
  type IntegrationFields,
  at,
  isPassthrough,
  modelService,
} from './integrations';

/**
 * ZT-INFERENCE-010 on CloudFormation and Terraform aws_*: an API Gateway integration that calls a
 * model (SageMaker runtime, Bedrock runtime) maps every response through a template, so callers
 * get the fields the API owner chose (the label, not the score vector) instead of the raw model
 * output. Which fields a VTL template returns is the owner's decision: a template that is not a
 * pass-through of the body is accepted as that decision.
 */
function judgeTemplates(g: ResourceGraph, res: Resource, path: string, who: string): CheckResult {
  const raw = rawAt(res, path);
  if (raw === undefined) {
    const r = g.value(res, path);
    if (r.kind === 'absent')
      return fail(`${who}${path} is not set: the raw model output (scores, probabilities) is returned`, path);
    return unknownAt(path, 'the response templates are computed');
  }
  if (!isPlainObject(raw) || Object.keys(raw).length === 0)
    return fail(`${who}${path} maps no content type: the raw model output is returned`, path);
  for (const [type, t] of Object.entries(raw)) {
    if (typeof t !== 'string') return unknownAt(`${path}.${type}`, 'the template is computed');
    if (isPassthrough(t))
      return fail(`${who}${path}.${type} passes the model output through unchanged`, `${path}.${type}`);
  }
  return pass(`${who}${path} maps the model output through a template of the API owner's fields`, path);
}

function modelCall(g: ResourceGraph, res: Resource, f: IntegrationFields): CheckResult | undefined {
  const s = modelService(g, res, f);
  if (s.kind === 'unknown')
    return unknown(`${s.reason}; if it calls a model, its raw output may be returned`, at(f, f.uri));
  if (s.kind === 'other') return notApplicable('the integration does not call a model runtime');
  return undefined;
}

const cfnMethod: Check = (m, { graph }) => {
  const f = CFN_INTEGRATION;
  const skip = modelCall(graph, m, f);
  if (skip) return skip;
  const list = at(f, f.responses!);
  const n = listLength(graph, m, list);
  if (n.kind === 'unknown') return unknownAt(list, n.reason);
  if (n.kind !== 'value' || n.value === 0)
    return fail(`${list} is not set: no response mapping limits what the model returns`, list);
  const results: CheckResult[] = [];
  for (let i = 0; i < n.value; i++) results.push(judgeTemplates(graph, m, joinPath(list, i, f.responseTemplates), ''));
  return eachOf(results);
};

/** Terraform: the integration's responses are aws_api_gateway_integration_response on the same method. */
const targetKey = (r: Resolved): string | undefined => {
  if (r.kind === 'reference') return `${r.to.key} ${r.attribute ?? ''}`;
  if (r.kind === 'literal') return JSON.stringify(r.value);
  if (r.kind === 'unknown' && r.target) return `${r.target.address} ${r.target.attribute ?? ''}`;
  return undefined;
};

const sameTarget = (g: ResourceGraph, a: Resource, b: Resource, path: string): boolean => {
  const x = targetKey(g.value(a, path));
  return x !== undefined && x === targetKey(g.value(b, path));
};

const tfIntegration: Check = (i, { graph }) => {
  const skip = modelCall(graph, i, TF_INTEGRATION);
  if (skip) return skip;
  const responses = graph
    .sameDocument(i, 'aws_api_gateway_integration_response')
    .filter((r) => ['rest_api_id', 'resource_id', 'http_method'].every((p) => sameTarget(graph, i, r, p)));
  if (responses.length === 0)
    return fail(
      'no aws_api_gateway_integration_response maps this integration: the raw model output is returned',
      'aws_api_gateway_integration_response',
    );
  return eachOf(responses.map((r) => judgeTemplates(graph, r, TF_INTEGRATION.responseTemplates, `${r.address}.`)));
};

export const awsChecks: Readonly<Record<string, Check>> = {
  'AWS::ApiGateway::Method': cfnMethod,
  aws_api_gateway_integration: tfIntegration,
};

export const awsEquivalents: readonly Equivalent[] = [];
