import type { Resolved, ResourceGraph } from '../../../engine/graph';
import { describeResolved } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type Check, type CheckResult, type Equivalent, fail, pass, unknown } from '../../../engine/rule';
import { eachOf } from '../../shared/combine';
import { type Attachment, type CompanionSpec, companionIndex } from '../../shared/companion-index';
import { CFN_API_METHOD, TF_API_INTEGRATION } from '../../shared/companion-specs';
import { uncertainIfMaybe, viaCompanion } from '../../shared/companions';
import { deploymentStageChecks } from '../../shared/deployment-stage';
import { isFalse, judgeSetting } from '../../shared/expect';
import { nagEquivalents } from '../../shared/nag-equivalents';
import { isPlainObject, isPresent, rawAt, readString, unknownAt } from '../../shared/read';
import { forbiddenInBlock, tfBlock } from '../../shared/tf-blocks';
import { CFN_INTEGRATION, TF_INTEGRATION, type IntegrationFields, at } from './integrations';

/**
 * ZT-INFERENCE-014 on CloudFormation and Terraform aws_*: a REST API stage reaches every backend
 * of its API as the gateway. AWS / AWS_PROXY integrations are SigV4-signed under the gateway's
 * role (Credentials) or a resource-based permission, and MOCK has no backend: nothing more is
 * needed. HTTP / HTTP_PROXY integrations (over the internet or a VPC link) carry no identity of
 * their own: the stage presents a client certificate (ClientCertificateId, mutual TLS), the Uri is
 * https and the backend certificate is verified (no InsecureSkipVerification).
 */

/** The scheme of a URL value: its leading literal text decides; `httpsRef` names references known to be https. */
export type Scheme =
  | { readonly kind: 'https' | 'http' | 'other'; readonly text: string }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown'; readonly reason: string };

type Part = Resolved;

export function urlScheme(r: Resolved, httpsRef: (p: Part) => boolean = () => false): Scheme {
  if (r.kind === 'absent' || (r.kind === 'literal' && (r.value === null || r.value === undefined)))
    return { kind: 'absent' };
  if (r.kind === 'literal') return typeof r.value === 'string' ? ofText(r.value) : { kind: 'other', text: '' };
  if (httpsRef(r)) return { kind: 'https', text: refName(r) };
  if (r.kind === 'composed') {
    const first = r.parts[0];
    if (typeof first === 'string' && first !== '') return ofText(first);
    if (first !== undefined && typeof first !== 'string' && httpsRef(first))
      return { kind: 'https', text: refName(first) };
  }
  return { kind: 'unknown', reason: describeResolved(r) };
}

/** `address.attribute` of a reference (loaded or not), for messages. */
function refName(p: Part): string {
  if (p.kind === 'reference') return `${p.to.address}${p.attribute ? `.${p.attribute}` : ''}`;
  if (p.kind === 'unknown' && p.target)
    return `${p.target.address}${p.target.attribute ? `.${p.target.attribute}` : ''}`;
  return 'an https endpoint';
}

function ofText(text: string): Scheme {
  const t = text.trim().toLowerCase();
  if (t.startsWith('https://')) return { kind: 'https', text };
  if (t.startsWith('http://')) return { kind: 'http', text };
  return { kind: 'other', text };
}

interface StageFields {
  readonly api: string;
  readonly apiType: string;
  readonly bodies: readonly string[];
  readonly cert: string;
  readonly variables: string;
  /** The API's methods (CFN) or integrations (Terraform), attached to the API by their rest_api_id. */
  readonly spec: CompanionSpec;
  readonly integration: IntegrationFields;
  readonly type: string;
  readonly connection: string;
  /** InsecureSkipVerification: its block and flag (the Terraform block may be dynamic). */
  readonly tls: readonly [string, string];
}

const CFN: StageFields = {
  api: 'RestApiId',
  apiType: 'AWS::ApiGateway::RestApi',
  bodies: ['Body', 'BodyS3Location'],
  cert: 'ClientCertificateId',
  variables: 'Variables',
  spec: CFN_API_METHOD,
  integration: CFN_INTEGRATION,
  type: 'Type',
  connection: 'ConnectionType',
  tls: ['TlsConfig', 'InsecureSkipVerification'],
};
const TF: StageFields = {
  api: 'rest_api_id',
  apiType: 'aws_api_gateway_rest_api',
  bodies: ['body'],
  cert: 'client_certificate_id',
  variables: 'variables',
  spec: TF_API_INTEGRATION,
  integration: TF_INTEGRATION,
  type: 'type',
  connection: 'connection_type',
  tls: ['tls_config', 'insecure_skip_verification'],
};

export const BACKEND_READS = [CFN.spec.type, TF.spec.type];

/** How one method (CFN) or integration (Terraform) reaches its backend; results are relative to it. */
type Backend =
  | { readonly kind: 'signed' | 'mock' | 'none' }
  | { readonly kind: 'http'; readonly results: readonly CheckResult[] }
  | { readonly kind: 'unknown'; readonly result: CheckResult };

const STAGE_VARIABLE = /^\$\{stageVariables\.([A-Za-z0-9_]+)\}/;

/** The Uri's scheme, a leading ${stageVariables.x} read from this stage's variables. */
function uriScheme(g: ResourceGraph, stage: Resource, m: Resource, f: StageFields): Scheme {
  const s = urlScheme(g.value(m, at(f.integration, f.integration.uri)));
  const v = s.kind === 'other' ? STAGE_VARIABLE.exec(s.text.trim()) : null;
  if (!v) return s;
  const value = readString(g, stage, `${f.variables}.${v[1]}`);
  if (value.kind === 'value') return ofText(value.value);
  const why = value.kind === 'absent' ? 'the stage sets no such variable' : value.reason;
  return { kind: 'unknown', reason: `it starts with stage variable ${v[1]} (${why})` };
}

function httpBackend(g: ResourceGraph, stage: Resource, m: Resource, f: StageFields, type: string): Backend {
  const uri = at(f.integration, f.integration.uri);
  const s = uriScheme(g, stage, m, f);
  const via = readString(g, m, at(f.integration, f.connection));
  const link = via.kind === 'value' && via.value === 'VPC_LINK' ? ' through a VPC link' : '';
  const uriResult =
    s.kind === 'https'
      ? pass(`${type} integration${link} to an https backend`, uri)
      : s.kind === 'unknown'
        ? unknownAt(uri, s.reason)
        : s.kind === 'absent'
          ? unknown(`${uri} is not set (an ${type} integration needs one): its scheme cannot be judged`, uri)
          : fail(
              `${type} integration${link} to ${JSON.stringify(s.text)}: not https, so the backend cannot verify ` +
                'the gateway (no mutual TLS) and requests travel unencrypted; use an https:// Uri',
              uri,
            );
  const [block, flag] = f.tls;
  const loc =
    f.integration.base === '' ? tfBlock(g, m, '', block) : { kind: 'static' as const, path: at(f.integration, block) };
  const skip = judgeSetting(
    g,
    m,
    isFalse(flag, { providerDefault: false, risk: 'the gateway accepts any certificate the backend presents' }),
    loc.path,
  );
  return { kind: 'http', results: [uriResult, forbiddenInBlock(loc, skip)] };
}

function backendOf(g: ResourceGraph, stage: Resource, m: Resource, f: StageFields): Backend {
  // A CFN method without Integration has no backend (and cannot be deployed).
  if (f.integration.base !== '' && !isPresent(g, m, f.integration.base)) return { kind: 'none' };
  const typePath = at(f.integration, f.type);
  const t = readString(g, m, typePath);
  if (t.kind === 'unknown') return { kind: 'unknown', result: unknownAt(typePath, t.reason) };
  const type = t.kind === 'value' ? t.value.toUpperCase() : '';
  if (type === 'AWS' || type === 'AWS_PROXY') return { kind: 'signed' };
  if (type === 'MOCK') return { kind: 'mock' };
  if (type === 'HTTP' || type === 'HTTP_PROXY') return httpBackend(g, stage, m, f, type);
  const what = t.kind === 'absent' ? 'is not set' : `is ${JSON.stringify(t.value)}`;
  return { kind: 'unknown', result: unknown(`${typePath} ${what}: how the backend is reached is unknown`, typePath) };
}

/** The stage's client certificate: a parameter or reference counts as set; a condition that may drop it does not. */
function clientCertificate(
  g: ResourceGraph,
  stage: Resource,
  f: StageFields,
  http: readonly Attachment[],
): CheckResult {
  const names = http.map((a) => a.companion.address).join(', ');
  const raw = rawAt(stage, f.cert);
  if (isPlainObject(raw) && 'Fn::If' in raw && JSON.stringify(raw).includes('AWS::NoValue'))
    return unknown(`${f.cert} is set only under a condition: mutual TLS to ${names} is not certain`, f.cert);
  if (isPresent(g, stage, f.cert))
    return pass(`${f.cert} is set: the gateway presents its client certificate to ${names}`, f.cert);
  const r = fail(
    `${f.cert} is not set: ${names} ${http.length === 1 ? 'reaches' : 'reach'} an HTTP backend that cannot tell the gateway from any other caller; ` +
      'generate an API Gateway client certificate and set it on the stage (the backend verifies it)',
    f.cert,
  );
  // A backend that may not exist (Condition, count) makes the missing certificate uncertain.
  return http.every((a) => a.presence.kind === 'maybe') ? uncertainIfMaybe(http[0], r) : r;
}

const stage =
  (f: StageFields): Check =>
  (s, { graph }) => {
    const api = graph.value(s, f.api);
    if (api.kind !== 'reference' || api.to.type !== f.apiType)
      return unknown(
        `${f.api} does not name a ${f.apiType} of this template (an imported API): how its methods reach ` +
          `their backends cannot be judged`,
        f.api,
      );
    const index = companionIndex(graph, f.spec);
    const methods = index.attached.get(api.to) ?? [];
    const results: CheckResult[] = [];
    for (const b of f.bodies)
      if (isPresent(graph, api.to, b))
        results.push(
          unknown(`${api.to.address} is defined by an OpenAPI ${b}, whose integrations are not judged`, f.api),
        );
    for (const u of index.unresolved.get(s.documentId) ?? [])
      results.push(unknown(`${u.companion.address} may belong to ${api.to.address}: ${u.reason}`, f.api));
    if (methods.length === 0 && results.length === 0)
      return unknown(
        `no ${f.spec.type} of ${api.to.address} is in this template: its backends cannot be judged`,
        f.api,
      );
    const http: Attachment[] = [];
    let signed = 0;
    let mock = 0;
    for (const a of methods) {
      const b = backendOf(graph, s, a.companion, f);
      if (b.kind === 'signed') signed++;
      else if (b.kind === 'mock') mock++;
      else if (b.kind === 'unknown') results.push(viaCompanion(a.companion, b.result));
      else if (b.kind === 'http') {
        http.push(a);
        for (const r of b.results)
          results.push(viaCompanion(a.companion, r.verdict === 'fail' ? uncertainIfMaybe(a, r) : r));
      }
    }
    if (http.length > 0) {
      results.push(clientCertificate(graph, s, f, http));
      return eachOf(
        results,
        `${f.cert} is set and every HTTP backend of ${api.to.address} (${http.length}) is https with its ` +
          `certificate verified; ${signed} SigV4-signed AWS integration(s), ${mock} MOCK`,
        f.cert,
      );
    }
    results.push(
      pass(
        `every method of ${api.to.address} reaches its backend as the gateway (${signed} SigV4-signed AWS ` +
          `integration(s), ${mock} MOCK): no HTTP backend needs a client certificate`,
        f.api,
      ),
    );
    return eachOf(results);
  };

export const awsChecks: Readonly<Record<string, Check>> = {
  'AWS::ApiGateway::Stage': stage(CFN),
  aws_api_gateway_stage: stage(TF),
  // A Terraform deployment's stage takes its variables from the deployment and can have no client certificate.
  ...deploymentStageChecks({
    cfn: stage({ ...CFN, cert: 'StageDescription.ClientCertificateId', variables: 'StageDescription.Variables' }),
    tf: stage(TF),
  }),
};

export const awsEquivalents: readonly Equivalent[] = nagEquivalents(
  ['NIST.800.53.R5-APIGWSSLEnabled', 'HIPAA.Security-APIGWSSLEnabled', 'PCI.DSS.321-APIGWSSLEnabled'],
  ['AWS::ApiGateway::Stage'],
  'cdk-nag demands a ClientCertificateId on every stage; this rule accepts a stage whose methods all use ' +
    'SigV4-signed AWS / AWS_PROXY (or MOCK) integrations without one, and also fails http:// backends and ' +
    'InsecureSkipVerification.',
);
