import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { BedrockInference, PlatformGuardrail } from '../../lib/aws';
import { addApiGatewayAlarms } from '../../lib/aws/monitoring';
import { DEFAULT_API_SECURITY_POLICY } from '../../lib/aws/inference/props';
import { buildGraph, evaluate, loadCloudAssembly } from '../../policies/engine';
import type { EvaluationResult } from '../../policies/engine';
import { ALL_RULES } from '../../policies/rules';
import { logicalId, resourceOf } from './helpers';

/**
 * The PRIVATE endpoint option on a small app (synthesized once): a Bedrock LLM API reachable only
 * through an existing VPC's execute-api interface endpoint (imported, so the template holds the
 * serving path alone) and the stage alarms the operations layer adds, judged by the assertions
 * and by the whole pack.
 */
const VPCE_ID = 'vpce-0123456789abcdef0';
const outdir = mkdtempSync(join(tmpdir(), 'zt-private-api-'));
const app = new App({ outdir });
const stack = new Stack(app, 'PrivateApi', { env: { account: '123456789012', region: 'eu-west-1' } });
const key = new kms.Key(stack, 'Key', { enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN });
const vpcEndpoint = ec2.InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes(stack, 'ExecuteApi', {
  vpcEndpointId: VPCE_ID,
  port: 443,
});
const guardrail = new PlatformGuardrail(stack, 'Guardrail', { key, project: 'ztai', environment: 'dev' });
const llm = new BedrockInference(stack, 'Llm', {
  project: 'ztai',
  environment: 'dev',
  guardrail,
  logKey: key,
  vpcEndpoint,
  settings: { endpointType: 'PRIVATE' },
});
// ZT-MONITORING-004 wants them on a PRIVATE stage too: callers inside the VPC can scrape as well.
addApiGatewayAlarms(stack, 'ApiAlarms', {
  apiName: llm.gateway.api.restApiName,
  stage: llm.gateway.stage.stageName,
  topic: sns.Topic.fromTopicArn(stack, 'Alerts', 'arn:aws:sns:eu-west-1:123456789012:ztai-dev-security-alerts'),
});
const template = Template.fromStack(stack);
app.synth();
let result: EvaluationResult;

beforeAll(() => {
  result = evaluate(buildGraph(loadCloudAssembly(outdir)), ALL_RULES);
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const api = () => resourceOf(template, llm.gateway.api).Properties!;

describe('PRIVATE REST API', () => {
  test('is a PRIVATE endpoint bound to the VPC endpoint', () => {
    expect(api().EndpointConfiguration).toEqual({ Types: ['PRIVATE'], VpcEndpointIds: [VPCE_ID] });
  });

  test('its resource policy denies Invoke from anywhere but the endpoint, and allows it only through it', () => {
    const statements = api().Policy.Statement as Record<string, unknown>[];
    expect(statements).toHaveLength(2);
    expect(statements).toEqual([
      {
        Sid: 'DenyOutsideTheVpcEndpoint',
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 'execute-api:Invoke',
        Resource: 'execute-api:/*',
        Condition: { StringNotEquals: { 'aws:SourceVpce': VPCE_ID } },
      },
      {
        Sid: 'AllowThroughTheVpcEndpoint',
        Effect: 'Allow',
        // SigV4 callers: IAM principals of this account only.
        Principal: { AWS: expect.objectContaining({ 'Fn::Join': expect.anything() }) },
        Action: 'execute-api:Invoke',
        Resource: 'execute-api:/*',
        Condition: { StringEquals: { 'aws:SourceVpce': VPCE_ID } },
      },
    ]);
    expect(JSON.stringify(statements[1].Principal)).toContain(':root');
  });

  test('keeps the enhanced TLS 1.3 policy with strict endpoint access (no custom domain to cover)', () => {
    expect(api()).toMatchObject({ SecurityPolicy: DEFAULT_API_SECURITY_POLICY, EndpointAccessMode: 'STRICT' });
    template.resourceCountIs('AWS::ApiGateway::DomainName', 0);
  });

  test('still has the WAF web ACL on its stage (defence in depth inside the VPC)', () => {
    const assoc = resourceOf(template, llm.waf.association).Properties!;
    expect(assoc.WebACLArn).toEqual({ 'Fn::GetAtt': [logicalId(llm.waf.webAcl), 'Arn'] });
    const arn = JSON.stringify(assoc.ResourceArn);
    expect(arn).toContain(
      `{"Ref":"${logicalId(llm.gateway.api)}"},"/stages/",{"Ref":"${logicalId(llm.gateway.stage)}"}`,
    );
  });

  test('every method is authenticated and keyed', () => {
    const methods = Object.values(template.findResources('AWS::ApiGateway::Method')).map((m) => m.Properties);
    expect(methods.length).toBeGreaterThan(0);
    for (const m of methods) expect(m).toMatchObject({ AuthorizationType: 'AWS_IAM', ApiKeyRequired: true });
  });
});

describe('the whole pack on the PRIVATE variant', () => {
  test('0 failing, 0 unknown', () => {
    const bad = result.findings
      .filter((f) => f.status === 'fail' || f.status === 'unknown')
      .map((f) => `${f.ruleId} ${f.resource.address}: ${f.message}`);
    expect(bad).toEqual([]);
  });

  test('the inference and monitoring rules judged the stage and the methods', () => {
    const judged = (id: string) =>
      result.findings.filter((f) => f.ruleId === id && f.status === 'pass').map((f) => f.resource.type);
    expect(judged('ZT-INFERENCE-005')).toContain('AWS::ApiGateway::Stage');
    expect(judged('ZT-INFERENCE-006')).toContain('AWS::ApiGateway::Stage');
    expect(judged('ZT-MONITORING-004')).toContain('AWS::ApiGateway::Stage');
    expect(judged('ZT-INFERENCE-003')).toEqual(expect.arrayContaining(['AWS::ApiGateway::Method']));
    // ZT-INFERENCE-007 judges custom domains only; the API has none (its own policy is asserted above).
    expect(result.findings.filter((f) => f.ruleId === 'ZT-INFERENCE-007')).toEqual([]);
  });

  test('ZT-INFERENCE-005 passes the stage because it is PRIVATE, as its docs say', () => {
    const waf = result.findings.find(
      (f) => f.ruleId === 'ZT-INFERENCE-005' && f.resource.type === 'AWS::ApiGateway::Stage',
    );
    expect(waf?.message).toMatch(/PRIVATE API/);
  });
});
