import type { Check, Equivalent } from '../../../engine/rule';

/**
 * Per-store checks, grouped by the rule (concept) they belong to, so each store lives in one
 * file and each rule spreads the stores in with one line. The concept names the rule:
 * cmk ZT-DATA-001, tls ZT-DATA-003, minTls ZT-DATA-004, anonymous ZT-DATA-005, retain ZT-DATA-008,
 * backup ZT-DATA-011, identity ZT-IDENTITY-001, network ZT-NETWORK-001.
 */
export type StoreConcept = 'cmk' | 'tls' | 'minTls' | 'anonymous' | 'retain' | 'backup' | 'identity' | 'network';

export type StoreChecks = Partial<Record<StoreConcept, Readonly<Record<string, Check>>>>;

/** What one rule takes from a set of stores: its checks, Checkov equivalents and companion types read. */
export interface StoreRulePart {
  readonly checks: Readonly<Record<string, Check>>;
  readonly equivalents: readonly Equivalent[];
  readonly reads: readonly string[];
}

export interface StoreExtras {
  readonly equivalents?: Partial<Record<StoreConcept, readonly Equivalent[]>>;
  readonly reads?: Partial<Record<StoreConcept, readonly string[]>>;
}

/** Merges stores into one part per concept; a resource type claimed twice for a concept is a bug. */
export function mergeStores(
  stores: readonly StoreChecks[],
  extras: StoreExtras = {},
): Readonly<Record<StoreConcept, StoreRulePart>> {
  const concepts: StoreConcept[] = ['cmk', 'tls', 'minTls', 'anonymous', 'retain', 'backup', 'identity', 'network'];
  const out = {} as Record<StoreConcept, StoreRulePart>;
  for (const concept of concepts) {
    const checks: Record<string, Check> = {};
    for (const store of stores) {
      for (const [type, check] of Object.entries(store[concept] ?? {})) {
        if (checks[type]) throw new Error(`store checks: ${type} is judged twice for ${concept}`);
        checks[type] = check;
      }
    }
    out[concept] = {
      checks,
      equivalents: extras.equivalents?.[concept] ?? [],
      reads: extras.reads?.[concept] ?? [],
    };
  }
  return out;
}
