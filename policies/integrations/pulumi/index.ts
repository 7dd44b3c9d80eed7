/** The zero-trust pack for Pulumi: policies by rule id and the translation they run on (no PolicyPack here). */
export { zeroTrustPolicies, resourcePolicy, stackPolicy } from './policies';
export type { PolicyOptions } from './policies';
export { translate, PULUMI_UNKNOWN } from './translate';
export type { PulumiResource, PulumiWaiver, Translation } from './translate';
export { POLICY_CONFIG_SCHEMA, PulumiConfigError, defaultEnforcement } from './config';
export type { PulumiWaiverConfig, RulePolicyConfig } from './config';
export { awsTerraformType } from './tokens';
