import type { ResourceGraph } from '../../../engine/graph';
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
import { readString, unknownAt } from '../../shared/read';
import { quickCreated } from './quick-create';

/**
 * ZT-INFERENCE-002 on CloudFormation and Terraform aws_*: every REST method and HTTP route names
 * an authorizer (IAM, Cognito / JWT, custom). NONE is accepted only for CORS preflight (OPTIONS),
 * and on WebSocket routes other than $connect (the connection is authorized once, there). An API
 * key is not authentication: keys are shared, unsigned and meant for metering (ZT-INFERENCE-003).
 */
interface AuthFields {
  readonly type: string;
  /** What an absent type means: CFN defaults to NONE; Terraform requires the argument. */
  readonly required: boolean;
  readonly accepted: readonly string[];
  /** The HTTP method, or the route key ("POST /invoke", "$connect"). */
  readonly method: string;
  readonly routeKey: boolean;
  readonly api?: { readonly path: string; readonly type: string; readonly protocol: string };
}

const REST = ['AWS_IAM', 'COGNITO_USER_POOLS', 'CUSTOM'];
const HTTP = ['AWS_IAM', 'JWT', 'CUSTOM'];

type Preflight =
  | { readonly kind: 'yes' | 'no' | 'exempt'; readonly why?: string }
  | { readonly kind: 'unknown'; readonly why: string };

/** Is an unauthenticated method acceptable: OPTIONS, or a non-$connect WebSocket route? */
function anonymousAllowed(g: ResourceGraph, res: Resource, f: AuthFields): Preflight {
  const m = readString(g, res, f.method);
  if (m.kind === 'unknown') return { kind: 'unknown', why: `${f.method} cannot be decided at synth time: ${m.reason}` };
  const value = m.kind === 'value' ? m.value : '';
  if (!f.routeKey) return { kind: value.toUpperCase() === 'OPTIONS' ? 'yes' : 'no' };
  if (value.toUpperCase().startsWith('OPTIONS ')) return { kind: 'yes' };
  if (!value.startsWith('$') || value === '$connect') return { kind: 'no' };
  const api = f.api ? g.value(res, f.api.path) : undefined;
  if (api?.kind === 'reference' && api.to.type === f.api!.type) {
    const protocol = readString(g, api.to, f.api!.protocol);
    if (protocol.kind === 'value' && protocol.value === 'WEBSOCKET')
      return { kind: 'exempt', why: `${value} of a WebSocket API: callers are authorized on $connect` };
    if (protocol.kind === 'value') return { kind: 'no' };
  }
  return {
    kind: 'unknown',
    why: `route ${value} is unauthenticated, which is right for a WebSocket API (authorized on $connect) but not for an HTTP API, and the API's protocol is not in this configuration`,
  };
}

/**
 * The authorization type at `path`: its verdict, or (NONE) how it is shown, since whether an
 * anonymous method is acceptable depends on the method.
 */
function authorization(
  g: ResourceGraph,
  res: Resource,
  path: string,
  accepted: readonly string[],
  required: boolean,
): CheckResult | { readonly none: string } {
  const t = readString(g, res, path);
  if (t.kind === 'unknown') return unknownAt(path, t.reason);
  if (t.kind === 'absent' && required) return fail(`${path} is not set; set it to one of ${accepted.join(', ')}`, path);
  const type = t.kind === 'value' ? t.value : 'NONE';
  if (accepted.includes(type)) return pass(`${path} is ${type}`, path);
  const shown = t.kind === 'absent' ? `${path} is not set (NONE)` : `${path} is ${type}`;
  if (type !== 'NONE') return fail(`${shown}; use one of ${accepted.join(', ')}`, path);
  return { none: shown };
}

const anonymous = (shown: string, accepted: readonly string[], path: string): CheckResult =>
  fail(`${shown}: anyone who can reach the API invokes the model anonymously; use one of ${accepted.join(', ')}`, path);

function method(f: AuthFields): Check {
  return (res, { graph }): CheckResult => {
    const a = authorization(graph, res, f.type, f.accepted, f.required);
    if (!('none' in a)) return a;
    const anon = anonymousAllowed(graph, res, f);
    if (anon.kind === 'yes') return pass(`${a.none} on a CORS preflight (OPTIONS) method`, f.type);
    if (anon.kind === 'exempt') return notApplicable(anon.why!);
    if (anon.kind === 'unknown') return unknown(`${a.none}: ${anon.why}`, f.type);
    return anonymous(a.none, f.accepted, f.type);
  };
}

/** The managed $default route of a quick-created HTTP API (a catch-all, never a preflight), as an overrides resource sets it. */
function overriddenRoute(g: ResourceGraph, o: Resource): CheckResult {
  const p = 'Route.AuthorizationType';
  const a = authorization(g, o, p, HTTP, false);
  return 'none' in a ? anonymous(a.none, HTTP, p) : a;
}

export const awsChecks: Readonly<Record<string, Check>> = {
  'AWS::ApiGateway::Method': method({
    type: 'AuthorizationType',
    required: false,
    accepted: REST,
    method: 'HttpMethod',
    routeKey: false,
  }),
  aws_api_gateway_method: method({
    type: 'authorization',
    required: true,
    accepted: REST,
    method: 'http_method',
    routeKey: false,
  }),
  'AWS::ApiGatewayV2::Route': method({
    type: 'AuthorizationType',
    required: false,
    accepted: HTTP,
    method: 'RouteKey',
    routeKey: true,
    api: { path: 'ApiId', type: 'AWS::ApiGatewayV2::Api', protocol: 'ProtocolType' },
  }),
  aws_apigatewayv2_route: method({
    type: 'authorization_type',
    required: false,
    accepted: HTTP,
    method: 'route_key',
    routeKey: true,
    api: { path: 'api_id', type: 'aws_apigatewayv2_api', protocol: 'protocol_type' },
  }),
  'AWS::ApiGatewayV2::Api': quickCreated({
    target: 'Target',
    unset:
      'its $default route takes calls without authorization, so anyone who can reach the API invokes the model; set Route.AuthorizationType in an AWS::ApiGatewayV2::ApiGatewayManagedOverrides, or declare the route with an authorizer',
    overrides: overriddenRoute,
  }),
  aws_apigatewayv2_api: quickCreated({
    target: 'target',
    unset:
      'its $default route takes calls without authorization, so anyone who can reach the API invokes the model; declare an aws_apigatewayv2_route with an authorizer instead',
  }),
};

const API_KEY = 'an API key alone is not authentication (keys are shared and unsigned): Checkov passes it, we fail it';

export const awsEquivalents: readonly Equivalent[] = [
  {
    tool: 'checkov',
    id: 'CKV_AWS_59',
    resourceTypes: ['AWS::ApiGateway::Method', 'aws_api_gateway_method'],
    differences: [
      { resource: 'AWS::ApiGateway::Method.MyMethod3', reason: API_KEY },
      { resource: 'aws_api_gateway_method.test_success_apikey', reason: API_KEY },
      {
        resource: 'aws_api_gateway_method.test_failure',
        reason:
          'authorization NONE on an http_method from a variable: it may be a CORS preflight (OPTIONS), so unknown',
      },
    ],
  },
  {
    tool: 'checkov',
    id: 'CKV_AWS_309',
    resourceTypes: ['aws_apigatewayv2_route'],
    differences: ['fail', 'fail2'].map((n) => ({
      resource: `aws_apigatewayv2_route.${n}`,
      reason:
        'an unauthenticated $default route of an API not in the fixture: right for WebSocket APIs, wrong for HTTP APIs, so unknown',
    })),
  },
  { tool: 'cdk-nag', id: 'AwsSolutions-APIG4', resourceTypes: ['AWS::ApiGateway::Method'] },
  {
    tool: 'cdk-nag',
    id: 'AwsSolutions-COG4',
    resourceTypes: ['AWS::ApiGateway::Method'],
    note:
      'cdk-nag COG4 accepts only a Cognito user pool authorizer; this rule accepts any caller authentication ' +
      '(IAM/SigV4, Cognito, a Lambda authorizer), so an IAM-authorized method passes here and fails COG4.',
  },
];
