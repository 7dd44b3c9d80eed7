import type { RuleCase } from '../helpers';
import { cfn, tf } from '../helpers';

/** ZT-INFERENCE-009 on Bedrock agents: a guardrail, pinned to a numbered version. */
const G = { Guardrail: { Type: 'AWS::Bedrock::Guardrail', Properties: { Name: 'g' } } };
const cfnAgent = (config?: Record<string, unknown>) =>
  cfn(
    {
      ...G,
      A: {
        Type: 'AWS::Bedrock::Agent',
        Properties: { AgentName: 'a', ...(config ? { GuardrailConfiguration: config } : {}) },
      },
    },
    { Parameters: { V: { Type: 'String' } } },
  );
const tfAgent = (config?: Record<string, unknown>) =>
  tf(
    { aws_bedrockagent_agent: { a: { agent_name: 'a', ...(config ? { guardrail_configuration: [config] } : {}) } } },
    { variable: { id: {} } },
  );
const ID = { 'Fn::GetAtt': ['Guardrail', 'GuardrailId'] };
const CFN = { address: 'A' };
const TF = { address: 'aws_bedrockagent_agent.a' };

export const agentCases: RuleCase[] = [
  {
    name: 'agent with a pinned guardrail version',
    doc: cfnAgent({ GuardrailIdentifier: ID, GuardrailVersion: '3' }),
    ...CFN,
    verdict: 'pass',
  },
  { name: 'agent without a guardrail', doc: cfnAgent(), ...CFN, verdict: 'fail', path: 'GuardrailConfiguration' },
  {
    name: 'agent on the guardrail DRAFT',
    doc: cfnAgent({ GuardrailIdentifier: ID, GuardrailVersion: 'DRAFT' }),
    ...CFN,
    verdict: 'fail',
    path: 'GuardrailConfiguration.GuardrailVersion',
  },
  {
    name: 'agent with no guardrail version',
    doc: cfnAgent({ GuardrailIdentifier: ID }),
    ...CFN,
    verdict: 'fail',
    path: 'GuardrailConfiguration.GuardrailVersion',
  },
  {
    name: 'agent guardrail version from a parameter',
    doc: cfnAgent({ GuardrailIdentifier: ID, GuardrailVersion: { Ref: 'V' } }),
    ...CFN,
    verdict: 'unknown',
  },
  {
    name: 'tf agent with guardrail version 1 (a number)',
    doc: tfAgent({ guardrail_identifier: 'gr-1', guardrail_version: 1 }),
    ...TF,
    verdict: 'pass',
  },
  { name: 'tf agent without a guardrail', doc: tfAgent(), ...TF, verdict: 'fail', path: 'guardrail_configuration' },
  {
    name: 'tf agent guardrail from a variable',
    doc: tfAgent({ guardrail_identifier: '${var.id}', guardrail_version: '1' }),
    ...TF,
    verdict: 'unknown',
  },
];
