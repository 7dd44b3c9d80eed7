import type { RuleCase } from '../helpers';
import { cfn, tf } from '../helpers';

/**
 * The quick-create cases every HTTP API route / stage rule shares (ZT-INFERENCE-002, -003, -006): an
 * API made with Target has a $default route and stage no resource declares, judged on the Api by
 * what an ApiGatewayManagedOverrides sets for them.
 */
export interface QuickCreateSetting {
  /** What the rule is about, for case names: "authorization", "throttling", "access logs". */
  readonly what: string;
  /** Override properties that comply ({ Route: { AuthorizationType: 'JWT' } }). */
  readonly compliant: Record<string, unknown>;
  /** Override properties that do not, and the failing path they give (relative to the override). */
  readonly lacking: Record<string, unknown>;
  readonly lackingPath: string;
}

const api = (props: Record<string, unknown>, overrides?: Record<string, unknown>) =>
  cfn({
    Api: {
      Type: 'AWS::ApiGatewayV2::Api',
      Properties: { Name: 'inference', ProtocolType: 'HTTP', ...props },
    },
    ...(overrides
      ? {
          Overrides: {
            Type: 'AWS::ApiGatewayV2::ApiGatewayManagedOverrides',
            Properties: { ApiId: { Ref: 'Api' }, ...overrides },
          },
        }
      : {}),
  });
const TARGET = { Target: 'arn:aws:lambda:eu-west-1:111122223333:function:predict' };
const tfApi = (body: Record<string, unknown>) =>
  tf({ aws_apigatewayv2_api: { api: { name: 'inference', protocol_type: 'HTTP', ...body } } });

export function quickCreateCases(s: QuickCreateSetting): RuleCase[] {
  return [
    { name: 'HTTP API without quick create', doc: api({}), address: 'Api', verdict: 'pass' },
    {
      name: `quick-created HTTP API with nothing setting its ${s.what}`,
      doc: api(TARGET),
      address: 'Api',
      verdict: 'fail',
      path: 'Target',
    },
    {
      name: `quick-created HTTP API whose managed overrides set its ${s.what}`,
      doc: api(TARGET, s.compliant),
      address: 'Api',
      verdict: 'pass',
    },
    {
      name: `quick-created HTTP API whose managed overrides leave out its ${s.what}`,
      doc: api(TARGET, s.lacking),
      address: 'Api',
      verdict: 'fail',
      path: `Overrides.${s.lackingPath}`,
    },
    {
      name: 'tf HTTP API without quick create',
      doc: tfApi({}),
      address: 'aws_apigatewayv2_api.api',
      verdict: 'pass',
    },
    {
      name: `tf quick-created HTTP API (target): nothing can set its ${s.what}`,
      doc: tfApi({ target: 'arn:aws:lambda:eu-west-1:111122223333:function:predict' }),
      address: 'aws_apigatewayv2_api.api',
      verdict: 'fail',
      path: 'target',
    },
  ];
}
