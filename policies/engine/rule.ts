import { Resource } from './model';
import type { ResourceGraph } from './graph';

/** Rule metadata and checks (ARCHITECTURE.md "A rule"). */

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const LAYERS = ['data', 'model', 'pipeline', 'inference', 'identity', 'network', 'monitoring'] as const;
export type Layer = (typeof LAYERS)[number];

export type Verdict = 'pass' | 'fail' | 'unknown' | 'not_applicable';

export interface CheckResult {
  readonly verdict: Verdict;
  /** Human-readable reason; for unknown it says what could not be resolved. */
  readonly message: string;
  /** Property path (dotted, e.g. "BucketEncryption.ServerSideEncryptionConfiguration") at fault. */
  readonly path?: string;
}

export interface RuleContext {
  readonly graph: ResourceGraph;
}

/**
 * One resource's judgement. A check may return several results, each with its own property path
 * (each missing public-access-block flag, each wildcard action): every result is its own finding.
 */
export type Check = (resource: Resource, ctx: RuleContext) => CheckResult | readonly CheckResult[];

export interface ControlMapping {
  readonly framework: 'NIST-800-53' | 'SOC2' | 'HIPAA' | 'GDPR' | 'ISO-42001' | 'ISO-27001';
  readonly id: string;
}

export interface Equivalent {
  readonly tool: 'checkov' | 'cdk-nag';
  readonly id: string;
  /** Which of our resource types the equivalent covers (checkov ids are per framework). */
  readonly resourceTypes?: readonly string[];
  /** Documented semantic difference, if any. */
  readonly note?: string;
  /**
   * The property paths (of our findings) the equivalent corresponds to, when it judges only part of
   * what the rule does (Checkov's CKV_AWS_53 is BlockPublicAcls alone): conformance compares there.
   */
  readonly paths?: readonly string[];
  /** Properties the rule judges that the equivalent does not (their findings are not compared with it). */
  readonly ignores?: readonly string[];
  /**
   * Cases where we deliberately differ from the equivalent (conformance counts them as documented,
   * each by the resource it concerns): `resource` is the fixture address, `reason` why we differ.
   */
  readonly differences?: readonly { readonly resource: string; readonly reason: string }[];
}

/** Tools a remediation can be written for; reporters pick the one of the finding's own source. */
export type RemediationTool = 'cdk' | 'cloudformation' | 'terraform' | 'cdktf' | 'pulumi';

/** Everything about a rule but its checks: what catalogues and reports carry. */
export interface RuleMetadata {
  /** ZT-<LAYER>-<NNN>, stable forever. */
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly layer: Layer;
  readonly rationale: string;
  readonly remediation: string;
  /** Remediation per tool, when it differs by tool (reporters fall back to `remediation`). */
  readonly remediationBy?: Readonly<Partial<Record<RemediationTool, string>>>;
  readonly controls: readonly ControlMapping[];
  readonly equivalents: readonly Equivalent[];
}

export interface Rule extends RuleMetadata {
  /** One check per resource type covered; the key is the resource type. */
  readonly checks: Readonly<Record<string, Check>>;
  /**
   * Companion types the rule judges through the resources they protect (a bucket policy through
   * its bucket): covered, though they have no check of their own here.
   */
  readonly reads?: readonly string[];
  /**
   * `resource` when every check decides from the resource's own properties alone (no companion, no
   * referenced resource): integrations that judge one resource at a time (Pulumi's
   * ResourceValidationPolicy) may then run it per resource. Absent: the rule needs the whole graph.
   */
  readonly scope?: 'resource';
}

export const pass = (message: string, path?: string): CheckResult => ({ verdict: 'pass', message, path });
export const fail = (message: string, path?: string): CheckResult => ({ verdict: 'fail', message, path });
export const unknown = (message: string, path?: string): CheckResult => ({ verdict: 'unknown', message, path });
export const notApplicable = (message: string): CheckResult => ({ verdict: 'not_applicable', message });

export function severityAtLeast(s: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(s) >= SEVERITIES.indexOf(threshold);
}
