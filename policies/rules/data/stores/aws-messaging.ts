import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type Check, type CheckResult, fail, unknown } from '../../../engine/rule';
import { worstOf } from '../../shared/combine';
import type { CompanionSpec } from '../../shared/companion-index';
import { orphanOnly, viaCompanion, withCompanions } from '../../shared/companions';
import { listLength, isPresent } from '../../shared/read';
import { deniesInsecureTransportOf } from '../../shared/statements';
import { customerKey } from './aws-common';
import { requireStatement } from './aws-policy';
import { judgeOpenPolicy } from '../../shared/open-resource-policy';
import type { StoreChecks } from './store-checks';

/**
 * SQS queues and SNS topics (the glue of ingestion and training pipelines). Encryption at rest
 * needs a named KMS key; TLS-only needs a resource-policy Deny on aws:SecureTransport = false,
 * held by a queue / topic policy (one CloudFormation policy may list several queues / topics).
 */
const SQS_KEY = 'messages are encrypted with SQS-owned keys (SSE-SQS) at best';
const SNS_KEY = 'messages are stored without KMS encryption';
const deny = (k: PolicyKind) =>
  `a Deny of ${k.dataActions?.join(' / ') ?? `${k.service}:*`} for every principal when aws:SecureTransport is false`;

interface PolicyKind {
  readonly service: string;
  /** The data-path actions a TLS deny must cover, when not every action (SNS: publishing). */
  readonly dataActions?: readonly string[];
  readonly cfnPolicy: string;
  readonly cfnList: string;
  readonly tf: CompanionSpec;
}

const SQS: PolicyKind = {
  service: 'sqs',
  cfnPolicy: 'AWS::SQS::QueuePolicy',
  cfnList: 'Queues',
  tf: { type: 'aws_sqs_queue_policy', targets: ['queue_url'] },
};
// Messages enter a topic by sns:Publish: AWS's and CDK's enforceSSL deny exactly that over plain HTTP.
const SNS: PolicyKind = {
  service: 'sns',
  dataActions: ['sns:Publish'],
  cfnPolicy: 'AWS::SNS::TopicPolicy',
  cfnList: 'Topics',
  tf: { type: 'aws_sns_topic_policy', targets: ['arn'] },
};

/** CloudFormation: the policies whose Queues / Topics list names this resource (any element). */
function cfnPolicies(g: ResourceGraph, target: Resource, k: PolicyKind): { found: Resource[]; undecided?: string } {
  const found: Resource[] = [];
  let undecided: string | undefined;
  for (const p of g.byType(k.cfnPolicy)) {
    const n = listLength(g, p, k.cfnList);
    if (n.kind !== 'value') {
      undecided ??= `${p.address}.${k.cfnList} is unresolved`;
      continue;
    }
    for (let i = 0; i < n.value; i++) {
      const r = g.value(p, `${k.cfnList}.${i}`);
      if (r.kind === 'reference' && r.to === target) found.push(p);
      else if (r.kind === 'unknown') undecided ??= `${p.address}.${k.cfnList}.${i} is unresolved`;
    }
  }
  return { found, undecided };
}

function cfnTransport(k: PolicyKind): Check {
  const describe = deny(k);
  const matches = deniesInsecureTransportOf(k.service, k.dataActions);
  return (target, { graph }) => {
    const { found, undecided } = cfnPolicies(graph, target, k);
    if (found.length > 0) {
      const judged = found.map((p) => viaCompanion(p, requireStatement(graph, p, 'PolicyDocument', describe, matches)));
      return worstOf(judged) as CheckResult;
    }
    const msg = `no ${k.cfnPolicy} lists this resource, so nothing enforces ${describe}`;
    return undecided ? unknown(`${msg}; but ${undecided}`, k.cfnPolicy) : fail(msg, k.cfnPolicy);
  };
}

/** Terraform: a policy companion, or the resource's own `policy` argument. */
function tfTransport(k: PolicyKind): Check {
  const describe = deny(k);
  const matches = deniesInsecureTransportOf(k.service, k.dataActions);
  return withCompanions({
    spec: k.tf,
    judge: (g, p) => requireStatement(g, p, 'policy', describe, matches),
    inline: (g, res) =>
      isPresent(g, res, 'policy')
        ? requireStatement(g, res, 'policy', describe, matches)
        : fail(`no ${k.tf.type} targets this resource, so nothing enforces ${describe}`, k.tf.type),
  });
}

const tfOrphan = (k: PolicyKind) =>
  orphanOnly(k.tf, (p, { graph }) =>
    requireStatement(graph, p, 'policy', deny(k), deniesInsecureTransportOf(k.service, k.dataActions)),
  );

/** A queue / topic policy, or a Terraform queue / topic's own `policy`, opens it to no one in particular. */
const open =
  (path: string, what: string): Check =>
  (res, { graph }) =>
    judgeOpenPolicy(graph, res, path, what);

export const messagingChecks: StoreChecks = {
  anonymous: {
    'AWS::SQS::QueuePolicy': open('PolicyDocument', 'the queues'),
    aws_sqs_queue_policy: open('policy', 'the queue'),
    aws_sqs_queue: open('policy', 'the queue'),
    'AWS::SNS::TopicPolicy': open('PolicyDocument', 'the topics'),
    aws_sns_topic_policy: open('policy', 'the topic'),
    aws_sns_topic: open('policy', 'the topic'),
  },
  cmk: {
    'AWS::SQS::Queue': customerKey('KmsMasterKeyId', SQS_KEY),
    aws_sqs_queue: customerKey('kms_master_key_id', SQS_KEY),
    'AWS::SNS::Topic': customerKey('KmsMasterKeyId', SNS_KEY),
    aws_sns_topic: customerKey('kms_master_key_id', SNS_KEY),
  },
  tls: {
    'AWS::SQS::Queue': cfnTransport(SQS),
    aws_sqs_queue: tfTransport(SQS),
    aws_sqs_queue_policy: tfOrphan(SQS),
    'AWS::SNS::Topic': cfnTransport(SNS),
    aws_sns_topic: tfTransport(SNS),
    aws_sns_topic_policy: tfOrphan(SNS),
  },
};

/** Policy types judged through the queues and topics they protect. */
export const MESSAGING_TLS_READS = ['AWS::SQS::QueuePolicy', 'AWS::SNS::TopicPolicy'];
