import type { ResourceGraph } from '../../../engine/graph';
import { asString, describeResolved } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type Check, type CheckResult, fail, pass, unknown } from '../../../engine/rule';
import { isPlainObject, rawAt, readString, unknownAt } from '../../shared/read';
import { unlessSet } from './aws-common';

/**
 * RDS accepts plain connections unless the parameter group says otherwise: `rds.force_ssl = 1`
 * (PostgreSQL, SQL Server) or `require_secure_transport = ON` (MySQL, MariaDB). The group is a
 * companion the database names; without one (or with an unset parameter) the engine's default
 * group decides, which is only known for some engines and versions, so the rest is unknown.
 */
interface Shape {
  readonly groupProperty: string;
  readonly groupType: string;
  readonly engine: string;
  readonly version: string;
  /** Reads the group's parameters as name → raw value (undefined when they are computed). */
  readonly parameters: (g: ResourceGraph, group: Resource) => Map<string, unknown> | undefined;
}

const cfnParameters = (_g: ResourceGraph, group: Resource): Map<string, unknown> | undefined => {
  const raw = rawAt(group, 'Parameters');
  if (raw === undefined) return new Map();
  return isPlainObject(raw) ? new Map(Object.entries(raw)) : undefined;
};

/** Terraform: `parameter { name, value }` blocks (hcl2json writes a list). */
const tfParameters = (g: ResourceGraph, group: Resource): Map<string, unknown> | undefined => {
  const raw = rawAt(group, 'parameter');
  if (raw === undefined) return new Map();
  const blocks = Array.isArray(raw) ? raw : [raw];
  const out = new Map<string, unknown>();
  for (const b of blocks) {
    if (!isPlainObject(b)) return undefined;
    const name = asString(g.resolve(group, b.name));
    if (name === undefined) return undefined;
    out.set(name, b.value);
  }
  return out;
};

const FORCE = ['rds.force_ssl', 'require_secure_transport'];
const ON = new Set(['1', 'on', 'true']);

/** What the engine's default parameter group does, or undefined when the template cannot tell. */
function engineDefault(g: ResourceGraph, db: Resource, s: Shape): boolean | undefined {
  const engine = readString(g, db, s.engine);
  if (engine.kind !== 'value') return undefined;
  const e = engine.value.toLowerCase();
  if (/^(mysql|mariadb|aurora-mysql|aurora)$/.test(e) || e.startsWith('sqlserver')) return false;
  if (e !== 'postgres') return undefined;
  // RDS for PostgreSQL 15 and later default rds.force_ssl to 1; earlier versions to 0.
  const version = readString(g, db, s.version);
  if (version.kind !== 'value') return undefined;
  const major = Number(version.value.split('.')[0]);
  return Number.isFinite(major) ? major >= 15 : undefined;
}

function byDefault(g: ResourceGraph, db: Resource, s: Shape, where: string, path: string): CheckResult {
  const d = engineDefault(g, db, s);
  if (d === true) return pass(`${where}; the engine default forces TLS (rds.force_ssl = 1)`, path);
  if (d === false) {
    return fail(
      `${where}, so the engine default accepts unencrypted connections; set rds.force_ssl = 1 or require_secure_transport = ON in a parameter group`,
      path,
    );
  }
  return unknown(
    `${where}; whether the default parameter group of ${s.engine} / ${s.version} forces TLS cannot be decided from the template`,
    path,
  );
}

function judgeGroup(g: ResourceGraph, db: Resource, s: Shape, group: Resource): CheckResult {
  const params = s.parameters(g, group);
  if (!params) return unknown(`${group.address} parameters are computed at deploy time`, group.address);
  const name = FORCE.find((n) => params.has(n));
  if (!name)
    return byDefault(
      g,
      db,
      s,
      `${group.address} does not set rds.force_ssl or require_secure_transport`,
      group.address,
    );
  const path = `${group.address}.${name}`;
  const r = g.resolve(group, params.get(name));
  if (r.kind !== 'literal') return unknownAt(path, describeResolved(r));
  const v = String(r.value).toLowerCase();
  return ON.has(v)
    ? pass(`${path} is ${String(r.value)}: connections must use TLS`, path)
    : fail(`${path} is ${String(r.value)}: unencrypted connections are accepted; set it to 1 / ON`, path);
}

function rdsTransport(s: Shape): Check {
  return (db, { graph }) => {
    const r = graph.value(db, s.groupProperty);
    if (r.kind === 'absent') return byDefault(graph, db, s, `${s.groupProperty} is not set`, s.groupProperty);
    if (r.kind === 'reference' && r.to.type === s.groupType) return judgeGroup(graph, db, s, r.to);
    if (r.kind === 'literal' && typeof r.value === 'string' && r.value.startsWith('default.')) {
      return byDefault(graph, db, s, `${s.groupProperty} is the default group ${r.value}`, s.groupProperty);
    }
    return unknownAt(s.groupProperty, `it names a parameter group outside this template (${describeResolved(r)})`);
  };
}

const CLUSTER = 'an Aurora instance uses its DB cluster parameter group, which is judged on the cluster';

export const rdsTls: Readonly<Record<string, Check>> = {
  'AWS::RDS::DBInstance': unlessSet(
    'DBClusterIdentifier',
    CLUSTER,
    rdsTransport({
      groupProperty: 'DBParameterGroupName',
      groupType: 'AWS::RDS::DBParameterGroup',
      engine: 'Engine',
      version: 'EngineVersion',
      parameters: cfnParameters,
    }),
  ),
  'AWS::RDS::DBCluster': rdsTransport({
    groupProperty: 'DBClusterParameterGroupName',
    groupType: 'AWS::RDS::DBClusterParameterGroup',
    engine: 'Engine',
    version: 'EngineVersion',
    parameters: cfnParameters,
  }),
  aws_db_instance: rdsTransport({
    groupProperty: 'parameter_group_name',
    groupType: 'aws_db_parameter_group',
    engine: 'engine',
    version: 'engine_version',
    parameters: tfParameters,
  }),
  aws_rds_cluster: rdsTransport({
    groupProperty: 'db_cluster_parameter_group_name',
    groupType: 'aws_rds_cluster_parameter_group',
    engine: 'engine',
    version: 'engine_version',
    parameters: tfParameters,
  }),
};

/** The parameter-group types the TLS check reads through the databases naming them. */
export const RDS_TLS_READS = [
  'AWS::RDS::DBParameterGroup',
  'AWS::RDS::DBClusterParameterGroup',
  'aws_db_parameter_group',
  'aws_rds_cluster_parameter_group',
];
