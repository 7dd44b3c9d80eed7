import type { Equivalent } from '../../engine/rule';

/** cdk-nag rules (several packs name one check) that judge what a rule judges, on the same types. */
export const nagEquivalents = (ids: readonly string[], resourceTypes: readonly string[], note?: string): Equivalent[] =>
  ids.map((id) => ({ tool: 'cdk-nag', id, resourceTypes, ...(note ? { note } : {}) }));
