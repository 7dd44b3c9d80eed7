import { AspectPriority, Aspects, CfnResource, IAspect, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { BlueprintConfigError } from '../core/errors';
import { validateWaiver } from '../core/validate';
import { reasonProblems, Waiver, WAIVER_METADATA_KEY } from '../core/waiver';

/**
 * Records a reasoned exception to one zero-trust rule on every CloudFormation resource at or below
 * `scope`, including resources added after this call (an Aspect writes the metadata at synth time).
 *
 * The waiver is written once, into `Metadata["zt:waivers"]` of each resource, with its expiry: the
 * one record the CDK plugin, the `zt-check` CLI and any other reader of the template all judge. No
 * CDK acknowledgement is registered: CDK would apply it to the plugin's findings without knowing
 * the expiry, and so let an expired waiver pass `cdk synth` while `zt-check` fails it.
 *
 * @returns the validated (normalized) waiver
 * @throws BlueprintConfigError when the rule id, reason or expiry is malformed
 */
export function waive(scope: IConstruct, waiver: Waiver): Waiver {
  const valid = validateWaiver(waiver, `waiver(${scope.node.path || '<root>'})`);
  Aspects.of(scope).add(new WaiverMetadataAspect(valid), { priority: AspectPriority.MUTATING });
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
  const [bad] = reasonProblems(reason, `${prop}.reason`);
  if (bad) throw new BlueprintConfigError(bad.field, bad.expected, bad.got);
  // The pack's plugin name is the rule id's prefix (AwsSolutions, HIPAA.Security, NIST.800.53.R5, ...).
  Validations.of(scope).acknowledge({ id: `${match[1]}::${ruleId}`, reason: reason.trim() });
}
