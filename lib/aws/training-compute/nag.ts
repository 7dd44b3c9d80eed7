import { Aspects, IAspect, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { acknowledgeNagRule } from '../waive';

/**
 * Acknowledges each remaining wildcard resource of a managed policy with the reason of the
 * statement it sits in, one cdk-nag finding at a time (`AwsSolutions-IAM5[Resource::<arn>]`), so a
 * wildcard added later without a reason still fails. Runs as an Aspect: the finding names contain
 * logical IDs, known only once the stack is complete.
 *
 * `reasons` maps a statement Sid to its reason; statements without a Sid (the data lake's grants)
 * get `grantReason`. A wildcard in a statement with no reason stays unacknowledged.
 */
export function acknowledgeWildcardResources(
  policy: iam.ManagedPolicy,
  reasons: Readonly<Record<string, string>>,
  grantReason?: string,
): void {
  Aspects.of(policy).add(new WildcardAcknowledger(reasons, grantReason));
}

class WildcardAcknowledger implements IAspect {
  constructor(
    private readonly reasons: Readonly<Record<string, string>>,
    private readonly grantReason?: string,
  ) {}

  public visit(node: IConstruct): void {
    if (!(node instanceof iam.CfnManagedPolicy)) return;
    const doc = Stack.of(node).resolve(node.policyDocument) as { Statement?: Statement[] };
    for (const st of doc.Statement ?? []) {
      if (st.Effect !== 'Allow') continue;
      const reason = st.Sid ? this.reasons[st.Sid] : this.grantReason;
      if (!reason) continue;
      for (const resource of ([] as unknown[]).concat(st.Resource).map(flatten)) {
        if (resource.includes('*')) acknowledgeNagRule(node, `AwsSolutions-IAM5[Resource::${resource}]`, reason);
      }
    }
  }
}

interface Statement {
  readonly Sid?: string;
  readonly Effect: string;
  readonly Resource: unknown;
}

/** The resource as cdk-nag prints it: Ref -> <Id>, GetAtt -> <Id.Attr>, Join concatenated. */
function flatten(node: unknown): string {
  if (typeof node === 'string') return node.replace(/\${/g, '<').replace(/}/g, '>');
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o['Fn::Join']) {
      const [delimiter, items] = o['Fn::Join'] as [string, unknown[]];
      return items.map(flatten).join(delimiter);
    }
    if (o['Fn::Sub']) return flatten(o['Fn::Sub']);
    if (o['Fn::GetAtt']) {
      const [id, attr] = o['Fn::GetAtt'] as [unknown, unknown];
      return `<${flatten(id)}.${flatten(attr)}>`;
    }
    if (o['Fn::ImportValue']) return flatten(o['Fn::ImportValue']);
    if (o.Ref) return `<${flatten(o.Ref)}>`;
  }
  return JSON.stringify(node);
}
