import { Aws, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledgeWildcardResources } from '../training-compute/nag';

const ACCOUNT_ID = 'ApiGatewayAccountLogging';

/**
 * API Gateway's regional account setting: the role it writes execution logs with. Execution
 * logging fails at stage creation without it, so the stack sets it once (a singleton per stack).
 * Instead of CDK's role with the AWS managed policy, a customer-managed policy limited to the
 * execution-log groups API Gateway names `API-Gateway-Execution-Logs_<api id>/<stage>`.
 */
export function apiGatewayAccount(scope: Construct): apigw.CfnAccount {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild(ACCOUNT_ID) as Construct | undefined;
  if (existing) return existing.node.defaultChild as apigw.CfnAccount;
  const holder = new Construct(stack, ACCOUNT_ID);
  const role = new iam.Role(holder, 'Role', {
    description: 'Lets API Gateway write REST API execution logs in this region',
    assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
    }),
  });
  const groups = `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:API-Gateway-Execution-Logs_*`;
  const policy = new iam.ManagedPolicy(holder, 'Policy', {
    description: 'Write access to API Gateway execution-log groups only',
    roles: [role],
    statements: [
      new iam.PolicyStatement({
        sid: 'ExecutionLogs',
        actions: [
          'logs:CreateLogGroup',
          'logs:CreateLogStream',
          'logs:DescribeLogGroups',
          'logs:DescribeLogStreams',
          'logs:PutLogEvents',
        ],
        resources: [groups, `${groups}:*`],
      }),
    ],
  });
  acknowledgeWildcardResources(policy, {
    ExecutionLogs:
      'The account setting is regional and serves every REST API stage: API Gateway names each execution-log ' +
      'group API-Gateway-Execution-Logs_<api id>/<stage>, so the role is limited to that name prefix and its streams.',
  });
  const account = new apigw.CfnAccount(holder, 'Resource', { cloudWatchRoleArn: role.roleArn });
  account.node.addDependency(holder.node.findChild('Policy'));
  return account;
}
