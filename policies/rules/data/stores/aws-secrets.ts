import type { Check } from '../../../engine/rule';
import { eachOf } from '../../shared/combine';
import { isTrue, judgeSetting } from '../../shared/expect';
import { judgeOpenPolicy } from '../../shared/open-resource-policy';
import type { StoreChecks } from './store-checks';

/**
 * Secrets Manager resource policies: no statement opens the secret to everyone, and the policy
 * asks Secrets Manager to refuse one that would (BlockPublicPolicy), so a later edit cannot open
 * it either. The API's default does not block (the CloudFormation reference once said it did), so
 * only an explicit true passes. A Terraform secret's own `policy` takes no such flag.
 */
const BLOCK = {
  providerDefault: false,
  risk: 'Secrets Manager accepts a later policy that grants the secret to everyone',
};

const policy =
  (doc: string, block: string): Check =>
  (res, { graph }) =>
    eachOf([...judgeOpenPolicy(graph, res, doc, 'the secret'), judgeSetting(graph, res, isTrue(block, BLOCK))]);

export const secretsChecks: StoreChecks = {
  anonymous: {
    'AWS::SecretsManager::ResourcePolicy': policy('ResourcePolicy', 'BlockPublicPolicy'),
    aws_secretsmanager_secret_policy: policy('policy', 'block_public_policy'),
    aws_secretsmanager_secret: (res, { graph }) => judgeOpenPolicy(graph, res, 'policy', 'the secret'),
  },
};
