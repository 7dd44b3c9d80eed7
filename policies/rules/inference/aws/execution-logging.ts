import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type Check, type CheckResult, type Equivalent, fail, pass, unknown } from '../../../engine/rule';
import { bestOf, eachOf, worstOf } from '../../shared/combine';
import { companionIndex } from '../../shared/companion-index';
import { TF_METHOD_SETTINGS } from '../../shared/companion-specs';
import { orphanOnly, uncertainIfMaybe } from '../../shared/companions';
import { deploymentStageChecks } from '../../shared/deployment-stage';
import { nagEquivalents } from '../../shared/nag-equivalents';
import { isPresent, joinPath, listLength, readBoolean, readString, unknownAt } from '../../shared/read';
import { forbiddenInBlock, tfBlock, throughDynamic } from '../../shared/tf-blocks';

/**
 * ZT-INFERENCE-011 on CloudFormation and Terraform aws_*: a REST API stage writes execution logs
 * for every method (a "/*" "*" method setting at ERROR or INFO: outcomes and errors are recorded)
 * and no method setting turns on data trace, which writes full request and response bodies
 * (prompts and completions) into CloudWatch Logs.
 */
const LEVELS = ['ERROR', 'INFO'];
const NO_LOG = 'failed and throttled calls to the model leave no execution log';
const TRACE =
  'full request and response bodies (prompts, completions, any personal data in them) are written to CloudWatch Logs';

/** The verdict of a logging level already read (a string, absent or unknown). */
function level(where: string, v: ReturnType<typeof readString>): CheckResult {
  if (v.kind === 'unknown') return unknownAt(where, v.reason);
  if (v.kind === 'value' && LEVELS.includes(v.value.toUpperCase())) return pass(`${where} is ${v.value}`, where);
  const is = v.kind === 'value' ? `is ${JSON.stringify(v.value)}` : 'is not set (OFF)';
  return fail(`${where} ${is}: ${NO_LOG}; set it to ERROR or INFO`, where);
}

function dataTrace(g: ResourceGraph, res: Resource, path: string, where = path): CheckResult {
  const v = readBoolean(g, res, path);
  if (v.kind === 'unknown') return unknownAt(where, v.reason);
  return v.kind === 'value' && v.value
    ? fail(`${where} is true: ${TRACE}; set it to false`, where)
    : pass(`${where} is ${v.kind === 'value' ? 'false' : 'not set (false)'}`, where);
}

/**
 * CFN stage: a MethodSettings entry (the list at `list`) for /* and * logging at ERROR or INFO; no
 * entry with DataTraceEnabled. A deployment's StageDescription (`stageWide`) also sets both for
 * every method: its LoggingLevel stands where no "/*" "*" entry overrides it.
 */
const cfnStage =
  (list: string, stageWide?: string): Check =>
  (s, { graph }) => {
    const n = listLength(graph, s, list);
    if (n.kind === 'unknown') return unknownAt(list, n.reason);
    const count = n.kind === 'value' ? n.value : 0;
    let logging: CheckResult | undefined;
    let unresolved: CheckResult | undefined;
    const traces: CheckResult[] = stageWide ? [dataTrace(graph, s, joinPath(stageWide, 'DataTraceEnabled'))] : [];
    for (let i = 0; i < count; i++) {
      const at = joinPath(list, i);
      traces.push(dataTrace(graph, s, joinPath(at, 'DataTraceEnabled')));
      if (logging) continue;
      const path = readString(graph, s, joinPath(at, 'ResourcePath'));
      const verb = readString(graph, s, joinPath(at, 'HttpMethod'));
      if (path.kind === 'unknown' || verb.kind === 'unknown') {
        unresolved ??= unknownAt(at, 'its ResourcePath or HttpMethod is unresolved');
        continue;
      }
      if (path.kind === 'value' && path.value === '/*' && verb.kind === 'value' && verb.value === '*') {
        const where = joinPath(at, 'LoggingLevel');
        logging = level(where, readString(graph, s, where));
      }
    }
    const wide = stageWide ? joinPath(stageWide, 'LoggingLevel') : undefined;
    if (!logging && wide && isPresent(graph, s, wide)) logging = level(wide, readString(graph, s, wide));
    logging ??=
      unresolved ??
      fail(
        `no ${list} entry (ResourcePath "/*", HttpMethod "*")${wide ? ` nor ${wide}` : ''} sets LoggingLevel ERROR or INFO: ${NO_LOG}`,
        list,
      );
    const trace =
      worstOf(traces.filter((t) => t.verdict !== 'pass')) ?? pass(`no ${list} entry enables DataTraceEnabled`, list);
    return eachOf([logging, trace]);
  };

/** Terraform stage: through its aws_api_gateway_method_settings (a "*\/*" one logging; none tracing data). */
const tfStage: Check = (s, { graph }) => {
  const index = companionIndex(graph, TF_METHOD_SETTINGS);
  const candidates: CheckResult[] = [];
  const traces: CheckResult[] = [];
  for (const a of index.attached.get(s) ?? []) {
    const ms = a.companion;
    const loc = tfBlock(graph, ms, '', 'settings');
    const traced = dataTrace(
      graph,
      ms,
      joinPath(loc.path, 'data_trace_enabled'),
      `${ms.address}.settings.data_trace_enabled`,
    );
    traces.push(traced.verdict === 'pass' ? traced : uncertainIfMaybe(a, forbiddenInBlock(loc, traced)));
    const path = readString(graph, ms, 'method_path');
    if (path.kind === 'unknown') candidates.push(unknownAt(`${ms.address}.method_path`, path.reason));
    if (path.kind !== 'value' || path.value !== '*/*') continue;
    const where = `${ms.address}.settings.logging_level`;
    candidates.push(
      uncertainIfMaybe(
        a,
        throughDynamic(loc, level(where, readString(graph, ms, joinPath(loc.path, 'logging_level')))),
      ),
    );
  }
  let logging =
    bestOf(candidates) ??
    fail(
      `no ${TF_METHOD_SETTINGS.type} with method_path "*/*" sets settings.logging_level ERROR or INFO: ${NO_LOG}`,
      TF_METHOD_SETTINGS.type,
    );
  const other = (index.unresolved.get(s.documentId) ?? [])[0];
  if (logging.verdict === 'fail' && other)
    logging = unknown(
      `${logging.message}; but ${other.companion.address} may apply here: ${other.reason}`,
      logging.path,
    );
  const trace =
    worstOf(traces.filter((t) => t.verdict !== 'pass')) ??
    pass(`no ${TF_METHOD_SETTINGS.type} of the stage enables data_trace_enabled`, TF_METHOD_SETTINGS.type);
  return eachOf([logging, trace]);
};

/** A method settings resource whose stage is not in the document: judged for data trace alone. */
const tfOrphanSettings: Check = orphanOnly(TF_METHOD_SETTINGS, (ms, { graph }) => {
  const loc = tfBlock(graph, ms, '', 'settings');
  return forbiddenInBlock(
    loc,
    dataTrace(graph, ms, joinPath(loc.path, 'data_trace_enabled'), 'settings.data_trace_enabled'),
  );
});

export const awsChecks: Readonly<Record<string, Check>> = {
  'AWS::ApiGateway::Stage': cfnStage('MethodSettings'),
  aws_api_gateway_stage: tfStage,
  aws_api_gateway_method_settings: tfOrphanSettings,
  // Terraform method settings may name the deployment's stage (stage_name = the deployment's): judged as a stage's.
  ...deploymentStageChecks({ cfn: cfnStage('StageDescription.MethodSettings', 'StageDescription'), tf: tfStage }),
};

const STRICTER =
  'The rule also fails a stage whose method settings enable data trace, which this check does not judge.';

export const awsEquivalents: readonly Equivalent[] = [
  ...nagEquivalents(
    ['AwsSolutions-APIG6', 'NIST.800.53.R5-APIGWExecutionLoggingEnabled'],
    ['AWS::ApiGateway::Stage'],
    STRICTER,
  ),
  { tool: 'checkov', id: 'CKV2_AWS_4', resourceTypes: ['aws_api_gateway_stage'], note: STRICTER },
  {
    tool: 'checkov',
    id: 'CKV_AWS_276',
    resourceTypes: ['aws_api_gateway_method_settings'],
    note: 'Method settings attached to a stage in the same document are judged on that stage (one finding per stage); only the others are judged on their own.',
  },
];
