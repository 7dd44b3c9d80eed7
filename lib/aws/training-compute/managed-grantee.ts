import * as iam from 'aws-cdk-lib/aws-iam';

/**
 * A grantee whose identity-side statements land in a customer-managed policy attached to `role`
 * instead of the role's inline default policy. NIST 800-53 and HIPAA packs reject inline policies
 * (IAMNoInlinePolicy), while `grant*` methods such as the data lake's add to the principal's policy:
 * routing them here keeps the grants and the no-inline rule together.
 */
export class ManagedPolicyGrantee implements iam.IPrincipal {
  public readonly grantPrincipal: iam.IPrincipal = this;
  public readonly assumeRoleAction: string;
  public readonly policyFragment: iam.PrincipalPolicyFragment;
  public readonly principalAccount: string | undefined;

  constructor(
    private readonly role: iam.IRole,
    public readonly policy: iam.ManagedPolicy,
  ) {
    this.assumeRoleAction = role.assumeRoleAction;
    this.policyFragment = role.policyFragment;
    this.principalAccount = role.principalAccount;
  }

  public addToPolicy(statement: iam.PolicyStatement): boolean {
    return this.addToPrincipalPolicy(statement).statementAdded;
  }

  public addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    this.policy.addStatements(statement);
    return { statementAdded: true, policyDependable: this.policy };
  }

  /** The role this grantee stands for (resource policies name it). */
  public get principal(): iam.IRole {
    return this.role;
  }
}
