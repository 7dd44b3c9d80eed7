import type { OperationsSettings } from './config';
import { BlueprintConfigError } from './errors';
import { validateIntRange, validateUnique } from './validate';

/**
 * Validation and shared figures of the audit and monitoring layers, one place for both clouds.
 * 90 days is the floor because it is the window an incident investigation typically needs online
 * (and the pack's ZT-MONITORING-003 threshold); the ceiling is what both services accept for
 * interactive retention (CloudWatch Logs: 3653 days is its largest value; Log Analytics: 730).
 */
export const MIN_AUDIT_RETENTION_DAYS = 90;
export const MAX_AUDIT_RETENTION_DAYS = 730;

/** Deliberately simple: one @, a dot in the domain, no spaces (SNS and Azure confirm the address anyway). */
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function validateOperations(prop: string, ops: OperationsSettings): OperationsSettings {
  validateIntRange(
    `${prop}.logRetentionDays`,
    ops.logRetentionDays,
    MIN_AUDIT_RETENTION_DAYS,
    MAX_AUDIT_RETENTION_DAYS,
  );
  validateIntRange(`${prop}.bulkReadThreshold`, ops.bulkReadThreshold, 1, 10_000_000);
  if (!Array.isArray(ops.alertEmails)) {
    throw new BlueprintConfigError(`${prop}.alertEmails`, 'a list of e-mail addresses', ops.alertEmails);
  }
  ops.alertEmails.forEach((e, i) => {
    if (typeof e !== 'string' || !EMAIL.test(e)) {
      throw new BlueprintConfigError(`${prop}.alertEmails[${i}]`, 'an e-mail address like ops@example.com', e);
    }
  });
  validateUnique(`${prop}.alertEmails`, ops.alertEmails);
  for (const flag of ['guardDuty', 'defenderPlans'] as const) {
    if (typeof ops[flag] !== 'boolean') throw new BlueprintConfigError(`${prop}.${flag}`, 'true or false', ops[flag]);
  }
  return ops;
}
