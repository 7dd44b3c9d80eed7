import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type Check, type CheckResult, type Equivalent, fail, pass } from '../../../engine/rule';
import { eachOf } from '../../shared/combine';
import { isTrue, judgeSetting } from '../../shared/expect';
import {
  describeResolved,
  isIntrinsic,
  isPlainObject,
  isPresent,
  rawAt,
  readString,
  unknownAt,
} from '../../shared/read';

/**
 * ZT-INFERENCE-004 on CloudFormation and Terraform aws_*: every method names a request validator;
 * methods that take a body (POST, PUT, PATCH, ANY) validate it (ValidateRequestBody) against a
 * JSON-schema model, so oversized or malformed payloads never reach the model. CORS preflight aside.
 */
interface MethodFields {
  readonly verb: string;
  readonly validator: string;
  readonly validatorType: string;
  readonly validateBody: string;
  readonly models: string;
  readonly modelType: string;
  readonly schema: string;
}

const CFN: MethodFields = {
  verb: 'HttpMethod',
  validator: 'RequestValidatorId',
  validatorType: 'AWS::ApiGateway::RequestValidator',
  validateBody: 'ValidateRequestBody',
  models: 'RequestModels',
  modelType: 'AWS::ApiGateway::Model',
  schema: 'Schema',
};
const TF: MethodFields = {
  verb: 'http_method',
  validator: 'request_validator_id',
  validatorType: 'aws_api_gateway_request_validator',
  validateBody: 'validate_request_body',
  models: 'request_models',
  modelType: 'aws_api_gateway_model',
  schema: 'schema',
};

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'ANY']);

function bodyValidated(g: ResourceGraph, m: Resource, f: MethodFields): CheckResult {
  const v = g.value(m, f.validator);
  if (v.kind !== 'reference' || v.to.type !== f.validatorType)
    return unknownAt(
      f.validator,
      `the validator is not in this configuration, so whether it validates the body is unknown (${describeResolved(v)})`,
    );
  const r = judgeSetting(
    g,
    v.to,
    isTrue(f.validateBody, { providerDefault: false, risk: 'the body reaches the model unchecked' }),
  );
  return { ...r, message: `${v.to.address}: ${r.message}`, path: f.validator };
}

function schemaModel(g: ResourceGraph, m: Resource, f: MethodFields): CheckResult {
  if (!isPresent(g, m, f.models))
    return fail(`${f.models} is not set: there is no schema to validate the body against`, f.models);
  const raw = rawAt(m, f.models);
  if (!isPlainObject(raw) || isIntrinsic(raw)) return unknownAt(f.models, describeResolved(g.value(m, f.models)));
  const types = Object.keys(raw);
  if (types.length === 0)
    return fail(`${f.models} is empty: there is no schema to validate the body against`, f.models);
  for (const t of types) {
    const path = `${f.models}.${t}`;
    const model = g.value(m, path);
    if (model.kind === 'reference' && model.to.type === f.modelType && !isPresent(g, model.to, f.schema))
      return fail(`${path} names ${model.to.address}, which has no ${f.schema}`, path);
  }
  return pass(`${f.models} names a model for ${types.join(', ')}`, f.models);
}

const method =
  (f: MethodFields): Check =>
  (m, { graph }) => {
    const verb = readString(graph, m, f.verb);
    if (verb.kind === 'unknown') return unknownAt(f.verb, verb.reason);
    const name = verb.kind === 'value' ? verb.value.toUpperCase() : '';
    if (name === 'OPTIONS') return pass('a CORS preflight (OPTIONS) method carries no request to validate', f.verb);
    if (!isPresent(graph, m, f.validator))
      return fail(`${f.validator} is not set: requests reach the integration unvalidated`, f.validator);
    if (!BODY_METHODS.has(name)) return pass(`${f.validator} is set on a ${name} method (no body)`, f.validator);
    return eachOf([bodyValidated(graph, m, f), schemaModel(graph, m, f)]);
  };

export const awsChecks: Readonly<Record<string, Check>> = {
  'AWS::ApiGateway::Method': method(CFN),
  aws_api_gateway_method: method(TF),
};

export const awsEquivalents: readonly Equivalent[] = [
  { tool: 'checkov', id: 'CKV2_AWS_53', resourceTypes: ['aws_api_gateway_method'] },
  {
    tool: 'cdk-nag',
    id: 'AwsSolutions-APIG2',
    resourceTypes: ['AWS::ApiGateway::Method'],
    note: 'cdk-nag judges that the REST API has a request validator; this rule judges each method: its validator, body validation and schema model.',
  },
];
