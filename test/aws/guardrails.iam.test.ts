import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { BedrockInference, PlatformGuardrail } from '../../lib/aws';
import { logicalId } from './helpers';

/**
 * "A caller cannot invoke without the guardrail", evaluated: the SYNTHESIZED policies of the LLM
 * API's integration role and of a broadly privileged role carrying requireOn() run through an IAM
 * policy simulator with and without the bedrock:GuardrailIdentifier the request carries.
 */
const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
const stack = new Stack(new App(), 'Guarded');
const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
const guardrail = new PlatformGuardrail(stack, 'Guardrail', { key, project: 'ztai', environment: 'dev' });
const llm = new BedrockInference(stack, 'Llm', { project: 'ztai', environment: 'dev', guardrail });
const admin = new iam.Role(stack, 'Admin', { assumedBy: new iam.AccountRootPrincipal() });
guardrail.requireOn(admin);
const resources = Template.fromStack(stack).toJSON().Resources as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const GUARDRAIL_ARN = `arn:aws:bedrock:${REGION}:${ACCOUNT}:guardrail/gr0abc123`;
const VERSIONED = `${GUARDRAIL_ARN}:1`;
const MODEL = `arn:aws:bedrock:${REGION}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0`;
const literals: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::Region': REGION,
  'AWS::AccountId': ACCOUNT,
  [`${logicalId(guardrail.guardrail)}.GuardrailArn`]: GUARDRAIL_ARN,
  [`${logicalId(guardrail.version)}.Version`]: '1',
  [`${logicalId(key)}.Arn`]: `arn:aws:kms:${REGION}:${ACCOUNT}:key/k-1`,
};

/** Replaces the intrinsics these policies use with the literals above. */
function literal(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(literal);
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.Ref === 'string') return literals[o.Ref];
    if (o['Fn::GetAtt']) return literals[(o['Fn::GetAtt'] as string[]).join('.')];
    if (o['Fn::Join']) {
      const [sep, parts] = o['Fn::Join'] as [string, unknown[]];
      return parts.map(literal).join(sep);
    }
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, literal(v)]));
  }
  return node;
}

function policiesOf(role: iam.Role) {
  return Object.entries(resources)
    .filter(([, r]) => r.Type === 'AWS::IAM::ManagedPolicy')
    .filter(([, r]) => JSON.stringify(r.Properties.Roles) === JSON.stringify([{ Ref: logicalId(role) }]))
    .map(([id, r]) => ({ name: id, policy: literal(r.Properties.PolicyDocument) as object }));
}

const allowAllBedrock = {
  name: 'admin',
  policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'bedrock:*', Resource: '*' }] },
};

async function decide(policies: { name: string; policy: object }[], context: Record<string, string>) {
  const result = await runSimulation(
    {
      identityPolicies: policies,
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      request: {
        principal: `arn:aws:iam::${ACCOUNT}:role/caller`,
        action: 'bedrock:InvokeModel',
        resource: { resource: MODEL, accountId: ACCOUNT },
        contextVariables: context,
      },
    },
    {},
  );
  if (result.resultType !== 'single') throw new Error(`simulation failed: ${JSON.stringify(result)}`);
  return result.overallResult;
}

describe('the guardrail cannot be switched off by IAM', () => {
  test('the integration role may invoke the model with the platform guardrail version', async () => {
    expect(await decide(policiesOf(llm.invokeRole), { 'bedrock:GuardrailIdentifier': VERSIONED })).toBe('Allowed');
  });

  test('the integration role is explicitly denied without a guardrail, or with another one', async () => {
    expect(await decide(policiesOf(llm.invokeRole), {})).toBe('ExplicitlyDenied');
    expect(await decide(policiesOf(llm.invokeRole), { 'bedrock:GuardrailIdentifier': `${GUARDRAIL_ARN}:DRAFT` })).toBe(
      'ExplicitlyDenied',
    );
    expect(
      await decide(policiesOf(llm.invokeRole), {
        'bedrock:GuardrailIdentifier': `arn:aws:bedrock:${REGION}:${ACCOUNT}:guardrail/permissive:1`,
      }),
    ).toBe('ExplicitlyDenied');
  });

  test('a role allowed bedrock:* still cannot invoke without the guardrail once requireOn() is attached', async () => {
    const policies = [allowAllBedrock, ...policiesOf(admin)];
    expect(await decide([allowAllBedrock], {})).toBe('Allowed');
    expect(await decide(policies, {})).toBe('ExplicitlyDenied');
    expect(await decide(policies, { 'bedrock:GuardrailIdentifier': VERSIONED })).toBe('Allowed');
  });
});
