/**
 * The policy pack without any IaC framework: engine (load -> graph -> evaluate), the rule
 * catalogue, reporters and the CLI. Reads plain CloudFormation / Terraform JSON, so importing it
 * loads neither aws-cdk-lib nor cdktf (the synth-time gates are the `./cdk` and `./cdktf` entries).
 */
export * from './engine';
export { ALL_RULES, ruleById } from './rules';
export * from './report';
export * from './cli';
