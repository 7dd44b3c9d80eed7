import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type Check, type CheckResult, fail, notApplicable, pass, unknown } from '../../../engine/rule';
import { worstOf } from '../../shared/combine';
import { companionIndex } from '../../shared/companion-index';
import { PG_FLEXIBLE_CONFIGURATION as SPEC } from '../../shared/companion-specs';
import { orphanOnly, uncertainIfMaybe, viaCompanion } from '../../shared/companions';
import { readString, unknownAt } from '../../shared/read';

/**
 * Server parameters of azurerm_postgresql_flexible_server live in companion
 * azurerm_postgresql_flexible_server_configuration resources (name, value, server_id). A parameter
 * no companion sets keeps the server-side default, which Azure (not the provider) decides: for the
 * TLS parameters that default is compliant, so a server without companions passes, and says why.
 */
export interface ServerParameter {
  readonly name: string;
  readonly accepted: readonly string[];
  /** Azure's default for the parameter on a new server. */
  readonly serverDefault: string;
  readonly risk: string;
}

const want = (p: ServerParameter) => p.accepted.map((v) => JSON.stringify(v)).join(' or ');

/** One companion already known to set `p`: its value decides. */
function judgeValue(g: ResourceGraph, config: Resource, p: ServerParameter): CheckResult {
  const v = readString(g, config, 'value');
  if (v.kind === 'unknown') return unknownAt('value', v.reason);
  if (v.kind === 'absent') return fail(`value is not set; set it to ${want(p)}`, 'value');
  const ok = p.accepted.some((a) => a.toLowerCase() === v.value.toLowerCase());
  return ok
    ? pass(`value of ${p.name} is ${JSON.stringify(v.value)}`, 'value')
    : fail(`value of ${p.name} is ${JSON.stringify(v.value)}: ${p.risk}; set it to ${want(p)}`, 'value');
}

/** A companion's verdict for `p`, or undefined when it sets another parameter. */
function judgeCompanion(g: ResourceGraph, config: Resource, p: ServerParameter): CheckResult | undefined {
  const name = readString(g, config, 'name');
  if (name.kind === 'value') return name.value.toLowerCase() === p.name ? judgeValue(g, config, p) : undefined;
  const why = name.kind === 'unknown' ? name.reason : 'name is not set';
  return unknown(`name cannot be decided at synth time (${why}); it may set ${p.name}`, 'name');
}

/** The server's check: the worst companion setting `p`, else the server default. */
export function serverParameter(p: ServerParameter): Check {
  return (server, { graph }) => {
    const index = companionIndex(graph, SPEC);
    const results: CheckResult[] = [];
    for (const a of index.attached.get(server) ?? []) {
      const r = judgeCompanion(graph, a.companion, p);
      if (!r) continue;
      // A companion that may not exist can only make a failing value uncertain.
      results.push(viaCompanion(a.companion, r.verdict === 'fail' ? uncertainIfMaybe(a, r) : r));
    }
    for (const u of index.unresolved.get(server.documentId) ?? []) {
      const r = judgeCompanion(graph, u.companion, p);
      if (!r || r.verdict === 'pass') continue;
      results.push(
        viaCompanion(u.companion, unknown(`it may apply to this server (${u.reason}): ${r.message}`, r.path)),
      );
    }
    if (results.length > 0) return worstOf(results)!;
    return pass(
      `no ${SPEC.type} sets ${p.name}, so the server-side default (${p.serverDefault}) applies and is compliant`,
      p.name,
    );
  };
}

/** The companion type's own check, when the server it configures is not loaded. */
export function orphanParameter(p: ServerParameter): Check {
  return orphanOnly(SPEC, (config, { graph }) => {
    return judgeCompanion(graph, config, p) ?? notApplicable(`sets another server parameter than ${p.name}`);
  });
}

/** Off means plain-text connections are accepted; Azure turns it on for new servers. */
export const REQUIRE_SECURE_TRANSPORT: ServerParameter = {
  name: 'require_secure_transport',
  accepted: ['on'],
  serverDefault: 'on',
  risk: 'clients may connect without TLS',
};

/** Azure's default for new servers is TLSv1.2. */
export const SSL_MIN_PROTOCOL_VERSION: ServerParameter = {
  name: 'ssl_min_protocol_version',
  accepted: ['TLSv1.2', 'TLSv1.3'],
  serverDefault: 'TLSv1.2',
  risk: 'clients may negotiate TLS 1.0/1.1',
};
