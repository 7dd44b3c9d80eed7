import type { RuleCase } from '../helpers';
import { cfn, tf } from '../helpers';

const INVOKE = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'];
const GUARDED = { StringEquals: { 'bedrock:GuardrailIdentifier': 'arn:aws:bedrock:eu-west-1:1:guardrail/abc' } };
const statement = (action: unknown, condition?: unknown) => ({
  Effect: 'Allow',
  Action: action,
  Resource: '*',
  ...(condition ? { Condition: condition } : {}),
});
const doc = (...s: unknown[]) => ({ Version: '2012-10-17', Statement: s });
const iamPolicy = (d: unknown) =>
  cfn({ P: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'p', PolicyDocument: d, Roles: ['r'] } } });

/** ZT-INFERENCE-009 on IAM policies: model invocation only with the bedrock:GuardrailIdentifier condition. */
export const iamCases: RuleCase[] = [
  {
    name: 'policy invoking only with the guardrail condition',
    doc: iamPolicy(doc(statement(INVOKE, GUARDED))),
    address: 'P',
    verdict: 'pass',
  },
  {
    name: 'policy invoking without the guardrail',
    doc: iamPolicy(doc(statement('bedrock:InvokeModel'))),
    address: 'P',
    verdict: 'fail',
    path: 'PolicyDocument.Statement.0.Condition',
  },
  {
    name: 'bedrock:* without the guardrail',
    doc: iamPolicy(doc(statement('bedrock:*'))),
    address: 'P',
    verdict: 'fail',
  },
  {
    name: 'Converse wildcard with StringEqualsIfExists (holds when absent)',
    doc: iamPolicy(doc(statement('bedrock:Converse*', { StringEqualsIfExists: GUARDED.StringEquals }))),
    address: 'P',
    verdict: 'fail',
  },
  {
    name: 'a Deny when the guardrail is Null covers the Allow',
    doc: iamPolicy(
      doc(statement(INVOKE), {
        Effect: 'Deny',
        Action: INVOKE,
        Resource: '*',
        Condition: { Null: { 'bedrock:GuardrailIdentifier': 'true' } },
      }),
    ),
    address: 'P',
    verdict: 'pass',
  },
  // Wildcards before, inside and after the service prefix; other services' wildcards never cover invocation.
  ...(['*', 'b*', 'Bedrock:Invoke*', 'bedrock:?nvokeModel', 'bed?ock:Converse'] as const).map((action): RuleCase => ({
    name: `action pattern ${action} covers invocation`,
    doc: iamPolicy(doc(statement(['s3:GetObject', action]))),
    address: 'P',
    verdict: 'fail',
  })),
  ...(['s3:*', 'bedrock:Get*', 'bedrock:InvokeAgent', 'bedrock:Invoke?', 'bedrockx:*'] as const).map(
    (action): RuleCase => ({
      name: `action pattern ${action} does not cover invocation`,
      doc: iamPolicy(doc(statement(action))),
      address: 'P',
      verdict: 'not_applicable',
    }),
  ),
  {
    name: 'policy with no model invocation',
    doc: iamPolicy(doc(statement('s3:GetObject'))),
    address: 'P',
    verdict: 'not_applicable',
  },
  {
    name: 'guardrail identifier from a parameter',
    doc: cfn(
      {
        P: {
          Type: 'AWS::IAM::Policy',
          Properties: {
            PolicyName: 'p',
            PolicyDocument: doc(statement(INVOKE, { StringEquals: { 'bedrock:GuardrailIdentifier': { Ref: 'G' } } })),
          },
        },
      },
      { Parameters: { G: { Type: 'String' } } },
    ),
    address: 'P',
    verdict: 'pass',
  },
  {
    name: 'managed policy without the guardrail',
    doc: cfn({
      P: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: doc(statement('bedrock:InvokeModel')) } },
    }),
    address: 'P',
    verdict: 'fail',
  },
  {
    name: 'managed policy with the guardrail',
    doc: cfn({
      P: {
        Type: 'AWS::IAM::ManagedPolicy',
        Properties: { PolicyDocument: doc(statement('bedrock:InvokeModel', GUARDED)) },
      },
    }),
    address: 'P',
    verdict: 'pass',
  },
  {
    name: 'role inline policy without the guardrail',
    doc: cfn({
      R: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: doc(),
          Policies: [{ PolicyName: 'p', PolicyDocument: doc(statement('bedrock:Converse')) }],
        },
      },
    }),
    address: 'R',
    verdict: 'fail',
  },
  {
    name: 'role inline policy with the guardrail',
    doc: cfn({
      R: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: doc(),
          Policies: [{ PolicyName: 'p', PolicyDocument: doc(statement('bedrock:Converse', GUARDED)) }],
        },
      },
    }),
    address: 'R',
    verdict: 'pass',
  },
  {
    name: 'tf policy with the guardrail',
    doc: tf({ aws_iam_policy: { p: { policy: JSON.stringify(doc(statement(INVOKE, GUARDED))) } } }),
    address: 'aws_iam_policy.p',
    verdict: 'pass',
  },
  {
    name: 'tf policy without the guardrail',
    doc: tf({ aws_iam_policy: { p: { policy: JSON.stringify(doc(statement(INVOKE))) } } }),
    address: 'aws_iam_policy.p',
    verdict: 'fail',
  },
  {
    name: 'tf role policy with the guardrail',
    doc: tf({ aws_iam_role_policy: { p: { role: 'r', policy: JSON.stringify(doc(statement(INVOKE, GUARDED))) } } }),
    address: 'aws_iam_role_policy.p',
    verdict: 'pass',
  },
  {
    name: 'tf role policy without',
    doc: tf({ aws_iam_role_policy: { p: { role: 'r', policy: JSON.stringify(doc(statement('*'))) } } }),
    address: 'aws_iam_role_policy.p',
    verdict: 'fail',
  },
  {
    name: 'tf role policy from jsonencode of a variable',
    doc: tf({ aws_iam_role_policy: { p: { role: 'r', policy: '${var.policy}' } } }),
    address: 'aws_iam_role_policy.p',
    verdict: 'unknown',
  },
  {
    name: 'tf role inline policy with the guardrail',
    doc: tf({
      aws_iam_role: {
        r: {
          assume_role_policy: '{}',
          inline_policy: [{ name: 'p', policy: JSON.stringify(doc(statement(INVOKE, GUARDED))) }],
        },
      },
    }),
    address: 'aws_iam_role.r',
    verdict: 'pass',
  },
  {
    name: 'tf role inline policy without',
    doc: tf({
      aws_iam_role: {
        r: {
          assume_role_policy: '{}',
          inline_policy: [{ name: 'p', policy: JSON.stringify(doc(statement(INVOKE))) }],
        },
      },
    }),
    address: 'aws_iam_role.r',
    verdict: 'fail',
  },
];
