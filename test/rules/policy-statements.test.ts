import { buildGraph } from '../../policies/engine';
import type { Document, Resource, ResourceGraph } from '../../policies/engine';
import { Opaque, readPolicyDocument } from '../../policies/rules/shared/policy-document';
import type { PolicyValue, Tri } from '../../policies/rules/shared/policy-document';
import { deniesInsecureTransport, deniesTlsBelow12 } from '../../policies/rules/shared/statements';
import { cfn } from './helpers';

/**
 * The statement predicates and the policy reader, directly: three-valued answers (true, false,
 * opaque with the reason of the first undecidable part), case-insensitive IAM text, and a
 * normalized document that equals the synthesized one wherever nothing needed resolving.
 */
const HTTP = { Bool: { 'aws:SecureTransport': 'false' } };
const deny = (extra: Record<string, unknown>) => ({
  Effect: 'Deny',
  Principal: { AWS: '*' },
  Action: 's3:*',
  Condition: HTTP,
  Resource: RESOURCE,
  ...extra,
});
const opaque = (reason: string) => new Opaque(reason);
/** The statement's Resource names the bucket and its objects by ARN literal. */
const BUCKET = { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'lake' } };
const target = { bucket: cfn({ B: BUCKET }).resources[0], name: 'lake' };
const RESOURCE = ['arn:aws:s3:::lake', 'arn:aws:s3:::lake/*'];
const verdict = (t: Tri) => (t instanceof Opaque ? `opaque: ${t.reason}` : t);

describe('deniesInsecureTransport', () => {
  test.each<[string, PolicyValue, Tri | string]>([
    ['the canonical statement', deny({}), true],
    ['IAM text in other cases', deny({ Effect: 'deny', Action: ['S3:*'], Principal: '*' }), true],
    ['BoolIfExists and a boolean false', deny({ Condition: { BoolIfExists: { 'aws:securetransport': false } } }), true],
    ['an Allow', deny({ Effect: 'Allow' }), false],
    ['NotPrincipal', deny({ NotPrincipal: { AWS: 'arn:aws:iam::1:root' } }), false],
    ['one principal only', deny({ Principal: { AWS: ['arn:aws:iam::1:root'] } }), false],
    ['NotAction', deny({ NotAction: 's3:GetObject' }), false],
    ['one action only', deny({ Action: 's3:GetObject' }), false],
    ['no condition', deny({ Condition: undefined }), false],
    ['transport true', deny({ Condition: { Bool: { 'aws:SecureTransport': true } } }), false],
    ['an opaque principal', deny({ Principal: opaque('parameter P') }), 'opaque: parameter P'],
    ['a false part wins over an opaque one', deny({ Principal: opaque('parameter P'), Effect: 'Allow' }), false],
    [
      'the first opaque part in statement order',
      deny({ Principal: { AWS: [opaque('first')] }, Condition: { Bool: { 'aws:SecureTransport': opaque('second') } } }),
      'opaque: first',
    ],
    [
      'an opaque operator block',
      deny({ Condition: { Bool: HTTP.Bool, BoolIfExists: opaque('block') } }),
      'opaque: block',
    ],
    ['a true value wins over an opaque one', deny({ Action: [opaque('x'), 's3:*'] }), true],
    ['narrowed by aws:SourceVpc', deny({ Condition: { ...HTTP, StringEquals: { 'aws:SourceVpc': 'vpc-1' } } }), false],
    [
      'narrowed by aws:PrincipalAccount',
      deny({ Condition: { ...HTTP, StringNotEquals: { 'aws:PrincipalAccount': '1' } } }),
      false,
    ],
    [
      'a second Bool key',
      deny({ Condition: { Bool: { 'aws:SecureTransport': 'false', 'aws:ViaAWSService': 'false' } } }),
      false,
    ],
    ['another bucket as Resource', deny({ Resource: ['arn:aws:s3:::other', 'arn:aws:s3:::other/*'] }), false],
    ['objects only: the data is covered', deny({ Resource: 'arn:aws:s3:::lake/*' }), true],
    ['the bucket ARN alone does not cover the objects', deny({ Resource: 'arn:aws:s3:::lake' }), false],
    ['Resource "*"', deny({ Resource: '*' }), true],
    ['NotResource', deny({ Resource: undefined, NotResource: 'arn:aws:s3:::lake/private/*' }), false],
  ])('%s', (_name, stmt, expected) => {
    expect(verdict(deniesInsecureTransport(stmt, target))).toEqual(expected);
  });
});

describe('deniesTlsBelow12', () => {
  const tls = (condition: PolicyValue) => deny({ Condition: condition });
  test.each<[string, PolicyValue, Tri | string]>([
    ['NumericLessThan 1.2', tls({ NumericLessThan: { 's3:TlsVersion': 1.2 } }), true],
    ['NumericLessThan "1.3"', tls({ NumericLessThan: { 's3:tlsversion': ['1.3'] } }), true],
    ['NumericLessThanEquals 1.1', tls({ NumericLessThanEquals: { 's3:TlsVersion': '1.1' } }), true],
    ['NumericLessThan 1.1 lets TLS 1.1 in', tls({ NumericLessThan: { 's3:TlsVersion': 1.1 } }), false],
    [
      'opaque below AND a decided at-most: the opaque block may narrow it',
      tls({ NumericLessThan: { 's3:TlsVersion': opaque('less') }, NumericLessThanEquals: { 's3:TlsVersion': 1.1 } }),
      'opaque: less',
    ],
    [
      'both operators decided (AND of two equivalent conditions)',
      tls({ NumericLessThan: { 's3:TlsVersion': 1.2 }, NumericLessThanEquals: { 's3:TlsVersion': 1.1 } }),
      true,
    ],
    [
      'a second condition key narrows the Deny',
      tls({ NumericLessThan: { 's3:TlsVersion': 1.2, 'aws:SourceVpc': 'vpc-1' } }),
      false,
    ],
    [
      'both opaque: the first',
      tls({
        NumericLessThan: { 's3:TlsVersion': opaque('less') },
        NumericLessThanEquals: { 's3:TlsVersion': opaque('most') },
      }),
      'opaque: less',
    ],
    ['an opaque condition', tls(opaque('condition')), 'opaque: condition'],
  ])('%s', (_name, stmt, expected) => {
    expect(verdict(deniesTlsBelow12(stmt, target))).toEqual(expected);
  });
});

describe('readPolicyDocument', () => {
  let nested: unknown = { Leaf: true };
  for (let i = 0; i < 40; i++) nested = { Level: nested };
  const statements = [
    deny({ Resource: [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, { 'Fn::Join': ['', ['arn:aws:s3:::', 'x', '/*']] }] }),
    { Effect: 'Allow', Principal: { AWS: { 'Fn::If': ['C', '*', '*'] } }, Action: 's3:GetObject', Deep: nested },
  ];
  const doc: Document = cfn({
    Bucket: { Type: 'AWS::S3::Bucket' },
    Policy: { Type: 'AWS::S3::BucketPolicy', Properties: { PolicyDocument: { Statement: statements } } },
  });
  const policy = doc.resources.find((r) => r.address === 'Policy') as Resource;
  let graph: ResourceGraph;
  beforeEach(() => {
    graph = buildGraph([doc]);
  });

  test('intrinsics resolve or become opaque; everything else reads as synthesized', () => {
    const read = readPolicyDocument(graph, policy, 'PolicyDocument');
    if (read.kind !== 'document') throw new Error(read.kind);
    const [first, second] = read.statements as Record<string, PolicyValue>[];
    expect(first.Condition).toEqual(HTTP);
    const [arn, objects] = first.Resource as PolicyValue[];
    expect(arn).toBeInstanceOf(Opaque);
    expect((arn as Opaque).reason).toBe('it is taken from Bucket.Arn, known only at deploy time');
    expect(objects).toBe('arn:aws:s3:::x/*');
    expect(second.Principal).toEqual({ AWS: '*' });
    // 32 levels deep the document stops being read.
    let node = second.Deep as Record<string, PolicyValue>;
    for (let depth = 3; depth < 32; depth++) node = node.Level as Record<string, PolicyValue>;
    expect(node.Level).toEqual(opaque('the document is nested too deeply'));
    // The synthesized template is left as it was.
    expect(statements[1].Principal).toEqual({ AWS: { 'Fn::If': ['C', '*', '*'] } });
  });

  test('read once per graph and path', () => {
    const again = buildGraph([doc]);
    const read = readPolicyDocument(graph, policy, 'PolicyDocument');
    expect(readPolicyDocument(graph, policy, 'PolicyDocument')).toBe(read);
    expect(readPolicyDocument(again, policy, 'PolicyDocument')).not.toBe(read);
    expect(readPolicyDocument(again, policy, 'PolicyDocument')).toEqual(read);
  });
});
