import { CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { IConstruct } from 'constructs';

/** A synthesized CloudFormation resource as found in the template. */
export interface CfnResourceJson {
  readonly Type: string;
  readonly Properties?: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly Metadata?: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}

/** Logical ID of an L2 construct's default child (or of an L1 itself). */
export function logicalId(construct: IConstruct): string {
  const element = (construct.node.defaultChild ?? construct) as CfnElement;
  return Stack.of(construct).getLogicalId(element);
}

/** The synthesized resource of an L2 construct's default child. */
export function resourceOf(template: Template, construct: IConstruct): CfnResourceJson {
  const id = logicalId(construct);
  const resource = template.toJSON().Resources[id] as CfnResourceJson | undefined;
  if (!resource) throw new Error(`no resource ${id} in template`);
  return resource;
}

/** `{ "Fn::GetAtt": [id, "Arn"] }` of a construct. */
export function arnOf(construct: IConstruct): { 'Fn::GetAtt': [string, string] } {
  return { 'Fn::GetAtt': [logicalId(construct), 'Arn'] };
}

/** `<bucket arn>/*` as CDK renders it. */
export function objectsArnOf(construct: IConstruct): unknown {
  return { 'Fn::Join': ['', [arnOf(construct), '/*']] };
}

/** All resources of one type, keyed by logical ID. */
export function resourcesOfType(template: Template, type: string): Record<string, CfnResourceJson> {
  return template.findResources(type) as Record<string, CfnResourceJson>;
}

/** Tags of a resource as a plain map. */
export function tagsOf(resource: CfnResourceJson): Record<string, string> {
  const tags = (resource.Properties?.Tags ?? []) as { Key: string; Value: string }[];
  return Object.fromEntries(tags.map((t) => [t.Key, t.Value]));
}

/** The bucket policy resource that targets `bucket`. */
export function bucketPolicyFor(template: Template, bucket: IConstruct): CfnResourceJson {
  const id = logicalId(bucket);
  const match = Object.values(resourcesOfType(template, 'AWS::S3::BucketPolicy')).filter(
    (p) => JSON.stringify(p.Properties?.Bucket) === JSON.stringify({ Ref: id }),
  );
  if (match.length !== 1) throw new Error(`expected one bucket policy for ${id}, found ${match.length}`);
  return match[0];
}
