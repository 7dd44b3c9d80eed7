import type { Equivalent } from '../../../engine/rule';
import { customerKey } from './aws-common';
import type { StoreChecks } from './store-checks';

/**
 * Bedrock agents keep their sessions (prompts, tool results, memory) on the service side; without
 * a customer key they are encrypted with an AWS-owned key the platform can neither scope nor revoke.
 */
const AGENT_KEY = 'agent sessions are encrypted with an AWS-owned key';

export const bedrockChecks: StoreChecks = {
  cmk: {
    'AWS::Bedrock::Agent': customerKey('CustomerEncryptionKeyArn', AGENT_KEY),
    aws_bedrockagent_agent: customerKey('customer_encryption_key_arn', AGENT_KEY),
  },
};

export const BEDROCK_CMK_EQUIVALENTS: readonly Equivalent[] = [
  { tool: 'checkov', id: 'CKV_AWS_373', resourceTypes: ['AWS::Bedrock::Agent', 'aws_bedrockagent_agent'] },
];
