/** Public API of the policy engine: load -> graph -> evaluate. */
export { InputError } from './errors';
export { loadInputs, loadPaths, loadPath, loadFile, loadCdktfOut } from './load';
export type { LoadInputsOptions } from './load';
export { MAX_INPUT_BYTES } from './parse';
export { loadTerraformPlan, UNKNOWN_EXPRESSION } from './tf-plan';
export { loadCloudAssembly } from './cloud-assembly';
export { loadCloudFormationObject } from './cfn-loader';
export type { LoadOptions } from './cfn-loader';
export { loadTerraformObject } from './tf-loader';
export { loadTerraformModule } from './tf-module';
export { buildGraph } from './resource-graph';
export { evaluate } from './evaluate';
export type { EvaluateOptions } from './evaluate';
export { checkPaths } from './check-paths';
export { isExpired } from './waiver-expiry';
export { asBoolean, asNumber, asString } from './graph';
export type { Resolved, ResourceGraph, UnloadedTarget } from './graph';
export type {
  Document,
  LoadResult,
  SkippedInput,
  Provider,
  Reference,
  Resource,
  ResourceSource,
  ResourceWaiver,
  SourceFormat,
} from './model';
export type {
  AppliedWaiver,
  DocumentSummary,
  EvaluationResult,
  EvaluationSummary,
  Finding,
  FindingResource,
  FindingsListed,
  Status,
} from './finding';
export { LAYERS, SEVERITIES, fail, notApplicable, pass, severityAtLeast, unknown } from './rule';
export type {
  Check,
  CheckResult,
  ControlMapping,
  Equivalent,
  Layer,
  Rule,
  RuleContext,
  RuleMetadata,
  Severity,
  Verdict,
} from './rule';
