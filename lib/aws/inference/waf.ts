import { Aws } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { createLogGroup, logGroupArn } from './log-groups';

export interface WafInput {
  readonly name: string;
  readonly stage: apigw.Stage;
  /** Requests per 5 minutes from one IP before it is blocked. */
  readonly ratePer5Minutes: number;
  /** Largest body admitted, bytes. */
  readonly maxBodyBytes: number;
  readonly logKey: kms.IKey;
  readonly logRetentionDays: number;
}

export interface WafParts {
  readonly webAcl: wafv2.CfnWebACL;
  readonly association: wafv2.CfnWebACLAssociation;
  readonly logGroup: logs.LogGroup;
  readonly logging: wafv2.CfnLoggingConfiguration;
}

/** AWS managed rule groups, in evaluation order after the rate and size rules. */
export const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesAnonymousIpList',
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
] as const;

const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  // Sampled requests are visible in the console only to principals allowed to see them.
  sampledRequestsEnabled: true,
});

/** WAF inspects at most this much of an API Gateway body (16 KB by default, up to 64 KB). */
function inspectionLimit(bytes: number): string {
  const kb = [16, 32, 48, 64].find((k) => bytes <= k * 1024) ?? 64;
  return `KB_${kb}`;
}

/**
 * A regional WAFv2 web ACL on the stage: a per-IP rate-based rule, a body size limit (bodies
 * larger than the inspection window count as too large), AWS IP reputation, anonymous IP (VPNs,
 * Tor, hosting providers), the common rule set and known bad inputs. The common set's own 8 KB
 * body rule only counts: the configured limit is the one that blocks. Logs go to a KMS-encrypted
 * `aws-waf-logs-` group with the credentials headers redacted.
 */
export function createWaf(scope: Construct, p: WafInput): WafParts {
  const rules: wafv2.CfnWebACL.RuleProperty[] = [
    {
      name: 'RatePerIp',
      priority: 0,
      action: { block: {} },
      statement: { rateBasedStatement: { limit: p.ratePer5Minutes, aggregateKeyType: 'IP', evaluationWindowSec: 300 } },
      visibilityConfig: visibility(`${p.name}-rate-per-ip`),
    },
    {
      name: 'BodySizeLimit',
      priority: 1,
      action: { block: {} },
      statement: {
        sizeConstraintStatement: {
          fieldToMatch: { body: { oversizeHandling: 'MATCH' } },
          comparisonOperator: 'GT',
          size: p.maxBodyBytes,
          textTransformations: [{ priority: 0, type: 'NONE' }],
        },
      },
      visibilityConfig: visibility(`${p.name}-body-size`),
    },
    ...MANAGED_RULE_GROUPS.map((group, i) => ({
      name: group,
      priority: 2 + i,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name: group,
          ...(group === 'AWSManagedRulesCommonRuleSet'
            ? { ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }] }
            : {}),
        },
      },
      visibilityConfig: visibility(`${p.name}-${group}`),
    })),
  ];
  const webAcl = new wafv2.CfnWebACL(scope, 'WebAcl', {
    name: p.name,
    description: 'Rate, size, reputation and input filtering in front of the inference API',
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    rules,
    visibilityConfig: visibility(p.name),
    associationConfig: {
      requestBody: { API_GATEWAY: { defaultSizeInspectionLimit: inspectionLimit(p.maxBodyBytes) } },
    },
  });
  const association = new wafv2.CfnWebACLAssociation(scope, 'WebAclAssociation', {
    resourceArn: `arn:${Aws.PARTITION}:apigateway:${Aws.REGION}::/restapis/${p.stage.restApi.restApiId}/stages/${p.stage.stageName}`,
    webAclArn: webAcl.attrArn,
  });

  const logGroupName = `aws-waf-logs-${p.name}`;
  const logGroup = createLogGroup(scope, 'WafLogs', logGroupName, p.logKey, p.logRetentionDays);
  const logging = new wafv2.CfnLoggingConfiguration(scope, 'WafLogging', {
    resourceArn: webAcl.attrArn,
    logDestinationConfigs: [logGroupArn(logGroupName)],
    redactedFields: [{ singleHeader: { Name: 'authorization' } }, { singleHeader: { Name: 'x-api-key' } }],
  });
  logging.node.addDependency(logGroup);
  return { webAcl, association, logGroup, logging };
}
