import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type Check, type CheckResult, fail, notApplicable, pass } from '../../../engine/rule';
import { eachOf } from '../../shared/combine';
import {
  Opaque,
  type PolicyValue,
  type Tri,
  asList,
  field,
  lowerCase,
  readPolicyDocument,
  some,
  someValue,
} from '../../shared/policy-document';
import { joinPath, listLength, unknownAt } from '../../shared/read';

/**
 * ZT-INFERENCE-009, IAM part: an identity policy that allows invoking Bedrock models
 * (InvokeModel*, Converse*) allows it only with a `bedrock:GuardrailIdentifier` condition, so a
 * caller cannot invoke without the guardrail. An `...IfExists` operator does not count (it holds
 * when the key is missing); a Deny of those actions when the key is Null covers every Allow.
 */
const INVOKE = [
  'bedrock:invokemodel',
  'bedrock:invokemodelwithresponsestream',
  'bedrock:converse',
  'bedrock:conversestream',
];
const INVOKE_SET = new Set(INVOKE);
/** The service prefix every invoke action shares. */
const SERVICE = 'bedrock:';
const KEY = 'bedrock:guardrailidentifier';
const STRING_TESTS = ['stringequals', 'stringlike', 'arnequals', 'arnlike'];

/** IAM action wildcards: `*` any run of characters, `?` one (dynamic programming: linear in each). */
function globMatch(pattern: string, text: string): boolean {
  // Most actions name another service: the literal prefix before the first wildcard rejects them at once.
  const wild = pattern.search(/[*?]/);
  if (wild === -1) return pattern === text;
  if (!text.startsWith(pattern.slice(0, wild))) return false;
  let row = [true, ...Array<boolean>(text.length).fill(false)];
  for (const c of pattern) {
    const next = [c === '*' && row[0], ...Array<boolean>(text.length).fill(false)];
    for (let j = 1; j <= text.length; j++)
      next[j] = c === '*' ? row[j] || next[j - 1] : row[j - 1] && (c === '?' || c === text[j - 1]);
    row = next;
  }
  return row[text.length];
}

/**
 * Whether a lower-cased action pattern covers an invoke action. A role's policies list dozens of
 * actions of other services: the wildcard is found once and a literal part that is not `bedrock:`
 * rejects the action before any pattern matching.
 */
function coversInvokeAction(p: string): boolean {
  let wild = -1;
  for (let i = 0; i < p.length && wild === -1; i++) {
    const c = p.charCodeAt(i);
    if (c === 42 || c === 63) wild = i; // '*' or '?'
  }
  if (wild === -1) return INVOKE_SET.has(p);
  const literal = Math.min(wild, SERVICE.length);
  for (let i = 0; i < literal; i++) if (p.charCodeAt(i) !== SERVICE.charCodeAt(i)) return false;
  return INVOKE.some((action) => globMatch(p, action));
}

/** The statement allows (or denies) invoking a model: an action pattern covering an invoke action. */
function coversInvoke(stmt: PolicyValue): Tri {
  if (field(stmt, 'NotAction') !== undefined) return true;
  return someValue(field(stmt, 'Action'), (a) => {
    if (a instanceof Opaque) return a;
    if (typeof a !== 'string' || a.length > 256) return false;
    return coversInvokeAction(lowerCase(a));
  });
}

const effectIs = (stmt: PolicyValue, e: string): Tri => {
  const v = field(stmt, 'Effect');
  return v instanceof Opaque ? v : typeof v === 'string' && v.toLowerCase() === e;
};

/** The condition requires a guardrail: StringEquals/Like or ArnEquals/Like on the key, or Null = false. */
function requiresGuardrail(stmt: PolicyValue): Tri {
  const condition = field(stmt, 'Condition');
  if (condition instanceof Opaque) return condition;
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) return false;
  return some(Object.entries(condition), ([op, block]) => {
    if (block instanceof Opaque) return block;
    const value = field(block, KEY);
    if (value === undefined) return false;
    const o = op.toLowerCase();
    // Any value of a string / ARN test requires the key, so a parameterized guardrail still counts.
    if (value instanceof Opaque) return o === 'null' ? value : STRING_TESTS.includes(o);
    if (o === 'null') return someValue(value, (v) => (v instanceof Opaque ? v : String(v).toLowerCase() === 'false'));
    return STRING_TESTS.includes(o) && asList(value).length > 0;
  });
}

/** A Deny of invocation whenever the guardrail key is missing. */
function deniesWithoutGuardrail(stmt: PolicyValue): Tri {
  if (effectIs(stmt, 'deny') !== true || coversInvoke(stmt) !== true) return false;
  const block = field(field(stmt, 'Condition'), 'Null');
  const value = field(block, KEY);
  return value === undefined
    ? false
    : someValue(value, (v) => (v instanceof Opaque ? v : String(v).toLowerCase() === 'true'));
}

function judgeDocument(g: ResourceGraph, res: Resource, path: string): CheckResult[] {
  const doc = readPolicyDocument(g, res, path);
  if (doc.kind === 'absent') return [];
  if (doc.kind === 'unknown') return [unknownAt(path, doc.reason)];
  const denied = some(doc.statements, deniesWithoutGuardrail) === true;
  const out: CheckResult[] = [];
  doc.statements.forEach((stmt, i) => {
    const at = joinPath(path, 'Statement', i);
    const allow = effectIs(stmt, 'allow');
    const invoke = coversInvoke(stmt);
    if (allow === false || invoke === false) return;
    if (allow instanceof Opaque || invoke instanceof Opaque)
      return void out.push(unknownAt(at, (allow instanceof Opaque ? allow : (invoke as Opaque)).reason));
    if (denied)
      return void out.push(pass(`${at} allows model invocation; a Deny in the document requires the guardrail`, at));
    const guarded = requiresGuardrail(stmt);
    if (guarded instanceof Opaque) return void out.push(unknownAt(`${at}.Condition`, guarded.reason));
    out.push(
      guarded
        ? pass(`${at} allows model invocation only with a bedrock:GuardrailIdentifier condition`, at)
        : fail(
            `${at} allows invoking Bedrock models without a bedrock:GuardrailIdentifier condition: the caller may invoke without the guardrail`,
            `${at}.Condition`,
          ),
    );
  });
  return out;
}

const verdict = (results: readonly CheckResult[]): CheckResult[] =>
  results.length === 0 ? [notApplicable('allows no Bedrock model invocation')] : eachOf(results);

function eachListed(g: ResourceGraph, res: Resource, list: string, doc: string): CheckResult[] {
  const n = listLength(g, res, list);
  if (n.kind === 'unknown') return [unknownAt(list, n.reason)];
  const out: CheckResult[] = [];
  for (let i = 0; n.kind === 'value' && i < n.value; i++) out.push(...judgeDocument(g, res, joinPath(list, i, doc)));
  return out;
}

const document =
  (path: string): Check =>
  (res, { graph }) =>
    verdict(judgeDocument(graph, res, path));

const inline =
  (list: string, doc: string): Check =>
  (res, { graph }) =>
    verdict(eachListed(graph, res, list, doc));

export const iamChecks: Readonly<Record<string, Check>> = {
  'AWS::IAM::Policy': document('PolicyDocument'),
  'AWS::IAM::ManagedPolicy': document('PolicyDocument'),
  'AWS::IAM::Role': inline('Policies', 'PolicyDocument'),
  aws_iam_policy: document('policy'),
  aws_iam_role_policy: document('policy'),
  aws_iam_role: inline('inline_policy', 'policy'),
};
