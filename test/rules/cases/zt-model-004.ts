import { signatureGateRule } from '../../../policies/rules/model/zt-model-004-signature-gate';
import { RuleCases, cfn } from '../helpers';

const URL = { 'Fn::Join': ['', ['s3://', { Ref: 'Registry' }, '/models/churn/3/']] };
const gate = (props: Record<string, unknown> = {}) => ({
  Type: 'Custom::ZtModelSignatureVerification',
  Properties: {
    ServiceToken: 'arn:aws:lambda:eu-west-1:111122223333:function:verify',
    Bucket: { Ref: 'Registry' },
    Prefix: 'models/churn/3/',
    SignatureKey: 'models/churn/3/model.sig',
    SigningKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/k',
    ...props,
  },
});
const model = (url: unknown, extra: Record<string, unknown> = {}) => ({
  Type: 'AWS::SageMaker::Model',
  Properties: {
    ExecutionRoleArn: 'arn:aws:iam::111122223333:role/r',
    PrimaryContainer: { Image: 'img', ModelDataUrl: url },
  },
  ...extra,
});
const doc = (resources: Record<string, unknown>) =>
  cfn({ Registry: { Type: 'AWS::S3::Bucket' }, Other: { Type: 'AWS::S3::Bucket' }, ...resources });

export const cases: RuleCases = {
  rule: signatureGateRule,
  cases: [
    {
      name: 'model depends on the gate over its folder',
      doc: doc({ Gate: gate(), Model: model(URL, { DependsOn: ['Gate'] }) }),
      address: 'Model',
      verdict: 'pass',
    },
    {
      name: 'the endpoint config serving the model depends on the gate',
      doc: doc({
        Gate: gate(),
        Model: model(URL),
        Config: {
          Type: 'AWS::SageMaker::EndpointConfig',
          DependsOn: 'Gate',
          Properties: {
            ProductionVariants: [{ ModelName: { 'Fn::GetAtt': ['Model', 'ModelName'] }, VariantName: 'a' }],
          },
        },
      }),
      address: 'Model',
      verdict: 'pass',
    },
    {
      name: 'literal bucket names',
      doc: doc({
        Gate: gate({ Bucket: 'registry-bucket' }),
        Model: model('s3://registry-bucket/models/churn/3/model.tar.gz', { DependsOn: 'Gate' }),
      }),
      address: 'Model',
      verdict: 'pass',
    },
    {
      name: 'no gate at all',
      doc: doc({ Model: model(URL) }),
      address: 'Model',
      verdict: 'fail',
      path: 'DependsOn',
    },
    {
      name: 'a gate exists but the model does not depend on it',
      doc: doc({ Gate: gate(), Model: model(URL) }),
      address: 'Model',
      verdict: 'fail',
      path: 'DependsOn',
    },
    {
      name: 'the model artifact is in another bucket than the verified one',
      doc: doc({
        Gate: gate(),
        Model: model({ 'Fn::Join': ['', ['s3://', { Ref: 'Other' }, '/models/churn/3/']] }, { DependsOn: 'Gate' }),
      }),
      address: 'Model',
      verdict: 'fail',
      path: 'PrimaryContainer.ModelDataUrl',
    },
    {
      name: 'the model artifact is another folder than the verified one',
      doc: doc({
        Gate: gate(),
        Model: model({ 'Fn::Join': ['', ['s3://', { Ref: 'Registry' }, '/models/churn/4/']] }, { DependsOn: 'Gate' }),
      }),
      address: 'Model',
      verdict: 'fail',
      path: 'PrimaryContainer.ModelDataUrl',
    },
    {
      name: 'the model data URL is a parameter',
      doc: cfn(
        { Registry: { Type: 'AWS::S3::Bucket' }, Gate: gate(), Model: model({ Ref: 'Url' }, { DependsOn: 'Gate' }) },
        { Parameters: { Url: { Type: 'String' } } },
      ),
      address: 'Model',
      verdict: 'unknown',
    },
    {
      name: 'an image-only model has no artifact to verify',
      doc: doc({
        Model: {
          Type: 'AWS::SageMaker::Model',
          Properties: { PrimaryContainer: { Image: 'img' }, ExecutionRoleArn: 'r' },
        },
      }),
      address: 'Model',
      verdict: 'not_applicable',
    },
  ],
};
