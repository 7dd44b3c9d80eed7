import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import type { Resolved } from '../../../engine/resolved';
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
import { isPlainObject, joinPath, listLength, rawAt, readBoolean, readString, unknownAt } from '../../shared/read';
import { agentChecks, agentEquivalents } from './agent-guardrail';
import { iamChecks } from './guardrail-iam';
import { CFN_INTEGRATION, type IntegrationFields, TF_INTEGRATION, at, modelService } from './integrations';

/**
 * ZT-INFERENCE-009 on CloudFormation and Terraform aws_*: a Bedrock guardrail screens prompts
 * for attacks and filters harmful content on input and output; every API Gateway integration
 * calling Bedrock applies the platform guardrail (a fixed header for InvokeModel, guardrailConfig
 * in the mapped body for Converse, with no pass-through of other bodies); IAM policies allow
 * invocation only with the guardrail (./guardrail-iam.ts).
 */
interface GuardrailFields {
  readonly filters: string;
  readonly type: string;
  readonly input: string;
  readonly output: string;
  readonly inputEnabled: string;
  readonly outputEnabled: string;
}

const CFN_GUARDRAIL: GuardrailFields = {
  filters: 'ContentPolicyConfig.FiltersConfig',
  type: 'Type',
  input: 'InputStrength',
  output: 'OutputStrength',
  inputEnabled: 'InputEnabled',
  outputEnabled: 'OutputEnabled',
};
const TF_GUARDRAIL: GuardrailFields = {
  filters: 'content_policy_config.filters_config',
  type: 'type',
  input: 'input_strength',
  output: 'output_strength',
  inputEnabled: 'input_enabled',
  outputEnabled: 'output_enabled',
};

interface Filter {
  readonly type: string;
  readonly input: boolean;
  readonly output: boolean;
}

/** A filter side is on when its strength is not NONE and it is not switched off. */
function side(g: ResourceGraph, r: Resource, base: string, strength: string, enabled: string): boolean | string {
  const s = readString(g, r, joinPath(base, strength));
  const e = readBoolean(g, r, joinPath(base, enabled));
  if (s.kind === 'unknown') return joinPath(base, strength);
  if (e.kind === 'unknown') return joinPath(base, enabled);
  return s.kind === 'value' && s.value !== 'NONE' && !(e.kind === 'value' && !e.value);
}

const guardrail =
  (f: GuardrailFields): Check =>
  (r, { graph }) => {
    const n = listLength(graph, r, f.filters);
    if (n.kind === 'unknown') return unknownAt(f.filters, n.reason);
    const filters: Filter[] = [];
    for (let i = 0; n.kind === 'value' && i < n.value; i++) {
      const base = joinPath(f.filters, i);
      const type = readString(graph, r, joinPath(base, f.type));
      const input = side(graph, r, base, f.input, f.inputEnabled);
      const output = side(graph, r, base, f.output, f.outputEnabled);
      for (const v of [input, output])
        if (typeof v === 'string') return unknownAt(v, 'the filter strength is unresolved');
      if (type.kind !== 'value') return unknownAt(joinPath(base, f.type), 'the filter type is unresolved');
      filters.push({ type: type.value, input: input === true, output: output === true });
    }
    const content = filters.filter((x) => x.type !== 'PROMPT_ATTACK');
    return eachOf([
      filters.some((x) => x.type === 'PROMPT_ATTACK' && x.input)
        ? pass('a PROMPT_ATTACK filter screens input', f.filters)
        : fail(`${f.filters} has no PROMPT_ATTACK filter on input: jailbreaks and prompt injection pass`, f.filters),
      content.some((x) => x.input)
        ? pass('content filters screen prompts', f.filters)
        : fail(`${f.filters} has no content filter (HATE, VIOLENCE, ...) on input`, f.filters),
      content.some((x) => x.output)
        ? pass('content filters screen responses', f.filters)
        : fail(`${f.filters} has no content filter on output: harmful completions are returned`, f.filters),
    ]);
  };

function stringMap(res: Resource, path: string): Record<string, unknown> | undefined {
  const raw = rawAt(res, path);
  return isPlainObject(raw) ? raw : undefined;
}

const GUARDRAIL_HEADER = 'integration.request.header.x-amzn-bedrock-guardrailidentifier';

/** InvokeModel: the guardrail header is set from a fixed value or a stage variable, never from the caller. */
function invokeHeader(res: Resource, f: IntegrationFields): CheckResult {
  const path = at(f, f.parameters);
  const params = stringMap(res, path) ?? {};
  const key = Object.keys(params).find((k) => k.toLowerCase() === GUARDRAIL_HEADER);
  if (!key)
    return fail(
      `${path} does not set X-Amzn-Bedrock-GuardrailIdentifier: InvokeModel runs without the guardrail`,
      path,
    );
  const v = params[key];
  if (typeof v !== 'string') return unknownAt(`${path}.${key}`, 'the header value is computed');
  if (v.startsWith("'") || v.startsWith('stageVariables.'))
    return pass(`${path} sets the guardrail header (${v})`, path);
  return fail(`${path}.${key} comes from ${v}: the caller chooses (or omits) the guardrail`, `${path}.${key}`);
}

/** The literal text of a template, references as placeholders; undefined when part of it is unknown. */
function templateText(v: Resolved): string | undefined {
  if (v.kind === 'literal') return typeof v.value === 'string' ? v.value : undefined;
  if (v.kind !== 'composed' || v.parts.some((p) => typeof p !== 'string' && p.kind === 'unknown')) return undefined;
  return v.parts.map((p) => (typeof p === 'string' ? p : '${ref}')).join('');
}

/** Converse: every mapping template writes guardrailConfig, and bodies with no template are refused. */
function converseBody(g: ResourceGraph, res: Resource, f: IntegrationFields): CheckResult {
  const path = at(f, f.templates);
  const templates = stringMap(res, path);
  if (!templates || Object.keys(templates).length === 0)
    return fail(
      `${path} is not set: the caller's body (with or without guardrailConfig) goes to Converse as sent`,
      path,
    );
  for (const [type, raw] of Object.entries(templates)) {
    // A template built with Fn::Join / Fn::Sub (the guardrail version is a reference) keeps its text parts.
    const t = typeof raw === 'string' ? raw : templateText(g.value(res, `${path}.${type}`));
    if (t === undefined) return unknownAt(`${path}.${type}`, 'the template is computed');
    if (!t.includes('guardrailConfig') || !t.includes('guardrailIdentifier'))
      return fail(
        `${path}.${type} does not write guardrailConfig: Converse runs without the guardrail`,
        `${path}.${type}`,
      );
  }
  const pt = readString(g, res, at(f, f.passthrough));
  if (pt.kind === 'unknown') return unknownAt(at(f, f.passthrough), pt.reason);
  if (pt.kind === 'absent' || pt.value === 'WHEN_NO_MATCH')
    return fail(
      `${at(f, f.passthrough)} is WHEN_NO_MATCH (the default): a body of another content type skips the template and its guardrail`,
      at(f, f.passthrough),
    );
  return pass(`every mapping template applies the guardrail and ${at(f, f.passthrough)} is ${pt.value}`, path);
}

const integration =
  (f: IntegrationFields): Check =>
  (res, { graph }) => {
    const service = modelService(graph, res, f);
    if (service.kind === 'unknown')
      return unknown(`${service.reason}; it may call Bedrock without the guardrail`, at(f, f.uri));
    if (service.kind !== 'bedrock') return notApplicable('the integration does not call Bedrock');
    return service.operation === 'invoke' ? invokeHeader(res, f) : converseBody(graph, res, f);
  };

export const awsChecks: Readonly<Record<string, Check>> = {
  'AWS::Bedrock::Guardrail': guardrail(CFN_GUARDRAIL),
  aws_bedrock_guardrail: guardrail(TF_GUARDRAIL),
  'AWS::ApiGateway::Method': integration(CFN_INTEGRATION),
  aws_api_gateway_integration: integration(TF_INTEGRATION),
  ...iamChecks,
  ...agentChecks,
};

export const awsEquivalents: readonly Equivalent[] = [...agentEquivalents];
