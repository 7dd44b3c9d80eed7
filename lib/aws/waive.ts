import { AspectPriority, Aspects, CfnResource, IAspect, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { BlueprintConfigError } from '../core/errors';
import { MIN_REASON_LENGTH, validateWaiver, Waiver, WAIVER_METADATA_KEY } from '../core/waiver';

/**
 * Validation namespace of the zero-trust CDK plugin. CDK matches an acknowledgement
 * `ZeroTrust::<ruleId>` against violations reported by a plugin whose `name` is this string
 * (spaces in a plugin name become hyphens), so the plugin must use exactly this name.
 */
export const ZERO_TRUST_VALIDATION_NAMESPACE = 'ZeroTrust';

/**
 * Records a reasoned exception to one zero-trust rule on every CloudFormation resource at or below
 * `scope`, including resources added after this call (an Aspect writes the metadata at synth time).
 *
 * Two records are written, so every consumer sees the same waiver:
 * - `Metadata["zt:waivers"]` on each resource: read by the policy engine and the `zt-check` CLI;
 * - a CDK acknowledgement `ZeroTrust::<ruleId>`: listed by CDK's own validation report.
 *
 * @returns the validated (normalized) waiver
 * @throws BlueprintConfigError when the rule id, reason or expiry is malformed
 */
export function waive(scope: IConstruct, waiver: Waiver): Waiver {
  const valid = validateWaiver(waiver, `waiver(${scope.node.path || '<root>'})`);
  Aspects.of(scope).add(new WaiverMetadataAspect(valid), { priority: AspectPriority.MUTATING });
  Validations.of(scope).acknowledge({
    id: `${ZERO_TRUST_VALIDATION_NAMESPACE}::${valid.ruleId}`,
    reason: valid.reason,
  });
  return valid;
}

/** Reads the waivers recorded on one resource (empty when none). */
export function waiversOf(resource: CfnResource): Waiver[] {
  const recorded = resource.getMetadata(WAIVER_METADATA_KEY);
  return Array.isArray(recorded) ? [...(recorded as Waiver[])] : [];
}

/**
 * Writes one waiver into each CfnResource's Metadata. CDK invokes inherited Aspects before local
 * ones, so when the same rule is waived at two levels the waiver nearest the resource wins.
 */
class WaiverMetadataAspect implements IAspect {
  constructor(private readonly waiver: Waiver) {}

  public visit(node: IConstruct): void {
    if (!CfnResource.isCfnResource(node)) return;
    const waivers = waiversOf(node);
    const existing = waivers.findIndex((w) => w.ruleId === this.waiver.ruleId);
    if (existing >= 0) waivers[existing] = { ...this.waiver };
    else waivers.push({ ...this.waiver });
    node.addMetadata(WAIVER_METADATA_KEY, waivers);
  }
}

/** A cdk-nag rule id `<pack>-<rule>`, optionally narrowed to one finding: `AwsSolutions-IAM5[Action::s3:*]`. */
const NAG_RULE_ID_PATTERN = /^([A-Za-z0-9.]+)-[A-Za-z0-9]+(\[[^\]]+\])?$/;

/**
 * Acknowledges one cdk-nag (v3) finding on `scope` and everything below it, with a reason.
 *
 * cdk-nag v3 is a CDK validation plugin (`Validations.of(app).addPlugins(new AwsSolutionsChecks(app))`)
 * and has no suppression API of its own (v2's NagSuppressions is gone); it relies on
 * `Validations.of(construct).acknowledge()`. Two id forms work:
 * - bare `AwsSolutions-S1`: cdk-nag drops the finding itself, so no report ever shows it;
 * - plugin-qualified `AwsSolutions::AwsSolutions-S1` (the form CDK's report suggests): cdk-nag reports
 *   the finding and CDK moves it to the report's `suppressedViolations` with this reason.
 * We use the qualified form so every acknowledgement stays visible in `validation-report.json`.
 *
 * @throws BlueprintConfigError when the rule id is malformed or the reason is too short
 */
export function acknowledgeNagRule(scope: IConstruct, ruleId: string, reason: string): void {
  const prop = `acknowledgeNagRule(${scope.node.path || '<root>'})`;
  const match = typeof ruleId === 'string' ? NAG_RULE_ID_PATTERN.exec(ruleId) : null;
  if (!match) {
    throw new BlueprintConfigError(`${prop}.ruleId`, 'a cdk-nag rule id like AwsSolutions-S1', ruleId);
  }
  if (typeof reason !== 'string' || reason.trim().length < MIN_REASON_LENGTH) {
    throw new BlueprintConfigError(`${prop}.reason`, `a reason of at least ${MIN_REASON_LENGTH} characters`, reason);
  }
  // The pack's plugin name is the rule id's prefix (AwsSolutions, HIPAA.Security, NIST.800.53.R5, ...).
  Validations.of(scope).acknowledge({ id: `${match[1]}::${ruleId}`, reason: reason.trim() });
}
