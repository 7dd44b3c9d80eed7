import { approvedModelCardRule } from '../../../policies/rules/model/zt-model-005-approved-model-card';
import { RuleCases, cfn } from '../helpers';

const card = (status: unknown, modelName: unknown = { 'Fn::GetAtt': ['Model', 'ModelName'] }) => ({
  Type: 'AWS::SageMaker::ModelCard',
  Properties: { ModelCardName: 'c', ModelCardStatus: status, Content: { ModelOverview: { ModelName: modelName } } },
});
const stack = (env: unknown, extra: Record<string, unknown> = {}, params: Record<string, unknown> = {}) =>
  cfn(
    {
      Model: { Type: 'AWS::SageMaker::Model', Properties: { ExecutionRoleArn: 'r', PrimaryContainer: { Image: 'i' } } },
      Config: {
        Type: 'AWS::SageMaker::EndpointConfig',
        Properties: { ProductionVariants: [{ ModelName: { 'Fn::GetAtt': ['Model', 'ModelName'] }, VariantName: 'a' }] },
      },
      Endpoint: {
        Type: 'AWS::SageMaker::Endpoint',
        Properties: {
          EndpointConfigName: { 'Fn::GetAtt': ['Config', 'EndpointConfigName'] },
          ...(env === undefined ? {} : { Tags: [{ Key: 'environment', Value: env }] }),
        },
      },
      ...extra,
    },
    { Parameters: params },
  );

export const cases: RuleCases = {
  rule: approvedModelCardRule,
  cases: [
    {
      name: 'production endpoint whose model has an Approved card',
      doc: stack('prod', { Card: card('Approved') }),
      address: 'Endpoint',
      verdict: 'pass',
    },
    {
      name: 'production endpoint whose model card is still a Draft',
      doc: stack('prod', { Card: card('Draft') }),
      address: 'Endpoint',
      verdict: 'fail',
      path: 'EndpointConfigName',
    },
    {
      name: 'production endpoint without any model card',
      doc: stack('production'),
      address: 'Endpoint',
      verdict: 'fail',
      path: 'EndpointConfigName',
    },
    {
      name: 'an Approved card for another model does not count',
      doc: stack('prod', { Card: card('Approved', 'other-model') }),
      address: 'Endpoint',
      verdict: 'fail',
      path: 'EndpointConfigName',
    },
    {
      name: 'dev endpoint: not production',
      doc: stack('dev'),
      address: 'Endpoint',
      verdict: 'not_applicable',
    },
    {
      name: 'untagged endpoint: not production',
      doc: stack(undefined),
      address: 'Endpoint',
      verdict: 'not_applicable',
    },
    {
      name: 'environment tag from a parameter',
      doc: stack({ Ref: 'Env' }, { Card: card('Approved') }, { Env: { Type: 'String' } }),
      address: 'Endpoint',
      verdict: 'unknown',
    },
    {
      name: 'card status from a parameter',
      doc: stack('prod', { Card: card({ Ref: 'Status' }) }, { Status: { Type: 'String' } }),
      address: 'Endpoint',
      verdict: 'unknown',
    },
  ],
};
