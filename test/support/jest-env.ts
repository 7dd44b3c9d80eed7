/**
 * Set before every test file. aws-cdk-lib validates each synthesized template against the
 * CloudFormation resource schemas with a wasm rule engine: about 4 s to start in every test file,
 * and seconds more per large synth. Test files assert on the templates; the schema check runs
 * where it is the point: test/aws/validation-plugins.test.ts (the whole reference app, with the
 * check turned back on) and `npm run synth` (cdk synth, in CI).
 */
process.env.CDK_VALIDATION = 'false';
