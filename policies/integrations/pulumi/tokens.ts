/**
 * Pulumi type tokens onto the Terraform resource types the rules check. Pulumi's AWS classic
 * provider is bridged from the Terraform AWS provider, so `aws:<module>/<name>:<Class>` names the
 * same resource as `aws_<module>_<name>` (snake case) in most modules; EC2 and a few renamed
 * resources (S3's V2 resources) drop or change the prefix, listed here.
 */
const AWS_OVERRIDES: Readonly<Record<string, string>> = {
  'aws:s3/bucket:Bucket': 'aws_s3_bucket',
  'aws:s3/bucketV2:BucketV2': 'aws_s3_bucket',
  'aws:ec2/securityGroup:SecurityGroup': 'aws_security_group',
  'aws:ec2/securityGroupRule:SecurityGroupRule': 'aws_security_group_rule',
  'aws:ec2/defaultSecurityGroup:DefaultSecurityGroup': 'aws_default_security_group',
  'aws:ec2/vpc:Vpc': 'aws_vpc',
  'aws:ec2/flowLog:FlowLog': 'aws_flow_log',
  'aws:ec2/internetGateway:InternetGateway': 'aws_internet_gateway',
  'aws:ec2/internetGatewayAttachment:InternetGatewayAttachment': 'aws_internet_gateway_attachment',
  'aws:ec2/route:Route': 'aws_route',
  'aws:ec2/routeTable:RouteTable': 'aws_route_table',
  'aws:ec2/launchTemplate:LaunchTemplate': 'aws_launch_template',
  'aws:ebs/volume:Volume': 'aws_ebs_volume',
  'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule': 'aws_vpc_security_group_ingress_rule',
  'aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule': 'aws_vpc_security_group_egress_rule',
  'aws:cloudtrail/trail:Trail': 'aws_cloudtrail',
  'aws:cloudwatch/logGroup:LogGroup': 'aws_cloudwatch_log_group',
  'aws:rds/instance:Instance': 'aws_db_instance',
  'aws:rds/cluster:Cluster': 'aws_rds_cluster',
  'aws:opensearch/domain:Domain': 'aws_opensearch_domain',
  'aws:efs/fileSystem:FileSystem': 'aws_efs_file_system',
  'aws:fsx/lustreFileSystem:LustreFileSystem': 'aws_fsx_lustre_file_system',
  'aws:elasticache/replicationGroup:ReplicationGroup': 'aws_elasticache_replication_group',
  'aws:sqs/queue:Queue': 'aws_sqs_queue',
  'aws:sns/topic:Topic': 'aws_sns_topic',
  'aws:dynamodb/table:Table': 'aws_dynamodb_table',
  'aws:apigateway/restApi:RestApi': 'aws_api_gateway_rest_api',
  'aws:apigateway/stage:Stage': 'aws_api_gateway_stage',
  'aws:apigateway/method:Method': 'aws_api_gateway_method',
  'aws:apigateway/methodSettings:MethodSettings': 'aws_api_gateway_method_settings',
  'aws:apigateway/usagePlan:UsagePlan': 'aws_api_gateway_usage_plan',
  'aws:apigateway/domainName:DomainName': 'aws_api_gateway_domain_name',
  // The bridge files the bedrockagent resources under the bedrock module with an Agent prefix.
  'aws:bedrock/agentAgent:AgentAgent': 'aws_bedrockagent_agent',
};

/** Modules whose Terraform prefix is spelled apart (aws:apigateway/integration -> aws_api_gateway_integration). */
const MODULE_PREFIXES: Readonly<Record<string, string>> = { apigateway: 'api_gateway' };

/**
 * Top-level inputs the bridge renames (Terraform's `*_id` reference attributes lose the suffix;
 * repeated blocks take a plural name): per token module, Pulumi's name onto the Terraform
 * attribute the checks read.
 */
const AWS_PROPERTY_RENAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  apigateway: { restApi: 'rest_api_id', deployment: 'deployment_id' },
  ec2: { ebsBlockDevices: 'ebs_block_device' },
};

/** The Terraform attribute of a top-level AWS classic input of `token`. */
export function awsAttribute(token: string, prop: string): string {
  const mod = /^aws:([a-zA-Z0-9]+)\//.exec(token)?.[1];
  return (mod && AWS_PROPERTY_RENAMES[mod]?.[prop]) ?? snake(prop);
}

export function snake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** The Terraform type of an AWS classic token, or undefined when no rule could know it. */
export function awsTerraformType(token: string, known: ReadonlySet<string>): string | undefined {
  const override = AWS_OVERRIDES[token];
  if (override) return override;
  const m = /^aws:([a-zA-Z0-9]+)\/([a-zA-Z0-9]+):[A-Za-z0-9]+$/.exec(token);
  if (!m) return undefined;
  const [, mod, rawName] = m;
  const name = snake(rawName.replace(/V2$/, ''));
  const prefix = MODULE_PREFIXES[mod] ?? mod.toLowerCase();
  for (const candidate of [`aws_${prefix}_${name}`, `aws_${name}`]) if (known.has(candidate)) return candidate;
  return undefined;
}
